/// Repacking: the calendars of a few trainers emptied and filled again, every session with the
/// trainers the trainer flow gives it, at whatever dates fit.
///
/// Cash depends on who travels, not on when: the flow (`Solver+TrainerFlow.swift`) finds the
/// cheapest staffing of the plan's sessions with dates set aside, and on the 40-source public
/// variants that staffing is the optimal plan's own. What stands in the way is the calendar: a
/// session given three trainers needs a week when all three are free, and each of them is booked
/// through the year. `reseat` moves a group's sessions one at a time and displaces at most a few
/// sessions each; when that fails, the repack takes out every session the group's new trainers
/// teach and puts them all back, least flexible first, each at its own date where it still
/// fits and at the cheapest free date otherwise. A session that finds no date goes first in the
/// next round. Draws no random numbers.
extension Solver {
    /// Re-packs the calendars of `group`'s new trainers with the group's sessions given their new
    /// trainers. Keeps the change and returns true when every session is seated, no prerequisite
    /// is broken and the plan is better; otherwise restores it. `budget` counts `fits` checks
    /// and is shared by the repacks of one polish.
    mutating func repack(_ group: [(session: Int, trainers: [Int])], budget: inout Int, cuts: inout [(session: Int, trainer: Int)]) -> Bool {
        let members = repackMembers(group)
        guard !members.isEmpty, members.count <= SolverTuning.repackMaxSessions, budget > 0 else { return false }
        let before = currentScore
        var wanted: [(Int, Assignment)] = []
        for s in members {
            guard var a = schedule.assignment[s] else { return false }
            if let t = group.first(where: { $0.session == s })?.trainers {
                a.trainers = t
                a.cash = problem.sessionCash(problem.demands[s], venue: a.venue, trainers: t)
            }
            wanted.append((s, a))
        }
        var log: [(Int, Assignment?)] = []
        for s in members { if let a = schedule.remove(s) { log.append((s, a)) } }
        let mark = log.count
        var order = repackOrder(wanted, budget: &budget)
        var failed: [Int] = []
        for round in 0..<SolverTuning.repackRounds where budget > 0 {
            failed = fill(order, rotation: round, budget: &budget, log: &log)
            let seated = failed.isEmpty && log.allSatisfy { schedule.startOf[$0.0] >= 0 && schedule.dependentsBroken(after: $0.0).isEmpty }
            if seated && before < currentScore { return true }
            undo(&log, to: mark)
            order = order.filter { x in failed.contains { $0 == x.0 } } + order.filter { x in !failed.contains { $0 == x.0 } }
        }
        undo(&log, to: 0)
        if let s = failed.first, let a = wanted.first(where: { $0.0 == s })?.1 { cuts += repackCuts(group, failed: s, a) }
        return false
    }

    /// What the flow might not propose again after session `s` (with `a`'s trainers) found no
    /// date in a repack of `group`: its trainer free on fewest of its starts, in any one session
    /// of the group (`s` last). Each is a single cut; the caller keeps the first after which the
    /// flow still proposes a change.
    func repackCuts(_ group: [(session: Int, trainers: [Int])], failed s: Int, _ a: Assignment) -> [(session: Int, trainer: Int)] {
        let d = problem.demands[s]
        let free = a.trainers.map { t in (d.starts.filter { !Bits.any(problem.trainerBlocked, t * problem.blockedWords, $0, d.days) }.count, t) }
        guard let scarce = free.min(by: <)?.1 else { return [] }
        let others = group.filter { $0.session != s && $0.trainers.contains(scarce) }.map { ($0.session, scarce) }
        return others + [(s, scarce)]
    }

