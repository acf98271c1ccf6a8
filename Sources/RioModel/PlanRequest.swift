/// What to plan for one cycle: demands, trainers, money, blackouts, fixed sessions.
public struct PlanRequest: Sendable, Hashable {
    public var name: String
    public var title: String
    public var currency: String
    public var organizer: Organizer?
    public var horizon: DayRange
    public var demands: [Demand]
    public var staff: [Trainer]
    public var staffing: [StaffingCap]
    public var funding: [FundingSource]
    public var blackouts: [Blackout]
    public var delivered: [Delivered]
    public var pinned: [Pin]
    /// The request file as given on the command line.
    public var path: String
    /// The list files the request names (`staff: staff-2027.yaml`), as read, in request order.
    public var listFiles: [String] = []
    /// SHA-256 (hex) of the request file and each list file (name, then bytes), exactly as the
    /// loader parsed them; empty for a request built in memory.
    public var fingerprint: String = ""

    public init(
        name: String, title: String, currency: String, organizer: Organizer? = nil, horizon: DayRange,
        demands: [Demand], staff: [Trainer], staffing: [StaffingCap] = [], funding: [FundingSource],
        blackouts: [Blackout] = [], delivered: [Delivered] = [], pinned: [Pin] = [], path: String = "request.yaml"
    ) {
        self.name = name; self.title = title; self.currency = currency; self.organizer = organizer
        self.horizon = horizon; self.demands = demands; self.staff = staff; self.staffing = staffing
        self.funding = funding; self.blackouts = blackouts; self.delivered = delivered; self.pinned = pinned; self.path = path
    }

    public func demand(_ id: String) -> Demand? { demands.first { $0.id == id } }
    public func trainer(_ id: String) -> Trainer? { staff.first { $0.id == id } }
    public func source(_ id: String) -> FundingSource? { funding.first { $0.id == id } }
}

public struct Organizer: Sendable, Hashable, Codable {
    public var name: String
    public var email: String
    public init(name: String, email: String) { self.name = name; self.email = email }
}

public struct Demand: Sendable, Hashable {
    public var id: String
    public var module: String
    public var region: String
    public var participants: Int
    /// Accepted languages; nil means all of the module's.
    public var languages: [String]?
    public var priority: Int
    public var earliest: Day?
    public var latest: Day?
    public var location: SourceLocation

    public init(
        id: String, module: String, region: String, participants: Int, languages: [String]? = nil,
        priority: Int = 3, earliest: Day? = nil, latest: Day? = nil,
        location: SourceLocation = SourceLocation(file: "request.yaml", line: 1, column: 1)
    ) {
        self.id = id; self.module = module; self.region = region; self.participants = participants
        self.languages = languages; self.priority = priority; self.earliest = earliest; self.latest = latest
        self.location = location
    }
}

public struct Trainer: Sendable, Hashable {
    public var id: String
    public var name: String
    public var org: String
    public var home: String
    public var languages: [String]
    public var modules: [String]
    public var dayRate: Int
    public var maxDays: Int?
    public var unavailable: [DayRange]
    public var location: SourceLocation

    public init(
        id: String, name: String, org: String, home: String, languages: [String], modules: [String],
        dayRate: Int, maxDays: Int? = nil, unavailable: [DayRange] = [],
        location: SourceLocation = SourceLocation(file: "request.yaml", line: 1, column: 1)
    ) {
        self.id = id; self.name = name; self.org = org; self.home = home; self.languages = languages
        self.modules = modules; self.dayRate = dayRate; self.maxDays = maxDays; self.unavailable = unavailable
        self.location = location
    }
}

public struct StaffingCap: Sendable, Hashable {
    public var org: String
    public var maxDays: Int
    public init(org: String, maxDays: Int) { self.org = org; self.maxDays = maxDays }
}

public struct FundingSource: Sendable, Hashable {
    public var id: String
    public var name: String
    public var owner: String
    public var type: String
    public var cap: Int
    public var conventions: [String]?
    public var themes: [String]?
    public var regions: [String]?

    public init(
        id: String, name: String, owner: String, type: String, cap: Int,
        conventions: [String]? = nil, themes: [String]? = nil, regions: [String]? = nil
    ) {
        self.id = id; self.name = name; self.owner = owner; self.type = type; self.cap = cap
        self.conventions = conventions; self.themes = themes; self.regions = regions
    }

    /// Whether this source may pay for a session of `module` (with conventions `moduleConventions`) in `region`.
    public func isEligible(moduleConventions: [String], moduleThemes: [String], region: String) -> Bool {
        if let c = conventions, !c.isEmpty, !c.contains(where: moduleConventions.contains) { return false }
        if let t = themes, !t.isEmpty, !t.contains(where: moduleThemes.contains) { return false }
        if let r = regions, !r.isEmpty, !r.contains(region) { return false }
        return true
    }
}

public struct Blackout: Sendable, Hashable {
    public var name: String
    public var range: DayRange
    public var regions: [String]?
    public var orgs: [String]?
    public init(name: String, range: DayRange, regions: [String]? = nil, orgs: [String]? = nil) {
        self.name = name; self.range = range; self.regions = regions; self.orgs = orgs
    }
    /// Forbids every session (no regions, no orgs).
    public var isGlobal: Bool { (regions ?? []).isEmpty && (orgs ?? []).isEmpty }
}

public struct Delivered: Sendable, Hashable {
    public var module: String
    public var region: String
    public init(module: String, region: String) { self.module = module; self.region = region }
}

public struct Pin: Sendable, Hashable {
    public var demand: String
    public var start: Day
    public var venue: String?
    public var trainers: [String]?
    public var language: String?
    public var location: SourceLocation
    public init(
        demand: String, start: Day, venue: String? = nil, trainers: [String]? = nil, language: String? = nil,
        location: SourceLocation = SourceLocation(file: "request.yaml", line: 1, column: 1)
    ) {
        self.demand = demand; self.start = start; self.venue = venue; self.trainers = trainers
        self.language = language; self.location = location
    }
}
