import ArgumentParser
import RioModel
import RioStore

extension RioPlanCommand {
    /// `rioplan synergies`.
    struct Synergies: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "synergies",
            abstract: "Where the conventions meet: joint modules, and modules that could merge.",
            discussion: """
                Lists the modules that serve two or more conventions through their mandates, then the \
                pairs of single-convention modules of different conventions that share a theme: \
                candidates to merge into one joint module.

                Examples:
                  rioplan synergies
                  rioplan synergies --format csv > synergies.csv
                """)

        @Option(name: .long, help: "table, csv (RFC 4180) or json.")
        var format: OutputFormat = .table

        @OptionGroup var options: CommonOptions

        func run() throws {
            try runReporting {
                let report = try options.freshStore().synergies()
                switch format {
                case .table: print(report.table(), terminator: "")
                case .csv: print(report.csv(), terminator: "")
                case .json: print(try TextTable.json(report), terminator: "")
                }
            }
        }
    }
}
