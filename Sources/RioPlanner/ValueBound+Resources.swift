/// A linear inequality every valid plan satisfies: `sum over demands of weight[i] × x[i] <=
/// capacity`, where `x[i]` is 1 when demand i is scheduled (a shared resource, or a
/// prerequisite's implication with negative weights).
struct ResourceRow: Sendable {
    /// (demand index, weight) pairs.
    var terms: [(demand: Int, weight: Int)]
    var capacity: Int
}

extension ValueBound {
    /// The resource rows the Lagrangian bound prices (each valid for every plan).
    ///
    /// For each distinct set E of trainers qualified for some demand and each distinct window W
    /// of some demand (first start .. last start's end): the demands whose qualified trainers all
    /// lie in E and whose window lies in W need `trainers × days` each from E within W, and E can
    /// give there, per organisation, at most the smaller of its staffing cap and the sum over
    /// its trainers in E of `min(maxDays, working days of W not blocked)`. Likewise for each
    /// distinct set V of venues able to hold some venue-based demand: demands that can only use
    /// venues of V within W need `days` each out of V's working days in W (one session per venue
    /// and day). Only rows that some choice of demands could overfill are kept; the
    /// prerequisites' rows (`prerequisiteRows`) are added to them.
    func resourceRows() -> [ResourceRow] {
        let p = problem
        var trainerSets: [[Int]: [Int]] = [:], venueSets: [[Int]: [Int]] = [:]
        var window = [ClosedRange<Int>](repeating: 0...0, count: p.demands.count)
        for d in p.demands where alone[d.index] {
            window[d.index] = (d.starts.min() ?? 0)...((d.starts.max() ?? 0) + d.days - 1)
            trainerSets[Array(Set(d.trainersByLang.joined())).sorted(), default: []].append(d.index)
            if d.venueBased { venueSets[d.venues.sorted(), default: []].append(d.index) }
        }
        let windows = Set(p.demands.indices.filter { alone[$0] }.map { window[$0] }).sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
        let free = p.trainers.map { t in prefixFree(blocked: t.blocked) }
        let weekdays = prefixFree(blocked: [])
        var rows: [ResourceRow] = []
        for (set, within) in ValueBound.closure(trainerSets) {
            for w in windows {
                let terms = within.filter { window[$0].lowerBound >= w.lowerBound && window[$0].upperBound <= w.upperBound }
                    .map { (demand: $0, weight: p.demands[$0].trainersNeeded * p.demands[$0].days) }
                guard !terms.isEmpty else { continue }
                var perOrg: [Int: Int] = [:]
                for t in set { perOrg[p.trainers[t].org, default: 0] += min(p.trainers[t].maxDays, free[t][w.upperBound + 1] - free[t][w.lowerBound]) }
                let capacity = perOrg.keys.sorted().reduce(0) { $0 + min(perOrg[$1] ?? 0, p.orgCap[$1]) }
                rows.append(ResourceRow(terms: terms, capacity: capacity))
            }
        }
        for (set, within) in ValueBound.closure(venueSets) {
            for w in windows {
                let terms = within.filter { window[$0].lowerBound >= w.lowerBound && window[$0].upperBound <= w.upperBound }
                    .map { (demand: $0, weight: p.demands[$0].days) }
                guard !terms.isEmpty else { continue }
                rows.append(ResourceRow(terms: terms, capacity: set.count * (weekdays[w.upperBound + 1] - weekdays[w.lowerBound])))
            }
        }
        return rows.filter { row in row.terms.reduce(0) { $0 + max(0, $1.weight) } > row.capacity } + prerequisiteRows()
    }

    /// For each prerequisite of a demand not delivered in its region: `x[i] <= sum of x[j]` over
    /// the demands j that could deliver it (a session of i needs one of them scheduled earlier).
    func prerequisiteRows() -> [ResourceRow] {
        problem.demands.filter { alone[$0.index] }.flatMap { d in
            d.prerequisiteDemands.map { options in
                ResourceRow(terms: [(demand: d.index, weight: 1)] + options.filter { alone[$0] }.map { (demand: $0, weight: -1) }, capacity: 0)
            }
        }
    }

