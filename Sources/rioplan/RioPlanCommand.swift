import ArgumentParser
import RioModel

@main
struct RioPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rioplan",
        abstract: "Plan joint capacity-building across the Rio conventions (UNCCD, CBD, UNFCCC).",
        discussion: """
            Start with `rioplan catalog validate` to check the catalog under Catalog/, then \
            `rioplan plan Plans/jlg-2027.yaml` to build a joint training plan, and `rioplan export` \
            or `rioplan report` to share it.
            """,
        version: RioVersion.current,
        subcommands: [
            CatalogGroup.self, Search.self, Map.self, Gaps.self, Synergies.self,
            PlanCmd.self, Check.self, Explain.self, HistoryCmd.self, Diff.self, Whatif.self,
            Asks.self, Export.self, Report.self, Record.self, OutcomesCmd.self, DeliveredCmd.self, NationalReportCmd.self,
            Publish.self, AccessGroup.self, NeedsCmd.self,
            Serve.self,
        ]
    )
}

enum RioVersion {
    static let current = "0.1.0"
}
