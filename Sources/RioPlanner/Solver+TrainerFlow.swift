/// Trainers by flow: the plan's trainer-days re-allocated at least travel cost by a minimum-cost
/// flow, then the sessions whose trainers change re-seated with them.
///
/// With the plan's sessions fixed, giving each session its trainers is a transportation problem:
/// each session needs `trainersNeeded` trainers for its days, each trainer has its day limit and
/// each organisation its cap, and travel is the cost. The flow solves it for all sessions at once,
/// dates aside; the changes it makes fall into groups of sessions that pass trainers round among
/// themselves (a cycle across three or four sessions, say), and each group is re-seated at its old
/// dates where the new trainers are free there, at other dates otherwise. A group is kept when the
/// plan is better; undone otherwise.
///
/// The day chains and trainer chains make the same exchanges one link at a time and only where
/// each link alone fits; a cycle whose links all change dates is out of their reach.
extension Solver {
    /// Per-day cost scale: travel × 5040 / days is exact for sessions of up to ten days.
    static let flowDayScale = 5040
    /// Cost multiplier that leaves room for the tie-break (1 per trainer-day that changes hands),
    /// so that of equally cheap allocations the flow keeps the one closest to the plan.
    static let flowTieRoom = 1 << 16

    /// Re-allocates trainers by the flow and re-seats each group of changed sessions that lowers
    /// cash. Returns whether any did.
    mutating func polishTrainersByFlow() -> Bool {
        var improved = false
        for group in groups(of: trainerTargets()) where !pastPolishDeadline && reseat(group) { improved = true }
        return improved
    }

    /// The sessions whose trainers the flow changes, in session order, with the trainers it gives them.
    ///
    /// - Parameter atDates: whether the flow keeps each session at its dates (`trainerWeekNetwork`)
    ///   rather than setting dates aside (`trainerNetwork`).
    /// - Parameter forbidden: trainers kept off sessions, dates aside (`TrainerChoice.forbidden`).
    ///
    /// Dates aside, the member's rounding of the flow (`wholeTrainerFlow`): whole sessions
    /// (`wholeTrainerTargets`) or each session's trainers of most flow.
    func trainerTargets(atDates: Bool = false, forbidden: Set<Int> = []) -> [(session: Int, trainers: [Int])] {
        if !atDates && wholeTrainerFlow { return wholeTrainerTargets(forbidden: forbidden) }
        var sessions = flowSessions(), out: [(session: Int, trainers: [Int])] = []
        let choice = TrainerChoice(forbidden: forbidden)
        for _ in 0..<(atDates ? SolverTuning.flowSplitRounds : 1) {
            // Out of polishing time, nothing would be re-seated anyway.
            if pastPolishDeadline { return [] }
            guard let (network, slots, needed) = atDates ? trainerWeekNetwork(sessions) : trainerNetwork(sessions, choice: choice) else { return [] }
            var net = network
            guard net.solve(from: 0, to: 1) == needed else { return [] }
            var split: [Int] = []
            out = []
            for (k, s) in sessions.enumerated() {
                guard let a = schedule.assignment[s] else { continue }
                let travel = problem.demands[s].travelByTrainer
                let ranked = slots[k].sorted { x, y in
                    let fx = net.flow(on: x.edge), fy = net.flow(on: y.edge)
                    let kx = a.trainers.contains(x.trainer) ? 0 : 1, ky = a.trainers.contains(y.trainer) ? 0 : 1
                    return (-fx, kx, travel[x.trainer], x.trainer) < (-fy, ky, travel[y.trainer], y.trainer)
                }
                let chosen = ranked.prefix(a.trainers.count)
                // At the plan's dates a trainer joins a session only for all its days: a week that
                // the flow splits between sessions would not hold them both.
                if atDates && chosen.contains(where: { net.flow(on: $0.edge) < problem.demandDays[s] }) {
                    split.append(s)
                    continue
                }
                let trainers = chosen.map(\.trainer).sorted()
                if trainers != a.trainers { out.append((s, trainers)) }
            }
            if split.isEmpty { break }
            // A split session keeps its trainers; the days the flow gave others in its place are
            // not free, so the flow is solved again with it fixed.
            sessions.removeAll(where: split.contains)
        }
        return out
    }

