import RioModel
import RioStore

/// Sums the records of a snapshot into indicator lines per group and in total.
struct IndicatorBuilder {
    /// Running sums of one group.
    struct Sums {
        var planned = 0, delivered = 0, cancelled = 0, participants = 0, participantDays = 0, women = 0, disclosed = 0
        var countries: Set<String> = [], ldc = 0, sids = 0, completed = 0, gainSum = 0, gainCount = 0, followed = 0, applied = 0
        var outcomes = Indicators.OutcomeCounts(), cash = 0, cashDays = 0, sessions: Set<String> = []

        mutating func add(_ t: AttendanceTally, days: Int, ldc isLDC: Bool, sids isSIDS: Bool) {
            participants += t.participants; participantDays += t.participants * days; women += t.women; disclosed += t.disclosed
            countries.insert(t.country); completed += t.completed; gainSum += t.gainSum; gainCount += t.gainCount
            if isLDC { ldc += t.participants }
            if isSIDS { sids += t.participants }
        }
    }

    let catalog: Catalog
    let by: IndicatorGrouping?
    let ldc: Set<String>, sids: Set<String>
    var total = Sums()
    var groups: [String: Sums] = [:]

    init(catalog: Catalog, by: IndicatorGrouping?) {
        self.catalog = catalog; self.by = by
        ldc = Set(catalog.countries.filter(\.ldc).map(\.code)); sids = Set(catalog.countries.filter(\.sids).map(\.code))
    }

    /// The groups a session counts for (not the country grouping, which goes by participant).
    func keys(_ s: StoredSession) -> [String] {
        switch by {
        case .region: return [s.region]
        case .convention: return s.conventionIDs
        case .theme: return s.themeIDs
        case .module: return [s.module]
        case .country, nil: return []
        }
    }

    /// Adds every session, its attendance, follow-ups and outcomes.
    mutating func add(_ snapshot: RecordSnapshot) {
        var byID: [String: RecordSnapshot.Line] = [:]
        for line in snapshot.lines {
            byID[line.stored.session] = line
            let perSession = by == .country ? [] : keys(line.stored)
            for k in perSession { count(line, into: &groups[k, default: Sums()], snapshot) }
            count(line, into: &total, snapshot)
            guard by == .country, line.status == .delivered else { continue }
            for t in line.tallies {
                groups[t.country, default: Sums()].sessions.insert(line.stored.session)
                groups[t.country, default: Sums()].add(t, days: line.days, ldc: ldc.contains(t.country), sids: sids.contains(t.country))
            }
            for f in snapshot.followUps[line.stored.session] ?? [] {
                groups[f.country, default: Sums()].followed += f.followed; groups[f.country, default: Sums()].applied += f.applied
            }
        }
        for o in snapshot.outcomes {
            total.outcomes.add(o.record.kind)
            var keys: [String] = []
            if by == .country {
                keys = [o.record.country]
            } else {
                for s in o.sessions { for k in byID[s].map({ self.keys($0.stored) }) ?? [] where !keys.contains(k) { keys.append(k) } }
            }
            for k in keys { groups[k, default: Sums()].outcomes.add(o.record.kind) }
        }
    }

    /// Adds one session to a group's (or the total's) sums.
    func count(_ line: RecordSnapshot.Line, into sums: inout Sums, _ snapshot: RecordSnapshot) {
        sums.planned += 1
        if line.status == .cancelled { sums.cancelled += 1 }
        guard line.status == .delivered else { return }
        sums.delivered += 1
        for t in line.tallies { sums.add(t, days: line.days, ldc: ldc.contains(t.country), sids: sids.contains(t.country)) }
        for f in snapshot.followUps[line.stored.session] ?? [] { sums.followed += f.followed; sums.applied += f.applied }
        if line.participants > 0 { sums.cash += line.cash; sums.cashDays += line.participants * line.days }
    }

    /// The group keys in the catalog's order of the grouping; unknown ones after, sorted.
    func orderedKeys() -> [String] {
        let order: [String]
        switch by {
        case .region: order = catalog.regions.map(\.id)
        case .convention: order = catalog.conventions.map(\.id)
        case .theme: order = catalog.themes.map(\.id)
        case .module: order = catalog.modules.map(\.id)
        case .country: order = catalog.countries.map(\.code)
        case nil: return []
        }
        let known = order.filter { groups[$0] != nil }
        return known + groups.keys.filter { !order.contains($0) }.sorted()
    }

    /// The indicator line of a group's sums.
    func line(_ group: String, _ s: Sums, perCountry: Bool) -> Indicators.Line {
        func share(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }
        return Indicators.Line(
            group: group, planned: perCountry ? nil : s.planned, delivered: perCountry ? s.sessions.count : s.delivered,
            cancelled: perCountry ? nil : s.cancelled, participants: s.participants, participantDays: s.participantDays, women: s.women,
            disclosed: s.disclosed, womenShare: share(s.women, s.disclosed), countries: s.countries.count, ldcShare: share(s.ldc, s.participants),
            sidsShare: share(s.sids, s.participants), completionRate: share(s.completed, s.participants),
            learningGain: s.gainCount == 0 ? nil : Double(s.gainSum) / Double(s.gainCount), followedUp: s.followed,
            applicationRate: share(s.applied, s.followed), outcomes: s.outcomes,
            cashPerParticipantDay: perCountry || s.cashDays == 0 ? nil : Double(s.cash) / Double(s.cashDays))
    }

    /// The finished indicators.
    func result(plans: [String], snapshot: RecordSnapshot) -> Indicators {
        let lines = orderedKeys().map { line($0, groups[$0] ?? Sums(), perCountry: by == .country) }
        var gaps: [Indicators.ParityGap] = []
        for l in snapshot.lines where l.status == .delivered {
            let women = l.tallies.reduce(0) { $0 + $1.women }, disclosed = l.tallies.reduce(0) { $0 + $1.disclosed }
            guard disclosed > 0, Double(women) / Double(disclosed) < Indicators.parityThreshold else { continue }
            gaps.append(
                Indicators.ParityGap(
                    session: l.stored.session, region: l.stored.region, module: l.stored.module, women: women, disclosed: disclosed,
                    womenShare: Double(women) / Double(disclosed)))
        }
        return Indicators(plans: plans, by: by, groups: lines, total: line("total", total, perCountry: false), underParity: gaps)
    }
}
