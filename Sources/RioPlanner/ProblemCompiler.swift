import RioModel

/// Compiles a request and catalog into a `Problem`.
public enum ProblemCompiler {
    /// - Complexity: O(demands × (horizon days + trainers × languages)).
    public static func compile(request: PlanRequest, catalog: Catalog) -> Problem {
        let h = request.horizon
        let base = h.start.number - h.start.weekday
        let dayCount = h.end.number - base + 1
        let words = Bits.words(dayCount + 7)
        let regionIDs = catalog.regions.map(\.id)
        func regionIndex(_ id: String) -> Int { regionIDs.firstIndex(of: id) ?? 0 }

        // Organisations in order of first appearance (staff, then staffing caps).
        var orgs: [String] = []
        for t in request.staff where !orgs.contains(t.org) { orgs.append(t.org) }
        for s in request.staffing where !orgs.contains(s.org) { orgs.append(s.org) }
        var orgCap = Array(repeating: Int.max, count: orgs.count)
        for s in request.staffing { if let i = orgs.firstIndex(of: s.org) { orgCap[i] = min(orgCap[i], s.maxDays) } }

        var languages: [String] = []
        func lang(_ l: String) -> Int {
            if let i = languages.firstIndex(of: l) { return i }
            languages.append(l)
            return languages.count - 1
        }

        // Trainers.
        var trainers: [TrainerData] = []
        for (i, t) in request.staff.enumerated() {
            var blocked = Array(repeating: UInt64(0), count: words)
            func block(_ r: DayRange) {
                let a = max(0, r.start.number - base), b = min(dayCount - 1, r.end.number - base)
                if a <= b { for d in a...b { Bits.set(&blocked, 0, d, 1, true) } }
            }
            t.unavailable.forEach(block)
            for b in request.blackouts where (b.orgs ?? []).contains(t.org) { block(b.range) }
            trainers.append(
                TrainerData(
                    index: i, trainer: t, org: orgs.firstIndex(of: t.org) ?? 0,
                    home: regionIndex(t.home), maxDays: t.maxDays ?? Int.max, blocked: blocked))
        }

        // Venues.
        var venues: [VenueData] = []
        for (ri, r) in catalog.regions.enumerated() {
            for v in r.venues {
                venues.append(VenueData(index: venues.count, id: v.id, region: ri, capacity: v.capacity, costPerDay: v.costPerDay))
            }
        }

        // Funding patterns.
        var patterns: [[Int]] = []
        let sources = request.funding.enumerated().map { SourceData(index: $0.offset, source: $0.element, cap: $0.element.cap) }

        let delivered = Set(request.delivered.map { "\($0.module)\u{1}\($0.region)" })
        let pins = Dictionary(request.pinned.map { ($0.demand, $0) }, uniquingKeysWith: { a, _ in a })
        var conflicts: [String] = []
        var out: [DemandData] = []

        for (di, d) in request.demands.enumerated() {
            guard let m = catalog.module(d.module), let region = catalog.region(d.region) else { continue }
            let ri = regionIndex(d.region)
            let n = m.days
            let pin = pins[d.id]
            let lo = max(h.start, d.earliest ?? h.start), hi = min(h.end, d.latest ?? h.end)
            var starts: [Int] = []
            if lo <= hi {
                for dn in lo.number...hi.number {
                    let day = Day(number: dn)
                    guard day.weekday + n <= 5, dn + n - 1 <= hi.number else { continue }
                    let touches = request.blackouts.contains { b in
                        (b.orgs ?? []).isEmpty && ((b.regions ?? []).isEmpty || (b.regions ?? []).contains(d.region))
                            && b.range.overlaps(first: day, last: Day(number: dn + n - 1))
                    }
                    if !touches { starts.append(dn - base) }
                }
            }
            var langNames = m.languages.filter { (d.languages ?? m.languages).contains($0) }
            var pinVenue: Int?
            var pinTrainers: [Int]?
            if let pin {
                let off = pin.start.number - base
                if starts.contains(off) {
                    starts = [off]
                } else {
                    conflicts.append("\(d.id): pinned start \(pin.start) is not allowed (\(startProblem(pin.start, n, lo, hi, request, d)))")
                    starts = []
                }
                if let l = pin.language {
                    if !langNames.contains(l) {
                        conflicts.append("\(d.id): pinned language \(l) is not offered (module \(m.id) runs in \(langNames.joined(separator: ", ")))")
                    }
                    langNames = langNames.filter { $0 == l }
                }
                if let v = pin.venue {
                    if let vi = venues.firstIndex(where: { $0.id == v }) {
                        if venues[vi].region != ri {
                            conflicts.append("\(d.id): pinned venue \(v) is not in region \(d.region)")
                        } else if venues[vi].capacity < d.participants {
                            conflicts.append("\(d.id): pinned venue \(v) holds \(venues[vi].capacity), fewer than \(d.participants) participants")
                        }
                        pinVenue = vi
                    }
                    if !m.delivery.isVenueBased { conflicts.append("\(d.id): pinned venue \(v), but module \(m.id) is online") }
                }
                if let ts = pin.trainers {
                    pinTrainers = ts.compactMap { id in request.staff.firstIndex { $0.id == id } }
                    if ts.count != m.trainers { conflicts.append("\(d.id): pin names \(ts.count) trainer(s); module \(m.id) needs \(m.trainers)") }
                    for t in ts {
                        guard let tr = request.trainer(t) else { continue }
                        if !tr.modules.contains(m.id) { conflicts.append("\(d.id): pinned trainer \(t) is not qualified for \(m.id)") }
                        if !langNames.contains(where: tr.languages.contains) {
                            conflicts.append("\(d.id): pinned trainer \(t) speaks none of \(langNames.joined(separator: ", "))")
                        }
                    }
                }
            }
            let langs = langNames.map(lang)
            var travelByTrainer = Array(repeating: 0, count: trainers.count)
            if m.delivery.isVenueBased {
                for t in trainers { travelByTrainer[t.index] = catalog.travelCost(t.trainer.home, d.region) ?? 0 }
            }
            var byLang: [[Int]] = []
            for l in langNames {
                var ts = trainers.filter { t in
                    t.trainer.modules.contains(m.id) && t.trainer.languages.contains(l)
                        && (pinTrainers == nil || (pinTrainers ?? []).contains(t.index))
                }.map(\.index)
                ts.sort { (travelByTrainer[$0], request.staff[$0].dayRate, $0) < (travelByTrainer[$1], request.staff[$1].dayRate, $1) }
                byLang.append(ts)
            }
            var vs: [Int] = []
            if m.delivery.isVenueBased {
                vs = venues.filter { $0.region == ri && $0.capacity >= d.participants && (pinVenue == nil || pinVenue == $0.index) }
                    .sorted { ($0.costPerDay, $0.index) < ($1.costPerDay, $1.index) }.map(\.index)
            }
            let fixed: Int
            if m.delivery.isVenueBased {
                fixed = d.participants * (region.dsaPerDay * n + region.participantTravel + m.materialsPerParticipant)
            } else {
                fixed = m.onlinePlatformCost + d.participants * m.materialsPerParticipant
            }
            let minVenue = vs.first.map { venues[$0].costPerDay * n } ?? 0
            let minTravel = byLang.map { ts in ts.prefix(m.trainers).reduce(0) { $0 + travelByTrainer[$1] } }.min() ?? 0
            let convs = catalog.conventions(of: m)
            let eligible = sources.filter { $0.source.isEligible(moduleConventions: convs, moduleThemes: m.themes, region: d.region) }.map(\.index)
            let pattern: Int
            if let p = patterns.firstIndex(of: eligible) { pattern = p } else { patterns.append(eligible); pattern = patterns.count - 1 }
            var prereqs: [[Int]] = []
            for p in m.prerequisites where !delivered.contains("\(p)\u{1}\(d.region)") {
                prereqs.append(request.demands.indices.filter { request.demands[$0].module == p && request.demands[$0].region == d.region })
            }
            out.append(
                DemandData(
                    index: di, id: d.id, demand: d, module: m, region: ri, days: n,
                    value: d.priority * convs.count, trainersNeeded: m.trainers, venueBased: m.delivery.isVenueBased,
                    fixedCash: fixed, starts: starts, langs: langs, trainersByLang: byLang,
                    travelByTrainer: travelByTrainer, venues: vs, prerequisiteDemands: prereqs, dependents: [],
                    pattern: pattern, pinned: pin != nil, pinVenue: pinVenue, pinTrainers: pinTrainers,
                    minCash: fixed + minVenue + minTravel))
        }
        for i in out.indices {
            for group in out[i].prerequisiteDemands { for j in group { out[j].dependents.append(i) } }
        }
        return Problem(
            request: request, catalog: catalog, base: base, dayCount: dayCount, demands: out, trainers: trainers,
            venues: venues, sources: sources, orgs: orgs, orgCap: orgCap, patterns: patterns,
            languages: languages, pinConflicts: conflicts)
    }

    static func startProblem(_ s: Day, _ n: Int, _ lo: Day, _ hi: Day, _ r: PlanRequest, _ d: Demand) -> String {
        if s.weekday + n > 5 {
            return
                "a \(n)-day session starting on a \(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][s.weekday]) does not fit Monday to Friday"
        }
        if s < lo || s.adding(days: n - 1) > hi { return "it lies outside the window \(lo)..\(hi)" }
        if let b = r.blackouts.first(where: {
            ($0.orgs ?? []).isEmpty && (($0.regions ?? []).isEmpty || ($0.regions ?? []).contains(d.region)) && $0.range.overlaps(first: s, last: s.adding(days: n - 1))
        }) {
            return "it touches the blackout \(b.name) \(b.range.description)"
        }
        return "not allowed"
    }
}
