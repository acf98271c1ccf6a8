import ArgumentParser
import RioPlanner
import RioStore
import RioWorkspace

extension RioPlanCommand {
    /// `rioplan whatif REQUEST --cap SOURCE=-30% --without-trainer T`.
    struct Whatif: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "whatif",
            abstract: "Re-plan a scenario (a funding cut, a trainer gone) against the current plan and show what it costs.",
            discussion: """
                Loads the request, changes it in memory (the request file is not touched), and plans it \
                with the current plan as baseline: value first, then as many of its sessions kept \
                unchanged as possible, then cash. The current plan is --against if given, else the \
                latest recorded plan of the request's name (`rioplan history NAME`), else NAME.plan.json \
                next to the request. Prints the diff and what the change costs: sessions and value lost, \
                conventions affected. Nothing is recorded in the history; no plan is written unless --out.

                --cap SOURCE=AMOUNT sets a source's cap; SOURCE=-30% cuts it by 30% (rounded down), \
                SOURCE=+10% raises it. --without-trainer T takes trainer T off the staff (pins naming T \
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
                let scenario = Scenario(caps: cap.compactMap { Scenario.Cap($0) }, withoutTrainers: withoutTrainer)
                let (answer, conflicts) = try common.workspace.whatif(
                    request: request, scenario: scenario, against: against.map(PlanReference.init), out: out, search: search.settings)
                search.finish()
                guard let w = answer else { try Console.refusePinConflicts(conflicts, request: request) }
                switch format {
                case .json:
                    print(try TextTable.json(Output(scenario: w.changes, diff: w.diff)), terminator: "")
                case .text:
                    print("What if: " + w.changes.joined(separator: "; ") + ".")
                    print("Against \(w.current.label): \(w.run.kept) of \(w.current.plan.sessions.count) sessions kept unchanged.")
                    print("")
                    print(w.diff.text)
                    print(w.diff.costSummary, terminator: "")
                    if let out { print("Wrote \(out) (not recorded in the history).") }
                }
            }
        }
    }
}
