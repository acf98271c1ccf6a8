import RioModel

/// The rules of one session's venue, cost and funding, and its share of the score.
extension Verifier.Audit {
    /// `venueCapacity`, `venue` and `onlineVenue`: a venue-based session holds a venue of its
    /// region with enough seats (its days are booked for `venueDoubleBooked`); an online one holds none.
    ///
    /// - Returns: the venue's cost per day when the session is venue-based and its venue belongs to
    ///   the region (even if too small), else nil: the cost then has no venue part.
    mutating func venue(_ c: Verifier.CheckedSession) -> Int? {
        let s = c.session, d = c.demand
        guard c.module.delivery.isVenueBased else {
            if let v = s.venue { flag(.onlineVenue, "\(s.id): an online session has venue \(v)") }
            return nil
        }
        guard let id = s.venue, let venue = catalog.venue(id), catalog.regionOfVenue(id)?.id == d.region else {
            flag(.venue, "\(s.id): venue \(s.venue ?? "null") is not a venue of \(d.region)")
            return nil
        }
        if venue.capacity < d.participants { flag(.venueCapacity, "\(s.id): venue \(id) holds \(venue.capacity), fewer than \(d.participants)") }
        venueDays[id, default: []].append(contentsOf: c.days)
        return venue.costPerDay
    }

    /// `cost`: the session's `cost` is the one recomputed by scheduling-model.md's formula.
    mutating func cost(_ c: Verifier.CheckedSession, expected want: SessionCost) {
        let have = c.session.cost
        if have != want {
            flag(
                .cost,
                "\(c.id): cost is cash \(have.cash), in-kind \(have.inKind), venue \(have.venue), participants \(have.participants), travel \(have.travel); expected \(want.cash), \(want.inKind), \(want.venue), \(want.participants), \(want.travel)"
            )
        }
    }

    /// The funding rules of one session: per line in plan order `unknownSource` (which skips the
    /// rest of that line), `negativeAmount`, `sourceIneligible`; then `fundingTotal` and
    /// `fundingOnZeroCash` against the recomputed `cash`. Adds each known line to its source's
    /// allocation for `sourceOverCap`.
    mutating func funding(_ c: Verifier.CheckedSession, cash: Int) {
        var funded = 0
        let conventions = catalog.conventions(of: c.module)
        for line in c.session.funding {
            guard let source = unknownSource(c, line) else { continue }
            negativeAmount(c, line)
            sourceIneligible(c, source, conventions: conventions)
            allocated[source.id, default: 0] += line.amount
            funded += line.amount
        }
        fundingTotal(c, funded: funded, cash: cash)
        fundingOnZeroCash(c, cash: cash)
    }

    /// `unknownSource`: the line's source is one of the request's.
    ///
    /// - Returns: the source, or nil (after flagging) when it is unknown.
    mutating func unknownSource(_ c: Verifier.CheckedSession, _ line: FundingLine) -> FundingSource? {
        guard let source = sources[line.source] else {
            flag(.unknownSource, "\(c.id): funding source \(line.source) is not in the request")
            return nil
        }
        return source
    }

    /// `negativeAmount`: the line's amount is not negative.
    mutating func negativeAmount(_ c: Verifier.CheckedSession, _ line: FundingLine) {
        if line.amount < 0 { flag(.negativeAmount, "\(c.id): \(line.source) gives a negative amount") }
    }

    /// `sourceIneligible`: the source's convention, theme and region filters admit the session.
    mutating func sourceIneligible(_ c: Verifier.CheckedSession, _ source: FundingSource, conventions: [String]) {
        if !source.isEligible(moduleConventions: conventions, moduleThemes: c.module.themes, region: c.demand.region) {
            flag(.sourceIneligible, "\(c.id): source \(source.id) may not pay for \(c.module.id) in \(c.demand.region)")
        }
    }

    /// `fundingTotal`: the known lines add up to the session's recomputed cash.
    mutating func fundingTotal(_ c: Verifier.CheckedSession, funded: Int, cash: Int) {
        if funded != cash { flag(.fundingTotal, "\(c.id): funding adds up to \(funded), cash is \(cash)") }
    }

    /// `fundingOnZeroCash`: a session without cash has no funding lines.
    mutating func fundingOnZeroCash(_ c: Verifier.CheckedSession, cash: Int) {
        if cash == 0 && !c.session.funding.isEmpty { flag(.fundingOnZeroCash, "\(c.id): a session with no cash has funding lines") }
    }

    /// Adds the session to the prerequisite tally and its value, cash and in-kind to the score.
    mutating func tally(_ c: Verifier.CheckedSession, _ cost: SessionCost) {
        lastDays[Self.moduleRegionKey(c.module.id, c.demand.region), default: []].append(c.last)
        checked.append(c)
        value += c.demand.priority * catalog.conventions(of: c.module).count
        cash += cost.cash
        inKind += cost.inKind
    }
}
