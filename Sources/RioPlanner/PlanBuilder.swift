import RioModel

/// Turns the solver's assignments into the plan file: costs, funding lines, reasons, score.
public enum PlanBuilder {
    /// The plan file of `result` on problem `p`.
    ///
    /// - Throws: `RioError.internalError` naming the first session (in start order) whose cash
    ///   the funding allocation cannot cover: the solver keeps every plan payable, so this is a bug.
    public static func plan(_ p: Problem, _ result: SolverResult, inputs: Plan.PlanInputs, solver: Plan.SolverInfo) throws -> Plan {
        let a = result.assignment
        let replay = ReplayedPlan(p, a)
        let order = a.indices.filter { a[$0] != nil }.sorted {
            (a[$0]?.start ?? 0, p.demands[$0].id) < (a[$1]?.start ?? 0, p.demands[$1].id)
        }
        let lines = try fundingLines(p, a, order: order, flows: replay.current.funding.allocation())
        var sessions: [PlanSession] = []
        var value = 0, cash = 0, inKind = 0
        for i in order {
            guard let x = a[i] else { continue }
            let d = p.demands[i]
            let cost = p.sessionCost(d, x)
            value += d.value; cash += cost.cash; inKind += cost.inKind
            sessions.append(session(p, d, x, cost: cost, funding: lines[i]))
        }
        sessions.sort { ($0.start, $0.id) < ($1.start, $1.id) }
        return Plan(
            name: p.request.name, currency: p.request.currency,
            horizon: .init(start: p.request.horizon.start.iso, end: p.request.horizon.end.iso),
            inputs: inputs, sessions: sessions, unscheduled: Explainer.unscheduled(p, a, replay),
            score: .init(value: value, cash: cash, inKind: inKind, scheduled: sessions.count, demands: p.demands.count),
            solver: solver)
    }

    /// Splits each pattern's allocated `flows` over its sessions in `order`, each taking from
    /// the pattern's sources in order; the lines of one session are sorted by source index.
    ///
    /// - Throws: `RioError.internalError` when a session's cash is not covered.
    static func fundingLines(_ p: Problem, _ a: [Assignment?], order: [Int], flows: [[Int]]) throws -> [[FundingLine]] {
        var remaining = flows
        var lines = Array(repeating: [FundingLine](), count: a.count)
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
            if need > 0 {
                let names = p.patterns[pat].map { p.sources[$0].source.id }
                throw RioError.internalError(
                    "session \(p.request.name)/\(p.demands[i].id): \(Money.text(need)) of its cash \(Money.text(x.cash)) cannot be allocated to its eligible sources (\(names.isEmpty ? "none" : names.joined(separator: ", "))), although the solver found the plan payable"
                )
            }
            lines[i] = byIndex.sorted { $0.0 < $1.0 }.map { FundingLine(source: p.sources[$0.0].source.id, amount: $0.1) }
        }
        return lines
    }

    /// The plan file's session of demand `d` held as `x`.
    static func session(_ p: Problem, _ d: DemandData, _ x: Assignment, cost: SessionCost, funding: [FundingLine]) -> PlanSession {
        let start = p.day(x.start)
        return PlanSession(
            id: "\(p.request.name)/\(d.id)", demand: d.id, module: d.module.id, region: d.demand.region,
            venue: x.venue >= 0 ? p.venues[x.venue].id : nil, language: p.languages[x.lang],
            start: start.iso, end: start.adding(days: d.days - 1).iso, days: d.days, participants: d.demand.participants,
            trainers: x.trainers.map { p.trainers[$0].trainer.id }.sorted(),
            conventions: p.catalog.conventions(of: d.module), mandates: d.module.mandates, themes: d.module.themes,
            cost: cost, funding: funding)
    }
}
