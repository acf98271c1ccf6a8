/// The neighbourhoods of `step`: each drops some sessions and names in the log the demands to
/// re-insert first. Those returning a Bool return false, having dropped nothing, when they find
/// nothing to work on.
extension Solver {
    /// Whether demands `j` and `i` have a funding source in common.
    func shareSource(_ j: Int, _ i: Int) -> Bool {
        sharesSource[problem.demandPattern[j] * problem.patterns.count + problem.demandPattern[i]]
    }

    /// Swap: an unscheduled demand for one or two scheduled ones of equal or lower value that
    /// cost at least its minimum cash and share its money. False when there is none.
    mutating func swapForUnscheduled(_ pools: StepPools, _ log: inout StepLog) -> Bool {
        let u = pools.unscheduled[rng.below(pools.unscheduled.count)]
        let du = problem.demands[u]
        let pool = pools.scheduled.filter { j in
            problem.demandValue[j] <= du.value && schedule.cashOf[j] >= du.minCash && shareSource(j, u)
        }
        guard !pool.isEmpty else { return false }
        log.targets = [u]
        drop(pool[rng.below(pool.count)], &log)
        if rng.unit() < SolverTuning.swapSecondDropChance { drop(pool[rng.below(pool.count)], &log) }
        return true
    }

    /// Makes room for one unscheduled demand: drops sessions sharing its money or its region,
    /// either by value per cash (exact knapsack or noisy least-ratio order) or at random.
    ///
    /// Ejecting by value gives up at most the demand's own value, so that an exchange of equal
    /// value and less cash is within reach (the acceptance keeps it only if cash falls).
    mutating func makeRoomForUnscheduled(_ pools: StepPools, _ log: inout StepLog) {
        let u = pools.unscheduled[rng.below(pools.unscheduled.count)]
        log.targets = [u]
        let du = problem.demands[u]
        let related = pools.scheduled.filter { j in problem.demandRegion[j] == du.region || shareSource(j, u) }
        let pool = related.isEmpty ? pools.scheduled : related
        if rng.unit() < SolverTuning.ejectByValueChance {
            // Only sessions sharing its money and worth no more than it are ejected by value.
            let cheaper = pool.filter { problem.demandValue[$0] <= du.value && shareSource($0, u) }
            let short = problem.demandMinCash[u] - schedule.funding.headroom(du.pattern)
            if short > 0 && rng.unit() < SolverTuning.exactKnapsackChance {
                ejectByKnapsack(cheaper, for: u, short: short, &log)
            } else {
                ejectByLeastRatio(cheaper, for: u, &log)
            }
        } else {
            dropRelated(pool, for: u, k: pools.k, &log)
        }
    }

    /// Exact small knapsack: drops the set of sessions worth least (at most demand `u`'s value) whose
    /// cash covers the shortfall `short`, over a random sample of `pool` drawn with replacement
    /// when the pool exceeds `SolverTuning.knapsackSample` (the whole pool otherwise).
    mutating func ejectByKnapsack(_ pool: [Int], for u: Int, short: Int, _ log: inout StepLog) {
        let size = SolverTuning.knapsackSample
        let sample = pool.count > size ? (0..<size).map { _ in pool[rng.below(pool.count)] } : pool
        for j in knapsackEjection(sample, maxValue: problem.demandValue[u], cash: short) { drop(j, &log) }
    }

    /// Drops the sessions of `pool` giving least value per cash (in a noisy order) until demand
    /// `u`'s money would suffice, never giving up more value than `u` brings.
    mutating func ejectByLeastRatio(_ pool: [Int], for u: Int, _ log: inout StepLog) {
        var keys: [Double] = []
        for j in pool { keys.append(ratio[j] * (SolverTuning.ejectionNoiseLow + SolverTuning.ejectionNoiseWidth * rng.unit())) }
        let order = pool.indices.sorted { (keys[$0], pool[$0]) < (keys[$1], pool[$1]) }
        let value = problem.demandValue[u], need = problem.demandMinCash[u], pattern = problem.demandPattern[u]
        var lost = 0
        for o in order {
            let j = pool[o]
            if lost + problem.demandValue[j] > value { continue }
            drop(j, &log)
            lost += problem.demandValue[j]
            if schedule.funding.canAdd(need, to: pattern) { break }
        }
    }

