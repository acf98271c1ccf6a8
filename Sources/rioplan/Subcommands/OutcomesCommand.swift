import ArgumentParser
import RioModel
import RioStore
import RioWorkspace

extension IndicatorGrouping: ExpressibleByArgument {}

extension RioPlanCommand {
    /// `rioplan outcomes`: the outcome indicators from the delivery records.
    struct OutcomesCmd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "outcomes",
            abstract: "Indicators from the delivery records: sessions, participants, women's share, countries, learning, application, outcomes.",
            discussion: """
                Reads the latest recorded version of each plan (--plan, repeatable; default every recorded \
                plan) and its records. A joint session counts for each of its conventions and themes \
                (counts are not split). Delivered sessions under 40% women are listed.

                Examples:
                  rioplan outcomes
                  rioplan outcomes --plan jlg-2027 --by convention --format csv > by-convention.csv
                """)

        @Option(name: .long, help: ArgumentHelp("A recorded plan's name (repeatable).", valueName: "NAME"))
        var plan: [String] = []

        @Option(name: .long, help: "Group by region, convention, theme, country or module.")
        var by: IndicatorGrouping?

        @Option(name: .long, help: "table, csv (RFC 4180) or json.")
        var format: OutputFormat = .table

        @OptionGroup var common: CommonOptions

        func run() throws {
            try runReporting {
                let indicators = try common.workspace.outcomes(plans: plan, by: by)
                switch format {
                case .table: print(indicators.table(), terminator: "")
                case .csv: print(indicators.csv(), terminator: "")
                case .json: print(try TextTable.json(indicators), terminator: "")
                }
            }
        }
    }
}
