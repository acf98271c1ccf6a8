import ArgumentParser
import Foundation
import RioModel
import RioPlanner
import RioStore

extension RioPlanCommand {
    struct PlanCmd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Build a joint training plan from a plan request.",
            discussion: """
                Reads the request (what regions asked for, trainers, funding) and the catalog, and writes the
                best plan it finds within the time limit: sessions with dates, venues, trainers, languages and
                funding, and a reason for every demand left out. Plans are compared by value (priority x number
                of conventions served), then by lower cash.

                Example:
                  rioplan plan Plans/jlg-2027.yaml --time-limit 10
                  rioplan plan Plans/jlg-2027.yaml --iterations 20000 --seed 7   (same plan every run)
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

        func run() throws {
            try runReporting {
                let catalog = try CatalogLoader.load(folder: common.catalog)
                let req = try PlanRequestLoader.load(path: request, catalog: catalog)
                let problem = ProblemCompiler.compile(request: req, catalog: catalog)
                let outPath = out ?? (((request as NSString).deletingLastPathComponent as NSString).appendingPathComponent("\(req.name).plan.json"))
                let live = search.live
                var options = search.solverOptions
                var baselinePlan: Plan?
                if let baseline {
                    let ref = try PlanReference(text: baseline).load(databasePath: common.databasePath, defaultName: req.name)
                    baselinePlan = ref.plan
                    options.baseline = PlanReader.baseline(of: ref.plan, in: problem)
                }
                let result = PlanRunner.solve(problem, options: options, live: live)
                try PlanRunner.refusePinConflicts(result, request: request)
                let outDir = (outPath as NSString).deletingLastPathComponent
                let inputs = Plan.PlanInputs(
                    request: PlanFile.relativePath(request, from: outDir), catalog: PlanFile.relativePath(common.catalog, from: outDir),
                    requestSha256: try PlanRequestLoader.fingerprint(of: req), catalogSha256: try CatalogLoader.fingerprint(of: common.catalog))
                let info = PlanRunner.solverInfo(result, seed: search.seed, timeLimit: search.timeLimit, iterations: search.iterations)
                let plan = try PlanBuilder.plan(problem, result, inputs: inputs, solver: info)
                try PlanFile.write(plan, to: outPath)
                var recorded = ""
                if !noHistory {
                    do {
                        let db = try AppDatabase(path: common.databasePath)
                        let v = try db.recordPlanRun(
                            name: plan.name, requestSha256: inputs.requestSha256 ?? "", catalogSha256: inputs.catalogSha256 ?? "",
                            score: plan.score, planJSON: String(decoding: try PlanFile.encode(plan), as: UTF8.self))
                        recorded = " Recorded as \(plan.name)@\(v) in \(common.databasePath)."
                    } catch let e as RioError {
                        Console.error("warning: the plan was written but not recorded in the history: \(e.description)")
                    }
                }
                if !search.quiet {
                    Console.error(
                        "plan \(plan.name): value \(plan.score.value), cash \(Money.text(plan.score.cash)) \(plan.currency), scheduled \(plan.score.scheduled)/\(plan.score.demands), \(result.iterations) steps in \(String(format: "%.1f", result.seconds)) s"
                    )
                }
                print(
                    "Wrote \(outPath): \(plan.score.scheduled) of \(plan.score.demands) demands scheduled, value \(plan.score.value), cash \(Money.text(plan.score.cash)) \(plan.currency).\(recorded)"
                )
                if let b = baselinePlan {
                    print("Baseline \(baseline ?? ""): \(result.kept) of \(b.sessions.count) sessions kept unchanged.")
                }
                if !plan.unscheduled.isEmpty {
                    print("\(plan.unscheduled.count) demand(s) left out; see why with: rioplan explain \(outPath)")
                }
            }
        }
    }
}
