import RioModel

/// Re-verifies a plan file against scheduling-model.md, sharing nothing with the solver's search.
///
/// It reads the plan as written (dates as text, ids as names), recomputes every cost and the
/// score from the catalog and request, and lists each broken rule by name.
public struct Verifier {
    public let catalog: Catalog
    public let request: PlanRequest

    public init(catalog: Catalog, request: PlanRequest) { self.catalog = catalog; self.request = request }

    public struct Violation: Sendable, Hashable, Codable {
        /// The rule's name, e.g. `trainerDoubleBooked`, `sourceOverCap`.
        public var rule: String
        public var message: String
    }

    public struct Report: Sendable, Codable {
        public var valid: Bool { violations.isEmpty }
        public var violations: [Violation]
        public var value: Int
        public var cash: Int
        public var inKind: Int
        public var scheduled: Int
        public var demands: Int
    }

    public func verify(_ plan: Plan) -> Report {
        var v: [Violation] = []
        func bad(_ rule: String, _ msg: String) { v.append(Violation(rule: rule, message: msg)) }
        let demands = Dictionary(request.demands.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let staff = Dictionary(request.staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let sources = Dictionary(request.funding.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        if plan.format != Plan.formatID { bad("format", "format is \(plan.format), expected \(Plan.formatID)") }
        if plan.name != request.name { bad("planName", "plan name \(plan.name) differs from the request's \(request.name)") }
        var seen: [String: Int] = [:]
        for s in plan.sessions { seen[s.demand, default: 0] += 1 }
        for u in plan.unscheduled {
            seen[u.demand, default: 0] += 1
            if u.reasons.isEmpty { bad("unscheduledWithoutReason", "unscheduled \(u.demand) gives no reason") }
            let codes = ["no-window", "no-trainer", "no-venue", "prerequisite", "budget", "staffing", "lower-value"]
            for r in u.reasons where !codes.contains(r.code) { bad("reasonCode", "unscheduled \(u.demand): unknown reason code \(r.code)") }
        }
        for d in request.demands where seen[d.id, default: 0] != 1 {
            bad("demandCoverage", "demand \(d.id) appears \(seen[d.id, default: 0]) times across sessions and unscheduled; it must appear exactly once")
        }
        for id in seen.keys.sorted() where demands[id] == nil { bad("unknownDemand", "\(id) is not a demand of the request") }

        var trainerDays: [String: [(Day, String)]] = [:]
        var trainerWeekRegions: [String: Set<String>] = [:]
        var venueDays: [String: [(Day, String)]] = [:]
        var daysOfTrainer: [String: Int] = [:], daysOfOrg: [String: Int] = [:]
        var used: [String: Int] = [:]
        var sessionsByModuleRegion: [String: [Day]] = [:]
        var checked: [(PlanSession, Demand, TrainingModule, Day)] = []
        var value = 0, cash = 0, inKind = 0

        for s in plan.sessions {
            guard let d = demands[s.demand] else { continue }
            guard let m = catalog.module(d.module), let region = catalog.region(d.region) else { continue }
            let sid = s.id
            if sid != "\(request.name)/\(d.id)" { bad("sessionID", "\(sid): id should be \(request.name)/\(d.id)") }
            if s.module != d.module || s.region != d.region {
                bad("demandMismatch", "\(sid): module/region \(s.module)/\(s.region) differ from the demand's \(d.module)/\(d.region)")
            }
            guard let start = Day(iso: s.start), let end = Day(iso: s.end) else { bad("dates", "\(sid): start or end is not a date"); continue }
            let days = (0..<m.days).map { start.adding(days: $0) }
            if end != days[m.days - 1] || s.days != m.days {
                bad("sessionLength", "\(sid): \(s.start)..\(s.end) (\(s.days) days) does not match module \(m.id)'s \(m.days) days")
            }
            if start.weekday + m.days > 5 { bad("workingWeek", "\(sid): \(m.days) days from \(s.start) do not fit Monday to Friday of one week") }
            let lo = max(request.horizon.start, d.earliest ?? request.horizon.start), hi = min(request.horizon.end, d.latest ?? request.horizon.end)
            if days[0] < lo || days[m.days - 1] > hi { bad("window", "\(sid): \(s.start)..\(s.end) lies outside \(lo)..\(hi)") }
            for b in request.blackouts where (b.orgs ?? []).isEmpty && ((b.regions ?? []).isEmpty || (b.regions ?? []).contains(d.region)) {
                if days.contains(where: b.range.contains) { bad("blackout", "\(sid): touches blackout \(b.name) \(b.range.description)") }
            }
            if s.participants != d.participants { bad("participants", "\(sid): \(s.participants) participants, the demand asks for \(d.participants)") }
            let accepted = d.languages ?? m.languages
            if !m.languages.contains(s.language) || !accepted.contains(s.language) {
                bad("language", "\(sid): language \(s.language) is not offered by \(m.id) or not accepted by \(d.id)")
            }
            if s.trainers.count != m.trainers || Set(s.trainers).count != s.trainers.count {
                bad("trainerCount", "\(sid): needs \(m.trainers) distinct trainer(s), has \(s.trainers.joined(separator: ", "))")
            }
            var sessionInKind = 0, travel = 0
            var trainersKnown = true
            for t in s.trainers {
                guard let tr = staff[t] else { bad("unknownTrainer", "\(sid): trainer \(t) is not in the staff list"); trainersKnown = false; continue }
                if !tr.modules.contains(m.id) { bad("trainerUnqualified", "\(sid): trainer \(t) is not qualified for \(m.id)") }
                if !tr.languages.contains(s.language) { bad("trainerLanguage", "\(sid): trainer \(t) does not speak \(s.language)") }
                if tr.unavailable.contains(where: { r in days.contains(where: r.contains) }) {
                    bad("trainerUnavailable", "\(sid): trainer \(t) is unavailable on a session day")
                }
                for b in request.blackouts where (b.orgs ?? []).contains(tr.org) && days.contains(where: b.range.contains) {
                    bad("orgBlackout", "\(sid): trainer \(t) of \(tr.org) is in blackout \(b.name)")
                }
                for x in days { trainerDays[t, default: []].append((x, sid)) }
                if m.delivery.isVenueBased { trainerWeekRegions["\(t) week of \(Day(number: start.number - start.weekday).iso)", default: []].insert(d.region) }
                daysOfTrainer[t, default: 0] += m.days
                daysOfOrg[tr.org, default: 0] += m.days
                sessionInKind += tr.dayRate * m.days
                if m.delivery.isVenueBased { travel += catalog.travelCost(tr.home, d.region) ?? 0 }
            }
            var venueCost = 0
            if m.delivery.isVenueBased {
                if let vid = s.venue, let ven = catalog.venue(vid), catalog.regionOfVenue(vid)?.id == d.region {
                    if ven.capacity < d.participants { bad("venueCapacity", "\(sid): venue \(vid) holds \(ven.capacity), fewer than \(d.participants)") }
                    for x in days { venueDays[vid, default: []].append((x, sid)) }
                    venueCost = ven.costPerDay * m.days
                } else {
                    bad("venue", "\(sid): venue \(s.venue ?? "null") is not a venue of \(d.region)")
                }
            } else if s.venue != nil {
                bad("onlineVenue", "\(sid): an online session has venue \(s.venue ?? "")")
            }
            let participantsCost =
                m.delivery.isVenueBased
                ? d.participants * (region.dsaPerDay * m.days + region.participantTravel + m.materialsPerParticipant)
                : m.onlinePlatformCost + d.participants * m.materialsPerParticipant
            if !m.delivery.isVenueBased { travel = 0 }
            let sessionCash = venueCost + participantsCost + travel
            if trainersKnown {
                let want = SessionCost(cash: sessionCash, inKind: sessionInKind, venue: venueCost, participants: participantsCost, travel: travel)
                if s.cost != want {
                    bad(
                        "cost",
                        "\(sid): cost is cash \(s.cost.cash), in-kind \(s.cost.inKind), venue \(s.cost.venue), participants \(s.cost.participants), travel \(s.cost.travel); expected \(want.cash), \(want.inKind), \(want.venue), \(want.participants), \(want.travel)"
                    )
                }
            }
            var funded = 0
            let convs = catalog.conventions(of: m)
            for line in s.funding {
                guard let src = sources[line.source] else { bad("unknownSource", "\(sid): funding source \(line.source) is not in the request"); continue }
                if line.amount < 0 { bad("negativeAmount", "\(sid): \(line.source) gives a negative amount") }
                if !src.isEligible(moduleConventions: convs, moduleThemes: m.themes, region: d.region) {
                    bad("sourceIneligible", "\(sid): source \(src.id) may not pay for \(m.id) in \(d.region)")
                }
                used[src.id, default: 0] += line.amount
                funded += line.amount
            }
            if funded != sessionCash { bad("fundingTotal", "\(sid): funding adds up to \(funded), cash is \(sessionCash)") }
            if sessionCash == 0 && !s.funding.isEmpty { bad("fundingOnZeroCash", "\(sid): a session with no cash has funding lines") }
            sessionsByModuleRegion["\(m.id)\u{1}\(d.region)", default: []].append(days[m.days - 1])
            checked.append((s, d, m, days[0]))
            value += d.priority * convs.count
            cash += sessionCash
            inKind += sessionInKind
        }

        for t in trainerDays.keys.sorted() {
            let list = trainerDays[t] ?? []
            if Set(list.map(\.0)).count != list.count {
                let dup = Dictionary(grouping: list, by: \.0).filter { $0.value.count > 1 }.keys.sorted().first
                bad("trainerDoubleBooked", "trainer \(t) has two sessions on \(dup?.iso ?? "one day")")
            }
            if let mx = staff[t]?.maxDays, daysOfTrainer[t, default: 0] > mx {
                bad("trainerMaxDays", "trainer \(t): \(daysOfTrainer[t, default: 0]) days > maxDays \(mx)")
            }
        }
        for k in trainerWeekRegions.keys.sorted() where (trainerWeekRegions[k]?.count ?? 0) > 1 {
            bad("travelRule", "trainer \(k) teaches in person in \((trainerWeekRegions[k] ?? []).sorted().joined(separator: " and "))")
        }
        for vid in venueDays.keys.sorted() {
            let list = venueDays[vid] ?? []
            if Set(list.map(\.0)).count != list.count { bad("venueDoubleBooked", "venue \(vid) holds two sessions on one day") }
        }
        for cap in request.staffing where daysOfOrg[cap.org, default: 0] > cap.maxDays {
            bad("staffingCap", "organisation \(cap.org): \(daysOfOrg[cap.org, default: 0]) trainer days > \(cap.maxDays)")
        }
        for src in request.funding where used[src.id, default: 0] > src.cap {
            bad("sourceOverCap", "source \(src.id): allocated \(used[src.id, default: 0]) > cap \(src.cap)")
        }
        let delivered = Set(request.delivered.map { "\($0.module)\u{1}\($0.region)" })
        for (s, d, m, first) in checked {
            for p in m.prerequisites where !delivered.contains("\(p)\u{1}\(d.region)") {
                if !(sessionsByModuleRegion["\(p)\u{1}\(d.region)"] ?? []).contains(where: { $0 < first }) {
                    bad("prerequisite", "\(s.id): prerequisite \(p) is not delivered in \(d.region) before \(first.iso)")
                }
            }
        }
        for pin in request.pinned {
            guard let s = plan.sessions.first(where: { $0.demand == pin.demand }) else { bad("pinned", "pinned demand \(pin.demand) is not scheduled"); continue }
            if s.start != pin.start.iso { bad("pinned", "pinned \(pin.demand): start \(s.start) differs from \(pin.start.iso)") }
            if let pv = pin.venue, s.venue != pv { bad("pinned", "pinned \(pin.demand): venue \(s.venue ?? "null") differs from \(pv)") }
            if let pl = pin.language, s.language != pl { bad("pinned", "pinned \(pin.demand): language \(s.language) differs from \(pl)") }
            if let pt = pin.trainers, pt.sorted() != s.trainers.sorted() { bad("pinned", "pinned \(pin.demand): trainers differ from \(pt.joined(separator: ", "))") }
        }
        if plan.score.value != value { bad("scoreValue", "score.value is \(plan.score.value), the sessions give \(value)") }
        if plan.score.cash != cash { bad("scoreCash", "score.cash is \(plan.score.cash), the sessions give \(cash)") }
        if plan.score.inKind != inKind { bad("scoreInKind", "score.inKind is \(plan.score.inKind), the sessions give \(inKind)") }
        if plan.score.scheduled != plan.sessions.count || plan.score.demands != request.demands.count {
            bad("scoreCounts", "score counts \(plan.score.scheduled)/\(plan.score.demands) differ from \(plan.sessions.count)/\(request.demands.count)")
        }
        return Report(violations: v, value: value, cash: cash, inKind: inKind, scheduled: checked.count, demands: request.demands.count)
    }
}
