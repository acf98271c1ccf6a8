/// The mandates of the Rio conventions and the training modules that serve them.
public struct Catalog: Sendable, Hashable {
    public var conventions: [Convention] = []
    public var themes: [Theme] = []
    public var mandates: [Mandate] = []
    public var modules: [TrainingModule] = []
    public var regions: [Region] = []
    public var travel: [TravelCost] = []
    /// The countries of the world and the other Parties (`countries.yaml`), in file order.
    public var countries: [Country] = []
    /// SHA-256 (hex) of the files the catalog was parsed from (`CatalogLoader.Source`); empty
    /// for a catalog built in memory.
    public var fingerprint: String = ""

    public init() {}

    // Lookups by id (built once by `index()`).
    public private(set) var conventionIndex: [String: Int] = [:]
    public private(set) var themeIndex: [String: Int] = [:]
    public private(set) var mandateIndex: [String: Int] = [:]
    public private(set) var moduleIndex: [String: Int] = [:]
    public private(set) var regionIndex: [String: Int] = [:]
    public private(set) var venueIndex: [String: (region: Int, venue: Int)] = [:]
    private var travelIndex: [String: Int] = [:]
    /// `kind:id` of entries whose id was read but which had other errors (so were not kept): references
    /// to them are not reported again as dangling. Only set while loading an invalid catalog.
    public internal(set) var incompleteIDs: Set<String> = []

    /// Whether an entry of `kind` (convention, theme, mandate, module, region) with `id` was written,
    /// even if it was invalid.
    func knows(_ kind: String, _ id: String) -> Bool {
        let found: Bool
        switch kind {
        case "convention": found = conventionIndex[id] != nil
        case "theme": found = themeIndex[id] != nil
        case "mandate": found = mandateIndex[id] != nil
        case "module": found = moduleIndex[id] != nil
        case "region": found = regionIndex[id] != nil
        default: found = false
        }
        return found || incompleteIDs.contains("\(kind):\(id)")
    }

    public static func == (a: Catalog, b: Catalog) -> Bool {
        a.conventions == b.conventions && a.themes == b.themes && a.mandates == b.mandates
            && a.modules == b.modules && a.regions == b.regions && a.travel == b.travel && a.countries == b.countries
    }
    public func hash(into h: inout Hasher) { h.combine(mandates); h.combine(modules) }

    /// Builds the id lookups; the first of duplicate ids wins (validation reports the others).
    public mutating func index() {
        conventionIndex = [:]; themeIndex = [:]; mandateIndex = [:]; moduleIndex = [:]; regionIndex = [:]; venueIndex = [:]; travelIndex = [:]
        for (i, c) in conventions.enumerated() where conventionIndex[c.id] == nil { conventionIndex[c.id] = i }
        for (i, t) in themes.enumerated() where themeIndex[t.id] == nil { themeIndex[t.id] = i }
        for (i, m) in mandates.enumerated() where mandateIndex[m.id] == nil { mandateIndex[m.id] = i }
        for (i, m) in modules.enumerated() where moduleIndex[m.id] == nil { moduleIndex[m.id] = i }
        for (i, r) in regions.enumerated() {
            if regionIndex[r.id] == nil { regionIndex[r.id] = i }
            for (j, v) in r.venues.enumerated() where venueIndex[v.id] == nil { venueIndex[v.id] = (i, j) }
        }
        for (i, t) in travel.enumerated() {
            let k = Catalog.pairKey(t.from, t.to)
            if travelIndex[k] == nil { travelIndex[k] = i }
        }
    }

    static func pairKey(_ a: String, _ b: String) -> String { a < b ? "\(a)\u{1}\(b)" : "\(b)\u{1}\(a)" }

