import Foundation

/// How good a plan is for the search: value, then baseline sessions kept, then lower cash
/// (scheduling-model.md's order, with the baseline's tie-break of `SolverOptions.baseline`).
struct SearchScore: Comparable, Sendable {
    var value = 0
    var kept = 0
    var cash = 0

    /// Whether `a` is worse than `b`.
    static func < (a: SearchScore, b: SearchScore) -> Bool { (a.value, a.kept, -a.cash) < (b.value, b.kept, -b.cash) }
}

/// Where one search stands: its best plan and how many steps it has made.
struct SearchState: Sendable {
    var best: [Assignment?] = []
    var score = SearchScore()
    /// Steps made so far.
    var iteration = 0
    /// The step of the last new best or the last restart (restarts count from it).
    var lastBest = 0
    /// The step of the last new best plan (the early stop counts from it).
    var lastImproved = 0
    /// When the best value last rose (or the search began): a value that has stood still for
    /// long is likely optimal even when short of the bound (`Solver.searchEnd`).
    var valueRose = ContinuousClock.now
    var movable: [Int] = []
    /// Set when no demand can move: more steps would change nothing.
    var done = false
    /// Whether day chains have polished the best plan since it last changed.
    var chainsPolished = false
    /// Set by `finish`: the final polish, where the chain clusters run too.
    var finishing = false
    /// Set by a time-limited portfolio when the best value has stood still long enough that only
    /// cash is (likely) left to lower (`Solver.valueStandsStill`).
    var settled = false
    /// Whether the final polish's polishes have run on the best plan since it last changed
    /// (`Solver.polishBestDeeply`).
    var deepPolished = false
    /// With a time limit, when the polishes stop (between groups, so a plan is never left half
    /// changed); nil with an iteration budget, whose polishes always run to the end.
    var polishDeadline: ContinuousClock.Instant?
    /// The longest `polishStructure` so far, in seconds: what the final polish needs kept free.
    var polishSeconds = 0.0
    /// The longest run so far of each of `polishStructure`'s polishes, in seconds.
    var polishLongest: [Double] = []
    /// The flow groups of the last `polishClusters` that found no cheaper seating, as seeds of
    /// random clusters.
    var flowSeeds: [FlowSeed] = []
}

extension Solver {
    /// Places the pins, keeps the baseline and builds the first plan; returns the pin conflicts
    /// (empty when the pins hold, and only then is the search ready to advance).
    mutating func begin() -> [String] {
        let conflicts = placePins()
        guard conflicts.isEmpty else { return conflicts }
        keepBaseline()
        construct()
        search = SearchState()
        search.best = schedule.assignment
        search.score = currentScore
        search.movable = problem.demands.indices.filter { !problem.demands[$0].pinned }
        search.done = search.movable.isEmpty
        return []
    }

    /// The schedule's current score.
    var currentScore: SearchScore { SearchScore(value: schedule.value, kept: schedule.kept, cash: schedule.cash) }

    /// Whether the best value is proven optimal and the best plan has not improved for
    /// `SolverTuning.provenStopSteps` steps, so that the search may stop early.
    func provenOptimal(staleSteps: Int) -> Bool {
        valueMeetsBound && staleSteps >= SolverTuning.provenStopSteps
    }

    /// Whether the best value equals the proven bound: only cash is left to lower.
    var valueMeetsBound: Bool { search.score.value >= bound }

    /// Steps on until `upTo` steps are made, cooling over an iteration budget of `limit` steps.
    ///
    /// - Parameter stopWhenProven: stop as soon as `provenOptimal` holds (a lone search); a
    ///   portfolio decides that itself between epochs.
    mutating func advance(iterations limit: Int, upTo target: Int, stopWhenProven: Bool = true) {
        while search.iteration < min(target, limit) && !search.done {
            if stopWhenProven && provenOptimal(staleSteps: search.iteration - search.lastImproved) { return }
            let cooled = Double(search.iteration) / Double(max(1, limit))
            stepAndKeepBest(temperature: SolverTuning.initialTemperature * (1 - cooled) + SolverTuning.finalTemperature)
        }
    }

    /// Steps on until `deadline`, cooling over `timeLimit` seconds from `started`.
    mutating func advance(timeLimit: Double, started: ContinuousClock.Instant, until deadline: ContinuousClock.Instant, stopWhenProven: Bool = true) {
        while !search.done && ContinuousClock.now < deadline {
            if stopWhenProven && provenOptimal(staleSteps: search.iteration - search.lastImproved) { return }
            let cooled = Solver.seconds(since: started) / max(SolverTuning.minTimeLimit, timeLimit)
            stepAndKeepBest(temperature: SolverTuning.initialTemperature * max(0, 1 - cooled) + SolverTuning.finalTemperature)
        }
    }

