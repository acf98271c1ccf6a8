/// An upper bound on the value of any valid plan of a problem, from a relaxation.
///
/// The relaxation keeps, of all the rules of scheduling-model.md, only what each demand needs
/// on its own (a start, trainers sharing a language, a venue, its prerequisites requested) and
/// the co-financing network; demands may be taken fractionally. The co-financing network is a
/// polymatroid over the cash each demand draws (sessions of one eligibility pattern share the
/// sources of that pattern), so the fractional optimum is the greedy by value per unit of the
/// demand's cheapest cash: take demands in that order, each as far as augmenting paths in the
/// pattern × source network allow. No valid plan does better: each of its sessions is
/// statically feasible, costs at least its demand's cheapest cash and is paid within the caps.
///
/// The Lagrangian tightening adds resource rows `sum w[r][i] x[i] <= C[r]` that every valid plan
/// satisfies (trainer days and venue days per qualified set and window, and each prerequisite's
/// `x[i] <= sum of x[j]` over the demands that could deliver it; `resourceRows`). For any
/// prices `λ >= 0`, a valid plan x has `value(x) <= value(x) + sum λ[r] (C[r] - sum w[r][i] x[i])
/// = sum λ[r] C[r] + sum (v[i] - sum λ[r] w[r][i]) x[i]`, and the last sum is at most the funding
/// relaxation's optimum with the reduced values (the greedy again: a linear objective over a
/// polymatroid, demands of non-positive reduced value left out). So every price vector the
/// subgradient method tries gives an upper bound, and the smallest is kept; prices 0 give the
/// plain funding bound, so the tightening never loosens it.
///
/// - Complexity: O(demands × augmentations × (patterns + sources) × sources) per greedy; the
///   Lagrangian runs at most `SolverTuning.boundSubgradientSteps` greedies, only when some row
///   can be overfilled.
struct ValueBound {
    let problem: Problem
    /// Whether each demand can stand alone (`standsAlone`): the others are 0 in every plan.
    let alone: [Bool]

    init(problem: Problem) {
        self.problem = problem
        alone = problem.demands.map(ValueBound.standsAlone)
    }

    /// The bound: the smaller of the funding relaxation and its Lagrangian tightening by the
    /// resource rows (`resourceRows`), floored (plan values are integers).
    func value() -> Int {
        let plain = fundingValue()
        let rows = resourceRows()
        guard !rows.isEmpty else { return plain }
        // Round up any floating error before taking the floor: the bound may only err upwards.
        let priced = lagrangianValue(rows: rows) + SolverTuning.boundSlack
        return priced.isFinite ? min(plain, Int(priced.rounded(.down))) : plain
    }

    /// The funding relaxation's bound (an integer: plan values are integers, so the fractional
    /// optimum's floor).
    func fundingValue() -> Int {
        let p = problem
        var whole = 0
        var paid: [(index: Int, value: Int, cash: Int)] = []
        for d in p.demands where ValueBound.standsAlone(d) {
            if d.minCash <= 0 { whole += d.value } else { paid.append((d.index, d.value, d.minCash)) }
        }
        // Best value per cash first; ties by index (the bound does not depend on the order of ties).
        paid.sort { ($0.value * $1.cash, $1.index) > ($1.value * $0.cash, $0.index) }
        var network = PatternNetwork(caps: p.sources.map(\.cap), patterns: p.patterns)
        var fraction = 0.0
        for d in paid where d.value > 0 {
            let got = network.push(d.cash, from: p.demands[d.index].pattern)
            if got == d.cash { whole += d.value } else if got > 0 { fraction += Double(d.value) * Double(got) / Double(d.cash) }
        }
        // Round up any floating error before taking the floor: the bound may only err upwards.
        return whole + Int((fraction + 1e-6).rounded(.down))
    }

    /// Whether a demand could run in an otherwise empty plan as far as its own data goes.
    static func standsAlone(_ d: DemandData) -> Bool {
        guard !d.starts.isEmpty else { return false }
        guard d.trainersByLang.contains(where: { $0.count >= d.trainersNeeded }) else { return false }
        if d.venueBased && d.venues.isEmpty { return false }
        return !d.prerequisiteDemands.contains { $0.isEmpty }
    }
}

extension ProblemCompiler {
    /// An upper bound on the value of any valid plan of `problem` (`ValueBound`).
    public static func valueBound(of problem: Problem) -> Int { ValueBound(problem: problem).value() }
}
