/// Day chains: a session is put in although its trainers (or their organisations) have used up
/// their days, and the days are then freed by passing other sessions of theirs to qualified
/// colleagues, starts and venues kept; a colleague out of days in turn passes on one of its own,
/// up to `SolverTuning.dayChainDepth` levels.
///
/// This is the exchange where a module's few qualified trainers are all at their limits: giving
/// the new session two of them means moving one of their sessions to a third trainer, who frees
/// the days by handing a session of another module to a fourth. No single re-seating reaches it,
/// and dropping the holders and repairing greedily puts the cheapest trainers straight back.
extension Solver {
    /// A trainer, or an organisation, holding more days than its limit while a chain runs.
    enum DayDeficit: Equatable {
        case trainer(Int)
        case org(Int)
    }

    /// A substitution a chain may make: trainer `from` of session `session` replaced by `to`.
    struct Substitution {
        let session: Int
        let from: Int
        let to: Int
        /// The change in the session's cash.
        let delta: Int
    }

    /// Days held above the deficit's limit (zero or less once freed).
    func excess(_ d: DayDeficit) -> Int {
        switch d {
        case .trainer(let t): return schedule.trainerDays[t] - problem.trainerMaxDays[t]
        case .org(let o): return schedule.orgDays[o] - problem.orgCap[o]
        }
    }

    /// Whether trainer `t` counts towards the deficit.
    func counts(_ t: Int, towards d: DayDeficit) -> Bool {
        switch d {
        case .trainer(let x): return t == x
        case .org(let o): return problem.trainerOrg[t] == o
        }
    }

    /// The trainers of `trainers` above their own day limit, then their organisations above the cap.
    func deficits(of trainers: [Int]) -> [DayDeficit] {
        var out: [DayDeficit] = []
        for t in trainers where excess(.trainer(t)) > 0 { out.append(.trainer(t)) }
        for t in trainers where excess(.org(problem.trainerOrg[t])) > 0 && !out.contains(.org(problem.trainerOrg[t])) { out.append(.org(problem.trainerOrg[t])) }
        return out
    }

    /// Inserts unscheduled demand `u`: at its cheapest session when one fits, else at its cheapest
    /// session over day limits followed by a day chain that frees them. Every change made is
    /// appended to `log` (session, assignment before; `u` with nil). False, with nothing changed,
    /// when neither works within the money or `SolverTuning.dayChainBudget` substitutions.
    mutating func insertFreeingDays(_ u: Int, log: inout [(Int, Assignment?)]) -> Bool {
        let pattern = problem.demandPattern[u]
        guard hasStarts[u], !problem.demandPinned[u], schedule.startOf[u] < 0, schedule.funding.canAdd(problem.demandMinCash[u], to: pattern) else { return false }
        if let a = schedule.cheapest(u), schedule.funding.canAdd(a.cash, to: pattern) {
            schedule.insert(u, a)
            log.append((u, nil))
            return true
        }
        guard let a = schedule.cheapest(u, dayLimits: false), schedule.funding.canAdd(a.cash, to: pattern) else { return false }
        let mark = log.count
        schedule.insert(u, a)
        log.append((u, nil))
        if freeDays(of: a.trainers, chain: a.trainers, log: &log) { return true }
        undo(&log, to: mark)
        return false
    }

    /// Frees the days of `trainers` (and their organisations) held above their limits, by day
    /// chains that never bring in a trainer of `chain`, within `SolverTuning.dayChainBudget`
    /// substitutions in all. Changes are logged; on failure the caller undoes them.
    mutating func freeDays(of trainers: [Int], chain: [Int], log: inout [(Int, Assignment?)]) -> Bool {
        var budget = SolverTuning.dayChainBudget
        return deficits(of: trainers).allSatisfy { freeDays($0, depth: SolverTuning.dayChainDepth, chain: chain, budget: &budget, log: &log) }
    }

