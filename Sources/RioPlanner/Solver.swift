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
    /// The proven upper bound on value (`ValueBound`): a plan reaching it is optimal in value.
    public let bound: Int
    /// Where the search stands (best plan, step count); set by `begin()`.
    var search = SearchState()
    /// How the trainer flow dates aside is rounded to whole trainers (`trainerTargets`): with
    /// every split session fixed at its trainers (`wholeTrainerTargets`), or each session's
    /// trainers of most flow (false). Neither finds the cheaper plan on every instance, so a
    /// portfolio's members alternate (`Portfolio.solve`).
    var wholeTrainerFlow = false

    /// A solver for `problem`; `bound` is computed when not given (members of a portfolio share one).
    public init(problem: Problem, options: SolverOptions, bound: Int? = nil) {
        self.problem = problem
        self.bound = bound ?? ValueBound(problem: problem).value()
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

    /// Runs the search on its own (one member, one thread).
    ///
    /// Stops at the budget, or early once the best value equals the bound and the best plan has
    /// not improved for `SolverTuning.provenStopSteps` steps. For several members sharing the
    /// best plan, see `Portfolio`.
    public mutating func solve() -> SolverResult {
        let started = ContinuousClock.now
        let conflicts = begin()
        if !conflicts.isEmpty { return conflictResult(conflicts, started: started) }
        if let limit = options.iterations {
            advance(iterations: limit, upTo: limit)
            return finish(started: started)
        }
        let limitEnd = started + .seconds(options.timeLimit)
        while !search.done && !provenOptimal(staleSteps: search.iteration - search.lastImproved) {
            let end = searchEnd(limitEnd, polishSeconds: search.polishSeconds)
            guard ContinuousClock.now < end else { break }
            search.polishDeadline = end
            options.progress?(progress(elapsed: Solver.seconds(since: started)))
            advance(timeLimit: options.timeLimit, started: started, until: min(end, ContinuousClock.now + .seconds(SolverTuning.progressInterval)))
        }
        return finish(started: started)
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

    /// Inserts demand `i` at its cheapest feasible assignment if the money allows, without
    /// trainer `avoid` (none when negative), scanning starts from `rotation` (a random one when nil).
    @discardableResult
    mutating func tryInsert(_ i: Int, avoiding avoid: Int = -1, rotation: Int? = nil) -> Bool {
        // Money is asked with `canAdd`, which stops its search once the amount is found (a
        // headroom search would go on to the end): the cheapest session is the same either way.
        let pattern = problem.demandPattern[i]
        guard hasStarts[i], schedule.funding.canAdd(problem.demandMinCash[i], to: pattern) else { return false }
        if let b = options.baseline, i < b.count, let a = b[i], !a.trainers.contains(avoid), schedule.fits(i, a) {
            schedule.insert(i, a)
            return true
        }
        guard let a = schedule.cheapest(i, rotation: rotation ?? rng.below(SolverTuning.startRotationRange), avoid: avoid) else { return false }
        guard schedule.funding.canAdd(a.cash, to: pattern) else { return false }
        schedule.insert(i, a)
        return true
    }

    /// Moves up to `SolverTuning.plateauMoves` random sessions to another seat of the same cash
    /// (another start or venue, other trainers): the plan is as good, but its trainers and weeks
    /// are free in other places, where the polishes may find a cheaper exchange.
    mutating func walkPlateau() {
        let movable = flowSessions()
        guard !movable.isEmpty else { return }
        for _ in 0..<SolverTuning.plateauMoves {
            let i = movable[rng.below(movable.count)]
            _ = reseat(i, below: (schedule.assignment[i]?.cash ?? 0) + 1, rotation: nil) { a, old in a.cash == old.cash && a != old }
        }
    }

    /// Moves scheduled session `i` (not kept from the baseline) to its cheapest seat below
    /// `maxCash`, scanning starts from `rotation` (random when nil, drawn only when the session
    /// may move), when `keep(seat, old)` holds, funding allows and no dependent loses its
    /// prerequisite; returns whether it moved (unchanged otherwise).
    mutating func reseat(_ i: Int, below maxCash: Int, rotation: Int?, keep: (Assignment, Assignment) -> Bool) -> Bool {
        guard let old = schedule.assignment[i] else { return false }
        schedule.remove(i)
        if schedule.dependentsBroken(after: i).isEmpty, !schedule.isBaseline(i, old),
            let a = schedule.cheapest(i, maxCash: maxCash, rotation: rotation ?? rng.below(SolverTuning.startRotationRange)),
            keep(a, old), schedule.funding.canAdd(a.cash, to: problem.demandPattern[i])
        {
            schedule.insert(i, a)
            if schedule.dependentsBroken(after: i).isEmpty { return true }
            schedule.remove(i)
        }
        schedule.insert(i, old)
        return false
    }

    /// Re-seats each session at its cheapest assignment while value stays, at most
    /// `SolverTuning.polishRounds` rounds, scanning starts from `rotation` (random when nil).
    mutating func polishCash(rotation: Int? = nil) {
        var improved = true
        var rounds = 0
        while improved && rounds < SolverTuning.polishRounds {
            improved = false
            rounds += 1
            for i in problem.demands.indices where !problem.demandPinned[i] {
                if reseat(i, below: schedule.assignment[i]?.cash ?? 0, rotation: rotation, keep: { a, old in a.cash < old.cash }) { improved = true }
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