    /// For each set (in a fixed order), the demands of every set contained in it.
    static func closure(_ sets: [[Int]: [Int]]) -> [(set: [Int], demands: [Int])] {
        let keys = sets.keys.sorted { $0.lexicographicallyPrecedes($1) }
        let asSets = keys.map(Set.init)
        return keys.indices.map { k in
            (keys[k], keys.indices.filter { asSets[$0].isSubset(of: asSets[k]) }.flatMap { sets[keys[$0]] ?? [] }.sorted())
        }
    }

    /// Prefix counts of working days not set in `blocked`: element o is the count before offset o.
    func prefixFree(blocked: [UInt64]) -> [Int] {
        var prefix = [0]
        prefix.reserveCapacity(problem.dayCount + 1)
        for o in 0..<problem.dayCount {
            let isBlocked = o >> 6 < blocked.count && blocked[o >> 6] & (UInt64(1) << UInt64(o & 63)) != 0
            prefix.append(prefix[o] + (o % 7 < 5 && !isBlocked ? 1 : 0))
        }
        return prefix
    }

    /// The Lagrangian bound: for prices `λ >= 0` on the rows, `sum λ[r] × capacity[r]` plus the
    /// funding relaxation's optimum with each demand's value lowered by its priced weights.
    /// Minimised by a projected subgradient method; every price vector gives a valid bound.
    ///
    /// - Complexity: O(`SolverTuning.boundSubgradientSteps` × greedy), where one greedy is
    ///   O(demands log demands) plus the funding network's augmentations.
    func lagrangianValue(rows: [ResourceRow]) -> Double {
        var price = [Double](repeating: 0, count: rows.count)
        var best = Double.infinity
        var scale = SolverTuning.boundStepScale
        var sinceBest = 0
        for _ in 0..<SolverTuning.boundSubgradientSteps {
            var reduced = problem.demands.map { Double($0.value) }
            for (r, row) in rows.enumerated() where price[r] > 0 { for t in row.terms { reduced[t.demand] -= price[r] * Double(t.weight) } }
            let (inner, taken) = fractionalOptimum(values: reduced)
            let value = inner + zip(price, rows).reduce(0) { $0 + $1.0 * Double($1.1.capacity) }
            if value < best - 1e-9 {
                best = value
                sinceBest = 0
            } else {
                sinceBest += 1
                if sinceBest >= SolverTuning.boundPatience { scale /= 2; sinceBest = 0 }
            }
            let slack = rows.map { row in Double(row.capacity) - row.terms.reduce(0) { $0 + Double($1.weight) * taken[$1.demand] } }
            let norm = slack.reduce(0) { $0 + $1 * $1 }
            guard norm > 1e-12 else { break }
            let step = scale * max(value - SolverTuning.boundTargetFraction * best, 1e-6) / norm
            for r in rows.indices { price[r] = max(0, price[r] - step * slack[r]) }
        }
        return best
    }

    /// The funding relaxation's optimum for per-demand `values` (demands that cannot stand alone
    /// or whose value is not positive are left out): the greedy by value per cash, exact on a
    /// polymatroid. Returns the optimum and the fraction taken of each demand.
    func fractionalOptimum(values: [Double]) -> (Double, [Double]) {
        let p = problem
        var taken = [Double](repeating: 0, count: p.demands.count)
        var total = 0.0
        var paid: [Int] = []
        for d in p.demands where alone[d.index] && values[d.index] > 0 {
            if d.minCash <= 0 {
                total += values[d.index]
                taken[d.index] = 1
            } else {
                paid.append(d.index)
            }
        }
        let key = paid.map { values[$0] / Double(p.demands[$0].minCash) }
        let order = paid.indices.sorted { (key[$0], -paid[$0]) > (key[$1], -paid[$1]) }
        var network = PatternNetwork(caps: p.sources.map(\.cap), patterns: p.patterns)
        // A pattern the network cannot route more from stays blocked: some set of sources holding
        // all of its sources is full, and the flow of the patterns inside it only grows.
        var blocked = [Bool](repeating: false, count: p.patterns.count)
        for k in order {
            let i = paid[k], cash = p.demands[i].minCash, pattern = p.demands[i].pattern
            guard !blocked[pattern] else { continue }
            let got = network.push(cash, from: pattern)
            if got < cash { blocked[pattern] = true }
            taken[i] = Double(got) / Double(cash)
            total += values[i] * taken[i]
        }
        return (total, taken)
    }
}
