import ArgumentParser
import Foundation
import RioModel
import RioPlanner

extension RioPlanCommand {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Why demands are unscheduled, and what would let them in.",
            discussion: """
                For each demand left out of the plan, names the limit that blocks it (dates, trainers,
                venues, a funding source and what it has left, a prerequisite, a staffing cap) and what
                would admit it. The reasons are recomputed against the request and catalog as they are now.

                Examples:
                  rioplan explain Plans/jlg-2027.plan.json
                  rioplan explain Plans/jlg-2027.plan.json d-af-07
                """)

        @Argument(help: ArgumentHelp("The plan file.", valueName: "PLAN.json"))
        var plan: String

        @Argument(help: ArgumentHelp("Only this demand.", valueName: "DEMAND"))
        var demand: String?

        @Option(name: .long, help: ArgumentHelp("The request (default: the one the plan names).", valueName: "REQUEST.yaml"))
        var request: String?

        @Option(name: .long, help: ArgumentHelp("The catalog folder (default: the one the plan names).", valueName: "DIR"))
        var catalog: String?

        @Option(name: .long, help: "Output format: text or json.")
        var format: Check.CheckFormat = .text

        func run() throws {
            try runReporting {
                let loaded = try LoadedPlan.load(planPath: plan, request: request, catalog: catalog)
                let problem = ProblemCompiler.compile(request: loaded.request, catalog: loaded.catalog)
                guard let assignment = PlanReader.assignment(of: loaded.plan, in: problem) else {
                    throw RioError.data("\(plan): its sessions do not match the request (run `rioplan check \(plan)` to see why)")
                }
                var list = Explainer.unscheduled(problem, assignment)
                if let demand {
                    guard loaded.request.demand(demand) != nil else {
                        throw RioError.usage("\(demand) is not a demand of \(loaded.request.name); pass one of its demand ids")
                    }
                    if let s = loaded.plan.sessions.first(where: { $0.demand == demand }) {
                        print(
                            "\(demand) is scheduled: \(s.module) in \(s.region), \(s.start)..\(s.end), \(s.venue ?? "online"), trainers \(s.trainers.joined(separator: ", "))."
                        )
                        return
                    }
                    list = list.filter { $0.demand == demand }
                }
                if format == .json {
                    let e = JSONEncoder()
                    e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                    print(String(decoding: try e.encode(list), as: UTF8.self))
                    return
                }
                if list.isEmpty { print("Every demand of \(loaded.plan.name) is scheduled."); return }
                for u in list {
                    let d = loaded.request.demand(u.demand)
                    print("\(u.demand) (\(d?.module ?? "?") in \(d?.region ?? "?"), priority \(d?.priority ?? 3)):")
                    for r in u.reasons { print("  \(r.code): \(r.message)") }
                }
            }
        }
    }
}
