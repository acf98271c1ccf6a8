import RioModel

/// What changed between two versions of a plan, matched by demand id.
///
/// A session is *unchanged* when its start, end, venue, trainers and language are all the same
/// (what a re-plan's baseline counts as kept). Otherwise it is *moved* (start, end or venue
/// changed), *re-staffed* (trainers or language changed), or both: a session that changed in
/// both ways is listed under each. Sessions of demands only in the new plan are *added*; only in
/// the old, *cancelled*. Every list is sorted by demand id, money by source id, conventions by
/// id, so the same two plans always give the same diff, bytes included.
public struct PlanDiff: Sendable, Hashable, Codable {
    /// How each side was named on the command line (a file path or `NAME@VERSION`).
    var oldLabel: String
    var newLabel: String
    var name: String
    var currency: String
    var totals: Totals
    var added: [SessionChange]
    var cancelled: [SessionChange]
    var moved: [SessionChange]
    var restaffed: [SessionChange]
    /// Sessions in both plans with the same start, end, venue, trainers and language.
    var unchanged: Int
    /// Cash allocated per funding source in each plan; sources with money on either side.
    var money: [SourceMoney]
    /// Conventions served by a session that was added, cancelled, moved or re-staffed.
    var conventions: [ConventionChange]

    /// Where and when a session happens, who gives it, and what it costs in cash.
    struct Placement: Sendable, Hashable, Codable {
        var start: String
        var end: String
        /// nil for an online session (written as JSON `null`).
        var venue: String?
        var language: String
        var trainers: [String]
        var cash: Int

        init(_ s: PlanSession) {
            start = s.start; end = s.end; venue = s.venue; language = s.language
            trainers = s.trainers.sorted(); cash = s.cost.cash
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(start, forKey: .start); try c.encode(end, forKey: .end); try c.encode(venue, forKey: .venue)
            try c.encode(language, forKey: .language); try c.encode(trainers, forKey: .trainers); try c.encode(cash, forKey: .cash)
        }
    }

    /// One session that changed: its identity, and its placement before (nil when added) and after
    /// (nil when cancelled).
    struct SessionChange: Sendable, Hashable, Codable {
        var demand: String
        var session: String
        var module: String
        var region: String
        var conventions: [String]
        var old: Placement?
        var new: Placement?

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(demand, forKey: .demand); try c.encode(session, forKey: .session); try c.encode(module, forKey: .module)
            try c.encode(region, forKey: .region); try c.encode(conventions, forKey: .conventions)
            try c.encode(old, forKey: .old); try c.encode(new, forKey: .new)
        }
    }

    /// An old figure, a new one and the change (`new - old`).
    struct Change: Sendable, Hashable, Codable {
        var old: Int
        var new: Int
        var delta: Int
        init(old: Int, new: Int) { self.old = old; self.new = new; delta = new - old }
    }

    /// The two plans' scores side by side.
    struct Totals: Sendable, Hashable, Codable {
        var value: Change
        var cash: Change
        var inKind: Change
        var scheduled: Change
        var demands: Change
    }

    /// Cash one funding source gives in each plan.
    struct SourceMoney: Sendable, Hashable, Codable {
        var source: String
        var old: Int
        var new: Int
        var delta: Int
    }

    /// How the sessions serving one convention changed.
    struct ConventionChange: Sendable, Hashable, Codable {
        var convention: String
        /// Sessions serving it in the old and the new plan.
        var sessions: Change
        var added: Int
        var cancelled: Int
        /// Moved, re-staffed or both (each session counted once).
        var changed: Int
    }

    /// Sessions that are in both plans but changed in some way (each counted once).
    var changedCount: Int { Set(moved.map(\.demand) + restaffed.map(\.demand)).count }

    /// Whether the two plans have the same sessions, placed the same way, with the same money.
    var isEmpty: Bool {
        added.isEmpty && cancelled.isEmpty && moved.isEmpty && restaffed.isEmpty && money.allSatisfy { $0.delta == 0 }
    }
}

