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
/// each link alone fits; a cycle whose links all change dates is out of their reach. Where even
/// the group cannot be re-seated one session at a time, `Solver+Repack.swift` fills its
/// trainers' calendars again as a whole.
extension Solver {
    /// Per-day cost scale: travel × 5040 / days is exact for sessions of up to ten days.
    static let flowDayScale = 5040
    /// Cost multiplier that leaves room for the tie-break (1 per trainer-day that changes hands),
    /// so that of equally cheap allocations the flow keeps the one closest to the plan.
    static let flowTieRoom = 1 << 16

    /// Re-allocates trainers by the flow and re-seats each group of changed sessions that lowers
    /// cash: one session at a time (`reseat`), or else by repacking the calendars of the group's
    /// trainers (`repack`). When a repack finds no date for a session, the flow is solved again
    /// without the staffing that stood in the way (`repackCuts`), up to `SolverTuning.flowCuts`
    /// times. Returns whether any group lowered cash.
    mutating func polishTrainersByFlow() -> Bool {
        var improved = false
        var budget = SolverTuning.repackBudget
        var forbidden: [(session: Int, trainer: Int)] = []
        var targets = trainerTargets()
        for _ in 0...SolverTuning.flowCuts where budget > 0 && !targets.isEmpty {
            var cuts: [(session: Int, trainer: Int)] = []
            for group in groups(of: targets) {
                let ok = reseat(group) || repack(group, budget: &budget, cuts: &cuts)
                if ok { improved = true }
            }
            targets = []
            for cut in cuts where targets.isEmpty {
                targets = trainerTargets(forbidding: forbidden + [cut])
                if !targets.isEmpty { forbidden.append(cut) }
            }
        }
        return improved
    }

    /// The sessions whose trainers the flow changes, in session order, with the trainers it gives them.
    ///
    /// The flow may split a session's trainer-days between more trainers than it needs (two days
    /// of one, three of another), which no session can do. Each time it does, each such session
    /// in turn is given its trainers of most flow that have the days left and taken out of the
    /// flow, and the flow is solved again (half as many sessions at a time once so many leave
    /// the flow short), at most `SolverTuning.flowRoundings` times; so every staffing returned
    /// keeps every trainer and organisation within its days; when no rounding works, the first
    /// flow's staffing, rounded as it is (its groups may still fit where a trainer had days to spare).
    func trainerTargets(forbidding forbidden: [(session: Int, trainer: Int)] = []) -> [(session: Int, trainers: [Int])] {
        var sessions = problem.demands.indices.filter { i in
            guard let a = schedule.assignment[i] else { return false }
            return !problem.demandPinned[i] && !schedule.isBaseline(i, a)
        }
        var fixed = [[Int]?](repeating: nil, count: problem.demands.count)
        var batch = Int.max, alternative = 0
        var last: (sessions: [Int], fixed: [[Int]?], splits: [(session: Int, ranked: [Int])])?
        var firstGuess: [(session: Int, trainers: [Int])] = []
        for _ in 0...SolverTuning.flowRoundings {
            var (net, slots, needed) = trainerNetwork(sessions, fixed: fixed, forbidding: forbidden)
            guard net.solve(from: 0, to: 1) == needed else {
                // Rounding that many at once left some session without trainers: half as many;
                // one that does alone: the next of its trainer combinations by flow.
                guard let back = last else { return firstGuess }
                (sessions, fixed) = (back.sessions, back.fixed)
                if batch > 1 {
                    batch = max(1, min(batch, back.splits.count) / 2)
                    alternative = 0
                    round(back.splits.prefix(batch), sessions: &sessions, fixed: &fixed)
                    continue
                }
                alternative += 1
                let (s, ranked) = back.splits[0]
                let options = Solver.combinations(of: Array(ranked.prefix(SolverTuning.flowRoundingTrainers)), taking: problem.demands[s].trainersNeeded)
                guard alternative < options.count else { return firstGuess }
                sessions.removeAll { $0 == s }
                fixed[s] = options[alternative].sorted()
                continue
            }
            var splits: [(session: Int, ranked: [Int])] = []
            for (k, s) in sessions.enumerated() where slots[k].contains(where: { net.flow(on: $0.edge) > 0 && net.flow(on: $0.edge) < problem.demandDays[s] }) {
                splits.append((s, ranked(s, slots[k], net)))
            }
            let staffed = changes(sessions, slots, net, fixed: fixed)
            guard !splits.isEmpty else { return staffed }
            if last == nil { firstGuess = staffed }
            last = (sessions, fixed, splits)
            alternative = 0
            round(splits.prefix(batch), sessions: &sessions, fixed: &fixed)
            batch = Int.max
        }
        return firstGuess
    }

