import ArgumentParser
import Foundation
import RioModel
import RioStore
import RioWorkspace

extension RioPlanCommand {
    /// `rioplan catalog validate|build`.
    struct CatalogGroup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "catalog",
            abstract: "Check the catalog YAML and compile it into the workspace database.",
            discussion: """
                The catalog is the folder of YAML files (default: Catalog/) listing the conventions, \
                themes, mandates, training modules, regions and travel costs.

                Examples:
                  rioplan catalog validate                 # check Catalog/, list every problem
                  rioplan catalog build --catalog MyCatalog  # compile into .rioplan/rioplan.sqlite
                """,
            subcommands: [Validate.self, Build.self])

        /// `rioplan catalog validate`.
        struct Validate: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Check the catalog and list every problem with file:line:col.",
                discussion: """
                    Reads every .yaml file under the catalog folder and checks the rules of the catalog \
                    format: known keys only, right types, every referenced id exists, no prerequisite \
                    cycles, days 1..5, a travel cost for every pair of regions, and so on. All problems \
                    are listed together, each as `file:line:col: what is wrong; what to do`.

                    Exit status: 0 valid, 65 problems found, 66 the folder is missing.

                    Example:
                      rioplan catalog validate --catalog Catalog
                    """)

            @OptionGroup var options: CommonOptions

            func run() throws {
                try runReporting {
                    print(CatalogSummary(try options.workspace.catalog()).line)
                }
            }
        }

        /// `rioplan catalog build`.
        struct Build: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Compile the catalog into the workspace database (search index included).",
                discussion: """
                    Validates the catalog, then replaces the catalog tables and the full-text index of \
                    the workspace database (default .rioplan/rioplan.sqlite, or --db FILE, or \
                    $RIOPLAN_DB) in one transaction. You rarely need this: search, map, gaps and \
                    synergies rebuild the database themselves whenever the catalog files changed.

                    Example:
                      rioplan catalog build --catalog Catalog --db /tmp/rio.sqlite
                    """)

            @OptionGroup var options: CommonOptions

            func run() throws {
                try runReporting {
                    let workspace = options.workspace
                    let built = try workspace.buildCatalog()
                    let s = built.summary
                    print(
                        "Built \(workspace.databasePath) from \(options.catalog): \(s.mandates) mandates, \(s.modules) modules "
                            + "(\(s.jointModules) joint), catalog sha256 \(built.fingerprint.prefix(12))")
                }
            }
        }
    }
}

extension CommonOptions {
    /// The compiled catalog, rebuilt first when the catalog files changed (said on stderr).
    func freshStore() throws -> CatalogStore {
        let (store, note) = try workspace.catalogStore()
        if let note { Console.error(note) }
        return store
    }
}
