import Foundation

extension Solver {
    /// One destroy-and-repair step with annealing acceptance (undone when rejected).
    mutating func step(movable: [Int], temperature: Double) {
        let valueBefore = schedule.value, cashBefore = schedule.cash, keptBefore = schedule.kept
        var removed: [(Int, Assignment)] = []
        func drop(_ i: Int) {
            guard !problem.demandPinned[i], let a = schedule.remove(i) else { return }
            removed.append((i, a))
            for j in schedule.dependentsBroken(after: i) { drop(j) }
        }
        let scheduled = movable.filter { schedule.startOf[$0] >= 0 }
        let unscheduled = movable.filter { schedule.startOf[$0] < 0 }
        var targets: [Int] = []
        let k = 1 + rng.below(min(6, max(1, scheduled.count / 8 + 1)))
        let move = rng.unit()
        if !unscheduled.isEmpty && move < 0.15 {
            // Swap: an unscheduled demand for a scheduled one of equal or lower value that costs more.
            let u = unscheduled[rng.below(unscheduled.count)]
            let du = problem.demands[u]
            let pool = scheduled.filter { j in
                problem.demandValue[j] <= du.value && schedule.cashOf[j] >= du.minCash
                    && sharesSource[problem.demandPattern[j] * problem.patterns.count + du.pattern]
            }
            guard !pool.isEmpty else { return }
            targets = [u]
            drop(pool[rng.below(pool.count)])
            if rng.unit() < 0.5 { drop(pool[rng.below(pool.count)]) }
        } else if !unscheduled.isEmpty && move < 0.45 {
            // Make room for one unscheduled demand: drop sessions sharing its money or region.
            let u = unscheduled[rng.below(unscheduled.count)]
            targets = [u]
            let du = problem.demands[u]
            let related = scheduled.filter { j in
                problem.demandRegion[j] == du.region || sharesSource[problem.demandPattern[j] * problem.patterns.count + du.pattern]
            }
            var pool = related.isEmpty ? scheduled : related
            let need = problem.demandMinCash[u]
            if rng.unit() < 0.5 {
                // Knapsack-style ejection: drop the sessions giving least value per cash among those
                // sharing its money, until its cash fits, as long as they are worth less than it.
                pool = pool.filter { problem.demandValue[$0] < du.value && sharesSource[problem.demandPattern[$0] * problem.patterns.count + du.pattern] }
                let short = need - schedule.funding.headroom(du.pattern)
                if short > 0 && rng.unit() < 0.5 {
                    // Exact small knapsack: the set worth least (less than the target) whose cash covers
                    // the shortfall, over a random sample of the pool (cash jittered for variety).
                    let sample = pool.count > 60 ? (0..<60).map { _ in pool[rng.below(pool.count)] } : pool
                    for j in knapsackEjection(sample, maxValue: du.value - 1, cash: short) { drop(j) }
                } else {
                    var keys: [Double] = []
                    for j in pool { keys.append(ratio[j] * (0.6 + 0.8 * rng.unit())) }
                    let order = pool.indices.sorted { (keys[$0], pool[$0]) < (keys[$1], pool[$1]) }
                    var lost = 0
                    for o in order {
                        let j = pool[o]
                        if lost + problem.demandValue[j] >= du.value { continue }
                        drop(j)
                        lost += problem.demandValue[j]
                        if schedule.funding.headroom(du.pattern) >= need { break }
                    }
                }
            } else {
                // Drop related sessions until the target's money would suffice (or k of them are gone).
                var dropped = 0
                while !pool.isEmpty && dropped < max(k, 2) {
                    drop(pool[rng.below(pool.count)])
                    dropped += 1
                    if dropped >= k && schedule.funding.headroom(du.pattern) >= need { break }
                }
            }
        } else if !scheduled.isEmpty && move < 0.6 {
            // Cheaper trainers: free the trainers with less travel for one or two sessions that travel more.
            let costly = scheduled.filter { schedule.cashOf[$0] > problem.demandMinCash[$0] }
            guard !costly.isEmpty else { return }
            for _ in 0..<(rng.unit() < 0.3 ? 2 : 1) {
                let c = costly[rng.below(costly.count)]
                guard let ac = schedule.assignment[c] else { continue }
                let dc = problem.demands[c]
                let worst = ac.trainers.map { dc.travelByTrainer[$0] }.max() ?? 0
                let li = dc.langs.firstIndex(of: ac.lang) ?? 0
                let cheaper =
                    dc.trainersByLang.indices.contains(li)
                    ? dc.trainersByLang[li].filter { dc.travelByTrainer[$0] < worst && !ac.trainers.contains($0) } : []
                guard !cheaper.isEmpty else { continue }
                let t = cheaper[rng.below(cheaper.count)]
                let week = ac.start / 7
                // Sessions that keep t away: same week (busy or travel rule), or any week when t's own
                // days or its organisation's staffing cap are used up.
                let org = problem.trainerOrg[t]
                let capped = schedule.trainerDays[t] + dc.days > problem.trainerMaxDays[t] || schedule.orgDays[org] + dc.days > problem.orgCap[org]
                var holders = scheduled.filter { j in
                    guard j != c, let aj = schedule.assignment[j], aj.trainers.contains(t) else { return false }
                    return aj.start / 7 == week || (capped && rng.unit() < 0.3)
                }
                if capped && holders.isEmpty && schedule.orgDays[org] + dc.days > problem.orgCap[org] {
                    // The organisation's cap binds: free days of a colleague from the same organisation.
                    let sameOrg = scheduled.filter { j in j != c && (schedule.assignment[j]?.trainers.contains { problem.trainerOrg[$0] == org } ?? false) }
                    if !sameOrg.isEmpty { holders = [sameOrg[rng.below(sameOrg.count)]] }
                }
                targets.append(c)
                drop(c)
                for j in holders.prefix(3) { drop(j) }
            }
            guard !targets.isEmpty else { return }
        } else if !scheduled.isEmpty && move < 0.8 {
            // Re-seat neighbours: sessions of one region within two weeks, or sharing a trainer,
            // so that trainers and venues can be reassigned more cheaply.
            let c = scheduled[rng.below(scheduled.count)]
            guard let ac = schedule.assignment[c] else { return }
            let dc = problem.demands[c]
            let pool: [Int]
            if rng.unit() < 0.5 {
                pool = scheduled.filter { j in
                    schedule.startOf[j] >= 0 && problem.demandRegion[j] == dc.region && abs(schedule.startOf[j] - ac.start) <= 14
                }
            } else {
                let ts = ac.trainers
                pool = scheduled.filter { j in schedule.assignment[j]?.trainers.contains(where: ts.contains) ?? false }
            }
            drop(c)
            for _ in 0..<k where !pool.isEmpty { drop(pool[rng.below(pool.count)]) }
        } else {
            for _ in 0..<k where !scheduled.isEmpty { drop(scheduled[rng.below(scheduled.count)]) }
        }
        var inserted: [Int] = []
        for t in targets where schedule.startOf[t] < 0 { if tryInsert(t) { inserted.append(t) } }
        // Repair: noisy value-per-cash order over the unscheduled demands.
        var cands = movable.filter { schedule.startOf[$0] < 0 }
        var keys: [Double] = []
        keys.reserveCapacity(cands.count)
        for i in cands { keys.append(ratio[i] * (0.7 + 0.6 * rng.unit())) }
        let idx = cands.indices.sorted { (keys[$0], -cands[$0]) > (keys[$1], -cands[$1]) }
        cands = idx.map { cands[$0] }
        var expensive = 0
        for i in cands {
            if problem.demandMinCash[i] > schedule.funding.headroom(problem.demandPattern[i]) || !hasStarts[i] { continue }
            expensive += 1
            if expensive > 80 { break }
            if tryInsert(i) { inserted.append(i) }
        }
        let dv = schedule.value - valueBefore, dc = schedule.cash - cashBefore, dk = schedule.kept - keptBefore
        if dv > 0 || (dv == 0 && (dk > 0 || (dk == 0 && dc <= 0))) { return }
        if dv == 0 && dk < 0 && rng.unit() < exp(Double(dk) / temperature) { return }
        if dv < 0 && rng.unit() < exp(Double(dv) / temperature) { return }
        if dv == 0 && dk == 0 && rng.unit() < exp(-Double(dc) / (cashTemperature * temperature)) { return }
        // Undo.
        for i in inserted.reversed() { schedule.remove(i) }
        for (i, a) in removed.reversed() { schedule.insert(i, a) }
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
