import ArgumentParser
import RioModel
import RioStore
import RioWorkspace

extension RioPlanCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Re-verify every rule and figure of a plan file.",
            discussion: """
                Recomputes dates, staffing, venues, travel, prerequisites, pins, every cost, every funding \
                line and the score from the catalog and the request, independently of the planner. Prints the \
                verified score, or lists each violation and exits 1.

                Example:
                  rioplan check Plans/jlg-2027.plan.json
                """)

        @Argument(help: ArgumentHelp("The plan file.", valueName: "PLAN.json"))
        var plan: String

        @Option(name: .long, help: ArgumentHelp("The request (default: the one the plan names).", valueName: "REQUEST.yaml"))
        var request: String?

        @Option(name: .long, help: ArgumentHelp("The catalog folder (default: the one the plan names).", valueName: "DIR"))
        var catalog: String?

        @Option(name: .long, help: "Output format: text or json.")
        var format: CheckFormat = .text

        enum CheckFormat: String, ExpressibleByArgument { case text, json }

        func run() throws {
            try runReporting {
                let context = try Workspace().context(PlanReference(plan), request: request, catalog: catalog)
                Console.warn(context.warnings)
                let report = context.report
                if format == .json {
                    var out = try TextTable.json(report)
                    out = out.replacingOccurrences(of: "{\n", with: "{\n  \"valid\" : \(report.valid),\n", options: [], range: out.range(of: "{\n"))
                    print(out, terminator: "")
                } else if report.valid {
                    print(
                        "Plan \(context.plan.name) is valid: value \(report.value), cash \(Money.text(report.cash)) \(context.plan.currency), in-kind \(Money.text(report.inKind)), \(report.scheduled) of \(report.demands) demands scheduled."
                    )
                } else {
                    print("Plan \(context.plan.name) breaks \(report.violations.count) rule(s):")
                    for v in report.violations { print("  [\(v.rule)] \(v.message)") }
                    print("Recomputed: value \(report.value), cash \(Money.text(report.cash)). Re-plan with `rioplan plan` or correct the file.")
                }
                if !report.valid { throw ExitCode(ExitStatus.no.rawValue) }
            }
        }
    }
}