    /// One step, then the bookkeeping of the best plan and of restarts.
    mutating func stepAndKeepBest(temperature: Double) {
        search.iteration += 1
        step(movable: search.movable, temperature: temperature)
        if schedule.value > search.score.value { polishCash() }
        let now = currentScore
        if search.score < now {
            if search.score.value < now.value { search.valueRose = .now }
            search.best = schedule.assignment
            search.score = now
            search.lastBest = search.iteration
            search.lastImproved = search.iteration
            search.chainsPolished = false
            search.deepPolished = false
        } else if search.iteration - search.lastBest > SolverTuning.restartAfterSteps {
            restore(search.best)
            search.lastBest = search.iteration
            polishBestByChains()
            polishBestDeeply()
            if polishRandomClusters(tries: SolverTuning.restartClusterTries) {
                keepPolished()
                search.chainsPolished = false
            }
        }
    }

    /// Polishes the best plan just restored, once per best plan (a second time would find
    /// nothing), by `polishStructure`. It draws no random numbers, so when it finds nothing the
    /// search goes on exactly as without it.
    mutating func polishBestByChains() {
        guard !search.chainsPolished else { return }
        search.chainsPolished = true
        let started = ContinuousClock.now
        let improved = polishStructure()
        search.polishSeconds = max(search.polishSeconds, Solver.seconds(since: started))
        if improved { keepPolished() }
    }

    /// Once the best value is settled (it meets the bound, or `SearchState.settled`), polishes
    /// the best plan just restored with the final polish's polishes (`polishStructure` with
    /// `SearchState.finishing`), once per best plan: the search's steps seldom lower cash by then,
    /// and the final polish alone has too little time for the exchanges of many sessions.
    mutating func polishBestDeeply() {
        guard !search.deepPolished && (search.settled || valueMeetsBound) else { return }
        let before = currentScore
        search.finishing = true
        polishCash()
        _ = polishStructure()
        search.finishing = false
        if before < currentScore {
            keepPolished()
            search.chainsPolished = false
        }
        search.deepPolished = true
    }

    /// Takes the plan as it stands, just polished from the best, as the best.
    mutating func keepPolished() {
        search.best = schedule.assignment
        search.score = currentScore
        search.lastImproved = search.iteration
        search.deepPolished = false
    }

    /// The polishes that change more than one session at a time, without random numbers: trainers
    /// by flow (dates aside, then at the plan's dates and weeks), clusters re-solved exactly (the
    /// flow's groups, the trainer-and-week flow's saving cycles, chains, day paths), trainer chains, trainer
    /// days, cheaper trainers through day chains, opened chains, then exchanges.
    /// Returns whether any improved the plan.
    ///
    /// In the final polish's mode (`SearchState.finishing`) each improvement is followed by
    /// `polishCash` and the polishes start again from the first (the quick ones), until none
    /// improves: on src40-v101 (10 s) a cheaper plan found by the seed chains was 50 above the
    /// optimum, which the flow's clusters then found in 0.02 s, but a single pass went on to the
    /// random clusters and chains first and the final polish's two seconds ran out.
    ///
    /// With a time limit, a polish may start only while time is left (`polishMayStart`), and the
    /// polishes stop between groups at `SearchState.polishDeadline`.
    mutating func polishStructure() -> Bool {
        let polishes = Solver.structurePolishes
        var improved = false
        if search.polishLongest.isEmpty { search.polishLongest = Array(repeating: 0, count: polishes.count) }
        var k = 0
        while k < polishes.count {
            if !polishMayStart(k) {
                k += 1
                continue
            }
            let started = ContinuousClock.now
            let better = polishes[k].run(&self)
            search.polishLongest[k] = max(search.polishLongest[k], Solver.seconds(since: started))
            improved = improved || better
            if better && search.finishing {
                polishCash()
                k = 0
            } else {
                k += 1
            }
        }
        return improved
    }

    /// Whether the time for polishing is up (never with an iteration budget).
    var pastPolishDeadline: Bool { polishWouldOverrun(seconds: 0) }

    /// `polishStructure`'s polishes in order, each with whether it may start whenever polish time
    /// is left (`polishMayStart`): only the seed chains.
    static let structurePolishes: [(run: @Sendable (inout Solver) -> Bool, anyTimeLeft: Bool)] = [
        ({ $0.polishTrainersByFlow() }, false), ({ $0.polishTrainersByWeek() }, false), ({ $0.polishTrainersByMovingWeeks() }, false),
        ({ $0.polishClusters() }, false), ({ $0.polishSeedChains() }, true), ({ $0.polishDayPaths() }, false), ({ $0.polishBlockerClusters() }, false),
        ({ $0.polishCycleClusters() }, false), ({ $0.search.finishing && $0.polishRandomClusters(tries: SolverTuning.randomClusterTries) }, false),
        ({ $0.polishTrainerClusters() }, false), ({ $0.polishTrainerChains() }, false), ({ $0.polishTrainerDays() }, false),
        ({ $0.polishTrainersByChain() }, false), ({ $0.polishChainExchanges() }, false), ({ $0.polishExchanges() }, false),
    ]

