import ArgumentParser
import Foundation
import RioModel
import RioWorkspace

extension RioPlanCommand {
    /// `rioplan national-report COUNTRY --out F.xlsx|F.md`.
    struct NationalReportCmd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "national-report",
            abstract: "One country's capacity-building received, laid out for each convention's national report.",
            discussion: """
                From the delivery records: the sessions the country's people attended and the \
                outcomes recorded for it, as the UNFCCC biennial transparency report's table III.11 \
                (capacity-building support received), the CBD national report's Target 20 \
                participation figures and the UNCCD PRAIS strategic objective 5 rows and shares. \
                Counts and shares only: no participant appears. The format follows --out: .xlsx \
                (one sheet per layout and a cover) or .md.

                Example: rioplan national-report KEN --out kenya-2027.xlsx
                """)

        @Argument(help: ArgumentHelp("The country's ISO 3166-1 alpha-3 code (Catalog/countries.yaml).", valueName: "COUNTRY"))
        var country: String

        @Option(name: .long, help: ArgumentHelp("Only sessions of this plan (repeatable; default: every recorded plan).", valueName: "NAME"))
        var plan: [String] = []

        @Option(name: .long, help: ArgumentHelp("The report to write: F.xlsx or F.md.", valueName: "F.xlsx|F.md"))
        var out: String

        @OptionGroup var common: CommonOptions

        func validate() throws {
            let ext = (out as NSString).pathExtension.lowercased()
            guard ext == "xlsx" || ext == "md" else { throw ValidationError("--out \(out) must end in .xlsx or .md") }
        }

        func run() throws {
            try runReporting {
                let markdown = (out as NSString).pathExtension.lowercased() == "md"
                let report = try common.workspace.nationalReport(country: country, plans: plan, markdown: markdown)
                try AtomicFile.write(report.data, to: out)
                Console.error("wrote \(out): \(report.activities) activities, \(report.outcomes) outcomes for \(report.country)")
            }
        }
    }
}