    /// Frees the deficit's excess days, one substitution at a time (cheapest first), recursing
    /// into a substitute that runs over its own limits while `depth` lasts. Trainers in `chain`
    /// are never brought in, so a chain cannot turn back on itself. Changes are logged; on
    /// failure the caller undoes them.
    mutating func freeDays(_ d: DayDeficit, depth: Int, chain: [Int], budget: inout Int, log: inout [(Int, Assignment?)]) -> Bool {
        while excess(d) > 0 {
            guard budget > 0, passOn(d, depth: depth, chain: chain, budget: &budget, log: &log) else { return false }
        }
        return true
    }

    /// Passes one session of the deficit to another trainer: the cheapest substitution that fits,
    /// or (with `depth` left) one that fits but for the substitute's day limits, which a deeper
    /// chain then frees.
    mutating func passOn(_ d: DayDeficit, depth: Int, chain: [Int], budget: inout Int, log: inout [(Int, Assignment?)]) -> Bool {
        for s in substitutions(for: d, chain: chain) {
            guard budget > 0, let ah = schedule.assignment[s.session] else { return false }
            budget -= 1
            var moved = ah
            moved.trainers = ah.trainers.map { $0 == s.from ? s.to : $0 }.sorted()
            moved.cash = ah.cash + s.delta
            schedule.remove(s.session)
            if schedule.fits(s.session, moved) {
                schedule.insert(s.session, moved)
                log.append((s.session, ah))
                return true
            }
            guard depth > 0, schedule.fits(s.session, moved, dayLimits: false) else {
                schedule.insert(s.session, ah)
                continue
            }
            let mark = log.count
            schedule.insert(s.session, moved)
            log.append((s.session, ah))
            let freed = deficits(of: [s.to]).allSatisfy { freeDays($0, depth: depth - 1, chain: chain + [s.to], budget: &budget, log: &log) }
            if freed { return true }
            undo(&log, to: mark)
        }
        return false
    }

    /// Every substitution that takes a session off the deficit's trainers, cheapest first (ties
    /// by session, then trainers): not pinned or baseline sessions, qualified substitutes outside
    /// the deficit and the chain.
    func substitutions(for d: DayDeficit, chain: [Int]) -> [Substitution] {
        var out: [Substitution] = []
        for h in problem.demands.indices where schedule.startOf[h] >= 0 && !problem.demandPinned[h] {
            guard let ah = schedule.assignment[h], ah.trainers.contains(where: { counts($0, towards: d) }), !schedule.isBaseline(h, ah) else { continue }
            let dh = problem.demands[h]
            guard let li = dh.langs.firstIndex(of: ah.lang) else { continue }
            for t in ah.trainers where counts(t, towards: d) {
                for t2 in dh.trainersByLang[li] where !ah.trainers.contains(t2) && !counts(t2, towards: d) && !chain.contains(t2) {
                    let trainers = ah.trainers.map { $0 == t ? t2 : $0 }.sorted()
                    out.append(Substitution(session: h, from: t, to: t2, delta: problem.sessionCash(dh, venue: ah.venue, trainers: trainers) - ah.cash))
                }
            }
        }
        return out.sorted { ($0.delta, $0.session, $0.from, $0.to) < ($1.delta, $1.session, $1.from, $1.to) }
    }

    /// Undoes the changes logged after `mark`: every session they touched is taken out first,
    /// then each is put back as its first entry after `mark` found it.
    ///
    /// All out before any back in: a session's entry may sit before that of a session that took
    /// its place later (a re-seat logs the sessions it moves before those they displace), and
    /// putting one back while the other still holds its days would share a trainer's or venue's
    /// days between them; taking either out then clears both.
    mutating func undo(_ log: inout [(Int, Assignment?)], to mark: Int) {
        guard log.count > mark else { return }
        for (i, _) in log[mark...] { schedule.remove(i) }
        for k in mark..<log.count {
            let (i, before) = log[k]
            if let a = before, !log[mark..<k].contains(where: { $0.0 == i }) { schedule.insert(i, a) }
        }
        log.removeLast(log.count - mark)
    }
}