    /// The sessions whose trainers change, in session order: the flowing `sessions` with their
    /// trainers of most flow in the solved `net`, the others with their `fixed` trainers.
    func changes(_ sessions: [Int], _ slots: [[(trainer: Int, edge: Int)]], _ net: MinCostFlow, fixed: [[Int]?]) -> [(session: Int, trainers: [Int])] {
        var staffing = fixed
        for (k, s) in sessions.enumerated() { staffing[s] = Array(ranked(s, slots[k], net).prefix(problem.demands[s].trainersNeeded)).sorted() }
        return problem.demands.indices.compactMap { s in
            guard let t = staffing[s], let a = schedule.assignment[s], t != a.trainers else { return nil }
            return (s, t)
        }
    }

    /// Takes each split session of `splits` out of the flow's `sessions` with its `rounded` trainers.
    func round(_ splits: ArraySlice<(session: Int, ranked: [Int])>, sessions: inout [Int], fixed: inout [[Int]?]) {
        for (s, ranked) in splits {
            sessions.removeAll { $0 == s }
            fixed[s] = rounded(s, ranked, fixed: fixed, flowing: sessions)
        }
    }

    /// Session `s`'s trainer slots by flow, most first (then its own trainers, least travel, index).
    func ranked(_ s: Int, _ slots: [(trainer: Int, edge: Int)], _ net: MinCostFlow) -> [Int] {
        guard let a = schedule.assignment[s] else { return [] }
        let travel = problem.demands[s].travelByTrainer
        return slots.sorted { x, y in
            let fx = net.flow(on: x.edge), fy = net.flow(on: y.edge)
            let kx = a.trainers.contains(x.trainer) ? 0 : 1, ky = a.trainers.contains(y.trainer) ? 0 : 1
            return (-fx, kx, travel[x.trainer], x.trainer) < (-fy, ky, travel[y.trainer], y.trainer)
        }.map(\.trainer)
    }

    /// The trainers a split session keeps: of `ranked` in order, those whose own and whose
    /// organisation's days left (by the sessions outside the flow, `fixed` ones with their new
    /// trainers) hold the session's days; the first ones regardless when too few do.
    func rounded(_ s: Int, _ ranked: [Int], fixed: [[Int]?], flowing: [Int]) -> [Int] {
        let (trainerLeft, orgLeft) = daysLeft(outside: flowing + [s], fixed: fixed)
        let days = problem.demandDays[s], needed = problem.demands[s].trainersNeeded
        var orgTaken = [Int](repeating: 0, count: problem.orgs.count)
        var out: [Int] = []
        for t in ranked where out.count < needed && trainerLeft[t] >= days && orgLeft[problem.trainerOrg[t]] - orgTaken[problem.trainerOrg[t]] >= days {
            out.append(t)
            orgTaken[problem.trainerOrg[t]] += days
        }
        return (out.count == needed ? out : Array(ranked.prefix(needed))).sorted()
    }

    /// Days left per trainer and per organisation by the scheduled sessions not in `outside`
    /// (each with its `fixed` trainers where set).
    func daysLeft(outside: [Int], fixed: [[Int]?]) -> (trainers: [Int], orgs: [Int]) {
        var trainerLeft = problem.trainerMaxDays, orgLeft = problem.orgCap
        var inFlow = [Bool](repeating: false, count: problem.demands.count)
        for s in outside { inFlow[s] = true }
        for i in problem.demands.indices where schedule.startOf[i] >= 0 && !inFlow[i] {
            for t in fixed[i] ?? schedule.assignment[i]?.trainers ?? [] {
                let o = problem.trainerOrg[t]
                if trainerLeft[t] != Int.max { trainerLeft[t] -= problem.demandDays[i] }
                if orgLeft[o] != Int.max { orgLeft[o] -= problem.demandDays[i] }
            }
        }
        return (trainerLeft, orgLeft)
    }