    /// Drops random sessions of `pool` until demand `u`'s money would suffice and `k` are gone,
    /// at least `SolverTuning.minRelatedDropped` and at most `max(k, minRelatedDropped)`.
    mutating func dropRelated(_ pool: [Int], for u: Int, k: Int, _ log: inout StepLog) {
        let need = problem.demandMinCash[u], pattern = problem.demandPattern[u]
        var dropped = 0
        while !pool.isEmpty && dropped < max(k, SolverTuning.minRelatedDropped) {
            drop(pool[rng.below(pool.count)], &log)
            dropped += 1
            if dropped >= k && schedule.funding.canAdd(need, to: pattern) { break }
        }
    }

    /// Cheaper trainers: for one or two sessions costing more than their minimum, frees a
    /// qualified trainer who travels less by dropping the sessions that keep that trainer away.
    /// False when no session costs more than its minimum or none has a cheaper trainer.
    mutating func freeCheaperTrainers(_ pools: StepPools, _ log: inout StepLog) -> Bool {
        let costly = pools.scheduled.filter { schedule.cashOf[$0] > problem.demandMinCash[$0] }
        guard !costly.isEmpty else { return false }
        for _ in 0..<(rng.unit() < SolverTuning.secondCostlySessionChance ? 2 : 1) {
            let c = costly[rng.below(costly.count)]
            guard let ac = schedule.assignment[c] else { continue }
            let dc = problem.demands[c]
            let worst = ac.trainers.map { dc.travelByTrainer[$0] }.max() ?? 0
            let cheaper =
                dc.langs.firstIndex(of: ac.lang).map { li in
                    dc.trainersByLang[li].filter { dc.travelByTrainer[$0] < worst && !ac.trainers.contains($0) }
                } ?? []
            guard !cheaper.isEmpty else { continue }
            let t = cheaper[rng.below(cheaper.count)]
            let holders = sessionsKeeping(t, awayFrom: c, ac, scheduled: pools.scheduled)
            log.targets.append(c)
            drop(c, &log)
            for j in holders.prefix(SolverTuning.maxHoldersDropped) { drop(j, &log) }
        }
        return !log.targets.isEmpty
    }

    /// The sessions that keep trainer `t` away from session `c` (assignment `ac`): those of `t`
    /// in the same week (busy or travel rule), and, when `t`'s own days or its organisation's
    /// staffing cap are used up, some of `t`'s sessions in other weeks or else one session of a
    /// colleague from the same organisation.
    mutating func sessionsKeeping(_ t: Int, awayFrom c: Int, _ ac: Assignment, scheduled: [Int]) -> [Int] {
        let days = problem.demandDays[c]
        let week = ac.start / 7
        let org = problem.trainerOrg[t]
        let orgCapped = schedule.orgDays[org] + days > problem.orgCap[org]
        let capped = daysOver(t, adding: days) > 0
        let holders = scheduled.filter { j in
            guard j != c, let aj = schedule.assignment[j], aj.trainers.contains(t) else { return false }
            return aj.start / 7 == week || (capped && rng.unit() < SolverTuning.cappedHolderDropChance)
        }
        if capped && holders.isEmpty && orgCapped {
            // The organisation's cap binds: free days of a colleague from the same organisation.
            let sameOrg = scheduled.filter { j in j != c && (schedule.assignment[j]?.trainers.contains { problem.trainerOrg[$0] == org } ?? false) }
            if !sameOrg.isEmpty { return [sameOrg[rng.below(sameOrg.count)]] }
        }
        return holders
    }

    /// Re-seats neighbours of a random session: sessions of its region starting within
    /// `SolverTuning.neighbourDays`, or sessions sharing one of its trainers, so that trainers
    /// and venues can be reassigned more cheaply. False (nothing dropped) only if the drawn
    /// session has no assignment, which the pools rule out.
    mutating func reseatNeighbours(_ pools: StepPools, _ log: inout StepLog) -> Bool {
        let scheduled = pools.scheduled
        let c = scheduled[rng.below(scheduled.count)]
        guard let ac = schedule.assignment[c] else { return false }
        let region = problem.demandRegion[c]
        let pool: [Int]
        if rng.unit() < SolverTuning.neighboursByRegionChance {
            pool = scheduled.filter { j in
                schedule.startOf[j] >= 0 && problem.demandRegion[j] == region && abs(schedule.startOf[j] - ac.start) <= SolverTuning.neighbourDays
            }
        } else {
            let ts = ac.trainers
            pool = scheduled.filter { j in schedule.assignment[j]?.trainers.contains(where: ts.contains) ?? false }
        }
        drop(c, &log)
        for _ in 0..<pools.k where !pool.isEmpty { drop(pool[rng.below(pool.count)], &log) }
        return true
    }