    /// The sessions a repack takes out: the group's, and every movable session (not pinned, not
    /// kept from the baseline) that one of the group's new trainers teaches; in session order.
    func repackMembers(_ group: [(session: Int, trainers: [Int])]) -> [Int] {
        let trainers = Array(Set(group.flatMap(\.trainers))).sorted()
        return problem.demands.indices.filter { h in
            guard let a = schedule.assignment[h] else { return false }
            if group.contains(where: { $0.session == h }) { return true }
            return !problem.demandPinned[h] && !schedule.isBaseline(h, a) && a.trainers.contains(where: trainers.contains)
        }
    }

    /// The sessions to put back, fewest free seats first (counted with all of them out), ties
    /// in session order.
    func repackOrder(_ wanted: [(Int, Assignment)], budget: inout Int) -> [(Int, Assignment)] {
        let counted = wanted.map { s, a in (s, a, freeSeats(s, a, budget: &budget)) }
        return counted.sorted { ($0.2, $0.0) < ($1.2, $1.0) }.map { ($0.0, $0.1) }
    }

    /// How many starts and venues fit session `s` with `a`'s trainers and language.
    func freeSeats(_ s: Int, _ a: Assignment, budget: inout Int) -> Int {
        let d = problem.demands[s]
        var n = 0
        for start in d.starts {
            for v in d.venueBased ? d.venues : [-1] {
                budget -= 1
                let seat = Assignment(start: start, lang: a.lang, venue: v, trainers: a.trainers, cash: problem.sessionCash(d, venue: v, trainers: a.trainers))
                if schedule.fits(s, seat) { n += 1 }
            }
        }
        return n
    }

    /// Puts the sessions back in `order`, each at `repackSeat`, or where at most a few sessions
    /// stand in its way (`seatDisplacing`, which moves them); a session whose prerequisite is
    /// still out waits for a later pass. Every change is logged (a session put back with no
    /// assignment before). Returns the sessions that found no seat.
    mutating func fill(_ order: [(Int, Assignment)], rotation: Int, budget: inout Int, log: inout [(Int, Assignment?)]) -> [Int] {
        var target = [Assignment?](repeating: nil, count: problem.demands.count)
        for (s, a) in order { target[s] = a }
        var pending = order
        var failed: [Int] = []
        var want = RepackContention(trainers: problem.trainers.count, orgs: problem.orgs.count, dayCount: problem.dayCount)
        for (s, a) in order {
            want.add(a.trainers, orgs: a.trainers.map { problem.trainerOrg[$0] }, starts: problem.demands[s].starts, days: problem.demandDays[s], weight: 1)
        }
        while !pending.isEmpty {
            var waiting: [(Int, Assignment)] = []
            for (s, a) in pending {
                guard schedule.prerequisiteStart(s) != nil else {
                    waiting.append((s, a))
                    continue
                }
                log.append((s, nil))
                want.add(a.trainers, orgs: a.trainers.map { problem.trainerOrg[$0] }, starts: problem.demands[s].starts, days: problem.demandDays[s], weight: -1)
                if let seat = repackSeat(s, a, rotation: rotation, want: want, budget: &budget) {
                    schedule.insert(s, seat)
                    continue
                }
                if seatCluster(s, target: target, budget: &budget) { continue }
                var tries = SolverTuning.flowDisplaceTries
                if seatDisplacing(s, trainers: a.trainers, lang: a.lang, keeping: [], keepTrainers: true, budget: &tries, log: &log) { continue }
                if let seat = sparedSeat(s, a, want: want, budget: &budget) { schedule.insert(s, seat) } else { failed.append(s) }
            }
            if waiting.count == pending.count { return failed + waiting.map(\.0) }
            pending = waiting
        }
        return failed
    }

