import Foundation

/// Builds a plan and improves it by large-neighbourhood search.
///
/// Construction inserts demands greedily by value per unit of cash. Each improvement step
/// removes a few sessions (random, or the ones competing with an unscheduled demand for money
/// or trainers), re-inserts demands greedily in a noisy value-per-cash order, and accepts the
/// result by simulated annealing, value first and cash second, as scheduling-model.md orders
/// plans. The best plan seen is returned.
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
        cashTemperature = 0.03 * Double(problem.demands.reduce(0) { $0 + $1.minCash }) / Double(max(1, problem.demands.count))
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
            return SolverResult(assignment: schedule.assignment, value: schedule.value, cash: schedule.cash,
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
        var temperature = 0.5
        var lastBest = 0
        while true {
            if let limit {
                if iteration >= limit { break }
                temperature = 0.5 * (1 - Double(iteration) / Double(max(1, limit))) + 0.02
            } else {
                let t = elapsed()
                if t >= options.timeLimit { break }
                temperature = 0.5 * max(0, 1 - t / max(0.001, options.timeLimit)) + 0.02
                if let p = options.progress, t - lastReport >= 0.25 {
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
            } else if iteration - lastBest > 4000 {
                restore(best)
                lastBest = iteration
            }
        }
        // Restore the best and polish its cash.
        restore(best)
        polishCash()
        construct()
        return SolverResult(assignment: schedule.assignment, value: schedule.value, cash: schedule.cash,
                            iterations: iteration, seconds: elapsed(), pinConflicts: [], kept: schedule.kept)
    }

    /// Places the pinned sessions so that all hold together, or names the pins that conflict.
    ///
    /// Pins are few, so this is a depth-first search over each pin's options (language, venue,
    /// trainers; cheapest first) with backtracking, bounded by a node budget. When no joint
    /// placement exists, a greedy pass names the first pin that cannot be placed and why.
    mutating func placePins() -> [String] {
        if !problem.pinConflicts.isEmpty { return problem.pinConflicts }
        let pinned = problem.demands.filter(\.pinned).sorted { ($0.starts.first ?? 0, $0.index) < ($1.starts.first ?? 0, $1.index) }
        guard !pinned.isEmpty else { return [] }
        for d in pinned { placePrerequisites(of: d) }
        var budget = 50_000
        if placePin(pinned.map(\.index), 0, &budget) { return [] }
        // No joint placement: report the first pin the greedy order cannot place.
        var conflicts: [String] = []
        for d in pinned {
            let i = d.index
            var b = Schedule.Blockers()
            guard let a = schedule.cheapest(i, blockers: &b) else {
                conflicts.append("\(d.id): " + Explainer.pinProblem(problem, schedule, i, b))
                continue
            }
            guard schedule.funding.canAdd(a.cash, to: d.pattern) else {
                conflicts.append("\(d.id): its cash \(Money.text(a.cash)) exceeds what its eligible sources have left (\(Money.text(schedule.funding.headroom(d.pattern))))")
                continue
            }
            schedule.insert(i, a)
        }
        if conflicts.isEmpty {
            conflicts.append("the pins \(pinned.map(\.id).joined(separator: ", ")) compete for the same trainers, venues or money and cannot all hold together")
        }
        return conflicts
    }

    /// Schedules a session of each missing prerequisite of pinned demand `d` before its pinned start.
    mutating func placePrerequisites(of d: DemandData) {
        guard schedule.prerequisiteStart(d.index) == nil, let s = d.starts.first else { return }
        for group in d.prerequisiteDemands where !group.contains(where: { schedule.assignment[$0] != nil }) {
            for j in group where !problem.demandPinned[j] {
                if let a = schedule.cheapest(j, latestStart: s - problem.demandDays[j]),
                   schedule.funding.canAdd(a.cash, to: problem.demandPattern[j]) {
                    schedule.insert(j, a)
                    break
                }
            }
        }
    }

    mutating func placePin(_ pins: [Int], _ k: Int, _ budget: inout Int) -> Bool {
        if k == pins.count { return true }
        let i = pins[k]
        for a in pinOptions(i) {
            budget -= 1
            if budget < 0 { return false }
            guard schedule.fits(i, a) else { continue }
            schedule.insert(i, a)
            if placePin(pins, k + 1, &budget) { return true }
            schedule.remove(i)
        }
        return false
    }

    /// Every way to hold pinned demand `i` (its start is fixed), cheapest first.
    func pinOptions(_ i: Int) -> [Assignment] {
        let d = problem.demands[i]
        guard let s = d.starts.first else { return [] }
        let venues = d.venueBased ? d.venues : [-1]
        var out: [Assignment] = []
        for (li, lang) in d.langs.enumerated() {
            var combos: [[Int]] = []
            func choose(_ from: Int, _ picked: [Int]) {
                if combos.count >= 200 { return }
                if picked.count == d.trainersNeeded { combos.append(picked.sorted()); return }
                let list = d.trainersByLang[li]
                guard from < list.count else { return }
                for x in from..<list.count { choose(x + 1, picked + [list[x]]) }
            }
            choose(0, [])
            for v in venues {
                let venueCost = v >= 0 ? problem.venues[v].costPerDay * d.days : 0
                for c in combos {
                    let cash = d.fixedCash + venueCost + c.reduce(0) { $0 + d.travelByTrainer[$1] }
                    out.append(Assignment(start: s, lang: lang, venue: v, trainers: c, cash: cash))
                }
            }
        }
        return out.sorted { a, b in
            if (a.cash, a.venue, a.lang) != (b.cash, b.venue, b.lang) { return (a.cash, a.venue, a.lang) < (b.cash, b.venue, b.lang) }
            return a.trainers.lexicographicallyPrecedes(b.trainers)
        }
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
        guard let a = schedule.cheapest(i, maxCash: room + 1, rotation: rng.below(1 << 20)) else { return false }
        guard a.cash <= room else { return false }
        schedule.insert(i, a)
        return true
    }

    /// One destroy-and-repair step with annealing acceptance (undone when rejected).
    mutating func step(movable: [Int], temperature: Double) {
        let valueBefore = schedule.value, cashBefore = schedule.cash, keptBefore = schedule.kept
        var removed: [(Int, Assignment)] = []
        func drop(_ i: Int) {
            guard !problem.demandPinned[i], let a = schedule.remove(i) else { return }
            removed.append((i, a))
            for j in schedule.dependentsBroken(after: i) { drop(j) }
        }
        let scheduled = movable.filter { schedule.assignment[$0] != nil }
        let unscheduled = movable.filter { schedule.assignment[$0] == nil }
        var target: Int?
        let k = 1 + rng.below(min(6, max(1, scheduled.count / 8 + 1)))
        let move = rng.unit()
        if !unscheduled.isEmpty && move < 0.15 {
            // Swap: an unscheduled demand for a scheduled one of equal or lower value that costs more.
            let u = unscheduled[rng.below(unscheduled.count)]
            let du = problem.demands[u]
            let pool = scheduled.filter { j in
                problem.demandValue[j] <= du.value && (schedule.assignment[j]?.cash ?? 0) >= du.minCash
                    && sharesSource[problem.demandPattern[j] * problem.patterns.count + du.pattern]
            }
            guard !pool.isEmpty else { return }
            target = u
            drop(pool[rng.below(pool.count)])
            if rng.unit() < 0.5 { drop(pool[rng.below(pool.count)]) }
        } else if !unscheduled.isEmpty && move < 0.45 {
            // Make room for one unscheduled demand: drop sessions sharing its money or region.
            let u = unscheduled[rng.below(unscheduled.count)]
            target = u
            let du = problem.demands[u]
            let related = scheduled.filter { j in
                problem.demandRegion[j] == du.region || sharesSource[problem.demandPattern[j] * problem.patterns.count + du.pattern]
            }
            let pool = related.isEmpty ? scheduled : related
            // Drop related sessions until the target's money would suffice (or k of them are gone).
            let need = problem.demandMinCash[u]
            var dropped = 0
            while !pool.isEmpty && dropped < max(k, 2) {
                drop(pool[rng.below(pool.count)])
                dropped += 1
                if dropped >= k && schedule.funding.headroom(du.pattern) >= need { break }
            }
        } else if !scheduled.isEmpty && move < 0.6 {
            // Cheaper trainers: free the trainers with less travel for a session that travels more.
            let costly = scheduled.filter { (schedule.assignment[$0]?.cash ?? 0) > problem.demands[$0].minCash }
            guard !costly.isEmpty else { return }
            let c = costly[rng.below(costly.count)]
            guard let ac = schedule.assignment[c] else { return }
            let dc = problem.demands[c]
            let worst = ac.trainers.map { dc.travelByTrainer[$0] }.max() ?? 0
            let li = dc.langs.firstIndex(of: ac.lang) ?? 0
            let cheaper = dc.trainersByLang.indices.contains(li)
                ? dc.trainersByLang[li].filter { dc.travelByTrainer[$0] < worst && !ac.trainers.contains($0) } : []
            guard !cheaper.isEmpty else { return }
            let t = cheaper[rng.below(cheaper.count)]
            let week = ac.start / 7
            // Sessions that keep t away: same week (busy or travel rule), or any week when t's own
            // days or its organisation's staffing cap are used up.
            let td = problem.trainers[t]
            let capped = schedule.trainerDays[t] + dc.days > td.maxDays || schedule.orgDays[td.org] + dc.days > problem.orgCap[td.org]
            var holders = scheduled.filter { j in
                guard j != c, let aj = schedule.assignment[j], aj.trainers.contains(t) else { return false }
                return aj.start / 7 == week || (capped && rng.unit() < 0.3)
            }
            if capped && holders.isEmpty && schedule.orgDays[td.org] + dc.days > problem.orgCap[td.org] {
                // The organisation's cap binds: free days of a colleague from the same organisation.
                let sameOrg = scheduled.filter { j in j != c && (schedule.assignment[j]?.trainers.contains { problem.trainers[$0].org == td.org } ?? false) }
                if !sameOrg.isEmpty { holders = [sameOrg[rng.below(sameOrg.count)]] }
            }
            target = c
            drop(c)
            for j in holders.prefix(3) { drop(j) }
        } else if !scheduled.isEmpty && move < 0.8 {
            // Re-seat neighbours: sessions of one region within two weeks, or sharing a trainer,
            // so that trainers and venues can be reassigned more cheaply.
            let c = scheduled[rng.below(scheduled.count)]
            guard let ac = schedule.assignment[c] else { return }
            let dc = problem.demands[c]
            let pool: [Int]
            if rng.unit() < 0.5 {
                pool = scheduled.filter { j in
                    guard let aj = schedule.assignment[j] else { return false }
                    return problem.demandRegion[j] == dc.region && abs(aj.start - ac.start) <= 14
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
        if let t = target, tryInsert(t) { inserted.append(t) }
        // Repair: noisy value-per-cash order over the unscheduled demands.
        var cands = movable.filter { schedule.assignment[$0] == nil }
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

    /// Re-seats each session at its cheapest assignment while value stays.
    mutating func polishCash() {
        var improved = true
        var rounds = 0
        while improved && rounds < 5 {
            improved = false
            rounds += 1
            for i in problem.demands.indices where !problem.demandPinned[i] {
                guard let old = schedule.assignment[i] else { continue }
                schedule.remove(i)
                if !schedule.dependentsBroken(after: i).isEmpty {
                    schedule.insert(i, old)
                    continue
                }
                if !schedule.isBaseline(i, old), let a = schedule.cheapest(i, maxCash: old.cash, rotation: rng.below(1 << 20)), a.cash < old.cash,
                   schedule.funding.canAdd(a.cash, to: problem.demandPattern[i]) {
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

/// Money as text with thousands separators (integers only).
public enum Money {
    public static func text(_ v: Int) -> String {
        let s = String(abs(v))
        var out = ""
        for (k, ch) in s.enumerated() {
            if k > 0 && (s.count - k) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return v < 0 ? "-" + out : out
    }
}
