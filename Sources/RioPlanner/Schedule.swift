/// The solver's mutable schedule: assignments plus every resource they use.
///
/// Insert and remove keep trainer and venue day bitsets, the travel rule's week→region map,
/// day counts per trainer and organisation, and the funding network consistent, so each
/// feasibility question is a few bit operations.
struct Schedule {
    let problem: Problem
    private(set) var assignment: [Assignment?]
    /// Start offset per demand (-1 when unscheduled) and its cash: read on hot paths without
    /// copying the assignment.
    private(set) var startOf: [Int]
    private(set) var cashOf: [Int]
    private var trainerBusy: [UInt64]
    private var venueBusy: [UInt64]
    /// Region + 1 of a trainer's venue-based sessions in a week (0: none), and how many.
    private var weekRegion: [Int32]
    private var weekCount: [Int32]
    private(set) var trainerDays: [Int]
    private(set) var orgDays: [Int]
    private(set) var funding: Funding
    private(set) var value = 0
    private(set) var cash = 0
    private(set) var scheduledCount = 0
    /// Sessions identical to the baseline's (same start, venue, trainers, language).
    private(set) var kept = 0
    /// The baseline plan's assignment per demand, when re-planning.
    let baseline: [Assignment?]
    let words: Int

    init(problem: Problem, baseline: [Assignment?]? = nil) {
        self.problem = problem
        self.baseline = baseline ?? []
        words = Bits.words(problem.dayCount + 7)
        assignment = Array(repeating: nil, count: problem.demands.count)
        startOf = Array(repeating: -1, count: problem.demands.count)
        cashOf = Array(repeating: 0, count: problem.demands.count)
        trainerBusy = Array(repeating: 0, count: words * problem.trainers.count)
        venueBusy = Array(repeating: 0, count: words * problem.venues.count)
        weekRegion = Array(repeating: 0, count: (problem.weekCount + 1) * problem.trainers.count)
        weekCount = weekRegion
        trainerDays = Array(repeating: 0, count: problem.trainers.count)
        orgDays = Array(repeating: 0, count: problem.orgs.count)
        funding = Funding(caps: problem.sources.map(\.cap), patterns: problem.patterns)
    }

    var score: (value: Int, cash: Int) { (value, cash) }

    mutating func insert(_ i: Int, _ a: Assignment) {
        // Scalars from the flat arrays where they exist (no `DemandData` retained and released).
        let days = problem.demandDays[i], venueBased = problem.demands[i].venueBased
        assignment[i] = a
        startOf[i] = a.start
        cashOf[i] = a.cash
        let wk = a.start / 7, W = problem.weekCount + 1
        for t in a.trainers {
            Bits.set(&trainerBusy, t * words, a.start, days, true)
            trainerDays[t] += days
            orgDays[problem.trainerOrg[t]] += days
            if venueBased {
                weekRegion[t * W + wk] = Int32(problem.demandRegion[i] + 1)
                weekCount[t * W + wk] += 1
            }
        }
        if a.venue >= 0 { Bits.set(&venueBusy, a.venue * words, a.start, days, true) }
        funding.add(a.cash, to: problem.demandPattern[i])
        value += problem.demandValue[i]
        cash += a.cash
        scheduledCount += 1
        if isBaseline(i, a) { kept += 1 }
    }

    /// Whether `a` is demand `i`'s baseline session unchanged.
    func isBaseline(_ i: Int, _ a: Assignment) -> Bool {
        guard i < baseline.count, let b = baseline[i] else { return false }
        return b.start == a.start && b.venue == a.venue && b.lang == a.lang && b.trainers == a.trainers
    }

