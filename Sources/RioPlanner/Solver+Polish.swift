extension Solver {
    /// Trainer chains: for each session whose trainer travels more than a qualified colleague
    /// who is kept away by another session, moves the colleague over and gives the other session
    /// a third trainer, when the two changes together lower cash. Starts and venues stay, so
    /// prerequisites hold; every change is checked by `Schedule.fits`, funding included.
    ///
    /// `polishCash` re-seats one session at a time, so it never makes such a pair of changes:
    /// the first alone is blocked (the colleague is busy or out of days), the second alone costs
    /// more. Returns whether cash fell.
    ///
    /// - Complexity: O(sessions × trainers² × holders) `fits` checks.
    mutating func polishTrainerChains() -> Bool {
        var improved = false
        for c in problem.demands.indices {
            for (t, next) in cheaperTrainerSwaps(c) where moveTrainer(t, into: c, as: next) {
                improved = true
                break
            }
        }
        return improved
    }

    /// Session `c`'s assignment with one of its trainers replaced by a qualified colleague who
    /// travels less (each trainer in turn, colleagues cheapest first), with the trainer brought
    /// in: only those that lower its cash, none for a pinned, baseline or cheapest session.
    func cheaperTrainerSwaps(_ c: Int) -> [(t: Int, next: Assignment)] {
        guard !problem.demandPinned[c], let ac = schedule.assignment[c], ac.cash > problem.demandMinCash[c], !schedule.isBaseline(c, ac) else { return [] }
        let dc = problem.demands[c]
        guard let li = dc.langs.firstIndex(of: ac.lang) else { return [] }
        var swaps: [(t: Int, next: Assignment)] = []
        for old in ac.trainers {
            for t in dc.trainersByLang[li] where dc.travelByTrainer[t] < dc.travelByTrainer[old] && !ac.trainers.contains(t) {
                var next = ac
                next.trainers = ac.trainers.map { $0 == old ? t : $0 }.sorted()
                next.cash = problem.sessionCash(dc, venue: ac.venue, trainers: next.trainers)
                if next.cash < ac.cash { swaps.append((t, next)) }
            }
        }
        return swaps
    }

    /// The sessions other than `c` that trainer `t` teaches and the polish may move (not pinned,
    /// not kept from the baseline).
    func movableSessions(of t: Int, except c: Int) -> [Int] {
        problem.demands.indices.filter { h in
            h != c && !problem.demandPinned[h] && (schedule.assignment[h].map { $0.trainers.contains(t) && !schedule.isBaseline(h, $0) } ?? false)
        }
    }

    /// Gives session `c` the assignment `next` (one of `cheaperTrainerSwaps(c)`, bringing in
    /// trainer `t`), moving `t` off one session that keeps it away (to another qualified
    /// trainer), when cash falls overall. False (nothing changed) otherwise.
    mutating func moveTrainer(_ t: Int, into c: Int, as next: Assignment) -> Bool {
        guard let ac = schedule.assignment[c] else { return false }
        let saving = ac.cash - next.cash  // positive: `cheaperTrainerSwaps` keeps only those
        schedule.remove(c)
        if schedule.fits(c, next) {
            schedule.insert(c, next)
            return true
        }
        for h in movableSessions(of: t, except: c) where reassign(t, in: h, for: c, next, within: saving) { return true }
        schedule.insert(c, ac)
        return false
    }

    /// With `c` removed: replaces trainer `t` in session `h` by another qualified trainer so
    /// that `c` fits as `next`, when `h`'s extra cash is below `saving`. Leaves `h` and `c`
    /// changed and returns true, or leaves `h` as it was and returns false.
    mutating func reassign(_ t: Int, in h: Int, for c: Int, _ next: Assignment, within saving: Int) -> Bool {
        guard let ah = schedule.assignment[h] else { return false }
        let dh = problem.demands[h]
        guard let lh = dh.langs.firstIndex(of: ah.lang) else { return false }
        schedule.remove(h)
        defer { if schedule.assignment[h] == nil { schedule.insert(h, ah) } }
        guard schedule.fits(c, next) else { return false }
        schedule.insert(c, next)
        for t2 in dh.trainersByLang[lh] where t2 != t && !ah.trainers.contains(t2) && dh.travelByTrainer[t2] - dh.travelByTrainer[t] < saving {
            var moved = ah
            moved.trainers = ah.trainers.map { $0 == t ? t2 : $0 }.sorted()
            moved.cash = problem.sessionCash(dh, venue: ah.venue, trainers: moved.trainers)
            if schedule.fits(h, moved) {
                schedule.insert(h, moved)
                return true
            }
        }
        schedule.remove(c)
        return false
    }
}

extension Solver {
    /// Trainer days: for each session whose trainer travels more than a qualified colleague,
    /// frees the colleague by moving one of the colleague's other sessions elsewhere without
    /// them (any date, venue and trainers), the sessions that lose their prerequisite by it
    /// re-seated after it, when cash falls overall and every moved session finds a seat.
    ///
    /// This is the exchange where the colleague is free at the session's dates but has used its
    /// own or its organisation's days, and the session holding them is a prerequisite of others:
    /// neither one-session re-seating nor `polishTrainerChains` (starts kept) reaches it.
    /// Draws no random numbers (moved sessions scan starts from the first). Returns whether cash
    /// fell.
    ///
    /// - Complexity: O(sessions × trainers² × holders) `fits` checks, and up to
    ///   `1 + dependents` `Schedule.cheapest` scans per holder tried.
    mutating func polishTrainerDays() -> Bool {
        var improved = false
        for c in problem.demands.indices {
            swaps: for (t, next) in cheaperTrainerSwaps(c) {
                for h in movableSessions(of: t, except: c) where relocate(h, freeing: t, for: c, next) {
                    improved = true
                    break swaps
                }
            }
        }
        return improved
    }

    /// Moves session `h` (and the sessions that lose their prerequisite by it) so that session
    /// `c` can take `next`, which gives it trainer `t`: `h` comes back without `t`, its
    /// dependents after it. Keeps the change and returns true when every session is seated and
    /// cash has fallen with no baseline session lost; otherwise restores everything.
    mutating func relocate(_ h: Int, freeing t: Int, for c: Int, _ next: Assignment) -> Bool {
        guard let ac = schedule.assignment[c] else { return false }
        let before = currentScore
        var log = StepLog()
        schedule.remove(c)
        drop(h, &log)
        var inserted: [Int] = []
        var seated = schedule.fits(c, next)
        if seated {
            schedule.insert(c, next)
            inserted.append(c)
            for (k, (j, _)) in log.removed.enumerated() where seated {
                seated = tryInsert(j, avoiding: k == 0 ? t : -1, rotation: 0)
                if seated { inserted.append(j) }
            }
        }
        // A pinned dependent stays where it is: its prerequisite must still come before it.
        if seated && before < currentScore && log.removed.allSatisfy({ schedule.dependentsBroken(after: $0.0).isEmpty }) { return true }
        for i in inserted.reversed() { schedule.remove(i) }
        for (i, a) in log.removed.reversed() { schedule.insert(i, a) }
        schedule.insert(c, ac)
        return false
    }
}
