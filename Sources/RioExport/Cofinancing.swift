import RioModel

/// The co-financing figures of a plan: who pays for what, and what each convention gives and gets.
///
/// Shared by the XLSX workbook, the CSV and the HTML report, so all three show the same
/// numbers. Every list is in a fixed order (request order for sources, catalog order for
/// conventions, sorted for organisations); no dictionary order reaches a result.
public struct Cofinancing: Sendable, Hashable {
    /// One funding source of the request (or one the plan names that the request lacks).
    public struct SourceLine: Sendable, Hashable {
        public var id: String
        public var name: String
        public var owner: String
        public var type: String
        public var cap: Int
        public var allocated: Int
        public var remaining: Int { cap - allocated }
    }

    /// What one convention is attributed and what it contributes (scheduling-model.md, Attribution).
    public struct ConventionLine: Sendable, Hashable {
        public var id: String
        public var attributedCash: Int
        public var attributedInKind: Int
        public var contributedCash: Int
        public var contributedInKind: Int
        /// Contribution minus attribution.
        public var balance: Int { contributedCash + contributedInKind - attributedCash - attributedInKind }
    }

    /// Trainer days and their in-kind value given by one organisation.
    public struct InKindLine: Sendable, Hashable {
        public var organisation: String
        public var trainerDays: Int
        public var inKind: Int
    }

    public var sources: [SourceLine]
    public var conventions: [ConventionLine]
    public var inKind: [InKindLine]
    /// For each session of the plan (plan order), the amount each source gives, aligned with `sources`.
    public var sessionAmounts: [[Int?]]

    /// Computes the figures of `context`'s plan.
    ///
    /// - Complexity: O(sessions × (sources + conventions + trainers)).
    public init(_ context: ExportContext) {
        let plan = context.plan, request = context.request
        // Sources: the request's, then any the plan names that the request lacks (sorted).
        var lines = request.funding.map {
            SourceLine(id: $0.id, name: $0.name, owner: $0.owner, type: $0.type, cap: $0.cap, allocated: 0)
        }
        var sourceIndex: [String: Int] = [:]
        for (i, s) in lines.enumerated() where sourceIndex[s.id] == nil { sourceIndex[s.id] = i }
        let unknown = Set(plan.sessions.flatMap { $0.funding.map(\.source) }).filter { sourceIndex[$0] == nil }.sorted()
        for id in unknown {
            sourceIndex[id] = lines.count
            lines.append(SourceLine(id: id, name: id, owner: "", type: "", cap: 0, allocated: 0))
        }
        var amounts: [[Int?]] = []
        amounts.reserveCapacity(plan.sessions.count)
        for s in plan.sessions {
            var row = [Int?](repeating: nil, count: lines.count)
            for f in s.funding {
                guard let i = sourceIndex[f.source] else { continue }
                row[i] = (row[i] ?? 0) + f.amount
                lines[i].allocated += f.amount
            }
            amounts.append(row)
        }
        sources = lines
        sessionAmounts = amounts

        // Conventions: attribution of each session's cash and in-kind, and contributions.
        let order = context.conventionOrder
        var rank: [String: Int] = [:]
        for (i, c) in order.enumerated() { rank[c] = i }
        var conv = order.map { ConventionLine(id: $0, attributedCash: 0, attributedInKind: 0, contributedCash: 0, contributedInKind: 0) }
        for s in plan.sessions {
            for (c, v) in Cofinancing.attribute(s.cost.cash, among: s.conventions, rank: rank) { conv[c].attributedCash += v }
            for (c, v) in Cofinancing.attribute(s.cost.inKind, among: s.conventions, rank: rank) { conv[c].attributedInKind += v }
        }
        for src in lines {
            if let c = rank[src.owner] { conv[c].contributedCash += src.allocated }
        }

        // In-kind per trainer organisation.
        var orgDays: [String: Int] = [:], orgValue: [String: Int] = [:]
        for s in plan.sessions {
            for t in s.trainers {
                let trainer = request.trainer(t)
                let org = trainer?.org ?? "(unknown trainer \(t))"
                orgDays[org, default: 0] += s.days
                orgValue[org, default: 0] += (trainer?.dayRate ?? 0) * s.days
            }
        }
        inKind = orgDays.keys.sorted().map { InKindLine(organisation: $0, trainerDays: orgDays[$0] ?? 0, inKind: orgValue[$0] ?? 0) }
        for line in inKind {
            if let c = rank[line.organisation] { conv[c].contributedInKind += line.inKind }
        }
        conventions = conv
    }

    /// Splits `amount` in equal integer parts over `conventions`; the remainder goes one unit at a
    /// time to the conventions in `rank` order (the catalog's `conventions` list).
    ///
    /// Returns (index in rank order, part) pairs in rank order; conventions missing from `rank`
    /// and duplicates are ignored. The parts always add up to `amount` when any convention is known.
    public static func attribute(_ amount: Int, among conventions: [String], rank: [String: Int]) -> [(Int, Int)] {
        let indices = Array(Set(conventions.compactMap { rank[$0] })).sorted()
        guard !indices.isEmpty else { return [] }
        let n = indices.count
        let base = amount / n
        var rest = amount - base * n
        let step = rest >= 0 ? 1 : -1
        return indices.map { i in
            var part = base
            if rest != 0 { part += step; rest -= step }
            return (i, part)
        }
    }

    /// Total cash of the plan's sessions.
    public static func totalCash(_ plan: Plan) -> Int { plan.sessions.reduce(0) { $0 + $1.cost.cash } }
    /// Total in-kind of the plan's sessions.
    public static func totalInKind(_ plan: Plan) -> Int { plan.sessions.reduce(0) { $0 + $1.cost.inKind } }
}