    /// The sessions a trainer flow may change: scheduled, neither pinned nor kept from the baseline.
    func flowSessions() -> [Int] {
        problem.demands.indices.filter { i in
            guard let a = schedule.assignment[i] else { return false }
            return !problem.demandPinned[i] && !schedule.isBaseline(i, a)
        }
    }

    /// The trainer-day network of `sessions`: source (node 0) → session (its trainer-days) →
    /// qualified trainer (at most the session's days, at travel per day) → organisation (the
    /// trainer's days left by the sessions that stay) → sink (node 1, the organisation's cap
    /// left). Returns it with each session's trainer edges and the flow that staffs every
    /// session; the trainers `choice` fixes are out of it, their days taken from their limits
    /// (nil when that breaks a limit), and so are those it forbids.
    func trainerNetwork(_ sessions: [Int], choice: TrainerChoice = TrainerChoice()) -> (MinCostFlow, [[(trainer: Int, edge: Int)]], Int)? {
        let nt = problem.trainers.count, no = problem.orgs.count
        let trainerNode = 2 + sessions.count, orgNode = trainerNode + nt
        var net = MinCostFlow(nodes: orgNode + no)
        var slots: [[(trainer: Int, edge: Int)]] = []
        var needed = 0
        var taken = [Int](repeating: 0, count: nt)
        for (k, s) in sessions.enumerated() {
            guard let a = schedule.assignment[s], let li = problem.demands[s].langs.firstIndex(of: a.lang) else {
                slots.append([])
                continue
            }
            let d = problem.demands[s], forced = choice.forced[k] ?? []
            for t in forced { taken[t] += d.days }
            needed += d.days * (a.trainers.count - forced.count)
            net.addEdge(from: 0, to: 2 + k, capacity: d.days * (a.trainers.count - forced.count), cost: 0)
            var mine: [(trainer: Int, edge: Int)] = []
            let allowed = { (t: Int) in !choice.forbidden.contains(TrainerChoice.key(s, t, trainers: nt)) && self.freeSomeStart(t, for: s) }
            for t in d.trainersByLang[li] where !forced.contains(t) && (a.trainers.contains(t) || allowed(t)) {
                let e = net.addEdge(from: 2 + k, to: trainerNode + t, capacity: d.days, cost: dayCost(s, t, a))
                mine.append((t, e))
            }
            slots.append(mine)
        }
        guard addStaffingEdges(&net, trainerNode: trainerNode, orgNode: orgNode, needed: needed, sessions: sessions, taken: taken) else { return nil }
        return (net, slots, needed)
    }

    /// The cost of one of session `s`'s trainer-days taught by `t`, when `a` is its assignment:
    /// travel per day, scaled, plus the tie-break of a trainer who changes hands.
    func dayCost(_ s: Int, _ t: Int, _ a: Assignment) -> Int {
        problem.demands[s].travelByTrainer[t] * Solver.flowDayScale / problem.demandDays[s] * Solver.flowTieRoom + (a.trainers.contains(t) ? 0 : 1)
    }