    /// The trainer-day network of `sessions`: source (node 0) → session (its trainer-days) →
    /// qualified trainer (at most the session's days, at travel per day) → organisation (the
    /// trainer's days left by the sessions that stay) → sink (node 1, the organisation's cap
    /// left). Returns it with each session's trainer edges and the flow that staffs every session.
    func trainerNetwork(_ sessions: [Int], fixed: [[Int]?], forbidding forbidden: [(session: Int, trainer: Int)] = []) -> (
        MinCostFlow, [[(trainer: Int, edge: Int)]], Int
    ) {
        let nt = problem.trainers.count, no = problem.orgs.count
        let trainerNode = 2 + sessions.count, orgNode = trainerNode + nt
        let (trainerLeft, orgLeft) = daysLeft(outside: sessions, fixed: fixed)
        var net = MinCostFlow(nodes: orgNode + no)
        var slots: [[(trainer: Int, edge: Int)]] = []
        var needed = 0
        for (k, s) in sessions.enumerated() {
            guard let a = schedule.assignment[s], let li = problem.demands[s].langs.firstIndex(of: a.lang) else { continue }
            let d = problem.demands[s]
            needed += d.days * a.trainers.count
            net.addEdge(from: 0, to: 2 + k, capacity: d.days * a.trainers.count, cost: 0)
            var mine: [(trainer: Int, edge: Int)] = []
            for t in d.trainersByLang[li] where (a.trainers.contains(t) || freeSomeStart(t, for: s)) && !forbidden.contains(where: { $0 == (s, t) }) {
                let perDay = d.travelByTrainer[t] * Solver.flowDayScale / d.days * Solver.flowTieRoom
                let e = net.addEdge(from: 2 + k, to: trainerNode + t, capacity: d.days, cost: perDay + (a.trainers.contains(t) ? 0 : 1 + scarcity(t, for: s)))
                mine.append((t, e))
            }
            slots.append(mine)
        }
        for t in 0..<nt { net.addEdge(from: trainerNode + t, to: orgNode + problem.trainerOrg[t], capacity: max(0, trainerLeft[t]), cost: 0) }
        for o in 0..<no { net.addEdge(from: orgNode + o, to: 1, capacity: orgLeft[o] == Int.max ? needed : max(0, orgLeft[o]), cost: 0) }
        return (net, slots, needed)
    }

    /// How few of demand `i`'s starts trainer `t` is available at: 0 (all) to
    /// `SolverTuning.flowScarcity` (none), a tie-break that steers the flow, between equally
    /// cheap trainers, to those with most weeks free for the session.
    func scarcity(_ t: Int, for i: Int) -> Int {
        let starts = problem.demands[i].starts, days = problem.demandDays[i]
        guard !starts.isEmpty else { return 0 }
        let blocked = starts.filter { Bits.any(problem.trainerBlocked, t * problem.blockedWords, $0, days) }.count
        return blocked * SolverTuning.flowScarcity / starts.count
    }

    /// Whether trainer `t` is available (not blocked) on the days of some start of demand `i`.
    func freeSomeStart(_ t: Int, for i: Int) -> Bool {
        let days = problem.demandDays[i]
        return problem.demands[i].starts.contains { !Bits.any(problem.trainerBlocked, t * problem.blockedWords, $0, days) }
    }

    /// The changes grouped by the trainers they pass: two sessions are in one group when a
    /// trainer joins or leaves each of them. Groups in order of their first session; sessions in order.
    func groups(of targets: [(session: Int, trainers: [Int])]) -> [[(session: Int, trainers: [Int])]] {
        var groupOf: [Int] = Array(targets.indices)
        func root(_ x: Int) -> Int { groupOf[x] == x ? x : root(groupOf[x]) }
        var holder: [Int: Int] = [:]
        for (k, target) in targets.enumerated() {
            let old = schedule.assignment[target.session]?.trainers ?? []
            let passed = old.filter { !target.trainers.contains($0) } + target.trainers.filter { !old.contains($0) }
            // A trainer, and an organisation with a staffing cap, passed between sessions.
            let keys = passed.map { $0 + 1 } + passed.filter { problem.orgCap[problem.trainerOrg[$0]] != Int.max }.map { -1 - problem.trainerOrg[$0] }
            for key in keys.sorted() {
                if let h = holder[key] { groupOf[root(k)] = root(h) } else { holder[key] = k }
            }
        }
        var byRoot: [Int: Int] = [:]
        var out: [[(session: Int, trainers: [Int])]] = []
        for (k, target) in targets.enumerated() {
            let r = root(k)
            if let g = byRoot[r] {
                out[g].append(target)
            } else {
                byRoot[r] = out.count
                out.append([target])
            }
        }
        return out
    }

