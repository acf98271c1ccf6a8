import ArgumentParser
import RioModel
import RioStore
import RioWorkspace

extension RioPlanCommand {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Why demands are unscheduled, and what would let them in.",
            discussion: """
                For each demand left out of the plan, names the limit that blocks it (dates, trainers, \
                venues, a funding source and what it has left, a prerequisite, a staffing cap) and what \
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
                let workspace = Workspace()
                let context = try workspace.context(PlanReference(plan), request: request, catalog: catalog)
                Console.warn(context.warnings)
                switch try workspace.explain(context, demand: demand) {
                case .scheduled(let s):
                    print(
                        "\(s.demand) is scheduled: \(s.module) in \(s.region), \(s.start)..\(s.end), \(s.venue ?? "online"), trainers \(s.trainers.joined(separator: ", "))."
                    )
                case .unscheduled(let list) where format == .json:
                    print(try TextTable.json(list), terminator: "")
                case .unscheduled(let list) where list.isEmpty:
                    print("Every demand of \(context.plan.name) is scheduled.")
                case .unscheduled(let list):
                    for u in list {
                        let d = context.request.demand(u.demand)
                        print("\(u.demand) (\(d?.module ?? "?") in \(d?.region ?? "?"), priority \(d?.priority ?? 3)):")
                        for r in u.reasons { print("  \(r.code): \(r.message)") }
                    }
                }
            }
        }
    }
}
