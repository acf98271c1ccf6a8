import RioModel

extension Verifier {
    /// One verification of one plan: the lookups, the violations found so far, and the tallies
    /// the rules across sessions need.
    ///
    /// ``Verifier/verify(_:)`` calls the rule functions in order; each rule function is named
    /// after the rule(s) it checks and appends to ``violations`` through ``flag(_:_:)``. The
    /// per-session rules (Verifier+Sessions.swift) fill the tallies that the rules across sessions
    /// (Verifier+Resources.swift) and the plan rules (Verifier+Plan.swift) read.
    struct Audit {
        /// The catalog and request the plan is checked against.
        let catalog: Catalog
        let request: PlanRequest
        /// The plan file as read.
        let plan: Plan
        /// The request's demands, trainers and funding sources by id (the first of a duplicate id wins).
        let demands: [String: Demand]
        let staff: [String: Trainer]
        let sources: [String: FundingSource]

        /// The broken rules, in the order they were found.
        private(set) var violations: [Violation] = []

        /// The session days of each trainer, one entry per day taught (so a repeat is a double booking).
        var trainerDays: [String: [Day]] = [:]
        /// The regions of each trainer's venue-based sessions, keyed `"<trainer> week of <Monday>"`.
        var trainerWeekRegions: [String: Set<String>] = [:]
        /// The session days of each venue, one entry per day held.
        var venueDays: [String: [Day]] = [:]
        /// Session days per trainer and per trainer organisation.
        var daysOfTrainer: [String: Int] = [:]
        var daysOfOrg: [String: Int] = [:]
        /// The amounts allocated per funding source over the plan.
        var allocated: [String: Int] = [:]
        /// The last days of the sessions of each module in each region, keyed by ``moduleRegionKey(_:_:)``.
        var lastDays: [String: [Day]] = [:]
        /// The sessions with valid dates, in plan order, for the prerequisite rule.
        var checked: [CheckedSession] = []
        /// The recomputed score figures.
        var value = 0, cash = 0, inKind = 0

        /// Starts an audit of `plan` against `request` and `catalog`.
        init(catalog: Catalog, request: PlanRequest, plan: Plan) {
            self.catalog = catalog
            self.request = request
            self.plan = plan
            demands = Dictionary(request.demands.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            staff = Dictionary(request.staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            sources = Dictionary(request.funding.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        }

        /// Records a breach of `rule`.
        mutating func flag(_ rule: Rule, _ message: String) { violations.append(Violation(rule: rule, message: message)) }

        /// The verdict so far: the violations and the recomputed figures.
        var report: Report {
            Report(violations: violations, value: value, cash: cash, inKind: inKind, scheduled: checked.count, demands: request.demands.count)
        }

        /// The key of a module in a region, for ``lastDays`` and the request's `delivered` list.
        static func moduleRegionKey(_ module: String, _ region: String) -> String { "\(module)\u{1}\(region)" }
    }

    /// A session whose demand, module and region are known and whose dates parse: the subject of
    /// the per-session rules.
    struct CheckedSession {
        let session: PlanSession
        let demand: Demand
        let module: TrainingModule
        let region: Region
        /// The module's days from the session's start, as the session should run them.
        let days: [Day]

        /// The session's id as written in the plan.
        var id: String { session.id }
        /// The session's first day (its start).
        var first: Day { days[0] }
        /// The session's last day by the module's length (not the plan's `end`).
        var last: Day { days[days.count - 1] }
    }
}
