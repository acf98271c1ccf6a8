import ArgumentParser
import RioModel
import RioWorkspace

extension RioPlanCommand {
    /// `rioplan report`: one self-contained HTML page about a plan.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Write a one-page visual HTML report of a plan.",
            discussion: """
                The page needs no network: styles and charts are inline. It shows the plan's \
                figures, a timeline of sessions by region, mandate coverage by convention and theme, \
                the co-financing summary with each convention's balance, and the demands left out \
                with their reasons. Open it in any browser, or print it.

                Example: rioplan report Plans/jlg-2027.plan.json --out jlg-2027.html
                """)

        @Argument(help: ArgumentHelp("The plan file written by `rioplan plan`.", valueName: "PLAN.json"))
        var plan: String

        @Option(name: .long, help: ArgumentHelp("The HTML file to write.", valueName: "F.html"))
        var out: String

        @OptionGroup var inputs: PlanInputOverrides

        func run() throws {
            try runReporting {
                let workspace = Workspace()
                let context = try inputs.context(plan, in: workspace)
                try AtomicFile.write(try workspace.report(context), to: out)
                Console.error("wrote \(out)")
            }
        }
    }
}