    /// The seed chains' place in `structurePolishes`.
    static let seedChainPolish = structurePolishes.firstIndex { $0.anyTimeLeft } ?? 0

    /// Whether polish `k` of `polishStructure` may start now: when its longest run so far
    /// (`SearchState.polishLongest`) would end by the polish deadline or, for the seed chains,
    /// while any time is left. They stop at the deadline between seeds, and their first seeds are
    /// the likeliest: two 10 s plans of src40-v101 (seeds 5 and 17), 50 and 150 above the
    /// optimum, were plateau walks (`finish`) whose seed chains were skipped, their longest run
    /// being about 1 s; a final polish from those plans lowers them in its first seed-chain pass.
    /// Starting them whenever time is left, two 10 s runs of src40-v101 and src40-v103 (seeds
    /// 1-24) were optimal on 43 and 42 of 48, 250 and 800 above in all, against 41 and 750 the
    /// same day before: within the runs' noise.
    func polishMayStart(_ k: Int) -> Bool {
        Solver.structurePolishes[k].anyTimeLeft ? !pastPolishDeadline : !polishWouldOverrun(seconds: search.polishLongest[k])
    }

    /// Whether work of `seconds` started now would end past the polish deadline (never with an
    /// iteration budget).
    func polishWouldOverrun(seconds: Double) -> Bool {
        search.polishDeadline.map { ContinuousClock.now + .seconds(seconds) >= $0 } ?? false
    }

    /// With a time limit ending at `end`: when the search stops so that the final polish, as
    /// long as the longest so far (at most `SolverTuning.finishReserveShare` of the limit),
    /// still ends by `end`. Once the best value meets the bound, or has stood still for
    /// `SolverTuning.valueStillShare` of the time run so far, only cash is (likely) left to
    /// lower and the final polish (its random clusters above all) gets that whole share.
    func searchEnd(_ end: ContinuousClock.Instant, polishSeconds: Double) -> ContinuousClock.Instant {
        let share = SolverTuning.finishReserveShare * options.timeLimit
        return end - .seconds(valueMeetsBound || valueStandsStill(end) ? share : min(polishSeconds, share))
    }

    /// Whether the best value has not risen for `SolverTuning.valueStillShare` of the run so far,
    /// and `from` of the limit has passed (a run ending at `end`).
    func valueStandsStill(_ end: ContinuousClock.Instant, from: Double = SolverTuning.valueStillShare) -> Bool {
        let elapsed = Solver.seconds(since: end - .seconds(options.timeLimit))
        let share = SolverTuning.valueStillShare
        return elapsed >= from * options.timeLimit && Solver.seconds(since: search.valueRose) >= share * elapsed
    }

    /// Takes over a better plan found by another search (a portfolio's epoch): it becomes this
    /// search's best and current plan.
    mutating func adopt(_ best: [Assignment?], score: SearchScore) {
        guard search.score < score else { return }
        if search.score.value < score.value { search.valueRose = .now }
        restore(best)
        search.best = best
        search.score = score
        search.lastBest = search.iteration
        search.chainsPolished = false
        search.deepPolished = false
    }

    /// Restores the best plan, polishes its cash (sessions one at a time, then `polishStructure`
    /// unless `polishBestDeeply` already has; then after each of `SolverTuning.plateauKicks` walks
    /// on the plateau, time allowing), fills any gap, and reports it.
    mutating func finish(started: ContinuousClock.Instant) -> SolverResult {
        restore(search.best)
        search.finishing = true
        if options.iterations == nil { search.polishDeadline = started + .seconds(options.timeLimit) }
        polishCash()
        // `polishStructure` goes on until none of its polishes improves the plan; the best plan
        // the search has polished so (`polishBestDeeply`) needs no second time.
        if !search.deepPolished && !pastPolishDeadline { _ = polishStructure() }
        for _ in 0..<SolverTuning.plateauKicks where !pastPolishDeadline {
            walkPlateau()
            polishCash()
            _ = polishStructure()
        }
        construct()
        return SolverResult(
            assignment: schedule.assignment, value: schedule.value, cash: schedule.cash,
            iterations: search.iteration, seconds: Solver.seconds(since: started), pinConflicts: [], kept: schedule.kept, bound: bound)
    }

    /// The answer when the pins cannot all hold (no plan may be written).
    func conflictResult(_ conflicts: [String], started: ContinuousClock.Instant) -> SolverResult {
        SolverResult(
            assignment: schedule.assignment, value: schedule.value, cash: schedule.cash,
            iterations: 0, seconds: Solver.seconds(since: started), pinConflicts: conflicts, bound: bound)
    }

    /// The best plan's figures for a progress report.
    func progress(elapsed: Double) -> SolverProgress {
        SolverProgress(
            elapsed: elapsed, value: search.score.value, cash: search.score.cash,
            scheduled: search.best.lazy.compactMap { $0 }.count, iterations: search.iteration)
    }

    /// Seconds since `start`.
    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
