import RioModel

/// Maps a plan file's sessions back onto a compiled problem (for explaining a written plan).
public enum PlanReader {
    /// The assignment of each demand, or nil when a session names something the problem lacks.
    ///
    /// Each assignment keeps the cash the plan file states.
    public static func assignment(of plan: Plan, in p: Problem) -> [Assignment?]? {
        var out = [Assignment?](repeating: nil, count: p.demands.count)
        for s in plan.sessions {
            guard let (i, a) = placement(of: s, in: p) else { return nil }
            out[i] = Assignment(start: a.start, lang: a.lang, venue: a.venue, trainers: a.trainers, cash: s.cost.cash)
        }
        return out
    }

    /// The sessions of a previous plan that still map onto `p` (same demand, known venue,
    /// trainers and language); the rest are nil. Used as the baseline of a re-plan.
    ///
    /// Each assignment's cash is recomputed on `p`, whose costs may differ from the plan's.
    public static func baseline(of plan: Plan, in p: Problem) -> [Assignment?] {
        var out = [Assignment?](repeating: nil, count: p.demands.count)
        for s in plan.sessions {
            guard let (i, a) = placement(of: s, in: p) else { continue }
            let cash = p.sessionCash(p.demands[i], venue: a.venue, trainers: a.trainers)
            out[i] = Assignment(start: a.start, lang: a.lang, venue: a.venue, trainers: a.trainers, cash: cash)
        }
        return out
    }

    /// The demand index of session `s` and its assignment on `p` with cash 0 (trainers sorted),
    /// or nil when it names an unknown demand, language, venue or trainer, or lies outside the days.
    static func placement(of s: PlanSession, in p: Problem) -> (Int, Assignment)? {
        guard let i = p.demandIndex[s.demand], let start = Day(iso: s.start), let lang = p.languageIndex[s.language] else { return nil }
        let off = p.offset(start)
        guard off >= 0, off + p.demands[i].days <= p.dayCount + 7 else { return nil }
        var venue = -1
        if let v = s.venue {
            guard let vi = p.venueIndex[v] else { return nil }
            venue = vi
        }
        let ts = s.trainers.compactMap { p.trainerIndex[$0] }
        guard ts.count == s.trainers.count else { return nil }
        return (i, Assignment(start: off, lang: lang, venue: venue, trainers: ts.sorted(), cash: 0))
    }
}
