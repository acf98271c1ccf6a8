import RioModel

/// Maps a plan file's sessions back onto a compiled problem (for explaining a written plan).
public enum PlanReader {
    /// The assignment of each demand, or nil when a session names something the problem lacks.
    public static func assignment(of plan: Plan, in p: Problem) -> [Assignment?]? {
        var out = [Assignment?](repeating: nil, count: p.demands.count)
        let byID = Dictionary(p.demands.map { ($0.id, $0.index) }, uniquingKeysWith: { a, _ in a })
        let trainerIndex = Dictionary(p.trainers.map { ($0.trainer.id, $0.index) }, uniquingKeysWith: { a, _ in a })
        for s in plan.sessions {
            guard let i = byID[s.demand], let start = Day(iso: s.start), let lang = p.languages.firstIndex(of: s.language) else { return nil }
            let off = p.offset(start)
            guard off >= 0, off + p.demands[i].days <= p.dayCount + 7 else { return nil }
            var venue = -1
            if let v = s.venue {
                guard let vi = p.venues.firstIndex(where: { $0.id == v }) else { return nil }
                venue = vi
            }
            let ts = s.trainers.compactMap { trainerIndex[$0] }
            guard ts.count == s.trainers.count else { return nil }
            out[i] = Assignment(start: off, lang: lang, venue: venue, trainers: ts.sorted(), cash: s.cost.cash)
        }
        return out
    }
}

extension PlanReader {
    /// The sessions of a previous plan that still map onto `p` (same demand, known venue,
    /// trainers and language); the rest are nil. Used as the baseline of a re-plan.
    public static func baseline(of plan: Plan, in p: Problem) -> [Assignment?] {
        var out = [Assignment?](repeating: nil, count: p.demands.count)
        let byID = Dictionary(p.demands.map { ($0.id, $0.index) }, uniquingKeysWith: { a, _ in a })
        let trainerIndex = Dictionary(p.trainers.map { ($0.trainer.id, $0.index) }, uniquingKeysWith: { a, _ in a })
        for s in plan.sessions {
            guard let i = byID[s.demand], let start = Day(iso: s.start), let lang = p.languages.firstIndex(of: s.language) else { continue }
            let off = p.offset(start)
            guard off >= 0, off + p.demands[i].days <= p.dayCount + 7 else { continue }
            var venue = -1
            if let v = s.venue {
                guard let vi = p.venues.firstIndex(where: { $0.id == v }) else { continue }
                venue = vi
            }
            let ts = s.trainers.compactMap { trainerIndex[$0] }
            guard ts.count == s.trainers.count else { continue }
            let d = p.demands[i]
            let cash = d.fixedCash + (venue >= 0 ? p.venues[venue].costPerDay * d.days : 0) + ts.reduce(0) { $0 + d.travelByTrainer[$1] }
            out[i] = Assignment(start: off, lang: lang, venue: venue, trainers: ts.sorted(), cash: cash)
        }
        return out
    }
}
