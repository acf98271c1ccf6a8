import RioModel

/// A left-out demand that more money alone would admit next to the plan as it stands: its
/// cheapest session fits every other rule beside the scheduled sessions, and only its
/// eligible sources lack the cash.
public struct MoneyAsk: Sendable, Hashable, Codable {
    public var demand: String
    /// What scheduling it adds to the plan's value.
    public var value: Int
    /// The cheapest session's cash.
    public var cash: Int
    /// What its eligible sources still have for it.
    public var available: Int
    /// cash − available: the money to add.
    public var shortfall: Int
    /// The sources each of which, raised by `shortfall` alone, admits it (request order).
    public var sources: [String]
    /// Every source that may pay for it.
    public var eligible: [String]

    /// Value per unit of extra money: the order in which money buys the most.
    var yield: Double { Double(value) / Double(max(1, shortfall)) }

    /// The demands of `problem` that money alone would admit to `assignment`, best value per
    /// extra money first (ties: smaller shortfall, then demand id).
    ///
    /// - Complexity: one cheapest-assignment scan and one funding check per left-out demand
    ///   and eligible source.
    public static func asks(_ problem: Problem, _ assignment: [Assignment?]) -> [MoneyAsk] {
        let schedule = ReplayedPlan(problem, assignment).current
        var out: [MoneyAsk] = []
        for i in problem.demands.indices where assignment[i] == nil {
            let d = problem.demands[i]
            guard let a = schedule.cheapest(i) else { continue }
            let room = schedule.funding.headroom(d.pattern)
            guard a.cash > room, !problem.patterns[d.pattern].isEmpty else { continue }
            let short = a.cash - room
            let admits = schedule.funding.sourcesAdmitting(a.cash, to: d.pattern, raisedBy: short)
            out.append(
                MoneyAsk(
                    demand: d.id, value: d.value, cash: a.cash, available: room, shortfall: short,
                    sources: admits.map { problem.sources[$0].source.id }, eligible: problem.patterns[d.pattern].map { problem.sources[$0].source.id }))
        }
        return out.sorted { ($1.yield, $0.shortfall, $0.demand) < ($0.yield, $1.shortfall, $1.demand) }
    }
}