    /// Session `s` at the cheapest start, venue and trainers (of `a`'s language) that fits, costs
    /// no more than `a` and takes none of the days `want` keeps for the sessions still out: the
    /// flow's staffing is one of several as cheap where trainers share a home region, and
    /// another may find a week the flow's does not. Nil when none does.
    func sparedSeat(_ s: Int, _ a: Assignment, want: RepackContention, budget: inout Int) -> Assignment? {
        let d = problem.demands[s]
        guard let li = d.langs.firstIndex(of: a.lang) else { return nil }
        let pool = d.trainersByLang[li].filter { t in
            schedule.trainerDays[t] + want.trainerDays[t] + d.days <= problem.trainerMaxDays[t]
                && schedule.orgDays[problem.trainerOrg[t]] + want.orgDays[problem.trainerOrg[t]] + d.days <= problem.orgCap[problem.trainerOrg[t]]
        }
        var best: Assignment?
        for trainers in Solver.combinations(of: pool, taking: d.trainersNeeded) where trainers != a.trainers {
            let orgs = trainers.map { problem.trainerOrg[$0] }
            guard orgs.allSatisfy({ o in schedule.orgDays[o] + want.orgDays[o] + d.days * orgs.filter { $0 == o }.count <= problem.orgCap[o] }) else { continue }
            for start in d.starts {
                for v in d.venueBased ? d.venues : [-1] where budget > 0 {
                    let cash = problem.sessionCash(d, venue: v, trainers: trainers)
                    guard cash <= a.cash, cash < (best?.cash ?? Int.max) else { continue }
                    budget -= 1
                    let seat = Assignment(start: start, lang: a.lang, venue: v, trainers: trainers, cash: cash)
                    if schedule.fits(s, seat) && keepsDependents(s, start: start) { best = seat }
                }
            }
        }
        return best
    }

    /// Every `k`-element subset of `pool`, each in `pool`'s order, in lexicographic order of positions.
    static func combinations(of pool: [Int], taking k: Int) -> [[Int]] {
        guard k > 0 else { return [[]] }
        guard pool.count >= k else { return [] }
        var out: [[Int]] = []
        for (n, first) in pool.enumerated() {
            for rest in combinations(of: Array(pool[(n + 1)...]), taking: k - 1) { out.append([first] + rest) }
        }
        return out
    }

    /// Session `s` with `a`'s trainers and language at the cheapest start and venue that fits
    /// and keeps its scheduled dependents after it; of equally cheap ones, the one the sessions
    /// still out want least (`want`), then the first from `rotation` times a quarter of the
    /// starts on. Nil when none fits.
    func repackSeat(_ s: Int, _ a: Assignment, rotation: Int, want: RepackContention, budget: inout Int) -> Assignment? {
        let d = problem.demands[s]
        let n = d.starts.count, shift = n * rotation / 4
        var best: Assignment?
        var bestWant = Double.infinity
        for k in 0..<n {
            let start = d.starts[(k + shift) % n]
            for v in d.venueBased ? d.venues : [-1] {
                let cash = problem.sessionCash(d, venue: v, trainers: a.trainers)
                guard cash <= (best?.cash ?? Int.max) else { continue }
                let w = want.cost(a.trainers, start: start, days: d.days)
                guard cash < (best?.cash ?? Int.max) || w < bestWant else { continue }
                budget -= 1
                let seat = Assignment(start: start, lang: a.lang, venue: v, trainers: a.trainers, cash: cash)
                if schedule.fits(s, seat) && keepsDependents(s, start: start) {
                    best = seat
                    bestWant = w
                }
            }
        }
        return best
    }

    /// Whether demand `s` starting at `start` ends before every scheduled session that needs it
    /// and has no other prerequisite of the same kind delivered earlier.
    func keepsDependents(_ s: Int, start: Int) -> Bool {
        let end = start + problem.demandDays[s]
        return problem.demands[s].dependents.allSatisfy { h in
            guard schedule.startOf[h] >= 0, schedule.startOf[h] < end else { return true }
            return problem.demands[h].prerequisiteDemands.allSatisfy { group in
                !group.contains(s) || group.contains { j in j != s && schedule.startOf[j] >= 0 && schedule.startOf[j] + problem.demandDays[j] <= schedule.startOf[h] }
            }
        }
    }
}
