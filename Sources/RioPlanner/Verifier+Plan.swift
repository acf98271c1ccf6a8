import RioModel

/// The rules of the plan as a whole: the file, the coverage of demands, prerequisites, pins and
/// the score.
extension Verifier.Audit {
    /// The reason codes plan-format.md allows for an unscheduled demand.
    static let reasonCodes = ["no-window", "no-trainer", "no-venue", "prerequisite", "budget", "staffing", "lower-value"]

    /// `format`: the plan is a `rioplan-plan/1` file.
    mutating func format() {
        if plan.format != Plan.formatID { flag(.format, "format is \(plan.format), expected \(Plan.formatID)") }
    }

    /// `planName`: the plan carries the request's name.
    mutating func planName() {
        if plan.name != request.name { flag(.planName, "plan name \(plan.name) differs from the request's \(request.name)") }
    }

    /// The coverage rules: each unscheduled entry in plan order (`unscheduledWithoutReason`, then
    /// `reasonCode`), then `demandCoverage` and `unknownDemand` over sessions and unscheduled together.
    mutating func coverage() {
        var seen: [String: Int] = [:]
        for s in plan.sessions { seen[s.demand, default: 0] += 1 }
        for u in plan.unscheduled {
            seen[u.demand, default: 0] += 1
            unscheduledWithoutReason(u)
            reasonCode(u)
        }
        demandCoverage(seen)
        unknownDemand(seen)
    }

    /// `unscheduledWithoutReason`: an unscheduled demand gives at least one reason.
    mutating func unscheduledWithoutReason(_ u: UnscheduledDemand) {
        if u.reasons.isEmpty { flag(.unscheduledWithoutReason, "unscheduled \(u.demand) gives no reason") }
    }

    /// `reasonCode`: each reason's code is one of ``reasonCodes``; one line per unknown code.
    mutating func reasonCode(_ u: UnscheduledDemand) {
        for r in u.reasons where !Self.reasonCodes.contains(r.code) {
            flag(.reasonCode, "unscheduled \(u.demand): unknown reason code \(r.code)")
        }
    }

    /// `demandCoverage`: each demand of the request appears exactly once, counted in `seen`.
    mutating func demandCoverage(_ seen: [String: Int]) {
        for d in request.demands where seen[d.id, default: 0] != 1 {
            flag(
                .demandCoverage,
                "demand \(d.id) appears \(seen[d.id, default: 0]) times across sessions and unscheduled; it must appear exactly once")
        }
    }

    /// `unknownDemand`: every demand named in `seen` is one of the request's, reported in id order.
    mutating func unknownDemand(_ seen: [String: Int]) {
        for id in seen.keys.sorted() where demands[id] == nil { flag(.unknownDemand, "\(id) is not a demand of the request") }
    }

    /// `prerequisite`: for each checked session in plan order and each prerequisite `p` of its
    /// module, `p` is `delivered` in the region or a session of `p` there ends strictly before it starts.
    mutating func prerequisite() {
        let delivered = Set(request.delivered.map { Self.moduleRegionKey($0.module, $0.region) })
        for c in checked {
            for p in c.module.prerequisites where !delivered.contains(Self.moduleRegionKey(p, c.demand.region)) {
                if !(lastDays[Self.moduleRegionKey(p, c.demand.region)] ?? []).contains(where: { $0 < c.first }) {
                    flag(.prerequisite, "\(c.id): prerequisite \(p) is not delivered in \(c.demand.region) before \(c.first.iso)")
                }
            }
        }
    }

    /// `pinned`: each pin's demand is scheduled with the pin's start and whatever of venue,
    /// language and trainers (in any order) it names; one line per difference.
    mutating func pinned() {
        for pin in request.pinned {
            guard let s = plan.sessions.first(where: { $0.demand == pin.demand }) else {
                flag(.pinned, "pinned demand \(pin.demand) is not scheduled")
                continue
            }
            if s.start != pin.start.iso { flag(.pinned, "pinned \(pin.demand): start \(s.start) differs from \(pin.start.iso)") }
            if let v = pin.venue, s.venue != v { flag(.pinned, "pinned \(pin.demand): venue \(s.venue ?? "null") differs from \(v)") }
            if let l = pin.language, s.language != l { flag(.pinned, "pinned \(pin.demand): language \(s.language) differs from \(l)") }
            if let t = pin.trainers, t.sorted() != s.trainers.sorted() {
                flag(.pinned, "pinned \(pin.demand): trainers differ from \(t.joined(separator: ", "))")
            }
        }
    }

    /// `scoreValue`: `score.value` is the sum of priority × jointness over the checked sessions.
    mutating func scoreValue() {
        if plan.score.value != value { flag(.scoreValue, "score.value is \(plan.score.value), the sessions give \(value)") }
    }

    /// `scoreCash`: `score.cash` is the sum of the checked sessions' recomputed cash.
    mutating func scoreCash() {
        if plan.score.cash != cash { flag(.scoreCash, "score.cash is \(plan.score.cash), the sessions give \(cash)") }
    }

    /// `scoreInKind`: `score.inKind` is the sum of the checked sessions' recomputed in-kind.
    mutating func scoreInKind() {
        if plan.score.inKind != inKind { flag(.scoreInKind, "score.inKind is \(plan.score.inKind), the sessions give \(inKind)") }
    }

    /// `scoreCounts`: `score.scheduled` and `score.demands` are the numbers of sessions and demands.
    mutating func scoreCounts() {
        let s = plan.score
        if s.scheduled != plan.sessions.count || s.demands != request.demands.count {
            flag(.scoreCounts, "score counts \(s.scheduled)/\(s.demands) differ from \(plan.sessions.count)/\(request.demands.count)")
        }
    }
}