    /// The network's last two layers: trainer → organisation (the trainer's days left by the
    /// scheduled sessions not in `sessions` and the days `taken` of each trainer) → sink (node 1,
    /// the organisation's cap left). Returns false when the days taken break a trainer's or an
    /// organisation's limit.
    @discardableResult
    func addStaffingEdges(_ net: inout MinCostFlow, trainerNode: Int, orgNode: Int, needed: Int, sessions: [Int], taken: [Int] = []) -> Bool {
        var trainerLeft = problem.trainerMaxDays, orgLeft = problem.orgCap
        func take(_ t: Int, _ days: Int) {
            let o = problem.trainerOrg[t]
            trainerLeft[t] -= days
            if orgLeft[o] != Int.max { orgLeft[o] -= days }
        }
        var inFlow = [Bool](repeating: false, count: problem.demands.count)
        for s in sessions { inFlow[s] = true }
        for i in problem.demands.indices where schedule.startOf[i] >= 0 && !inFlow[i] {
            for t in schedule.assignment[i]?.trainers ?? [] { take(t, problem.demandDays[i]) }
        }
        for (t, days) in taken.enumerated() where days > 0 {
            take(t, days)
            if trainerLeft[t] < 0 || orgLeft[problem.trainerOrg[t]] < 0 { return false }
        }
        for t in problem.trainers.indices { net.addEdge(from: trainerNode + t, to: orgNode + problem.trainerOrg[t], capacity: max(0, trainerLeft[t]), cost: 0) }
        for o in problem.orgs.indices { net.addEdge(from: orgNode + o, to: 1, capacity: orgLeft[o] == Int.max ? needed : max(0, orgLeft[o]), cost: 0) }
        return true
    }

    /// Whether trainer `t` is available (not blocked) on the days of some start of demand `i`.
    func freeSomeStart(_ t: Int, for i: Int) -> Bool {
        let days = problem.demandDays[i]
        return problem.demands[i].starts.contains { !Bits.any(problem.trainerBlocked, t * problem.blockedWords, $0, days) }
    }

    /// The changes grouped by the trainers they pass: two sessions are in one group when a
    /// trainer joins or leaves each of them or, with `weeks` (a session's new week), a week of a
    /// trainer that one leaves and the other takes. Groups in order of their first session;
    /// sessions in order.
    func groups(of targets: [(session: Int, trainers: [Int])], weeks: [Int: Int] = [:]) -> [[(session: Int, trainers: [Int])]] {
        let keys = targets.map { target in
            let old = schedule.assignment[target.session]?.trainers ?? []
            let passed = old.filter { !target.trainers.contains($0) } + target.trainers.filter { !old.contains($0) }
            return passKeys(passed) + (weeks.isEmpty ? [] : trainerWeeksPassed(target.session, from: old, to: target.trainers, week: weeks[target.session]))
        }
        return Solver.linkedGroups(keys).map { $0.map { targets[$0] } }
    }

    /// The group keys of trainers `passed` between sessions: each trainer, and its organisation
    /// when that has a staffing cap.
    func passKeys(_ passed: [Int]) -> [Int] {
        passed.map { $0 + 1 } + passed.filter { problem.orgCap[problem.trainerOrg[$0]] != Int.max }.map { -1 - problem.trainerOrg[$0] }
    }

    /// The indices of `keys` in groups: two are in one group when they share a key, or are
    /// linked through others that do. Groups in order of their first index; indices in order.
    static func linkedGroups(_ keys: [[Int]]) -> [[Int]] {
        var groupOf = Array(keys.indices)
        func root(_ x: Int) -> Int { groupOf[x] == x ? x : root(groupOf[x]) }
        var holder: [Int: Int] = [:]
        for (k, mine) in keys.enumerated() {
            for key in mine.sorted() {
                if let h = holder[key] { groupOf[root(k)] = root(h) } else { holder[key] = k }
            }
        }
        var byRoot: [Int: Int] = [:]
        var out: [[Int]] = []
        for k in keys.indices {
            let r = root(k)
            if let g = byRoot[r] {
                out[g].append(k)
            } else {
                byRoot[r] = out.count
                out.append([k])
            }
        }
        return out
    }

