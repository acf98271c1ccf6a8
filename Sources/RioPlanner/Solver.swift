import Foundation

/// Builds a plan and improves it by large-neighbourhood search.
///
/// Construction inserts demands greedily by value per unit of cash. Each improvement step
/// removes a few sessions (random, or the ones competing with an unscheduled demand for money
/// or trainers), re-inserts demands greedily in a noisy value-per-cash order, and accepts the
/// result by simulated annealing, value first and cash second, as scheduling-model.md orders
/// plans. The best plan seen is returned. Every constant of the search is in `SolverTuning`;
/// the neighbourhoods are in `Solver+Moves.swift`.
public struct Solver {
    let problem: Problem
    var options: SolverOptions
    var rng: SeededGenerator
    var schedule: Schedule
    /// Typical session cash: the scale on which equal-value moves that cost more are accepted.
    let cashTemperature: Double
    /// Order of demands by value per minimum cash (ties by request order).
    let ratio: [Double]
    /// Whether patterns p and q share a funding source, at `p * patterns + q`.
    let sharesSource: [Bool]
    let hasStarts: [Bool]

    public init(problem: Problem, options: SolverOptions) {
        self.problem = problem
        self.options = options
        rng = SeededGenerator(seed: options.seed)
        schedule = Schedule(problem: problem, baseline: options.baseline)
        cashTemperature = SolverTuning.cashTemperatureFraction * Double(problem.demands.reduce(0) { $0 + $1.minCash }) / Double(max(1, problem.demands.count))
        ratio = problem.demands.map { Double($0.value) / Double(max(1, $0.minCash)) }
        let np = problem.patterns.count
        var shares = [Bool](repeating: false, count: np * np)
        for p in 0..<np { for q in 0..<np { shares[p * np + q] = problem.patterns[p].contains(where: problem.patterns[q].contains) } }
        sharesSource = shares
        hasStarts = problem.demands.map { !$0.starts.isEmpty }
    }

    /// Runs the search.
    public mutating func solve() -> SolverResult {
        let clock = ContinuousClock()
        let started = clock.now
        func elapsed() -> Double {
            let d = clock.now - started
            return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        }
        let conflicts = placePins()
        if !conflicts.isEmpty {
            return SolverResult(
                assignment: schedule.assignment, value: schedule.value, cash: schedule.cash,
                iterations: 0, seconds: elapsed(), pinConflicts: conflicts)
        }
        keepBaseline()
        construct()
        var best = schedule.assignment
        var bestScore = (schedule.value, schedule.kept, schedule.cash)
        let movable = problem.demands.indices.filter { !problem.demands[$0].pinned }
        var iteration = 0
        var lastReport = 0.0
        let limit = options.iterations
        var temperature = SolverTuning.initialTemperature
        var lastBest = 0
        while true {
            if let limit {
                if iteration >= limit { break }
                temperature = SolverTuning.initialTemperature * (1 - Double(iteration) / Double(max(1, limit))) + SolverTuning.finalTemperature
            } else {
                let t = elapsed()
                if t >= options.timeLimit { break }
                temperature = SolverTuning.initialTemperature * max(0, 1 - t / max(SolverTuning.minTimeLimit, options.timeLimit)) + SolverTuning.finalTemperature
                if let p = options.progress, t - lastReport >= SolverTuning.progressInterval {
                    lastReport = t
                    p(SolverProgress(elapsed: t, value: bestScore.0, cash: bestScore.2, scheduled: best.lazy.compactMap { $0 }.count, iterations: iteration))
                }
            }
            if movable.isEmpty { break }
            iteration += 1
            step(movable: movable, temperature: temperature)
            if schedule.value > bestScore.0 { polishCash() }
            if (schedule.value, schedule.kept, -schedule.cash) > (bestScore.0, bestScore.1, -bestScore.2) {
                best = schedule.assignment
                bestScore = (schedule.value, schedule.kept, schedule.cash)
                lastBest = iteration
            } else if iteration - lastBest > SolverTuning.restartAfterSteps {
                restore(best)
                lastBest = iteration
            }
        }
        // Restore the best and polish its cash.
        restore(best)
        polishCash()
        construct()
        return SolverResult(
            assignment: schedule.assignment, value: schedule.value, cash: schedule.cash,
            iterations: iteration, seconds: elapsed(), pinConflicts: [], kept: schedule.kept)
    }

