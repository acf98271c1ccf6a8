import ArgumentParser
import Foundation
import RioModel
import RioWorkspace

extension RioPlanCommand {
    struct PlanCmd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Build a joint training plan from a plan request.",
            discussion: """
                Reads the request (what regions asked for, trainers, funding) and the catalog, and writes the \
                best plan it finds within the time limit: sessions with dates, venues, trainers, languages and \
                funding, and a reason for every demand left out. Plans are compared by value (priority x number \
                of conventions served), then by lower cash. The summary gives the value's proven upper bound \
                and the gap to it; a plan whose value meets the bound is optimal in value, and the search then \
                stops once cash no longer falls. --threads runs a portfolio of searches sharing the best plan.

                Example:
                  rioplan plan Plans/jlg-2027.yaml --time-limit 10
                  rioplan plan Plans/jlg-2027.yaml --iterations 20000 --seed 7   (same plan every run, any --threads)
                """)

        @Argument(help: ArgumentHelp("The plan request YAML file.", valueName: "REQUEST.yaml"))
        var request: String

        @Option(name: .long, help: ArgumentHelp("Where to write the plan (default: NAME.plan.json next to the request).", valueName: "PLAN.json"))
        var out: String?

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Re-plan close to a previous plan: a plan file, `latest` (the last recorded plan of this name) or NAME@VERSION. Plans are then compared by value, then sessions kept unchanged, then cash.",
                valueName: "PLAN"))
        var baseline: String?

        @Flag(name: .long, help: "Do not record this run in the workspace database's plan history.")
        var noHistory = false

        @OptionGroup var search: SearchOptions

        @OptionGroup var common: CommonOptions

        /// " of at most B (gap G%)" after the plan's value, when the plan records its bound.
        static func boundNote(_ plan: Plan) -> String {
            guard let bound = plan.solver.bound else { return "" }
            return " of at most \(bound) (gap \(String(format: "%.1f", (plan.solver.gap ?? 0) * 100))%)"
        }

        func run() throws {
            try runReporting {
                let outcome = try common.workspace.plan(
                    request: request, out: out, baseline: baseline.map(PlanReference.init), record: !noHistory, search: search.settings)
                search.finish()
                guard case .planned(let p) = outcome else {
                    if case .pinConflicts(let c) = outcome { try Console.refusePinConflicts(c, request: request) }
                    return
                }
                if let w = p.recordWarning { Console.error("warning: " + w) }
                let plan = p.run.plan
                if !search.quiet {
                    Console.error(
                        "plan \(plan.name): value \(plan.score.value), cash \(Money.text(plan.score.cash)) \(plan.currency), scheduled \(plan.score.scheduled)/\(plan.score.demands), \(p.run.iterations) steps in \(String(format: "%.1f", p.run.seconds)) s"
                    )
                }
                let recorded = p.version.map { " Recorded as \(plan.name)@\($0) in \(common.workspace.databasePath)." } ?? ""
                print(
                    "Wrote \(p.path): \(plan.score.scheduled) of \(plan.score.demands) demands scheduled, value \(plan.score.value)\(PlanCmd.boundNote(plan)), cash \(Money.text(plan.score.cash)) \(plan.currency).\(recorded)"
                )
                if let b = p.baseline {
                    print("Baseline \(baseline ?? ""): \(p.run.kept) of \(b.plan.sessions.count) sessions kept unchanged.")
                }
                if !plan.unscheduled.isEmpty {
                    print("\(plan.unscheduled.count) demand(s) left out; see why with: rioplan explain \(p.path)")
                }
            }
        }
    }
}