    /// The group keys of the trainer-weeks that session `s` leaves or takes, moving from
    /// trainers `old` at its week to `new` at `week` (its week when nil).
    func trainerWeeksPassed(_ s: Int, from old: [Int], to new: [Int], week: Int?) -> [Int] {
        let was = old.map { trainerWeekKey($0, schedule.startOf[s]) }
        let now = new.map { $0 * Solver.weekKeyScale + (week ?? schedule.startOf[s] / 7) }
        let passed = was.filter { !now.contains($0) } + now.filter { !was.contains($0) }
        return passed.map { Solver.trainerWeekGroupKeys + $0 }
    }

    /// Where the group keys of trainer-weeks begin, above those of trainers (1, 2, …).
    static let trainerWeekGroupKeys = 1 << 40

    /// Gives each session of `group` its new trainers: at its old start and venue where they fit
    /// (and its new week, in `weeks`, is its old one), at the cheapest start and venue where they
    /// are free otherwise (in its new week when there is one there), and at its cheapest session
    /// with any trainers as a last resort. Keeps the change and returns true when every session is
    /// seated, no prerequisite is broken and the plan is better; otherwise restores it.
    mutating func reseat(_ group: [(session: Int, trainers: [Int])], weeks: [Int: Int] = [:]) -> Bool {
        let before = currentScore
        let order = group.sorted { (schedule.startOf[$0.session], $0.session) < (schedule.startOf[$1.session], $1.session) }
        var log: [(Int, Assignment?)] = []
        for (s, _) in order { if let a = schedule.remove(s) { log.append((s, a)) } }
        var moved: [(Int, [Int], Int)] = []
        for ((s, trainers), (_, old)) in zip(order, log) {
            guard var same = old else { continue }
            same.trainers = trainers
            same.cash = problem.sessionCash(problem.demands[s], venue: same.venue, trainers: trainers)
            if weeks[s].map({ $0 == same.start / 7 }) ?? true, schedule.fits(s, same) {
                schedule.insert(s, same)
            } else {
                moved.append((s, trainers, same.lang))
            }
        }
        let group = log.map(\.0)
        for (s, trainers, lang) in moved {
            if let a = weeks[s].flatMap({ seat(s, trainers: trainers, lang: lang, week: $0) }) ?? seat(s, trainers: trainers, lang: lang) {
                schedule.insert(s, a)
            } else if !seatDisplacing(s, trainers: trainers, lang: lang, keeping: group, log: &log) {
                _ = insertFreeingDays(s, log: &log)
            }
        }
        let seated = log.allSatisfy { schedule.startOf[$0.0] >= 0 && schedule.dependentsBroken(after: $0.0).isEmpty }
        if seated && before < currentScore { return true }
        undo(&log, to: 0)
        return false
    }

    /// Unscheduled demand `i` with `trainers` in language `lang`: the cheapest start and venue
    /// where everything fits (the earliest of equal cash), at most `maxCash`, in `week` when given;
    /// nil when none does.
    func seat(_ i: Int, trainers: [Int], lang: Int, maxCash: Int = Int.max, week: Int? = nil) -> Assignment? {
        let d = problem.demands[i]
        let venues = d.venueBased ? d.venues : [-1]
        var best: Assignment?
        var bound = maxCash == Int.max ? Int.max : maxCash + 1
        for start in d.starts where week.map({ start / 7 == $0 }) ?? true {
            for v in venues {
                let a = Assignment(start: start, lang: lang, venue: v, trainers: trainers, cash: problem.sessionCash(d, venue: v, trainers: trainers))
                if a.cash < bound && schedule.fits(i, a) {
                    best = a
                    bound = a.cash
                    break
                }
            }
        }
        return best
    }

