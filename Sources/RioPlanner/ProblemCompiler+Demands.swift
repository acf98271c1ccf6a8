import RioModel

extension ProblemCompiler {
    /// Compiles the demands one by one, in request order, collecting the languages and funding
    /// patterns they use and the pin conflicts they raise (all in order of first appearance).
    struct DemandCompiler {
        let request: PlanRequest
        let catalog: Catalog
        let grid: DayGrid
        let regionIndex: [String: Int]
        let trainers: [TrainerData]
        let venues: [VenueData]
        let sources: [SourceData]
        /// Staff index and venue index by id (the first, should an id repeat).
        let trainerIndex: [String: Int]
        let venueIndex: [String: Int]
        /// Keys (`key(module, region)`) of the prerequisites delivered before the plan.
        let delivered: Set<String>
        /// Request demand indices by `key(module, region)`, in request order.
        let demandsByModuleRegion: [String: [Int]]
        let pins: [String: Pin]
        private(set) var languages: [String] = []
        private var languageIndex: [String: Int] = [:]
        private(set) var patterns: [[Int]] = []
        private var patternIndex: [[Int]: Int] = [:]
        var conflicts: [String] = []

        /// Prepares the lookups every demand needs: staff and venues by id, delivered
        /// prerequisites, demands by module and region, pins by demand.
        init(
            request: PlanRequest, catalog: Catalog, grid: DayGrid, regionIndex: [String: Int], trainers: [TrainerData],
            venues: [VenueData], sources: [SourceData]
        ) {
            self.request = request; self.catalog = catalog; self.grid = grid; self.regionIndex = regionIndex
            self.trainers = trainers; self.venues = venues; self.sources = sources
            trainerIndex = Problem.indexByID(request.staff.enumerated().map { ($1.id, $0) })
            venueIndex = Problem.indexByID(venues.map { ($0.id, $0.index) })
            delivered = Set(request.delivered.map { DemandCompiler.key($0.module, $0.region) })
            var byModuleRegion: [String: [Int]] = [:]
            for (i, d) in request.demands.enumerated() { byModuleRegion[DemandCompiler.key(d.module, d.region), default: []].append(i) }
            demandsByModuleRegion = byModuleRegion
            pins = Dictionary(request.pinned.map { ($0.demand, $0) }, uniquingKeysWith: { a, _ in a })
        }

        /// The lookup key of a module in a region.
        static func key(_ module: String, _ region: String) -> String { "\(module)\u{1}\(region)" }

        /// What a demand's session may be: starts and languages, narrowed by a pin, and the
        /// venue and trainers a pin names.
        struct Options {
            var starts: [Int]
            var languages: [String]
            var venue: Int?
            var trainers: [Int]?
        }

