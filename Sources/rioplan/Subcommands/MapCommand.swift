import ArgumentParser
import RioModel
import RioStore

extension RioPlanCommand {
    /// `rioplan map`.
    struct Map: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "map",
            abstract: "The theme x convention cross-map: mandates and modules per cell.",
            discussion: """
                One row per theme, one column per convention. A cell counts the mandates of that \
                convention on the theme, and the modules on the theme that serve that convention \
                through one of their mandates; a joint module serves two or more conventions. After \
                the table, each cell is listed in full.

                Examples:
                  rioplan map
                  rioplan map --theme gender
                  rioplan map --convention CBD --format csv > cbd.csv
                """)

        @Option(name: .long, help: ArgumentHelp("Only this theme (a theme id, e.g. land-tenure).", valueName: "THEME"))
        var theme: String?

        @Option(name: .long, help: ArgumentHelp("Only this convention (UNCCD, CBD or UNFCCC).", valueName: "CONVENTION"))
        var convention: String?

        @Option(name: .long, help: "table, csv (RFC 4180) or json.")
        var format: OutputFormat = .table

        @OptionGroup var options: CommonOptions

        func run() throws {
            try runReporting {
                let map = try options.freshStore().crossMap(theme: theme, convention: convention)
                switch format {
                case .table: print(map.table(), terminator: "")
                case .csv: print(map.csv(), terminator: "")
                case .json: print(try TextTable.json(map), terminator: "")
                }
            }
        }
    }
}
