import RioModel

/// The rules of one session on its own: identity, time, place, people and trainers.
extension Verifier.Audit {
    /// Checks every rule of one session, in a fixed order, and tallies it for the rules across sessions.
    ///
    /// A session of an unknown demand (already flagged by `unknownDemand`) or of a module or
    /// region the catalog lacks is skipped; so is the rest of a session whose dates do not parse.
    /// The cost is compared only when every trainer is known, since an unknown trainer has no day
    /// rate or home; the session's cash still counts (without that trainer) towards the score.
    mutating func check(_ session: PlanSession) {
        guard let demand = demands[session.demand], let module = catalog.module(demand.module), let region = catalog.region(demand.region)
        else { return }
        sessionID(session, demand)
        demandMismatch(session, demand)
        guard let start = dates(session) else { return }
        let c = Verifier.CheckedSession(
            session: session, demand: demand, module: module, region: region, days: (0..<module.days).map { start.adding(days: $0) })
        sessionLength(c)
        workingWeek(c)
        window(c)
        blackout(c)
        participants(c)
        language(c)
        trainerCount(c)
        let trainers = self.trainers(c)
        let venueCostPerDay = venue(c)
        let cost = SessionCost(module: module, region: region, participants: demand.participants, venueCostPerDay: venueCostPerDay, trainers: trainers.shares)
        if trainers.allKnown { self.cost(c, expected: cost) }
        funding(c, cash: cost.cash)
        tally(c, cost)
    }

    /// `sessionID`: the id is `<request name>/<demand id>`.
    mutating func sessionID(_ s: PlanSession, _ d: Demand) {
        if s.id != "\(request.name)/\(d.id)" { flag(.sessionID, "\(s.id): id should be \(request.name)/\(d.id)") }
    }

    /// `demandMismatch`: the session's module and region are its demand's.
    mutating func demandMismatch(_ s: PlanSession, _ d: Demand) {
        if s.module != d.module || s.region != d.region {
            flag(.demandMismatch, "\(s.id): module/region \(s.module)/\(s.region) differ from the demand's \(d.module)/\(d.region)")
        }
    }

    /// `dates`: start and end are ISO dates.
    ///
    /// - Returns: the start day, or nil (after flagging) when either date does not parse.
    mutating func dates(_ s: PlanSession) -> Day? {
        guard let start = Day(iso: s.start), Day(iso: s.end) != nil else {
            flag(.dates, "\(s.id): start or end is not a date")
            return nil
        }
        return start
    }

    /// `sessionLength`: the plan's `end` and `days` match the module's days from the start.
    mutating func sessionLength(_ c: Verifier.CheckedSession) {
        let s = c.session
        if Day(iso: s.end) != c.last || s.days != c.module.days {
            flag(.sessionLength, "\(s.id): \(s.start)..\(s.end) (\(s.days) days) does not match module \(c.module.id)'s \(c.module.days) days")
        }
    }

    /// `workingWeek`: the session's days fit Monday to Friday of one ISO week.
    mutating func workingWeek(_ c: Verifier.CheckedSession) {
        if c.first.weekday + c.module.days > 5 {
            flag(.workingWeek, "\(c.id): \(c.module.days) days from \(c.session.start) do not fit Monday to Friday of one week")
        }
    }

    /// `window`: every day lies in the horizon and in the demand's `earliest ... latest`.
    mutating func window(_ c: Verifier.CheckedSession) {
        let horizon = request.horizon
        let lo = max(horizon.start, c.demand.earliest ?? horizon.start), hi = min(horizon.end, c.demand.latest ?? horizon.end)
        if c.first < lo || c.last > hi { flag(.window, "\(c.id): \(c.session.start)..\(c.session.end) lies outside \(lo)..\(hi)") }
    }

    /// `blackout`: the session touches no blackout that closes its region; one line per blackout.
    mutating func blackout(_ c: Verifier.CheckedSession) {
        for b in request.blackouts where b.closes(region: c.demand.region) && b.touches(first: c.first, last: c.last) {
            flag(.blackout, "\(c.id): touches blackout \(b.name) \(b.range.description)")
        }
    }

    /// `participants`: the session has its demand's participants.
    mutating func participants(_ c: Verifier.CheckedSession) {
        let s = c.session
        if s.participants != c.demand.participants {
            flag(.participants, "\(s.id): \(s.participants) participants, the demand asks for \(c.demand.participants)")
        }
    }

