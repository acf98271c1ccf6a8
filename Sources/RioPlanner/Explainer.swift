import RioModel

/// Why a demand is not in the plan, and what would let it in.
///
/// Codes follow plan-format.md. A demand that cannot be scheduled even in an empty plan gets the
/// concrete limit (`no-window`, `no-trainer`, `no-venue`, `prerequisite`, `budget`, `staffing`);
/// one that could run alone but is crowded out gets `lower-value`, naming what it competes for.
public enum Explainer {
    /// Reasons for every unscheduled demand of `assignment`, in request order.
    public static func unscheduled(_ problem: Problem, _ assignment: [Assignment?]) -> [UnscheduledDemand] {
        unscheduled(problem, assignment, ReplayedPlan(problem, assignment))
    }

    /// Reasons for every unscheduled demand of `assignment`, replayed as `replay`.
    static func unscheduled(_ problem: Problem, _ assignment: [Assignment?], _ replay: ReplayedPlan) -> [UnscheduledDemand] {
        problem.demands.indices.filter { assignment[$0] == nil }.map { i in
            UnscheduledDemand(demand: problem.demands[i].id, reasons: reasons(problem, current: replay.current, alone: replay.pinsOnly, i))
        }
    }

    static func reasons(_ p: Problem, current: Schedule, alone: Schedule, _ i: Int) -> [Reason] {
        let d = p.demands[i]
        let window = "\((d.demand.earliest ?? p.request.horizon.start).iso)..\((d.demand.latest ?? p.request.horizon.end).iso)"
        if d.starts.isEmpty {
            let names = p.request.blackouts.filter { $0.closes(region: d.demand.region) }.map { "\($0.name) \($0.range.description)" }
            let tail = names.isEmpty ? "" : " (blackouts: \(names.joined(separator: "; ")))"
            return [Reason(code: "no-window", message: "no \(d.days)-day Monday-to-Friday slot in \(window) is free of blackouts\(tail); widen the window")]
        }
        if d.langs.isEmpty || d.trainersByLang.allSatisfy({ $0.count < d.trainersNeeded }) {
            return [Reason(code: "no-trainer", message: staticTrainerProblem(p, d))]
        }
        if d.venueBased && d.venues.isEmpty {
            let vs = p.venues.filter { $0.region == d.region }
            let biggest = vs.max { ($0.capacity, $1.index) < ($1.capacity, $0.index) }
            let tail = biggest.map { "the largest, \($0.id), holds \($0.capacity)" } ?? "the region has no venues"
            return [
                Reason(
                    code: "no-venue", message: "no venue in \(d.demand.region) holds \(d.demand.participants) participants (\(tail)); lower participants or add a venue")
            ]
        }
        if current.prerequisiteStart(i) == nil { return [prerequisiteReason(p, current, d)] }
        // Can it run with only the pins and its prerequisites' sessions in place?
        var alone = alone
        for j in d.prerequisiteDemands.joined() where alone.assignment[j] == nil {
            if let aj = current.assignment[j] { alone.insert(j, aj) }
        }
        var b = Schedule.Blockers()
        guard let a = alone.cheapest(i, blockers: &b) else {
            if b.prerequisite { return [prerequisiteReason(p, current, d)] }
            return [blockerReason(p, d, b, window)]
        }
        let capsLeftAlone = alone.funding.headroom(d.pattern)
        if a.cash > capsLeftAlone {
            return [budgetReason(p, alone.funding, d, a.cash, crowded: false)]
        }
        // It could run alone: say what it competes for now.
        var bc = Schedule.Blockers()
        if let now = current.cheapest(i, blockers: &bc) {
            if now.cash > current.funding.headroom(d.pattern) {
                return [budgetReason(p, current.funding, d, now.cash, crowded: true)]
            }
            return [Reason(code: "lower-value", message: "feasible at \(Money.text(now.cash)) but left out for more valuable demands")]
        }
        if bc.prerequisite { return [prerequisiteReason(p, current, d)] }
        var r = blockerReason(p, d, bc, window)
        r.code = "lower-value"
        r.message = "feasible alone, but left out for more valuable demands: " + r.message
        return [r]
    }