extension PlanDiff {
    /// Compares `old` with `new`.
    ///
    /// - Complexity: O(n log n) in the number of sessions.
    public init(old: Plan, new: Plan, oldLabel: String = "old", newLabel: String = "new") {
        self.oldLabel = oldLabel; self.newLabel = newLabel
        name = new.name; currency = new.currency
        let before = PlanDiff.byDemand(old), after = PlanDiff.byDemand(new)
        added = []; cancelled = []; moved = []; restaffed = []; unchanged = 0
        for demand in Set(before.keys).union(after.keys).sorted() {
            let o = before[demand], n = after[demand]
            guard let s = n ?? o else { continue }
            let change = SessionChange(
                demand: demand, session: s.id, module: s.module, region: s.region,
                conventions: Set((o?.conventions ?? []) + (n?.conventions ?? [])).sorted(),
                old: o.map(Placement.init), new: n.map(Placement.init))
            switch (change.old, change.new) {
            case (nil, _?): added.append(change)
            case (_?, nil): cancelled.append(change)
            case let (a?, b?):
                let isMoved = a.start != b.start || a.end != b.end || a.venue != b.venue
                let isRestaffed = a.trainers != b.trainers || a.language != b.language
                if isMoved { moved.append(change) }
                if isRestaffed { restaffed.append(change) }
                if !isMoved && !isRestaffed { unchanged += 1 }
            case (nil, nil): break
            }
        }
        totals = Totals(
            value: Change(old: old.score.value, new: new.score.value),
            cash: Change(old: old.score.cash, new: new.score.cash),
            inKind: Change(old: old.score.inKind, new: new.score.inKind),
            scheduled: Change(old: old.score.scheduled, new: new.score.scheduled),
            demands: Change(old: old.score.demands, new: new.score.demands))
        money = PlanDiff.money(old: old, new: new)
        conventions = PlanDiff.conventions(old: old, new: new, added: added, cancelled: cancelled, changed: moved + restaffed)
    }

    /// Sessions by demand id; should a plan hold two for one demand, the first in plan order counts.
    static func byDemand(_ plan: Plan) -> [String: PlanSession] {
        Dictionary(plan.sessions.map { ($0.demand, $0) }, uniquingKeysWith: { a, _ in a })
    }

    static func money(old: Plan, new: Plan) -> [SourceMoney] {
        func allocated(_ p: Plan) -> [String: Int] {
            var out: [String: Int] = [:]
            for s in p.sessions { for f in s.funding { out[f.source, default: 0] += f.amount } }
            return out
        }
        let a = allocated(old), b = allocated(new)
        return Set(a.keys).union(b.keys).sorted().map { src in
            let o = a[src] ?? 0, n = b[src] ?? 0
            return SourceMoney(source: src, old: o, new: n, delta: n - o)
        }
    }

    static func conventions(
        old: Plan, new: Plan, added: [SessionChange], cancelled: [SessionChange],
        changed: [SessionChange]
    ) -> [ConventionChange] {
        func count(_ p: Plan) -> [String: Int] {
            var out: [String: Int] = [:]
            for s in p.sessions { for c in Set(s.conventions) { out[c, default: 0] += 1 } }
            return out
        }
        func count(_ list: [SessionChange]) -> [String: Int] {
            var out: [String: Int] = [:]
            var seen: Set<String> = []
            for c in list where seen.insert(c.demand).inserted { for conv in c.conventions { out[conv, default: 0] += 1 } }
            return out
        }
        let before = count(old), after = count(new)
        let plus = count(added), minus = count(cancelled), other = count(changed)
        let affected = Set(plus.keys).union(minus.keys).union(other.keys)
        return affected.sorted().map { c in
            ConventionChange(
                convention: c, sessions: Change(old: before[c] ?? 0, new: after[c] ?? 0),
                added: plus[c] ?? 0, cancelled: minus[c] ?? 0, changed: other[c] ?? 0)
        }
    }
}