    /// Whether assignment `a` of unscheduled demand `i` fits everything scheduled, funding included;
    /// trainers' and organisations' day limits only when `dayLimits` (a day chain frees them after).
    func fits(_ i: Int, _ a: Assignment, dayLimits: Bool = true) -> Bool {
        let d = problem.demands[i]
        guard assignment[i] == nil, d.starts.contains(a.start), let li = d.langs.firstIndex(of: a.lang),
            a.trainers.count == d.trainersNeeded, let lo = prerequisiteStart(i), a.start >= lo
        else { return false }
        if d.venueBased {
            guard d.venues.contains(a.venue), !Bits.any(venueBusy, a.venue * words, a.start, d.days) else { return false }
        } else if a.venue >= 0 {
            return false
        }
        let W = problem.weekCount + 1, wk = a.start / 7
        var orgExtra: [Int: Int] = [:]
        for t in a.trainers {
            let td = problem.trainers[t]
            guard d.trainersByLang[li].contains(t), !Bits.any(td.blocked, 0, a.start, d.days),
                !Bits.any(trainerBusy, t * words, a.start, d.days), !dayLimits || trainerDays[t] + d.days <= td.maxDays
            else { return false }
            orgExtra[td.org, default: 0] += d.days
            if dayLimits && orgDays[td.org] + (orgExtra[td.org] ?? 0) > problem.orgCap[td.org] { return false }
            if d.venueBased {
                let r = weekRegion[t * W + wk]
                if r != 0 && Int(r) != d.region + 1 { return false }
            }
        }
        return problem.sessionCash(d, venue: a.venue, trainers: a.trainers) == a.cash && funding.canAdd(a.cash, to: d.pattern)
    }

    /// Removes demand `i`'s session; returns its assignment.
    @discardableResult
    mutating func remove(_ i: Int) -> Assignment? {
        guard let a = assignment[i] else { return nil }
        // Scalars from the flat arrays where they exist (no `DemandData` retained and released).
        let days = problem.demandDays[i], venueBased = problem.demands[i].venueBased
        assignment[i] = nil
        startOf[i] = -1
        cashOf[i] = 0
        let wk = a.start / 7, W = problem.weekCount + 1
        for t in a.trainers {
            Bits.set(&trainerBusy, t * words, a.start, days, false)
            trainerDays[t] -= days
            orgDays[problem.trainerOrg[t]] -= days
            if venueBased {
                weekCount[t * W + wk] -= 1
                if weekCount[t * W + wk] == 0 { weekRegion[t * W + wk] = 0 }
            }
        }
        if a.venue >= 0 { Bits.set(&venueBusy, a.venue * words, a.start, days, false) }
        funding.add(-a.cash, to: problem.demandPattern[i])
        value -= problem.demandValue[i]
        cash -= a.cash
        scheduledCount -= 1
        if isBaseline(i, a) { kept -= 1 }
        return a
    }

    /// Whether trainer `t` has no session on the `days` days from `start` and, when `region` is
    /// given (a venue-based session there), no venue-based session in another region that week.
    func trainerFree(_ t: Int, start: Int, days: Int, region: Int?) -> Bool {
        if Bits.any(trainerBusy, t * words, start, days) { return false }
        guard let region else { return true }
        let r = weekRegion[t * (problem.weekCount + 1) + start / 7]
        return r == 0 || Int(r) == region + 1
    }

    /// Whether venue `v` is free on the `days` days from `start`.
    func venueFree(_ v: Int, start: Int, days: Int) -> Bool { !Bits.any(venueBusy, v * words, start, days) }

    /// Earliest start allowed by the prerequisites currently scheduled; nil when a prerequisite is missing.
    func prerequisiteStart(_ i: Int) -> Int? {
        var lo = 0
        for group in problem.demands[i].prerequisiteDemands {
            var best = Int.max
            for j in group where startOf[j] >= 0 { best = min(best, startOf[j] + problem.demandDays[j]) }
            if best == Int.max { return nil }
            lo = max(lo, best)
        }
        return lo
    }

    /// Whether scheduled demand `i` still has every prerequisite delivered before it.
    func prerequisitesHold(_ i: Int) -> Bool {
        guard startOf[i] >= 0, let lo = prerequisiteStart(i) else { return false }
        return startOf[i] >= lo
    }

    /// Why no assignment fits, for the explainer (counts of blocking causes).
    struct Blockers {
        var starts = 0, venueBusy = 0, noTrainer = 0, staffing = 0, maxDays = 0, travel = 0, trainerBusy = 0, prerequisite = false
    }

