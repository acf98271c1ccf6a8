import ArgumentParser
import Foundation
import RioModel
import RioPlanner
import RioStore

extension RioPlanCommand {
    /// `rioplan whatif REQUEST --cap SOURCE=-30% --without-trainer T`.
    struct Whatif: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "whatif",
            abstract: "Re-plan a scenario (a funding cut, a trainer gone) against the current plan and show what it costs.",
            discussion: """
                Loads the request, changes it in memory (the request file is not touched), and plans it
                with the current plan as baseline: value first, then as many of its sessions kept
                unchanged as possible, then cash. The current plan is --against if given, else the
                latest recorded plan of the request's name (`rioplan history NAME`), else NAME.plan.json
                next to the request. Prints the diff and what the change costs: sessions and value lost,
                conventions affected. Nothing is recorded in the history; no plan is written unless --out.

                --cap SOURCE=AMOUNT sets a source's cap; SOURCE=-30% cuts it by 30% (rounded down),
                SOURCE=+10% raises it. --without-trainer T takes trainer T off the staff (pins naming T
                keep their date and venue; other trainers are chosen).

                Examples:
                  rioplan whatif Plans/jlg-2027.yaml --cap gef-ccb=-30%
                  rioplan whatif Plans/jlg-2027.yaml --without-trainer t-07 --against jlg-2027@2 --time-limit 5
                """)

        @Argument(help: ArgumentHelp("The plan request YAML file.", valueName: "REQUEST.yaml"))
        var request: String

        @Option(name: .long, help: ArgumentHelp("A funding source's new cap: SOURCE=AMOUNT or SOURCE=-30% (repeatable).", valueName: "SOURCE=AMOUNT|SOURCE=PCT%"))
        var cap: [String] = []

        @Option(name: .long, help: ArgumentHelp("A trainer taken off the staff (repeatable).", valueName: "T"))
        var withoutTrainer: [String] = []

        @Option(
            name: .long,
            help: ArgumentHelp(
                "The current plan: a plan file, `latest` or NAME@VERSION (default: the latest recorded plan of this name, else NAME.plan.json next to the request).",
                valueName: "PLAN"))
        var against: String?

        @Option(name: .long, help: ArgumentHelp("Also write the scenario's plan here (it is never recorded in the history).", valueName: "PLAN.json"))
        var out: String?

        @Option(name: .long, help: "text or json (the diff, with the scenario).")
        var format: RioPlanCommand.Diff.DiffFormat = .text

        @OptionGroup var search: SearchOptions

        @OptionGroup var common: CommonOptions

        func validate() throws {
            for c in cap where Scenario.Cap(c) == nil {
                throw ValidationError("--cap \(c): write SOURCE=AMOUNT (e.g. gef-ccb=900000) or SOURCE=PERCENT% (e.g. gef-ccb=-30%)")
            }
            if cap.isEmpty && withoutTrainer.isEmpty {
                throw ValidationError("give at least one change: --cap SOURCE=AMOUNT|SOURCE=-30% or --without-trainer T")
            }
        }

        /// The scenario's plan and the diff, as `--format json` prints them.
        struct Output: Encodable {
            var scenario: [String]
            var diff: PlanDiff
        }

        func run() throws {
            try runReporting {
                let catalog = try CatalogLoader.load(folder: common.catalog)
                let original = try PlanRequestLoader.load(path: request, catalog: catalog)
                let scenario = Scenario(caps: cap.compactMap { Scenario.Cap($0) }, withoutTrainers: withoutTrainer)
                let req = try scenario.apply(to: original)
                let current = try currentPlan(name: req.name)
                let problem = ProblemCompiler.compile(request: req, catalog: catalog)
                var options = search.solverOptions
                options.baseline = PlanReader.baseline(of: current.plan, in: problem)
                let result = PlanRunner.solve(problem, options: options, live: search.live)
                try PlanRunner.refusePinConflicts(result, request: request)
                let outDir = out.map { ($0 as NSString).deletingLastPathComponent } ?? "."
                // The plan answers a changed request, so it records no request fingerprint.
                let inputs = Plan.PlanInputs(
                    request: PlanFile.relativePath(request, from: outDir), catalog: PlanFile.relativePath(common.catalog, from: outDir),
                    requestSha256: nil, catalogSha256: try CatalogLoader.fingerprint(of: common.catalog))
                let plan = try PlanBuilder.plan(
                    problem, result, inputs: inputs,
                    solver: PlanRunner.solverInfo(result, seed: search.seed, timeLimit: search.timeLimit, iterations: search.iterations))
                if let out { try PlanFile.write(plan, to: out) }
                let diff = PlanDiff(old: current.plan, new: plan, oldLabel: current.label, newLabel: "what-if")
                let changes = scenario.describe(original)
                switch format {
                case .json:
                    print(try TextTable.json(Output(scenario: changes, diff: diff)), terminator: "")
                case .text:
                    print("What if: " + changes.joined(separator: "; ") + ".")
                    print("Against \(current.label): \(result.kept) of \(current.plan.sessions.count) sessions kept unchanged.")
                    print("")
                    print(diff.text)
                    print(diff.costSummary, terminator: "")
                    if let out { print("Wrote \(out) (not recorded in the history).") }
                }
            }
        }

        /// The plan the scenario is compared with, and how to name it.
        func currentPlan(name: String) throws -> (plan: Plan, label: String) {
            if let against {
                let ref = try PlanReference(text: against).load(databasePath: common.databasePath, defaultName: name)
                return (ref.plan, ref.label)
            }
            let dbPath = common.databasePath
            if FileManager.default.fileExists(atPath: dbPath), let run = try AppDatabase(path: dbPath).latestPlanRun(name: name) {
                guard let plan = try? JSONDecoder().decode(Plan.self, from: Data(run.planJSON.utf8)) else {
                    throw RioError.data("recorded plan \(name)@\(run.version) cannot be read; pass --against PLAN.json")
                }
                return (plan, "\(name)@\(run.version)")
            }
            let file = ((request as NSString).deletingLastPathComponent as NSString).appendingPathComponent("\(name).plan.json")
            if FileManager.default.fileExists(atPath: file) {
                return (try PlanFile.read(file), file)
            }
            throw RioError.usage(
                "no current plan of \(name) to compare with: none recorded in \(dbPath) and no \(file); run `rioplan plan \(request)` first or pass --against PLAN.json")
        }
    }
}
