import RioModel

/// A plan request compiled into dense, indexed data for the solver.
///
/// Days are offsets from `base` (a Monday on or before the horizon start), so a session's days
/// are a run of bits and its week is `offset / 7`. Every list is in a fixed order derived from the
/// request, never from hashing, so runs are reproducible.
///
/// Opaque outside RioPlanner: other targets hand it from `ProblemCompiler` to the solver, the
/// plan builder, the reader and the explainer, and read only `demands.count`.
public struct Problem: Sendable {
    let request: PlanRequest
    let catalog: Catalog
    /// Day number of offset 0 (a Monday).
    let base: Int
    /// Number of day offsets covered (through the horizon end).
    let dayCount: Int
    public let demands: [DemandData]
    let trainers: [TrainerData]
    let venues: [VenueData]
    let sources: [SourceData]
    let orgs: [String]
    /// Staffing cap per org index (Int.max when none).
    let orgCap: [Int]
    /// Distinct eligible-source sets; `patterns[p]` lists source indices.
    let patterns: [[Int]]
    let languages: [String]
    /// Pin problems found while compiling (the request is then infeasible).
    let pinConflicts: [String]

    // Flat copies of hot fields, so the search reads plain integers without going through
    // `DemandData` or `TrainerData`.
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
    /// A number per module (in order of first appearance among the demands), so that moves
    /// compare modules without reading `DemandData`.
    let demandModule: [Int]

    /// Index of each demand, trainer, venue and language by id (the first, should an id repeat),
    /// for mapping plan files back onto the problem.
    let demandIndex: [String: Int]
    let trainerIndex: [String: Int]
    let venueIndex: [String: Int]
    let languageIndex: [String: Int]

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
        var moduleNumber: [String: Int] = [:]
        demandModule = demands.map { d in
            if let n = moduleNumber[d.module.id] { return n }
            moduleNumber[d.module.id] = moduleNumber.count
            return moduleNumber.count - 1
        }
        demandIndex = Problem.indexByID(demands.map { ($0.id, $0.index) })
        trainerIndex = Problem.indexByID(trainers.map { ($0.trainer.id, $0.index) })
        venueIndex = Problem.indexByID(venues.map { ($0.id, $0.index) })
        languageIndex = Problem.indexByID(languages.enumerated().map { ($1, $0) })
    }

    /// A lookup from id to index that keeps the first of repeated ids, as `firstIndex(of:)` would.
    static func indexByID(_ pairs: [(String, Int)]) -> [String: Int] {
        Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }

    var weekCount: Int { (dayCount + 6) / 7 }
    func day(_ offset: Int) -> Day { Day(number: base + offset) }
    func offset(_ day: Day) -> Int { day.number - base }
}

/// One demand compiled: its allowed starts, languages, trainers and venues, its cash parts and
/// funding pattern, and the demands it depends on. Opaque outside RioPlanner.
///
/// A class, so that `let d = problem.demands[s]` on the solver's hot paths costs one retain
/// rather than one per array (the cluster re-solves did that at every session and team). Every
/// field but `dependents` is a constant, and `ProblemCompiler` fills that before the problem is
/// shared: hence `@unchecked Sendable`.
public final class DemandData: @unchecked Sendable {
    let index: Int
    let id: String
    let demand: Demand
    let module: TrainingModule
    let region: Int
    let days: Int
    let value: Int
    let trainersNeeded: Int
    let venueBased: Bool
    /// The participants part of the cash (`SessionCost.participantsPart`): what depends on
    /// neither venue nor trainers.
    let fixedCash: Int
    /// Start offsets allowed by horizon, window, week shape, global and regional blackouts (and a pin).
    let starts: [Int]
    /// Language indices the session may use.
    let langs: [Int]
    /// For each entry of `langs`: qualified trainers speaking it, cheapest travel first.
    let trainersByLang: [[Int]]
    /// `trainersByLang` flattened: the trainers of `langs[k]` are
    /// `langTrainers[langStart[k]..<langStart[k + 1]]` (read on the hot path of `Schedule.cheapest`).
    let langTrainers: [Int]
    let langStart: [Int]
    /// Travel cost of each trainer to this demand's region (0 for online), by trainer index.
    let travelByTrainer: [Int]
    /// Venues of the region with enough capacity, cheapest first.
    let venues: [Int]
    /// For each prerequisite not delivered in the region: the demands that could deliver it.
    let prerequisiteDemands: [[Int]]
    /// Demands (same region) whose module lists this one as a prerequisite not delivered.
    var dependents: [Int]
    let pattern: Int
    let pinned: Bool
    let pinVenue: Int?
    let pinTrainers: [Int]?
    /// Lower bound of this demand's cash (cheapest venue and trainers ignoring conflicts).
    let minCash: Int

    init(
        index: Int, id: String, demand: Demand, module: TrainingModule, region: Int, days: Int, value: Int, trainersNeeded: Int, venueBased: Bool, fixedCash: Int,
        starts: [Int], langs: [Int], trainersByLang: [[Int]], langTrainers: [Int], langStart: [Int], travelByTrainer: [Int], venues: [Int], prerequisiteDemands: [[Int]],
        dependents: [Int], pattern: Int, pinned: Bool, pinVenue: Int?, pinTrainers: [Int]?, minCash: Int
    ) {
        self.index = index
        self.id = id
        self.demand = demand
        self.module = module
        self.region = region
        self.days = days
        self.value = value
        self.trainersNeeded = trainersNeeded
        self.venueBased = venueBased
        self.fixedCash = fixedCash
        self.starts = starts
        self.langs = langs
        self.trainersByLang = trainersByLang
        self.langTrainers = langTrainers
        self.langStart = langStart
        self.travelByTrainer = travelByTrainer
        self.venues = venues
        self.prerequisiteDemands = prerequisiteDemands
        self.dependents = dependents
        self.pattern = pattern
        self.pinned = pinned
        self.pinVenue = pinVenue
        self.pinTrainers = pinTrainers
        self.minCash = minCash
    }
}

/// One trainer of the staff, with its organisation and home region as indices.
struct TrainerData: Sendable {
    let index: Int
    let trainer: Trainer
    let org: Int
    let home: Int
    let maxDays: Int
    /// Days the trainer cannot work (unavailable periods, org blackouts), as a bitset over offsets.
    let blocked: [UInt64]
}

/// One venue of the catalog, with its region as an index.
struct VenueData: Sendable {
    let index: Int
    let id: String
    let region: Int
    let capacity: Int
    let costPerDay: Int
}

/// One funding source of the request and its cap.
struct SourceData: Sendable {
    let index: Int
    let source: FundingSource
    let cap: Int
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
