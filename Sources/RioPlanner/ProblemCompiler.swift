import RioModel

/// Compiles a request and catalog into a `Problem`.
///
/// The request must have passed `PlanRequestLoader`'s validation against the catalog: every id
/// it names (module, region, home region, organisation) is then known, and a failed lookup is a
/// bug, stopped by a precondition rather than mapped to index 0.
public enum ProblemCompiler {
    /// Compiles in phases: days, organisations, trainers, venues, funding sources, then each
    /// demand (`DemandCompiler`), then the dependents of prerequisites.
    ///
    /// - Complexity: O(demands × (horizon days + trainers × languages)).
    public static func compile(request: PlanRequest, catalog: Catalog) -> Problem {
        let grid = DayGrid(horizon: request.horizon)
        let regionIndex = Problem.indexByID(catalog.regions.enumerated().map { ($1.id, $0) })
        let orgs = Organisations(request)
        let trainers = compileTrainers(request, grid: grid, orgs: orgs, regionIndex: regionIndex)
        let venues = compileVenues(catalog)
        let sources = request.funding.enumerated().map { SourceData(index: $0.offset, source: $0.element, cap: $0.element.cap) }
        var compiler = DemandCompiler(
            request: request, catalog: catalog, grid: grid, regionIndex: regionIndex, trainers: trainers, venues: venues, sources: sources)
        var demands = request.demands.enumerated().map { compiler.compile($0.offset, $0.element) }
        linkDependents(&demands)
        return Problem(
            request: request, catalog: catalog, base: grid.base, dayCount: grid.dayCount, demands: demands, trainers: trainers,
            venues: venues, sources: sources, orgs: orgs.names, orgCap: orgs.caps, patterns: compiler.patterns,
            languages: compiler.languages, pinConflicts: compiler.conflicts)
    }

    /// The index of `id` in `table`, which holds every id a validated request can name.
    ///
    /// - Precondition: `id` is in `table` (the loader rejects unknown ids).
    static func index(_ table: [String: Int], _ id: String, _ what: String) -> Int {
        guard let i = table[id] else {
            preconditionFailure("ProblemCompiler: unknown \(what) `\(id)`; the request was not validated against this catalog")
        }
        return i
    }

    /// Trainers in staff order; each one's blocked days are its unavailable periods and the
    /// blackouts that keep its organisation away.
    static func compileTrainers(_ request: PlanRequest, grid: DayGrid, orgs: Organisations, regionIndex: [String: Int]) -> [TrainerData] {
        request.staff.enumerated().map { i, t in
            var blocked = Array(repeating: UInt64(0), count: grid.words)
            for r in t.unavailable { grid.block(r, in: &blocked) }
            for b in request.blackouts where b.keepsAway(org: t.org) { grid.block(b.range, in: &blocked) }
            return TrainerData(
                index: i, trainer: t, org: index(orgs.index, t.org, "organisation"),
                home: index(regionIndex, t.home, "home region"), maxDays: t.maxDays ?? Int.max, blocked: blocked)
        }
    }

    /// Every venue of the catalog, region by region in catalog order.
    static func compileVenues(_ catalog: Catalog) -> [VenueData] {
        var venues: [VenueData] = []
        for (ri, r) in catalog.regions.enumerated() {
            for v in r.venues {
                venues.append(VenueData(index: venues.count, id: v.id, region: ri, capacity: v.capacity, costPerDay: v.costPerDay))
            }
        }
        return venues
    }

    /// Records each demand as a dependent of the demands that could deliver its prerequisites.
    static func linkDependents(_ demands: inout [DemandData]) {
        for i in demands.indices {
            for group in demands[i].prerequisiteDemands { for j in group { demands[j].dependents.append(i) } }
        }
    }
}

extension ProblemCompiler {
    /// The day offsets of a problem: offset 0 is the Monday on or before the horizon start.
    struct DayGrid {
        /// Day number of offset 0.
        let base: Int
        /// Number of offsets through the horizon end.
        let dayCount: Int
        /// Words of a day bitset (with a week of slack past the end).
        let words: Int

        /// The grid of `horizon`, starting on the Monday of its first week.
        init(horizon h: DayRange) {
            base = h.start.number - h.start.weekday
            dayCount = h.end.number - base + 1
            words = Bits.words(dayCount + 7)
        }

        /// Sets the bits of the days of `r` that fall inside the grid.
        func block(_ r: DayRange, in bits: inout [UInt64]) {
            let a = max(0, r.start.number - base), b = min(dayCount - 1, r.end.number - base)
            if a <= b { for d in a...b { Bits.set(&bits, 0, d, 1, true) } }
        }
    }

    /// The organisations of a request in order of first appearance (staff, then staffing caps),
    /// with the tightest staffing cap of each.
    struct Organisations {
        private(set) var names: [String] = []
        private(set) var index: [String: Int] = [:]
        /// Staffing cap in days per organisation index (Int.max when none).
        private(set) var caps: [Int] = []

        /// Collects the organisations of `request`'s staff and staffing caps.
        init(_ request: PlanRequest) {
            for org in request.staff.map(\.org) + request.staffing.map(\.org) where index[org] == nil {
                index[org] = names.count
                names.append(org)
            }
            caps = Array(repeating: Int.max, count: names.count)
            for s in request.staffing {
                let i = ProblemCompiler.index(index, s.org, "organisation")
                caps[i] = min(caps[i], s.maxDays)
            }
        }
    }
}
