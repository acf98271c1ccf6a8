import RioModel

/// The session-cash formula of the planner, written once.
///
/// A session's cash is `fixedCash` (the participants part, `SessionCost.participantsPart`,
/// compiled per demand) + the venue part (`SessionCost.venuePart`) + the travel of its trainers
/// (compiled per demand and trainer). The solver's candidates, the pins, the baseline of a
/// re-plan and the plan file's costs all come from these functions.
extension DemandData {
    /// The cash of a session of this demand whose venue part is `venue` and whose trainers'
    /// travel adds up to `travel`.
    ///
    /// - Complexity: O(1); `Schedule.cheapest` calls it once per candidate.
    @inline(__always)
    func cash(venue: Int, travel: Int) -> Int { DemandData.cash(fixed: fixedCash, venue: venue, travel: travel) }

    /// The session-cash formula over its three parts (for the compiler's lower bound, before a
    /// `DemandData` exists).
    @inline(__always)
    static func cash(fixed: Int, venue: Int, travel: Int) -> Int { fixed + venue + travel }

    /// The travel part of the cash for `trainers` (indices into `Problem.trainers`).
    func travel(of trainers: [Int]) -> Int { trainers.reduce(0) { $0 + travelByTrainer[$1] } }
}

extension Problem {
    /// The venue part of a session of `d` at venue `v` (a `venues` index, -1 for none).
    @inline(__always)
    func venueCash(_ d: DemandData, venue v: Int) -> Int { venueCash(days: d.days, venue: v) }

    /// The venue part of the cash of a `days`-day session at venue `v` (-1 for none).
    @inline(__always)
    func venueCash(days: Int, venue v: Int) -> Int {
        SessionCost.venuePart(costPerDay: v >= 0 ? venues[v].costPerDay : nil, days: days)
    }

    /// The cash of a session of `d` at venue `venue` (-1 for none) with `trainers`.
    func sessionCash(_ d: DemandData, venue: Int, trainers: [Int]) -> Int {
        d.cash(venue: venueCash(d, venue: venue), travel: d.travel(of: trainers))
    }

    /// The plan file's cost of demand `d` held as `a`: cash from the same parts as
    /// `sessionCash`, in kind the trainers' day rates times the days.
    func sessionCost(_ d: DemandData, _ a: Assignment) -> SessionCost {
        let venue = venueCash(d, venue: a.venue)
        let travel = d.travel(of: a.trainers)
        let inKind = a.trainers.reduce(0) { $0 + trainers[$1].trainer.dayRate * d.days }
        return SessionCost(cash: d.cash(venue: venue, travel: travel), inKind: inKind, venue: venue, participants: d.fixedCash, travel: travel)
    }
}