    /// Gives each session of `group` its new trainers: at its old start and venue where they fit,
    /// at the cheapest start and venue where they are free otherwise, and at its cheapest session
    /// with any trainers as a last resort. Keeps the change and returns true when every session is
    /// seated, no prerequisite is broken and the plan is better; otherwise restores it.
    mutating func reseat(_ group: [(session: Int, trainers: [Int])]) -> Bool {
        let before = currentScore
        let order = group.sorted { (schedule.startOf[$0.session], $0.session) < (schedule.startOf[$1.session], $1.session) }
        var log: [(Int, Assignment?)] = []
        for (s, _) in order { if let a = schedule.remove(s) { log.append((s, a)) } }
        var moved: [(Int, [Int], Int)] = []
        for ((s, trainers), (_, old)) in zip(order, log) {
            guard var same = old else { continue }
            same.trainers = trainers
            same.cash = problem.sessionCash(problem.demands[s], venue: same.venue, trainers: trainers)
            if schedule.fits(s, same) { schedule.insert(s, same) } else { moved.append((s, trainers, same.lang)) }
        }
        let group = log.map(\.0)
        for (s, trainers, lang) in moved {
            var budget = SolverTuning.flowDisplaceTries
            if let a = seat(s, trainers: trainers, lang: lang) {
                schedule.insert(s, a)
            } else if !seatDisplacing(s, trainers: trainers, lang: lang, keeping: group, budget: &budget, log: &log) {
                _ = insertFreeingDays(s, log: &log)
            }
        }
        let seated = log.allSatisfy { schedule.startOf[$0.0] >= 0 && schedule.dependentsBroken(after: $0.0).isEmpty }
        if seated && before < currentScore { return true }
        undo(&log, to: 0)
        return false
    }

    /// Unscheduled demand `i` with `trainers` in language `lang`: the cheapest start and venue
    /// where everything fits (the earliest of equal cash), at most `maxCash`; nil when none does.
    func seat(_ i: Int, trainers: [Int], lang: Int, maxCash: Int = Int.max) -> Assignment? {
        let d = problem.demands[i]
        let venues = d.venueBased ? d.venues : [-1]
        var best: Assignment?
        var bound = maxCash == Int.max ? Int.max : maxCash + 1
        for start in d.starts {
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
    /// most `SolverTuning.flowDisplaced` sessions (none of `keeping`) stand in its way, at most
    /// `maxCash`. Each displaced session moves to another start with its own trainers, none at
    /// more cash than before: to a free seat, else (while `depth` lasts) to a seat it in turn
    /// clears of its own blockers, else to its cheapest session. The cheapest seat that works,
    /// within `budget` seats tried over the whole chain. Returns whether `i` and every displaced
    /// session are seated; the displaced sessions are logged, and nothing is changed when it fails.
    mutating func seatDisplacing(
        _ i: Int, trainers: [Int], lang: Int, keeping: [Int], maxCash: Int = Int.max, depth: Int = SolverTuning.flowDisplaceDepth,
        keepTrainers: Bool = false, budget: inout Int, log: inout [(Int, Assignment?)]
    ) -> Bool {
        for (a, blockers) in displacingSeats(i, trainers: trainers, lang: lang, keeping: keeping) where a.cash <= maxCash {
            guard budget > 0 else { return false }
            budget -= 1
            let mark = log.count
            for h in blockers { if let ah = schedule.remove(h) { log.append((h, ah)) } }
            guard schedule.fits(i, a) else {
                undo(&log, to: mark)
                continue
            }
            schedule.insert(i, a)
            let displaced = log[mark...].compactMap { h, before in before.map { (h, $0) } }
            for (h, ah) in displaced
            where !reseatDisplaced(h, ah, keeping: keeping + [i] + blockers, depth: depth, keepTrainers: keepTrainers, budget: &budget, log: &log) {
                break
            }
            if log[mark...].allSatisfy({ schedule.startOf[$0.0] >= 0 }) { return true }
            schedule.remove(i)
            undo(&log, to: mark)
        }
        return false
    }

    /// Session `h`, displaced from `ah`, back at another start with its own trainers at no more
    /// cash: a free seat, else one cleared of its own blockers (none of `keeping`) while `depth`
    /// lasts, else its cheapest session. Returns whether it is seated.
    mutating func reseatDisplaced(
        _ h: Int, _ ah: Assignment, keeping: [Int], depth: Int, keepTrainers: Bool, budget: inout Int, log: inout [(Int, Assignment?)]
    ) -> Bool {
        if let moved = seat(h, trainers: ah.trainers, lang: ah.lang, maxCash: ah.cash) {
            schedule.insert(h, moved)
            return true
        }
        if depth > 0,
            seatDisplacing(
                h, trainers: ah.trainers, lang: ah.lang, keeping: keeping, maxCash: ah.cash, depth: depth - 1, keepTrainers: keepTrainers, budget: &budget, log: &log)
        {
            return true
        }
        guard !keepTrainers, let moved = schedule.cheapest(h, maxCash: ah.cash + 1), schedule.funding.canAdd(moved.cash, to: problem.demandPattern[h]) else {
            return false
        }
        schedule.insert(h, moved)
        return true
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