        /// Compiles demand `d`, the `di`-th of the request.
        mutating func compile(_ di: Int, _ d: Demand) -> DemandData {
            guard let m = catalog.module(d.module), let region = catalog.region(d.region) else {
                preconditionFailure("ProblemCompiler: demand \(d.id) names a module or region the catalog lacks; the request was not validated")
            }
            let ri = ProblemCompiler.index(regionIndex, d.region, "region")
            let h = request.horizon
            let window = (lo: max(h.start, d.earliest ?? h.start), hi: min(h.end, d.latest ?? h.end))
            var options = Options(
                starts: allowedStarts(d, days: m.days, window), languages: m.languages.filter { (d.languages ?? m.languages).contains($0) })
            let pin = pins[d.id]
            if let pin { applyPin(pin, d, m, region: ri, window: window, &options) }
            let langs = options.languages.map { intern(language: $0) }
            let travelByTrainer = travel(d, m)
            let byLang = trainersByLanguage(m, options, travelByTrainer)
            let vs = candidateVenues(d, m, region: ri, pinned: options.venue)
            let fixed = SessionCost.participantsPart(module: m, region: region, participants: d.participants)
            let minVenue = SessionCost.venuePart(costPerDay: vs.first.map { venues[$0].costPerDay }, days: m.days)
            let minTravel = byLang.map { ts in ts.prefix(m.trainers).reduce(0) { $0 + travelByTrainer[$1] } }.min() ?? 0
            let convs = catalog.conventions(of: m)
            let eligible = sources.filter { $0.source.isEligible(moduleConventions: convs, moduleThemes: m.themes, region: d.region) }.map(\.index)
            return DemandData(
                index: di, id: d.id, demand: d, module: m, region: ri, days: m.days,
                value: d.priority * convs.count, trainersNeeded: m.trainers, venueBased: m.delivery.isVenueBased,
                fixedCash: fixed, starts: options.starts, langs: langs, trainersByLang: byLang,
                langTrainers: byLang.flatMap { $0 }, langStart: byLang.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) },
                travelByTrainer: travelByTrainer, venues: vs, prerequisiteDemands: prerequisiteDemands(d, m), dependents: [],
                pattern: intern(pattern: eligible), pinned: pin != nil, pinVenue: options.venue, pinTrainers: options.trainers,
                minCash: DemandData.cash(fixed: fixed, venue: minVenue, travel: minTravel))
        }

        /// Start offsets of a `days`-day session of `d` inside `window`: Monday-to-Friday weeks,
        /// touching no blackout that closes the demand's region.
        func allowedStarts(_ d: Demand, days n: Int, _ window: (lo: Day, hi: Day)) -> [Int] {
            var starts: [Int] = []
            guard window.lo <= window.hi else { return starts }
            for dn in window.lo.number...window.hi.number {
                let day = Day(number: dn)
                guard day.weekday + n <= 5, dn + n - 1 <= window.hi.number else { continue }
                let last = Day(number: dn + n - 1)
                if !request.blackouts.contains(where: { $0.blocks(region: d.region, first: day, last: last) }) { starts.append(dn - grid.base) }
            }
            return starts
        }

        /// Each trainer's travel cost to the demand's region (0 online, or for a missing travel entry).
        func travel(_ d: Demand, _ m: TrainingModule) -> [Int] {
            var travelByTrainer = Array(repeating: 0, count: trainers.count)
            if m.delivery.isVenueBased {
                for t in trainers { travelByTrainer[t.index] = catalog.travelCost(t.trainer.home, d.region) ?? 0 }
            }
            return travelByTrainer
        }

        /// For each allowed language: the qualified trainers speaking it (only the pinned ones
        /// when a pin names trainers), by travel, then day rate, then staff order.
        func trainersByLanguage(_ m: TrainingModule, _ options: Options, _ travel: [Int]) -> [[Int]] {
            options.languages.map { l in
                var ts = trainers.filter { t in
                    t.trainer.modules.contains(m.id) && t.trainer.languages.contains(l)
                        && (options.trainers == nil || (options.trainers ?? []).contains(t.index))
                }.map(\.index)
                ts.sort { (travel[$0], request.staff[$0].dayRate, $0) < (travel[$1], request.staff[$1].dayRate, $1) }
                return ts
            }
        }

        /// The venues of the demand's region large enough for it (only the pinned one when a pin
        /// names a venue), cheapest first; none online.
        func candidateVenues(_ d: Demand, _ m: TrainingModule, region ri: Int, pinned: Int?) -> [Int] {
            guard m.delivery.isVenueBased else { return [] }
            return venues.filter { $0.region == ri && $0.capacity >= d.participants && (pinned == nil || pinned == $0.index) }
                .sorted { ($0.costPerDay, $0.index) < ($1.costPerDay, $1.index) }.map(\.index)
        }

        /// For each prerequisite of `m` not delivered in the demand's region: the demands of the
        /// request that could deliver it there (possibly none).
        func prerequisiteDemands(_ d: Demand, _ m: TrainingModule) -> [[Int]] {
            m.prerequisites.filter { !delivered.contains(DemandCompiler.key($0, d.region)) }.map { p in
                demandsByModuleRegion[DemandCompiler.key(p, d.region)] ?? []
            }
        }

        /// The index of language `l`, adding it on first use.
        mutating func intern(language l: String) -> Int {
            if let i = languageIndex[l] { return i }
            languageIndex[l] = languages.count
            languages.append(l)
            return languages.count - 1
        }

        /// The index of the eligible-source set `eligible`, adding it on first use.
        mutating func intern(pattern eligible: [Int]) -> Int {
            if let p = patternIndex[eligible] { return p }
            patternIndex[eligible] = patterns.count
            patterns.append(eligible)
            return patterns.count - 1
        }
    }
}