    /// Re-places the baseline's sessions unchanged where they still fit, most valuable per cash first.
    mutating func keepBaseline() {
        guard let base = options.baseline else { return }
        let order = base.indices.filter { base[$0] != nil && !problem.demands[$0].pinned }
            .sorted { (base[$0]?.start ?? 0, -ratio[$0], $0) < (base[$1]?.start ?? 0, -ratio[$1], $1) }
        // Two passes: by value per cash where money is short, then in date order for prerequisites.
        let byRatio = order.sorted { (ratio[$0], -$0) > (ratio[$1], -$1) }
        for pass in [order, byRatio] {
            for i in pass where schedule.assignment[i] == nil {
                if let a = base[i], schedule.fits(i, a) { schedule.insert(i, a) }
            }
        }
    }

    /// Greedy construction by value per unit of cash, repeated while prerequisites unlock more.
    mutating func construct() {
        let order = problem.demands.indices.sorted { (ratio[$0], -$0) > (ratio[$1], -$1) }
        var changed = true
        while changed {
            changed = false
            for i in order where schedule.assignment[i] == nil && !problem.demandPinned[i] {
                if tryInsert(i) { changed = true }
            }
        }
    }

    /// Inserts demand `i` at its cheapest feasible assignment if the money allows.
    @discardableResult
    mutating func tryInsert(_ i: Int) -> Bool {
        let d = problem.demands[i]
        let room = schedule.funding.headroom(d.pattern)
        guard d.minCash <= room, !d.starts.isEmpty else { return false }
        if let b = options.baseline, i < b.count, let a = b[i], schedule.fits(i, a) {
            schedule.insert(i, a)
            return true
        }
        guard let a = schedule.cheapest(i, maxCash: room + 1, rotation: rng.below(SolverTuning.startRotationRange)) else { return false }
        guard a.cash <= room else { return false }
        schedule.insert(i, a)
        return true
    }

    /// Re-seats each session at its cheapest assignment while value stays.
    mutating func polishCash() {
        var improved = true
        var rounds = 0
        while improved && rounds < SolverTuning.polishRounds {
            improved = false
            rounds += 1
            for i in problem.demands.indices where !problem.demandPinned[i] {
                guard let old = schedule.assignment[i] else { continue }
                schedule.remove(i)
                if !schedule.dependentsBroken(after: i).isEmpty {
                    schedule.insert(i, old)
                    continue
                }
                if !schedule.isBaseline(i, old), let a = schedule.cheapest(i, maxCash: old.cash, rotation: rng.below(SolverTuning.startRotationRange)), a.cash < old.cash,
                    schedule.funding.canAdd(a.cash, to: problem.demandPattern[i])
                {
                    schedule.insert(i, a)
                    if schedule.dependentsBroken(after: i).isEmpty {
                        improved = true
                        continue
                    }
                    schedule.remove(i)
                }
                schedule.insert(i, old)
            }
        }
    }

    mutating func restore(_ target: [Assignment?]) {
        for i in problem.demands.indices where schedule.assignment[i] != nil { schedule.remove(i) }
        // Insert in start order so prerequisites are in place first (insert does not check them).
        let order = target.indices.filter { target[$0] != nil }.sorted { (target[$0]?.start ?? 0, $0) < (target[$1]?.start ?? 0, $1) }
        for i in order { if let a = target[i] { schedule.insert(i, a) } }
    }
}