    public func convention(_ id: String) -> Convention? { conventionIndex[id].map { conventions[$0] } }
    public func theme(_ id: String) -> Theme? { themeIndex[id].map { themes[$0] } }
    public func mandate(_ id: String) -> Mandate? { mandateIndex[id].map { mandates[$0] } }
    public func module(_ id: String) -> TrainingModule? { moduleIndex[id].map { modules[$0] } }
    public func region(_ id: String) -> Region? { regionIndex[id].map { regions[$0] } }
    public func venue(_ id: String) -> Venue? { venueIndex[id].map { regions[$0.region].venues[$0.venue] } }
    public func regionOfVenue(_ id: String) -> Region? { venueIndex[id].map { regions[$0.region] } }

    /// Trainer travel between two regions; `localTravel` within one region; nil when the pair is missing.
    public func travelCost(_ a: String, _ b: String) -> Int? {
        if a == b { return region(a)?.localTravel }
        return travelIndex[Catalog.pairKey(a, b)].map { travel[$0].cost }
    }

    /// The distinct conventions of a module's mandates, in the catalog's convention order.
    public func conventions(of module: TrainingModule) -> [String] {
        let set = Set(module.mandates.compactMap { mandate($0)?.convention })
        return conventions.map(\.id).filter { set.contains($0) }
    }

    /// How many conventions a module serves (1 to 3 for the Rio conventions).
    public func jointness(of module: TrainingModule) -> Int { conventions(of: module).count }
}

public struct Convention: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var secretariat: String?
    public var location: SourceLocation
}

public struct Theme: Sendable, Hashable, Codable {
    public var id: String
    public var label: String
    public var parent: String?
    /// Words each convention uses for the theme, keyed by convention id (sorted keys when iterated).
    public var terms: [String: [String]]
    public var location: SourceLocation
}

public struct Mandate: Sendable, Hashable, Codable {
    public var id: String
    public var convention: String
    public var symbol: String
    public var title: String
    public var year: Int
    public var body: String?
    public var paragraphs: String?
    public var themes: [String]
    public var audiences: [String]
    public var summary: String
    public var source: String?
    public var location: SourceLocation
}

public enum Delivery: String, Sendable, Hashable, Codable, CaseIterable {
    case inPerson = "in-person", hybrid, online
    /// In-person and hybrid sessions take a venue.
    public var isVenueBased: Bool { self != .online }
}

public struct TrainingModule: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var summary: String?
    public var themes: [String]
    public var mandates: [String]
    public var delivery: Delivery
    public var days: Int
    public var trainers: Int
    public var languages: [String]
    public var maxParticipants: Int
    public var materialsPerParticipant: Int
    public var onlinePlatformCost: Int
    public var prerequisites: [String]
    public var partners: [String]
    public var location: SourceLocation
}

public struct Venue: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var city: String
    public var capacity: Int
    public var costPerDay: Int
    /// The venue's own IANA time zone when it lies outside its region's (e.g. Tbilisi in the CEE
    /// annex, Montreal at headquarters); nil means the region's `timezone`.
    public var timezone: String? = nil
    public var location: SourceLocation
}

/// A country or other Party (`countries.yaml`): for attendance records and national reports.
public struct Country: Sendable, Hashable, Codable {
    /// ISO 3166-1 alpha-3 (`KEN`); `EUU` for the European Union.
    public var code: String
    /// English short name.
    public var name: String
    /// The UNCCD regional implementation annex's region id (`africa`, `asia-pacific`, `lac`,
    /// `northern-med`, `cee`), nil for a Party in no annex.
    public var annex: String?
    /// On the UN list of Least Developed Countries in force.
    public var ldc: Bool
    /// On the UN-OHRLLS list of Small Island Developing States.
    public var sids: Bool
    /// Not a UN member state: another Party of a Rio convention (State of Palestine, Holy See,
    /// Niue, Cook Islands, the European Union).
    public var nonMember: Bool
    public var location: SourceLocation
}

public struct Region: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var timezone: String
    public var liaisonOffice: String?
    public var dsaPerDay: Int
    public var participantTravel: Int
    public var localTravel: Int
    public var venues: [Venue]
    public var location: SourceLocation
}

public struct TravelCost: Sendable, Hashable, Codable {
    public var from: String
    public var to: String
    public var cost: Int
    public var location: SourceLocation
}
