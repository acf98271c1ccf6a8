import ArgumentParser
import Foundation
import RioModel
import RioStore

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
                    let catalog = try CatalogLoader.load(folder: options.catalog)
                    print(CatalogSummary(catalog).line)
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
                    let catalog = try CatalogLoader.load(folder: options.catalog)
                    let hash = try CatalogLoader.fingerprint(of: options.catalog)
                    let store = CatalogStore(database: try AppDatabase(path: options.databasePath))
                    try store.build(catalog: catalog, fingerprint: hash, folder: options.catalog)
                    let s = CatalogSummary(catalog)
                    print(
                        "Built \(options.databasePath) from \(options.catalog): \(s.mandates) mandates, \(s.modules) modules "
                            + "(\(s.jointModules) joint), catalog sha256 \(hash.prefix(12))")
                }
            }
        }
    }
}

extension CommonOptions {
    /// Opens the workspace database, rebuilding it first when the catalog files changed.
    func freshStore() throws -> CatalogStore {
        let store = CatalogStore(database: try AppDatabase(path: databasePath))
        let first = try store.storedFingerprint() == nil
        if try store.ensureFresh(folder: catalog) {
            Console.error(first ? "Compiled catalog \(catalog) into \(databasePath)" : "Catalog \(catalog) changed: rebuilt \(databasePath)")
        }
        return store
    }
}