    /// Opens a prerequisite chain: for an unscheduled demand whose prerequisite has no session,
    /// targets an unscheduled demand delivering each missing prerequisite (deepest first), then
    /// the demand, then the other left-out demands the chain unlocks; and ejects the sessions of
    /// least value per cash that share the chain's money, worth less than the targets together,
    /// until their cash would pay for the chain. A chain's value shows only once its dependents
    /// are in, which single-target moves never see. False when no left-out demand lacks a
    /// prerequisite that a demand could deliver.
    mutating func openPrerequisiteChain(_ pools: StepPools, _ log: inout StepLog) -> Bool {
        let blocked = pools.unscheduled.filter { schedule.prerequisiteStart($0) == nil }
        guard !blocked.isEmpty else { return false }
        guard let (chain, targets) = chainTargets(blocked[rng.below(blocked.count)]) else { return false }
        log.targets = targets
        let value = targets.reduce(0) { $0 + problem.demandValue[$1] }
        let need = chain.reduce(0) { $0 + problem.demandMinCash[$1] }
        let pool = pools.scheduled.filter { j in chain.contains { shareSource(j, $0) } }
        var keys: [Double] = []
        for j in pool { keys.append(ratio[j] * (SolverTuning.ejectionNoiseLow + SolverTuning.ejectionNoiseWidth * rng.unit())) }
        var lost = 0, freed = 0
        for o in pool.indices.sorted(by: { (keys[$0], pool[$0]) < (keys[$1], pool[$1]) }) where freed < need {
            let j = pool[o]
            if lost + problem.demandValue[j] >= value { continue }
            lost += problem.demandValue[j]
            freed += schedule.cashOf[j]
            drop(j, &log)
        }
        return true
    }

    /// For left-out demand `u` lacking a prerequisite: the chain of left-out demands that would
    /// deliver its missing prerequisites, deepest first, ending with `u`, and the targets to put
    /// in (the chain, then every left-out dependent of its members). Nil when no demand could
    /// deliver a missing prerequisite.
    func chainTargets(_ u: Int) -> (chain: [Int], targets: [Int])? {
        var chain: [Int] = []
        addMissingPrerequisites(of: u, depth: 0, into: &chain)
        guard !chain.isEmpty else { return nil }
        chain.append(u)
        var targets = chain
        for p in chain { for d in problem.demands[p].dependents where schedule.startOf[d] < 0 && !targets.contains(d) { targets.append(d) } }
        return (chain, targets)
    }

    /// Appends to `chain`, deepest first, one left-out demand for each prerequisite of demand
    /// `i` that no scheduled session delivers (none when a prerequisite has no such demand),
    /// at most `SolverTuning.maxChainDepth` levels down.
    func addMissingPrerequisites(of i: Int, depth: Int, into chain: inout [Int]) {
        guard depth < SolverTuning.maxChainDepth else { return }
        for group in problem.demands[i].prerequisiteDemands where !group.contains(where: { schedule.startOf[$0] >= 0 }) {
            guard let p = group.first(where: { !problem.demandPinned[$0] && !chain.contains($0) }) else { continue }
            addMissingPrerequisites(of: p, depth: depth + 1, into: &chain)
            if !chain.contains(p) { chain.append(p) }
        }
    }

    /// How many days trainer `t` would be over its own maximum or its organisation's staffing cap
    /// (whichever is more) with `days` more; zero or less when they fit.
    func daysOver(_ t: Int, adding days: Int) -> Int {
        let org = problem.trainerOrg[t]
        return max(schedule.trainerDays[t] + days - problem.trainerMaxDays[t], schedule.orgDays[org] + days - problem.orgCap[org])
    }

