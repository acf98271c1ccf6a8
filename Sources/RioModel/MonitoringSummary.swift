/// What the HTML report's monitoring section shows: planned against delivered sessions, the
/// women's share of each, and outcomes per convention. Computed from the records by the
/// workspace library; rendered by the report. Counts only: no participant appears.
public struct MonitoringSummary: Sendable, Hashable, Codable {
    /// One planned session and what became of it.
    public struct SessionLine: Sendable, Hashable, Codable {
        public var session: String
        public var region: String
        public var module: String
        public var conventions: [String]
        public var plannedStart: Day
        public var plannedEnd: Day
        /// nil: no delivery recorded yet.
        public var status: DeliveryStatus?
        public var actualStart: Day?
        public var actualEnd: Day?
        public var participants: Int
        public var women: Int
        /// Participants whose sex is not `undisclosed` (the women's share's denominator).
        public var disclosed: Int
        /// women / disclosed, nil when nobody disclosed.
        public var womenShare: Double? { disclosed == 0 ? nil : Double(women) / Double(disclosed) }

        public init(
            session: String, region: String, module: String, conventions: [String], plannedStart: Day, plannedEnd: Day,
            status: DeliveryStatus?, actualStart: Day?, actualEnd: Day?, participants: Int, women: Int, disclosed: Int
        ) {
            self.session = session; self.region = region; self.module = module; self.conventions = conventions
            self.plannedStart = plannedStart; self.plannedEnd = plannedEnd; self.status = status
            self.actualStart = actualStart; self.actualEnd = actualEnd
            self.participants = participants; self.women = women; self.disclosed = disclosed
        }
    }

    /// Sessions per region: planned, delivered, cancelled.
    public struct RegionLine: Sendable, Hashable, Codable {
        public var region: String
        public var planned: Int
        public var delivered: Int
        public var cancelled: Int
        public init(region: String, planned: Int, delivered: Int, cancelled: Int) {
            self.region = region; self.planned = planned; self.delivered = delivered; self.cancelled = cancelled
        }
    }

    /// Outcomes attributed to one convention, by kind (in `OutcomeKind.allCases` order).
    public struct ConventionOutcomes: Sendable, Hashable, Codable {
        public var convention: String
        public var counts: [Int]
        public init(convention: String, counts: [Int]) { self.convention = convention; self.counts = counts }
    }

    /// In plan order.
    public var sessions: [SessionLine]
    /// In catalog region order.
    public var regions: [RegionLine]
    /// In catalog convention order.
    public var outcomes: [ConventionOutcomes]

    public init(sessions: [SessionLine], regions: [RegionLine], outcomes: [ConventionOutcomes]) {
        self.sessions = sessions; self.regions = regions; self.outcomes = outcomes
    }

    /// Whether any delivery, attendance or outcome is recorded (else the report has no section).
    public var hasRecords: Bool {
        sessions.contains { $0.status != nil || $0.participants > 0 } || outcomes.contains { $0.counts.contains { $0 > 0 } }
    }
}

/// What one country received from the joint programme: the activities its people attended and
/// the outcomes recorded for it. The input of `rioplan national-report`.
public struct CountryReceived: Sendable, Hashable, Codable {
    /// One session with participants from the country.
    public struct Activity: Sendable, Hashable, Codable {
        public var session: String
        public var title: String
        public var description: String
        public var conventions: [String]
        public var themes: [String]
        public var region: String
        /// `Venue, City`, or `Online`.
        public var location: String
        public var start: Day
        public var end: Day
        public var status: DeliveryStatus
        /// The organisations that ran it (the conventions' secretariats, partners).
        public var implementers: [String]
        /// Participants from this country, and how many were women, youth, IPLC; completed.
        public var participants: Int
        public var women: Int
        public var disclosed: Int
        public var youth: Int
        public var iplc: Int
        public var completed: Int
        /// National focal points among them, per convention id.
        public var focalPoints: [String: Int]

        public init(
            session: String, title: String, description: String, conventions: [String], themes: [String], region: String,
            location: String, start: Day, end: Day, status: DeliveryStatus, implementers: [String], participants: Int, women: Int,
            disclosed: Int, youth: Int, iplc: Int, completed: Int, focalPoints: [String: Int]
        ) {
            self.session = session; self.title = title; self.description = description; self.conventions = conventions
            self.themes = themes; self.region = region; self.location = location; self.start = start; self.end = end
            self.status = status; self.implementers = implementers; self.participants = participants; self.women = women
            self.disclosed = disclosed; self.youth = youth; self.iplc = iplc; self.completed = completed; self.focalPoints = focalPoints
        }
    }

    public var country: Country
    /// In start order.
    public var activities: [Activity]
    public var outcomes: [OutcomeRecord]

    public init(country: Country, activities: [Activity], outcomes: [OutcomeRecord]) {
        self.country = country; self.activities = activities; self.outcomes = outcomes
    }
}
