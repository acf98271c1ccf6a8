import ArgumentParser
import RioPlanner

/// How long the planner searches: shared by `plan` and `whatif`.
struct SearchOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Seconds to search for a better plan.", valueName: "S"))
    var timeLimit: Double = 10

    @Option(name: .long, help: ArgumentHelp("Search for exactly N improvement steps instead of a time limit (reproducible).", valueName: "N"))
    var iterations: Int?

    @Option(name: .long, help: "Seed of the search's random choices.")
    var seed: UInt64 = 1

    @Flag(name: .long, help: "Print no progress.")
    var quiet = false

    func validate() throws {
        if timeLimit <= 0 || !timeLimit.isFinite { throw ValidationError("--time-limit must be a positive number of seconds") }
        if let n = iterations, n < 0 { throw ValidationError("--iterations must be 0 or more") }
    }

    /// The solver's options for these flags.
    var solverOptions: SolverOptions { SolverOptions(timeLimit: timeLimit, iterations: iterations, seed: seed) }

    /// Whether to show live progress (stderr is a terminal and --quiet was not given).
    var live: Bool { !quiet && Console.stderrIsTerminal }
}
