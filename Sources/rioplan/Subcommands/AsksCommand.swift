import ArgumentParser
import Foundation
import RioModel
import RioStore
import RioWorkspace

extension RioPlanCommand {
    /// `rioplan asks PLAN.json`: what more money would buy.
    struct Asks: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "asks",
            abstract: "What more money would buy: the demands extra money would admit, in order, checked by re-planning.",
            discussion: """
                For resource mobilisation. Each line names the money a left-out demand's eligible \
                sources lack and the sources each of which, raised by that much, admits it; the line \
                is then checked by re-planning with the money added (the plan so far as baseline), \
                so values are what the planner really does, cumulative down the list. Then, per \
                source, what one more 10,000 would buy. Re-plans use --iterations and --seed, so the \
                list is the same every run.

                Example: rioplan asks Plans/jlg-2027.plan.json --lines 5
                """)

        @Argument(help: ArgumentHelp("The plan file (or NAME@N).", valueName: "PLAN.json"))
        var plan: String

        @Option(name: .long, help: "At most this many lines (each is one re-plan).")
        var lines: Int = 5

        @Option(name: .long, help: ArgumentHelp("Improvement steps of each re-plan.", valueName: "N"))
        var iterations: Int = 20000

        @Option(name: .long, help: "Seed of the re-plans' search.")
        var seed: UInt64 = 1

        @Option(name: .long, help: "table, csv or json.")
        var format: OutputFormat = .table

        @OptionGroup var inputs: PlanInputOverrides

        func validate() throws {
            guard lines >= 0 else { throw ValidationError("--lines must be 0 or more") }
            guard iterations >= 0 else { throw ValidationError("--iterations must be 0 or more") }
        }

        func run() throws {
            try runReporting {
                let workspace = Workspace()
                let context = try inputs.context(plan, in: workspace)
                let asks = try workspace.asks(context, lines: lines, search: SearchSettings(iterations: iterations, seed: seed))
                switch format {
                case .json: print(try TextTable.json(asks), terminator: "")
                case .csv: print(asks.csv, terminator: "")
                case .table: print(asks.text, terminator: "")
                }
            }
        }
    }
}