    /// The cheapest feasible assignment of demand `i` given everything scheduled, ignoring funding,
    /// with trainer `avoid` left out (none when negative); trainers' and organisations' day limits
    /// only when `dayLimits` (a day chain frees them after).
    ///
    /// - Complexity: O(starts × languages × qualified trainers).
    func cheapest(
        _ i: Int, blockers: UnsafeMutablePointer<Blockers>? = nil, maxCash: Int = Int.max, latestStart: Int = Int.max, rotation: Int = 0, avoid: Int = -1,
        dayLimits: Bool = true
    ) -> Assignment? {
        guard let lo = prerequisiteStart(i) else { blockers?.pointee.prerequisite = true; return nil }
        // The demand's fields as locals, and trainers by flat index: the scan below runs for
        // every start and language, and reading nested arrays there retains them each time.
        let days = problem.demandDays[i], needed = problem.demands[i].trainersNeeded, venueBased = problem.demands[i].venueBased
        let starts = problem.demands[i].starts, langs = problem.demands[i].langs, venues = problem.demands[i].venues
        let byLang = problem.demands[i].langTrainers, langStart = problem.demands[i].langStart
        let travelOf = problem.demands[i].travelByTrainer, fixed = problem.demands[i].fixedCash
        let region = Int32(problem.demandRegion[i] + 1), lowerBound = problem.demandMinCash[i]
        let W = problem.weekCount + 1
        var best: Assignment?
        var bestCash = maxCash
        var chosen = [Int](repeating: 0, count: needed)
        var orgExtra = [Int](repeating: 0, count: problem.orgs.count)
        let n = starts.count
        // Scan the starts from a rotated position so equal-cost sessions spread over the horizon;
        // demands that others depend on scan from the earliest.
        let rot = (problem.demands[i].dependents.isEmpty && n > 0) ? rotation % n : 0
        for step in 0..<n {
            let s = starts[(step + rot) % n]
            if s < lo || s > latestStart { continue }
            var venue = -1, venueCost = 0
            if venueBased {
                for vi in venues.indices where !Bits.any(venueBusy, venues[vi] * words, s, days) {
                    venue = venues[vi]
                    venueCost = problem.venueCash(days: days, venue: venue)
                    break
                }
                if venue < 0 { blockers?.pointee.venueBusy += 1; continue }
            }
            let wk = s / 7
            for li in langs.indices {
                var k = 0, travel = 0
                for x in langStart[li]..<langStart[li + 1] {
                    let t = byLang[x]
                    if t == avoid { continue }
                    let org = problem.trainerOrg[t]
                    if Bits.any(problem.trainerBlocked, t * problem.blockedWords, s, days) || Bits.any(trainerBusy, t * words, s, days) {
                        blockers?.pointee.trainerBusy += 1; continue
                    }
                    if dayLimits && trainerDays[t] + days > problem.trainerMaxDays[t] { blockers?.pointee.maxDays += 1; continue }
                    if dayLimits && orgDays[org] + orgExtra[org] + days > problem.orgCap[org] { blockers?.pointee.staffing += 1; continue }
                    if venueBased {
                        let r = weekRegion[t * W + wk]
                        if r != 0 && r != region { blockers?.pointee.travel += 1; continue }
                    }
                    chosen[k] = t; k += 1
                    travel += travelOf[t]
                    orgExtra[org] += days
                    if k == needed { break }
                }
                for j in 0..<k { orgExtra[problem.trainerOrg[chosen[j]]] = 0 }
                if k < needed { blockers?.pointee.noTrainer += 1; continue }
                let c = DemandData.cash(fixed: fixed, venue: venueCost, travel: travel)
                if c < bestCash {
                    bestCash = c
                    best = Assignment(start: s, lang: langs[li], venue: venue, trainers: Array(chosen.prefix(k)).sorted(), cash: c)
                    if c <= lowerBound { return best }
                }
            }
        }
        return best
    }

    /// Whether the sessions that list `i`'s module as prerequisite still hold after removing `i`.
    func dependentsBroken(after i: Int) -> [Int] {
        problem.demands[i].dependents.filter { startOf[$0] >= 0 && !prerequisitesHold($0) }
    }
}
