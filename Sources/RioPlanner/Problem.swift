import RioModel

/// A plan request compiled into dense, indexed data for the solver.
///
/// Days are offsets from `base` (a Monday on or before the horizon start), so a session's days
/// are a run of bits and its week is `offset / 7`. Every list is in a fixed order derived from the
/// request, never from hashing, so runs are reproducible.
public struct Problem: Sendable {
    public let request: PlanRequest
    public let catalog: Catalog
    /// Day number of offset 0 (a Monday).
    public let base: Int
    /// Number of day offsets covered (through the horizon end).
    public let dayCount: Int
    public let demands: [DemandData]
    public let trainers: [TrainerData]
    public let venues: [VenueData]
    public let sources: [SourceData]
    public let orgs: [String]
    /// Staffing cap per org index (Int.max when none).
    public let orgCap: [Int]
    /// Distinct eligible-source sets; `patterns[p]` lists source indices.
    public let patterns: [[Int]]
    public let languages: [String]
    /// Pin problems found while compiling (the request is then infeasible).
    public let pinConflicts: [String]

    // Flat copies of hot fields, so the search reads plain integers instead of copying structs.
    let trainerOrg: [Int]
    let trainerMaxDays: [Int]
    /// Trainer t's blocked days start at `t * blockedWords`.
    let trainerBlocked: [UInt64]
    let blockedWords: Int
    let demandValue: [Int]
    let demandRegion: [Int]
    let demandPattern: [Int]
    let demandMinCash: [Int]
    let demandDays: [Int]
    let demandPinned: [Bool]

    init(
        request: PlanRequest, catalog: Catalog, base: Int, dayCount: Int, demands: [DemandData], trainers: [TrainerData],
        venues: [VenueData], sources: [SourceData], orgs: [String], orgCap: [Int], patterns: [[Int]], languages: [String],
        pinConflicts: [String]
    ) {
        self.request = request; self.catalog = catalog; self.base = base; self.dayCount = dayCount
        self.demands = demands; self.trainers = trainers; self.venues = venues; self.sources = sources
        self.orgs = orgs; self.orgCap = orgCap; self.patterns = patterns; self.languages = languages
        self.pinConflicts = pinConflicts
        trainerOrg = trainers.map(\.org)
        trainerMaxDays = trainers.map(\.maxDays)
        blockedWords = trainers.first?.blocked.count ?? 0
        trainerBlocked = trainers.flatMap(\.blocked)
        demandValue = demands.map(\.value)
        demandRegion = demands.map(\.region)
        demandPattern = demands.map(\.pattern)
        demandMinCash = demands.map(\.minCash)
        demandDays = demands.map(\.days)
        demandPinned = demands.map(\.pinned)
    }

    public var weekCount: Int { (dayCount + 6) / 7 }
    public func day(_ offset: Int) -> Day { Day(number: base + offset) }
    public func offset(_ day: Day) -> Int { day.number - base }
}

public struct DemandData: Sendable {
    public let index: Int
    public let id: String
    public let demand: Demand
    public let module: TrainingModule
    public let region: Int
    public let days: Int
    public let value: Int
    public let trainersNeeded: Int
    public let venueBased: Bool
    /// Cash that does not depend on venue or trainers (participants, materials, platform).
    public let fixedCash: Int
    /// Start offsets allowed by horizon, window, week shape, global and regional blackouts (and a pin).
    public let starts: [Int]
    /// Language indices the session may use.
    public let langs: [Int]
    /// For each entry of `langs`: qualified trainers speaking it, cheapest travel first.
    public let trainersByLang: [[Int]]
    /// Travel cost of each trainer to this demand's region (0 for online), by trainer index.
    public let travelByTrainer: [Int]
    /// Venues of the region with enough capacity, cheapest first.
    public let venues: [Int]
    /// For each prerequisite not delivered in the region: the demands that could deliver it.
    public let prerequisiteDemands: [[Int]]
    /// Demands (same region) whose module lists this one as a prerequisite not delivered.
    public var dependents: [Int]
    public let pattern: Int
    public let pinned: Bool
    public let pinVenue: Int?
    public let pinTrainers: [Int]?
    /// Lower bound of this demand's cash (cheapest venue and trainers ignoring conflicts).
    public let minCash: Int
}

public struct TrainerData: Sendable {
    public let index: Int
    public let trainer: Trainer
    public let org: Int
    public let home: Int
    public let maxDays: Int
    /// Days the trainer cannot work (unavailable periods, org blackouts), as a bitset over offsets.
    public let blocked: [UInt64]
}

public struct VenueData: Sendable {
    public let index: Int
    public let id: String
    public let region: Int
    public let capacity: Int
    public let costPerDay: Int
}

public struct SourceData: Sendable {
    public let index: Int
    public let source: FundingSource
    public let cap: Int
}

/// Bit operations over day offsets.
enum Bits {
    static func words(_ days: Int) -> Int { (days + 63) / 64 + 1 }

    /// True when any of `len` bits from `start` is set.
    @inline(__always)
    static func any(_ b: [UInt64], _ base: Int, _ start: Int, _ len: Int) -> Bool {
        let w = start >> 6, o = start & 63
        let mask: UInt64 = len >= 64 ? ~0 : (UInt64(1) << UInt64(len)) &- 1
        if b[base + w] & (mask << UInt64(o)) != 0 { return true }
        if o + len > 64, b[base + w + 1] & (mask >> UInt64(64 - o)) != 0 { return true }
        return false
    }

    @inline(__always)
    static func set(_ b: inout [UInt64], _ base: Int, _ start: Int, _ len: Int, _ on: Bool) {
        let w = start >> 6, o = start & 63
        let mask: UInt64 = (UInt64(1) << UInt64(len)) &- 1
        if on {
            b[base + w] |= mask << UInt64(o)
            if o + len > 64 { b[base + w + 1] |= mask >> UInt64(64 - o) }
        } else {
            b[base + w] &= ~(mask << UInt64(o))
            if o + len > 64 { b[base + w + 1] &= ~(mask >> UInt64(64 - o)) }
        }
    }
}
