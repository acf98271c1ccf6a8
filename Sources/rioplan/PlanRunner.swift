import ArgumentParser
import Foundation
import RioModel
import RioPlanner

/// The steps `rioplan plan` and `rioplan whatif` share: solve a compiled request (with live
/// progress on a terminal), refuse pins that cannot hold, and build the plan file's value.
enum PlanRunner {
    /// Runs the solver; `live` redraws one progress line on stderr while it searches.
    static func solve(_ problem: Problem, options: SolverOptions, live: Bool) -> SolverResult {
        var options = options
        if live {
            options.progress = { p in
                Console.progress(
                    String(
                        format: "  %5.1fs  value %d  cash %@  scheduled %d/%d", p.elapsed, p.value,
                        Money.text(p.cash), p.scheduled, problem.demands.count))
            }
        }
        var solver = Solver(problem: problem, options: options)
        let result = solver.solve()
        if live { Console.progress(nil) }
        return result
    }

    /// Exits 1 with the conflicts listed when the request's pins cannot all hold.
    static func refusePinConflicts(_ result: SolverResult, request: String) throws {
        guard !result.pinConflicts.isEmpty else { return }
        Console.error("error: the pinned sessions cannot all hold; no plan was written:")
        for c in result.pinConflicts { Console.error("  - \(c)") }
        Console.error("Change or remove these pins in \(request) and plan again.")
        throw ExitCode(ExitStatus.no.rawValue)
    }

    /// The plan's `solver` block.
    static func solverInfo(_ result: SolverResult, seed: UInt64, timeLimit: Double, iterations: Int?) -> Plan.SolverInfo {
        Plan.SolverInfo(
            seconds: (result.seconds * 1000).rounded() / 1000, seed: seed,
            timeLimit: iterations == nil ? timeLimit : nil, iterations: iterations ?? result.iterations)
    }
}
