import Foundation

/// A joint training plan: the public `rioplan-plan/1` JSON contract (plan-format.md).
public struct Plan: Sendable, Hashable, Codable {
    public static let formatID = "rioplan-plan/1"
    public var format: String = Plan.formatID
    public var name: String
    public var currency: String
    public var horizon: Horizon
    public var inputs: PlanInputs
    public var sessions: [PlanSession]
    public var unscheduled: [UnscheduledDemand]
    public var score: Score
    public var solver: SolverInfo

    public init(
        name: String, currency: String, horizon: Horizon, inputs: PlanInputs, sessions: [PlanSession],
        unscheduled: [UnscheduledDemand], score: Score, solver: SolverInfo
    ) {
        self.name = name; self.currency = currency; self.horizon = horizon; self.inputs = inputs
        self.sessions = sessions; self.unscheduled = unscheduled; self.score = score; self.solver = solver
    }

    public struct Horizon: Sendable, Hashable, Codable {
        public var start: String
        public var end: String
        public init(start: String, end: String) { self.start = start; self.end = end }
    }

    public struct PlanInputs: Sendable, Hashable, Codable {
        public var request: String
        public var catalog: String
        public var requestSha256: String?
        public var catalogSha256: String?
        public init(request: String, catalog: String, requestSha256: String?, catalogSha256: String?) {
            self.request = request; self.catalog = catalog; self.requestSha256 = requestSha256; self.catalogSha256 = catalogSha256
        }
    }

    public struct Score: Sendable, Hashable, Codable {
        public var value: Int
        public var cash: Int
        public var inKind: Int
        public var scheduled: Int
        public var demands: Int
        public init(value: Int, cash: Int, inKind: Int, scheduled: Int, demands: Int) {
            self.value = value; self.cash = cash; self.inKind = inKind; self.scheduled = scheduled; self.demands = demands
        }
    }

    public struct SolverInfo: Sendable, Hashable, Codable {
        public var seconds: Double
        public var seed: UInt64?
        public var timeLimit: Double?
        public var iterations: Int?
        public var engine: String?
        /// Threads the search ran on; recorded only for time-limited runs (with `iterations`
        /// the plan is the same whatever the thread count).
        public var threads: Int?
        /// A proven upper bound on `score.value`: no valid plan of the request exceeds it.
        public var bound: Int?
        /// `(bound - value) / bound`, rounded to 4 decimals (0 when the bound is 0).
        public var gap: Double?
        /// `optimal` when the value equals the bound, else `feasible`.
        public var status: String?
        public init(
            seconds: Double, seed: UInt64?, timeLimit: Double?, iterations: Int?, engine: String? = "rioplan", threads: Int? = nil,
            bound: Int? = nil, gap: Double? = nil, status: String? = nil
        ) {
            self.seconds = seconds; self.seed = seed; self.timeLimit = timeLimit; self.iterations = iterations; self.engine = engine
            self.threads = threads; self.bound = bound; self.gap = gap; self.status = status
        }

        /// The bound's figures for a plan of `value`: `bound`, `gap` and `status` set.
        public func proving(_ value: Int, bound: Int) -> SolverInfo {
            var info = self
            info.bound = bound
            info.gap = bound > 0 ? (Double(bound - value) / Double(bound) * 10_000).rounded() / 10_000 : 0
            info.status = value >= bound ? "optimal" : "feasible"
            return info
        }
    }
}

public struct PlanSession: Sendable, Hashable, Codable {
    public var id: String
    public var demand: String
    public var module: String
    public var region: String
    public var venue: String?
    public var language: String
    public var start: String
    public var end: String
    public var days: Int
    public var participants: Int
    public var trainers: [String]
    public var conventions: [String]
    public var mandates: [String]
    public var themes: [String]
    public var cost: SessionCost
    public var funding: [FundingLine]

    public init(
        id: String, demand: String, module: String, region: String, venue: String?, language: String,
        start: String, end: String, days: Int, participants: Int, trainers: [String], conventions: [String],
        mandates: [String], themes: [String], cost: SessionCost, funding: [FundingLine]
    ) {
        self.id = id; self.demand = demand; self.module = module; self.region = region; self.venue = venue
        self.language = language; self.start = start; self.end = end; self.days = days; self.participants = participants
        self.trainers = trainers; self.conventions = conventions; self.mandates = mandates; self.themes = themes
        self.cost = cost; self.funding = funding
    }

    // `venue` is written as null for online sessions, not left out.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(demand, forKey: .demand); try c.encode(module, forKey: .module)
        try c.encode(region, forKey: .region); try c.encode(venue, forKey: .venue); try c.encode(language, forKey: .language)
        try c.encode(start, forKey: .start); try c.encode(end, forKey: .end); try c.encode(days, forKey: .days)
        try c.encode(participants, forKey: .participants); try c.encode(trainers, forKey: .trainers)
        try c.encode(conventions, forKey: .conventions); try c.encode(mandates, forKey: .mandates)
        try c.encode(themes, forKey: .themes); try c.encode(cost, forKey: .cost); try c.encode(funding, forKey: .funding)
    }

    public var startDay: Day? { Day(iso: start) }
    public var endDay: Day? { Day(iso: end) }
}

public struct SessionCost: Sendable, Hashable, Codable {
    public var cash: Int
    public var inKind: Int
    public var venue: Int
    public var participants: Int
    public var travel: Int
    public init(cash: Int, inKind: Int, venue: Int, participants: Int, travel: Int) {
        self.cash = cash; self.inKind = inKind; self.venue = venue; self.participants = participants; self.travel = travel
    }
}

public struct FundingLine: Sendable, Hashable, Codable {
    public var source: String
    public var amount: Int
    public init(source: String, amount: Int) { self.source = source; self.amount = amount }
}

public struct UnscheduledDemand: Sendable, Hashable, Codable {
    public var demand: String
    public var reasons: [Reason]
    public init(demand: String, reasons: [Reason]) { self.demand = demand; self.reasons = reasons }
}

public struct Reason: Sendable, Hashable, Codable {
    public var code: String
    public var message: String
    public init(code: String, message: String) { self.code = code; self.message = message }
}