    static func staticTrainerProblem(_ p: Problem, _ d: DemandData) -> String {
        let langs = d.langs.map { p.languages[$0] }
        let qualified = p.trainers.filter { $0.trainer.modules.contains(d.module.id) }
        let wanted = langs.isEmpty ? (d.demand.languages ?? d.module.languages) : langs
        if qualified.isEmpty {
            return "no trainer is qualified for \(d.module.id); add \(d.module.id) to a trainer's modules"
        }
        let speaking = qualified.filter { $0.trainer.languages.contains(where: wanted.contains) }
        if speaking.count < d.trainersNeeded {
            let others = qualified.filter { !speaking.map(\.index).contains($0.index) }.prefix(3)
                .map { "\($0.trainer.id) is qualified but speaks \($0.trainer.languages.joined(separator: ", "))" }
            let need = d.trainersNeeded > 1 ? "\(d.trainersNeeded) trainers" : "trainer"
            return "no \(need) for \(d.module.id) speak\(d.trainersNeeded > 1 ? "" : "s") \(wanted.joined(separator: " or "))"
                + (others.isEmpty ? "" : "; " + others.joined(separator: "; "))
        }
        return
            "module \(d.module.id) needs \(d.trainersNeeded) trainers sharing one language; only \(speaking.count) qualified trainer(s) speak \(wanted.joined(separator: " or "))"
    }

    static func prerequisiteReason(_ p: Problem, _ s: Schedule, _ d: DemandData) -> Reason {
        var parts: [String] = []
        for (k, group) in d.prerequisiteDemands.enumerated() {
            let pre = d.module.prerequisites.filter { pm in
                !p.request.delivered.contains { $0.module == pm && $0.region == d.demand.region }
            }
            let name = k < pre.count ? pre[k] : "a prerequisite"
            let sched = group.filter { s.assignment[$0] != nil }
            if group.isEmpty {
                parts.append("prerequisite \(name) is neither delivered in \(d.demand.region) nor requested there; add a demand for it or list it under `delivered`")
            } else if sched.isEmpty {
                parts.append(
                    "prerequisite \(name) has no session in \(d.demand.region) (demand \(group.map { p.demands[$0].id }.joined(separator: ", ")) is unscheduled)")
            } else if let e = sched.compactMap({ j in s.assignment[j].map { p.day($0.start + p.demands[j].days - 1) } }).min() {
                parts.append(
                    "prerequisite \(name) ends \(e.iso) in \(d.demand.region), leaving no slot for this session before \((d.demand.latest ?? p.request.horizon.end).iso)")
            }
        }
        return Reason(code: "prerequisite", message: parts.isEmpty ? "a prerequisite is not met" : parts.joined(separator: "; "))
    }

    static func blockerReason(_ p: Problem, _ d: DemandData, _ b: Schedule.Blockers, _ window: String) -> Reason {
        if b.staffing > 0 && b.staffing >= b.maxDays && b.staffing >= b.trainerBusy {
            let orgs = Set(d.trainersByLang.flatMap { $0 }.map { p.trainers[$0].org })
            let caps = orgs.sorted().compactMap { o -> String? in
                p.orgCap[o] == Int.max ? nil : "\(p.orgs[o]) (\(p.orgCap[o]) days)"
            }
            return Reason(
                code: "staffing",
                message:
                    "the staffing caps of \(caps.joined(separator: ", ")) leave no trainer days for its \(d.days) days; raise a cap or add trainers of another organisation"
            )
        }
        if b.venueBusy > 0 && b.venueBusy >= b.trainerBusy + b.maxDays + b.travel {
            return Reason(
                code: "no-venue",
                message:
                    "every venue in \(d.demand.region) for \(d.demand.participants) participants is taken or the dates are blocked in \(window); add a venue or widen the window"
            )
        }
        let ts = Array(Set(d.trainersByLang.flatMap { $0 })).sorted().map { p.trainers[$0].trainer.id }
        let maxed = b.maxDays > 0 ? "; some reach their maxDays" : ""
        let travel = b.travel > 0 ? "; some teach in another region that week" : ""
        return Reason(
            code: "no-trainer",
            message:
                "the qualified trainers (\(ts.prefix(6).joined(separator: ", "))\(ts.count > 6 ? ", ..." : "")) are unavailable or booked throughout \(window)\(maxed)\(travel); add a trainer or widen the window"
        )
    }