    /// Unscheduled demand `i` with `trainers` in language `lang` at a start and venue where at
    /// most `SolverTuning.flowDisplaced` sessions (none of `keeping`) stand in its way, those
    /// moved to another start with their own trainers (or, failing that, to their cheapest
    /// session), none at more cash than before: the cheapest such seat that works, within `SolverTuning.flowDisplaceTries`
    /// seats tried. Returns whether `i` and every displaced session are seated; the displaced
    /// sessions are logged, and nothing is changed when it fails.
    mutating func seatDisplacing(_ i: Int, trainers: [Int], lang: Int, keeping: [Int], log: inout [(Int, Assignment?)]) -> Bool {
        var tries = SolverTuning.flowDisplaceTries
        for (a, blockers) in displacingSeats(i, trainers: trainers, lang: lang, keeping: keeping) where tries > 0 {
            tries -= 1
            let mark = log.count
            for h in blockers { if let ah = schedule.remove(h) { log.append((h, ah)) } }
            guard schedule.fits(i, a) else {
                undo(&log, to: mark)
                continue
            }
            schedule.insert(i, a)
            for (h, before) in log[mark...] {
                guard let ah = before else { continue }
                if let moved = seat(h, trainers: ah.trainers, lang: ah.lang, maxCash: ah.cash) ?? schedule.cheapest(h, maxCash: ah.cash + 1),
                    schedule.funding.canAdd(moved.cash, to: problem.demandPattern[h])
                {
                    schedule.insert(h, moved)
                }
            }
            if log[mark...].allSatisfy({ schedule.startOf[$0.0] >= 0 }) { return true }
            schedule.remove(i)
            undo(&log, to: mark)
        }
        return false
    }

    /// Demand `i`'s seats with `trainers` in `lang` (each start at each venue), with the scheduled
    /// sessions in their way: those sharing a trainer on overlapping days or, venue-based both,
    /// in the same week in another region, and those holding the venue on overlapping days.
    /// Only seats where at most `SolverTuning.flowDisplaced` sessions, none of `keeping` nor
    /// pinned or baseline, are in the way; cheapest first, then fewest in the way, then earliest.
    func displacingSeats(_ i: Int, trainers: [Int], lang: Int, keeping: [Int]) -> [(Assignment, [Int])] {
        let d = problem.demands[i]
        let others = problem.demands.indices.filter { h in
            guard h != i, let ah = schedule.assignment[h] else { return false }
            return ah.trainers.contains(where: trainers.contains) || (d.venueBased && d.venues.contains(ah.venue))
        }
        var out: [(Assignment, [Int])] = []
        for start in d.starts {
            for v in d.venueBased ? d.venues : [-1] {
                var blockers: [Int] = []
                for h in others where inTheWay(h, of: i, start: start, venue: v, trainers: trainers) { blockers.append(h) }
                guard blockers.count <= SolverTuning.flowDisplaced,
                    blockers.allSatisfy({ h in !keeping.contains(h) && schedule.assignment[h].map { !problem.demandPinned[h] && !schedule.isBaseline(h, $0) } ?? false })
                else { continue }
                let cash = problem.sessionCash(d, venue: v, trainers: trainers)
                out.append((Assignment(start: start, lang: lang, venue: v, trainers: trainers, cash: cash), blockers))
            }
        }
        return out.sorted { ($0.0.cash, $0.1.count, $0.0.start, $0.0.venue) < ($1.0.cash, $1.1.count, $1.0.start, $1.0.venue) }
    }

    /// Whether scheduled session `h` stands in the way of demand `i` at `start` and venue `v` with `trainers`.
    func inTheWay(_ h: Int, of i: Int, start: Int, venue v: Int, trainers: [Int]) -> Bool {
        guard let ah = schedule.assignment[h] else { return false }
        let overlap = ah.start < start + problem.demandDays[i] && start < ah.start + problem.demandDays[h]
        if overlap && v >= 0 && ah.venue == v { return true }
        guard ah.trainers.contains(where: trainers.contains) else { return false }
        let bothTravel = problem.demands[i].venueBased && problem.demands[h].venueBased
        return overlap || (bothTravel && ah.start / 7 == start / 7 && problem.demandRegion[h] != problem.demandRegion[i])
    }
}
