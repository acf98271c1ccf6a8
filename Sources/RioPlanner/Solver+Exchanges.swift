extension Solver {
    /// Cheaper trainers through day chains: for each session whose trainer travels more than a
    /// qualified colleague who is free at its dates but out of days, brings the colleague in and
    /// frees its days by a day chain, when cash falls overall. Returns whether cash fell.
    ///
    /// `polishTrainerDays` frees the colleague by moving one of its sessions to another date;
    /// this keeps dates and passes sessions on instead, through up to `SolverTuning.dayChainDepth`
    /// colleagues.
    mutating func polishTrainersByChain() -> Bool {
        var improved = false
        for c in problem.demands.indices {
            for (t, next) in cheaperTrainerSwaps(c) {
                guard let ac = schedule.assignment[c] else { break }
                let before = schedule.cash
                schedule.remove(c)
                guard schedule.fits(c, next, dayLimits: false) else {
                    schedule.insert(c, ac)
                    continue
                }
                schedule.insert(c, next)
                var log: [(Int, Assignment?)] = [(c, ac)]
                if freeDays(of: [t], chain: next.trainers, log: &log) && schedule.cash < before {
                    improved = true
                    break
                }
                undo(&log, to: 0)
            }
        }
        return improved
    }

    /// Exchanges through day chains: for each left-out demand `u` that day limits keep out (or
    /// make dearer), puts `u` in through a day chain, on its own or in place of one of the
    /// `SolverTuning.exchangeCandidates` sessions sharing its money or holding the trainer or
    /// staffing days it lacks (`blockingDays`), least value per cash first (then other left-out
    /// demands until the value is back). Kept when the plan is better
    /// (value, then cash), undone otherwise. Returns whether the plan improved.
    ///
    /// The search's swap and room-making moves make the same exchanges, but their greedy repair
    /// cannot give a demand trainers who have used up their days.
    ///
    /// - Complexity: at most `SolverTuning.exchangeBudget` exchanges tried, each a few
    ///   `Schedule.cheapest` scans and at most `SolverTuning.dayChainBudget` substitutions per
    ///   insertion.
    mutating func polishExchanges() -> Bool {
        var improved = false
        var budget = SolverTuning.exchangeBudget
        var polishes = SolverTuning.nearMissPolishes
        for u in leftOut() where budget > 0 && !pastPolishDeadline && dayLimitsBind(u) {
            budget -= 1
            if tryExchange(dropping: [], for: [u], polishes: &polishes) {
                improved = true
                continue
            }
            let held = blockingDays(u)
            let pool = droppableByRatio { j in
                (schedule.cashOf[j] > problem.demandMinCash[u] && shareSource(j, u)) || holdsDays(j, of: held)
            }
            for j in pool.prefix(SolverTuning.exchangeCandidates) where budget > 0 {
                budget -= 1
                if tryExchange(dropping: [j], for: [u], polishes: &polishes) {
                    improved = true
                    break
                }
            }
        }
        return improved
    }

    /// Whether left-out demand `u` has a session over day limits cheaper than any within them
    /// (or one at all), so that only a day chain can seat it at its best.
    func dayLimitsBind(_ u: Int) -> Bool {
        guard let over = schedule.cheapest(u, dayLimits: false) else { return false }
        return schedule.cheapest(u, maxCash: over.cash + 1) == nil
    }

    /// The trainers and organisations whose day limits `u`'s cheapest session over them would
    /// break: the sessions holding their days compete with `u` as much as those holding its money.
    func blockingDays(_ u: Int) -> [DayDeficit] {
        guard let over = schedule.cheapest(u, dayLimits: false) else { return [] }
        let days = problem.demands[u].days
        var out: [DayDeficit] = []
        for t in over.trainers where schedule.trainerDays[t] + days > problem.trainerMaxDays[t] { out.append(.trainer(t)) }
        for t in over.trainers {
            let o = problem.trainerOrg[t]
            let added = days * over.trainers.filter { problem.trainerOrg[$0] == o }.count
            if schedule.orgDays[o] + added > problem.orgCap[o] && !out.contains(.org(o)) { out.append(.org(o)) }
        }
        return out
    }

    /// Whether session `j` has a trainer counting towards one of the deficits `held`.
    func holdsDays(_ j: Int, of held: [DayDeficit]) -> Bool {
        guard !held.isEmpty, let a = schedule.assignment[j] else { return false }
        return a.trainers.contains { t in held.contains { counts(t, towards: $0) } }
    }

    /// Whether an exchange may drop session `j`: scheduled, not pinned or kept from the baseline,
    /// and no scheduled session depends on it (dropping it would drop them too).
    func droppable(_ j: Int) -> Bool {
        guard !problem.demandPinned[j], let a = schedule.assignment[j], !schedule.isBaseline(j, a) else { return false }
        return problem.demands[j].dependents.allSatisfy { schedule.startOf[$0] < 0 }
    }

    /// The `droppable` sessions that `include` accepts, least value per cash first (ties by index).
    func droppableByRatio(_ include: (Int) -> Bool) -> [Int] {
        problem.demands.indices.filter { droppable($0) && include($0) }.sorted { (ratio[$0], $0) < (ratio[$1], $1) }
    }

    /// The left-out demands the polish may put in, by value per cash (ties by index).
    func leftOut() -> [Int] {
        problem.demands.indices.filter { schedule.startOf[$0] < 0 && hasStarts[$0] && !problem.demandPinned[$0] }
            .sorted { (ratio[$0], -$0) > (ratio[$1], -$1) }
    }

    /// Opened chains through day chains: for each prerequisite that left-out demands lack, puts
    /// in the chain down to it and every left-out dependent (`openPrerequisiteChain`'s targets) in
    /// place of the sessions of least value per cash sharing the chain's money, worth less than
    /// the targets together, until their cash would pay for them. Kept when the plan is better,
    /// undone otherwise; one try per prerequisite. Returns whether the plan improved.
    ///
    /// The search's chain move makes the same exchange with a noisy ejection and a greedy repair
    /// that cannot give a target trainers who have used up their days.
    mutating func polishChainExchanges() -> Bool {
        var improved = false
        var tried: [Int] = []
        var polishes = SolverTuning.nearMissPolishes
        for u in leftOut() where schedule.prerequisiteStart(u) == nil {
            guard let (chain, targets) = chainTargets(u), let head = chain.first, !tried.contains(head) else { continue }
            tried.append(head)
            let value = targets.reduce(0) { $0 + problem.demandValue[$1] }
            let need = targets.reduce(0) { $0 + problem.demandMinCash[$1] }
            var ejected: [Int] = []
            var lost = 0, freed = 0
            for j in droppableByRatio({ j in chain.contains { shareSource(j, $0) } }) where freed < need && lost + problem.demandValue[j] < value {
                lost += problem.demandValue[j]
                freed += schedule.cashOf[j]
                ejected.append(j)
            }
            if tryExchange(dropping: ejected, for: targets, polishes: &polishes) { improved = true }
        }
        return improved
    }

    /// Drops sessions `js` (with the sessions that lose their prerequisite by them), puts in
    /// `targets` in order (the first must go in) and then other left-out demands until the value
    /// is back (at most `SolverTuning.exchangeFillTries`), each through `insertFreeingDays`.
    /// Keeps the change when the plan is better; a near miss (value back, cash up) is polished
    /// first while `polishes` lasts. Otherwise restores the plan.
    mutating func tryExchange(dropping js: [Int], for targets: [Int], polishes: inout Int) -> Bool {
        let before = currentScore
        var dropped = StepLog()
        for j in js { drop(j, &dropped) }
        var log: [(Int, Assignment?)] = []
        if let first = targets.first, insertFreeingDays(first, log: &log) {
            for t in targets.dropFirst() { _ = insertFreeingDays(t, log: &log) }
            var tries = 0
            for v in leftOut() where schedule.value < before.value && tries < SolverTuning.exchangeFillTries {
                guard schedule.funding.canAdd(problem.demandMinCash[v], to: problem.demandPattern[v]) else { continue }
                tries += 1
                _ = insertFreeingDays(v, log: &log)
            }
            let pinnedHold = dropped.removed.allSatisfy { schedule.dependentsBroken(after: $0.0).isEmpty }
            if pinnedHold && before < currentScore { return true }
            if pinnedHold && schedule.value >= before.value && polishes > 0 {
                polishes -= 1
                return polishNearMiss(undoing: &log, dropped, below: before)
            }
        }
        revert(&log, dropped)
        return false
    }

    /// Undoes an exchange: its insertions and day chains (`log`), then the sessions it dropped.
    mutating func revert(_ log: inout [(Int, Assignment?)], _ dropped: StepLog) {
        undo(&log, to: 0)
        for (i, a) in dropped.removed.reversed() { schedule.insert(i, a) }
    }

    /// An exchange that brought the value back at more cash: re-seats sessions one at a time and
    /// runs both trainer-chain polishes, all without random numbers. Keeps the result and returns
    /// true when it beats `before`; otherwise puts back the plan the exchange started from.
    mutating func polishNearMiss(undoing log: inout [(Int, Assignment?)], _ dropped: StepLog, below before: SearchScore) -> Bool {
        let exchanged = schedule.assignment
        revert(&log, dropped)
        let original = schedule.assignment
        restore(exchanged)
        polishCash(rotation: 0)
        _ = polishTrainerChains()
        _ = polishTrainersByChain()
        if before < currentScore { return true }
        restore(original)
        return false
    }
}