    static func budgetReason(_ p: Problem, _ f: Funding, _ d: DemandData, _ cash: Int, crowded: Bool) -> Reason {
        let room = f.headroom(d.pattern)
        let srcs = p.patterns[d.pattern]
        let short = cash - room
        if srcs.isEmpty {
            return Reason(
                code: "budget",
                message: "no funding source may pay for \(d.module.id) in \(d.demand.region) (cash \(Money.text(cash))); add a source whose filters admit it")
        }
        // Which single source, raised by the shortfall, would admit it?
        let admits = f.sourcesAdmitting(cash, to: d.pattern, raisedBy: short).map { p.sources[$0].source.id }
        let names = srcs.map { p.sources[$0].source.id }.joined(separator: ", ")
        let fix =
            admits.isEmpty
            ? "raise the caps of \(names) by \(Money.text(short)) in total"
            : "\(admits[0]) needs \(Money.text(short)) more"
        let lead = crowded ? "feasible alone, but its eligible sources pay for more valuable sessions" : "its eligible sources cannot cover it"
        return Reason(
            code: crowded ? "lower-value" : "budget",
            message: "\(lead): cash \(Money.text(cash)), while \(names) \(srcs.count == 1 ? "has" : "have") \(Money.text(room)) left for it; \(fix)")
    }

    /// Why a pinned demand cannot be placed.
    static func pinProblem(_ p: Problem, _ s: Schedule, _ i: Int, _ b: Schedule.Blockers) -> String {
        let d = p.demands[i]
        if d.starts.isEmpty { return "its pinned start is not allowed" }
        if b.prerequisite { return prerequisiteReason(p, s, d).message }
        if d.trainersByLang.allSatisfy({ $0.count < d.trainersNeeded }) { return staticTrainerProblem(p, d) }
        let day = p.day(d.starts[0])
        let end = day.adding(days: d.days - 1)
        if d.venueBased && d.venues.isEmpty { return "no venue in \(d.demand.region) holds \(d.demand.participants) participants" }
        var msgs: [String] = []
        for li in d.trainersByLang.indices {
            for t in d.trainersByLang[li] {
                let td = p.trainers[t]
                if Bits.any(td.blocked, 0, d.starts[0], d.days) {
                    msgs.append("trainer \(td.trainer.id) is unavailable or in an organisation blackout during \(day.iso)..\(end.iso)")
                }
            }
        }
        if b.venueBusy > 0 { msgs.append("venue already holds another pinned session on \(day.iso)..\(end.iso)") }
        if b.trainerBusy > 0 && msgs.isEmpty { msgs.append("the pinned trainers already teach another pinned session on those days") }
        if b.travel > 0 { msgs.append("a pinned trainer teaches in another region that week") }
        if b.maxDays > 0 { msgs.append("a pinned trainer would exceed maxDays") }
        if b.staffing > 0 { msgs.append("an organisation's staffing cap would be exceeded") }
        return msgs.isEmpty ? "no trainer and venue combination is free on \(day.iso)..\(end.iso)" : Array(Set(msgs)).sorted().joined(separator: "; ")
    }
}
