import RioModel

/// Re-verifies a plan file against scheduling-model.md, sharing nothing with the solver's search.
///
/// It reads the plan as written (dates as text, ids as names), recomputes every cost and the
/// score from the catalog and request (with RioModel's `SessionCost` formula and `Blackout`
/// rules, which the solver also uses, but none of the solver's own state), and lists each broken
/// ``Rule``. The checks of one call live in ``Audit``; each rule is one function named after it.
public struct Verifier {
    public let catalog: Catalog
    public let request: PlanRequest

    public init(catalog: Catalog, request: PlanRequest) { self.catalog = catalog; self.request = request }

    /// One broken rule and what broke it.
    public struct Violation: Sendable, Hashable, Codable {
        /// The rule broken; it encodes and prints as its name, e.g. `trainerDoubleBooked`, `sourceOverCap`.
        public var rule: Rule
        /// The concrete breach, naming the session, trainer, venue or source and the figures.
        public var message: String
    }

    /// The verdict on a plan: its violations and the figures recomputed from its sessions.
    public struct Report: Sendable, Codable {
        public var valid: Bool { violations.isEmpty }
        public var violations: [Violation]
        public var value: Int
        public var cash: Int
        public var inKind: Int
        public var scheduled: Int
        public var demands: Int
    }

    /// Checks every rule on `plan` and recomputes its score.
    ///
    /// Violations come in a fixed order, so `rioplan check` prints the same lines every run: the
    /// file, the coverage of demands, each session in plan order (its own rules, see
    /// ``Audit/check(_:)``), then the rules across sessions, pins, and the score.
    public func verify(_ plan: Plan) -> Report {
        var audit = Audit(catalog: catalog, request: request, plan: plan)
        audit.format()
        audit.planName()
        audit.coverage()
        for session in plan.sessions { audit.check(session) }
        audit.trainerDoubleBookedAndMaxDays()
        audit.travelRule()
        audit.venueDoubleBooked()
        audit.staffingCap()
        audit.sourceOverCap()
        audit.prerequisite()
        audit.pinned()
        audit.scoreValue()
        audit.scoreCash()
        audit.scoreInKind()
        audit.scoreCounts()
        return audit.report
    }
}
