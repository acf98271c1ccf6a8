import RioModel

/// Turns the solver's assignments into the plan file: costs, funding lines, reasons, score.
public enum PlanBuilder {
    public static func plan(_ p: Problem, _ result: SolverResult, inputs: Plan.PlanInputs, solver: Plan.SolverInfo) -> Plan {
        let a = result.assignment
        var funding = Funding(caps: p.sources.map(\.cap), patterns: p.patterns)
        for (i, x) in a.enumerated() { if let x { funding.add(x.cash, to: p.demands[i].pattern) } }
        let flows = funding.allocate() ?? p.patterns.map { Array(repeating: 0, count: $0.count) }
        // Split each pattern's flows over its sessions in (start, id) order.
        var remaining = flows
        var lines = Array(repeating: [FundingLine](), count: a.count)
        let order = a.indices.filter { a[$0] != nil }.sorted {
            (a[$0]?.start ?? 0, p.demands[$0].id) < (a[$1]?.start ?? 0, p.demands[$1].id)
        }
        for i in order {
            guard let x = a[i] else { continue }
            let pat = p.demands[i].pattern
            var need = x.cash
            var byIndex: [(Int, Int)] = []
            for k in remaining[pat].indices where need > 0 && remaining[pat][k] > 0 {
                let take = min(need, remaining[pat][k])
                remaining[pat][k] -= take
                need -= take
                byIndex.append((p.patterns[pat][k], take))
            }
            lines[i] = byIndex.sorted { $0.0 < $1.0 }.map { FundingLine(source: p.sources[$0.0].source.id, amount: $0.1) }
        }
        var sessions: [PlanSession] = []
        var value = 0, cash = 0, inKind = 0
        for i in order {
            guard let x = a[i] else { continue }
            let d = p.demands[i]
            let cost = sessionCost(p, d, x)
            value += d.value; cash += cost.cash; inKind += cost.inKind
            let start = p.day(x.start)
            sessions.append(
                PlanSession(
                    id: "\(p.request.name)/\(d.id)", demand: d.id, module: d.module.id, region: d.demand.region,
                    venue: x.venue >= 0 ? p.venues[x.venue].id : nil, language: p.languages[x.lang],
                    start: start.iso, end: start.adding(days: d.days - 1).iso, days: d.days, participants: d.demand.participants,
                    trainers: x.trainers.map { p.trainers[$0].trainer.id }.sorted(),
                    conventions: p.catalog.conventions(of: d.module), mandates: d.module.mandates, themes: d.module.themes,
                    cost: cost, funding: lines[i]))
        }
        sessions.sort { ($0.start, $0.id) < ($1.start, $1.id) }
        return Plan(
            name: p.request.name, currency: p.request.currency,
            horizon: .init(start: p.request.horizon.start.iso, end: p.request.horizon.end.iso),
            inputs: inputs, sessions: sessions, unscheduled: Explainer.unscheduled(p, a),
            score: .init(value: value, cash: cash, inKind: inKind, scheduled: sessions.count, demands: p.demands.count),
            solver: solver)
    }

    static func sessionCost(_ p: Problem, _ d: DemandData, _ x: Assignment) -> SessionCost {
        let venue = x.venue >= 0 ? p.venues[x.venue].costPerDay * d.days : 0
        let travel = x.trainers.reduce(0) { $0 + d.travelByTrainer[$1] }
        let inKind = x.trainers.reduce(0) { $0 + p.trainers[$1].trainer.dayRate * d.days }
        return SessionCost(cash: venue + d.fixedCash + travel, inKind: inKind, venue: venue, participants: d.fixedCash, travel: travel)
    }
}