    /// `language`: the module offers the session's language and the demand accepts it.
    mutating func language(_ c: Verifier.CheckedSession) {
        let language = c.session.language, m = c.module
        let accepted = c.demand.languages ?? m.languages
        if !m.languages.contains(language) || !accepted.contains(language) {
            flag(.language, "\(c.id): language \(language) is not offered by \(m.id) or not accepted by \(c.demand.id)")
        }
    }

    /// `trainerCount`: the session has exactly the module's number of trainers, all distinct.
    mutating func trainerCount(_ c: Verifier.CheckedSession) {
        let trainers = c.session.trainers
        if trainers.count != c.module.trainers || Set(trainers).count != trainers.count {
            flag(.trainerCount, "\(c.id): needs \(c.module.trainers) distinct trainer(s), has \(trainers.joined(separator: ", "))")
        }
    }

    /// The trainers' own rules, trainer by trainer in plan order: `unknownTrainer` (which skips
    /// the rest for that trainer), `trainerUnqualified`, `trainerLanguage`, `trainerUnavailable`,
    /// `orgBlackout`. Books each known trainer's days for the rules across sessions.
    ///
    /// - Returns: the day rate and travel cost of each known trainer, and whether all are known.
    mutating func trainers(_ c: Verifier.CheckedSession) -> (shares: [SessionCost.TrainerShare], allKnown: Bool) {
        var shares: [SessionCost.TrainerShare] = []
        var allKnown = true
        for id in c.session.trainers {
            guard let t = unknownTrainer(c, id) else {
                allKnown = false
                continue
            }
            trainerUnqualified(c, t)
            trainerLanguage(c, t)
            trainerUnavailable(c, t)
            orgBlackout(c, t)
            book(t, c)
            shares.append(SessionCost.TrainerShare(dayRate: t.dayRate, travel: catalog.travelCost(t.home, c.demand.region) ?? 0))
        }
        return (shares, allKnown)
    }

    /// `unknownTrainer`: the trainer is in the request's staff.
    ///
    /// - Returns: the trainer, or nil (after flagging) when the id is unknown.
    mutating func unknownTrainer(_ c: Verifier.CheckedSession, _ id: String) -> Trainer? {
        guard let t = staff[id] else {
            flag(.unknownTrainer, "\(c.id): trainer \(id) is not in the staff list")
            return nil
        }
        return t
    }

    /// `trainerUnqualified`: the session's module is in the trainer's `modules`.
    mutating func trainerUnqualified(_ c: Verifier.CheckedSession, _ t: Trainer) {
        if !t.modules.contains(c.module.id) { flag(.trainerUnqualified, "\(c.id): trainer \(t.id) is not qualified for \(c.module.id)") }
    }

    /// `trainerLanguage`: the trainer speaks the session's language.
    mutating func trainerLanguage(_ c: Verifier.CheckedSession, _ t: Trainer) {
        if !t.languages.contains(c.session.language) { flag(.trainerLanguage, "\(c.id): trainer \(t.id) does not speak \(c.session.language)") }
    }

    /// `trainerUnavailable`: no session day is in one of the trainer's `unavailable` ranges.
    mutating func trainerUnavailable(_ c: Verifier.CheckedSession, _ t: Trainer) {
        if t.unavailable.contains(where: { r in c.days.contains(where: r.contains) }) {
            flag(.trainerUnavailable, "\(c.id): trainer \(t.id) is unavailable on a session day")
        }
    }

    /// `orgBlackout`: the session touches no blackout that keeps the trainer's organisation away;
    /// one line per blackout.
    mutating func orgBlackout(_ c: Verifier.CheckedSession, _ t: Trainer) {
        for b in request.blackouts where b.keepsAway(org: t.org) && b.touches(first: c.first, last: c.last) {
            flag(.orgBlackout, "\(c.id): trainer \(t.id) of \(t.org) is in blackout \(b.name)")
        }
    }

    /// Books the session's days for trainer `t`: per day (double booking), per ISO week and region
    /// when venue-based (travel rule), and in the day counts of the trainer and the organisation.
    mutating func book(_ t: Trainer, _ c: Verifier.CheckedSession) {
        trainerDays[t.id, default: []].append(contentsOf: c.days)
        if c.module.delivery.isVenueBased {
            let monday = Day(number: c.first.number - c.first.weekday)
            trainerWeekRegions["\(t.id) week of \(monday.iso)", default: []].insert(c.demand.region)
        }
        daysOfTrainer[t.id, default: 0] += c.module.days
        daysOfOrg[t.org, default: 0] += c.module.days
    }
}
