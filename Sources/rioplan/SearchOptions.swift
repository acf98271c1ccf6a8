import ArgumentParser
import Foundation
import RioModel
import RioWorkspace

/// How long the planner searches: shared by `plan` and `whatif`.
struct SearchOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Seconds to search for a better plan.", valueName: "S"))
    var timeLimit: Double = 10

    @Option(name: .long, help: ArgumentHelp("Search for exactly N improvement steps instead of a time limit (reproducible).", valueName: "N"))
    var iterations: Int?

    @Option(name: .long, help: "Seed of the search's random choices.")
    var seed: UInt64 = 1

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Threads for the portfolio of searches (default: the active processor count). With --iterations the plan is the same for any N.",
            valueName: "N"))
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Print no progress.")
    var quiet = false

    func validate() throws {
        if timeLimit <= 0 || !timeLimit.isFinite { throw ValidationError("--time-limit must be a positive number of seconds") }
        if let n = iterations, n < 0 { throw ValidationError("--iterations must be 0 or more") }
        if threads < 1 { throw ValidationError("--threads must be 1 or more") }
    }

    /// Whether to show live progress (stderr is a terminal and --quiet was not given).
    var live: Bool { !quiet && Console.stderrIsTerminal }

    /// The workspace's search settings, with one live progress line on a terminal.
    var settings: SearchSettings {
        var s = SearchSettings(timeLimit: timeLimit, iterations: iterations, seed: seed, threads: threads)
        if live {
            s.progress = { p, demands in
                Console.progress(
                    String(
                        format: "  %5.1fs  value %d  cash %@  scheduled %d/%d", p.elapsed, p.value, Money.text(p.cash), p.scheduled, demands))
            }
        }
        return s
    }

    /// Clears the progress line after a search.
    func finish() { if live { Console.progress(nil) } }
}
