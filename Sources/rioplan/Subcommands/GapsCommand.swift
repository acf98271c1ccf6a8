import ArgumentParser
import RioModel
import RioStore

extension RioPlanCommand {
    /// `rioplan gaps`.
    struct Gaps: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gaps",
            abstract: "What the catalog does not cover yet: unserved mandates, themes without a joint module.",
            discussion: """
                Lists the mandates that no training module serves, then the themes on which two or \
                more conventions have mandates but no joint module (one serving two or more \
                conventions) exists, with the single-convention modules that could be widened.

                Examples:
                  rioplan gaps
                  rioplan gaps --format json
                """)

        @Option(name: .long, help: "table, csv (RFC 4180) or json.")
        var format: OutputFormat = .table

        @OptionGroup var options: CommonOptions

        func run() throws {
            try runReporting {
                let report = try options.freshStore().gaps()
                switch format {
                case .table: print(report.table(), terminator: "")
                case .csv: print(report.csv(), terminator: "")
                case .json: print(try TextTable.json(report), terminator: "")
                }
            }
        }
    }
}