    /// Frees a team for a left-out demand: in one of its languages, draws as many qualified
    /// trainers as it needs and, for each whose own days or organisation's days would run out,
    /// drops its sessions of other modules at random until they would not (at most
    /// `SolverTuning.maxHoldersDropped` times the team's size in all). When the demand's money is short too, ejects sessions of least value per cash
    /// sharing its money. Targets the demand first and the dropped sessions after it, so that
    /// they come back with other trainers where they can. False when the team holds nothing to
    /// drop and the money suffices.
    mutating func freeTeamFor(_ pools: StepPools, _ log: inout StepLog) -> Bool {
        let u = pools.unscheduled[rng.below(pools.unscheduled.count)]
        let du = problem.demands[u]
        guard !du.langs.isEmpty else { return false }
        var qualified = du.trainersByLang[rng.below(du.langs.count)]
        guard qualified.count >= du.trainersNeeded else { return false }
        for k in 0..<du.trainersNeeded { qualified.swapAt(k, k + rng.below(qualified.count - k)) }
        var dropped: [Int] = []
        for t in qualified.prefix(du.trainersNeeded) {
            var over = daysOver(t, adding: du.days)
            var held = pools.scheduled.filter { j in
                problem.demandModule[j] != problem.demandModule[u] && (schedule.assignment[j]?.trainers.contains(t) ?? false)
            }
            while over > 0 && !held.isEmpty && dropped.count < SolverTuning.maxHoldersDropped * du.trainersNeeded {
                let j = held.remove(at: rng.below(held.count))
                over -= problem.demandDays[j]
                dropped.append(j)
                drop(j, &log)
            }
        }
        if !schedule.funding.canAdd(problem.demandMinCash[u], to: du.pattern) {
            ejectByLeastRatio(pools.scheduled.filter { problem.demandValue[$0] <= du.value && shareSource($0, u) && schedule.startOf[$0] >= 0 }, for: u, &log)
        }
        guard !log.removed.isEmpty else { return false }
        log.targets = [u] + dropped
        return true
    }

    /// Frees costly money: `k` times, drops the session of least value per cash among
    /// `SolverTuning.lowRatioTournament` scheduled ones drawn at random, so that the repair can
    /// fund several cheaper demands with what one costly session held.
    mutating func dropLowRatioSessions(_ pools: StepPools, _ log: inout StepLog) {
        let scheduled = pools.scheduled
        for _ in 0..<pools.k {
            var pick = scheduled[rng.below(scheduled.count)]
            for _ in 1..<SolverTuning.lowRatioTournament {
                let j = scheduled[rng.below(scheduled.count)]
                if (ratio[j], j) < (ratio[pick], pick) { pick = j }
            }
            drop(pick, &log)
        }
    }

    /// Drops `k` random scheduled sessions (repeats allowed, a repeat drops nothing).
    mutating func dropRandomSessions(_ pools: StepPools, _ log: inout StepLog) {
        for _ in 0..<pools.k where !pools.scheduled.isEmpty { drop(pools.scheduled[rng.below(pools.scheduled.count)], &log) }
    }

    /// The scheduled sessions among `items` of least total value (at most `maxValue`) whose cash adds
    /// up to at least `cash`; empty when none do.
    ///
    /// - Complexity: O(items × maxValue), values being small priorities × jointness.
    func knapsackEjection(_ items: [Int], maxValue: Int, cash: Int) -> [Int] {
        guard maxValue > 0 else { return [] }
        let uniq = Array(Set(items)).sorted()
        // best[v]: most cash freed with total value exactly v, and the items used.
        var best = [Int](repeating: -1, count: maxValue + 1)
        var sets = [[Int]](repeating: [], count: maxValue + 1)
        best[0] = 0
        for j in uniq {
            let v = problem.demandValue[j], c = schedule.cashOf[j]
            guard v <= maxValue, c > 0 else { continue }
            for total in stride(from: maxValue, through: v, by: -1) where best[total - v] >= 0 {
                if best[total - v] + c > best[total] {
                    best[total] = best[total - v] + c
                    sets[total] = sets[total - v] + [j]
                }
            }
        }
        for v in 1...maxValue where best[v] >= cash { return sets[v] }
        return []
    }
}
