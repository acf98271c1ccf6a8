/// Repack clusters: when a repacked session finds no date, the few sessions that took its weeks
/// (and those that took theirs) are taken out and seated again together by a depth-first search.
///
/// A trainer who is away most of the year leaves a handful of free weeks, and three or four
/// sessions that need that trainer fight over them: the one with a single possible week must
/// have it, the one with two must take the other, and so on. Seated one at a time, least
/// flexible first, the last of them can find every week gone; a small search over their seats,
/// always branching on the session with fewest seats left, settles it.
extension Solver {
    /// With repacked session `s` out: takes out the repacked sessions in its way (two levels,
    /// at most `SolverTuning.repackClusterSize` with `s`) and seats them all with their `target`
    /// trainers and languages, within `SolverTuning.repackClusterNodes` seats tried. Returns
    /// whether all are seated; otherwise the others are back where they were and `s` is out.
    mutating func seatCluster(_ s: Int, target: [Assignment?], budget: inout Int) -> Bool {
        let cluster = repackCluster(around: s, target: target)
        guard cluster.count > 1 else { return false }
        let saved = cluster.map { schedule.assignment[$0] }
        for c in cluster { schedule.remove(c) }
        var nodes = SolverTuning.repackClusterNodes
        if seatAll(cluster, target: target, nodes: &nodes, budget: &budget) { return true }
        for c in cluster { schedule.remove(c) }
        for (c, a) in zip(cluster, saved) { if let a { schedule.insert(c, a) } }
        return false
    }

    /// `s` and the seated sessions with a target that stand in its way at some start (with its
    /// target trainers, at any of its venues), then those in theirs; at most
    /// `SolverTuning.repackClusterSize`, in the order found.
    func repackCluster(around s: Int, target: [Assignment?]) -> [Int] {
        var out = [s]
        var frontier = [s]
        for _ in 0..<2 {
            var next: [Int] = []
            for c in frontier {
                guard let a = target[c] else { continue }
                let d = problem.demands[c]
                for h in problem.demands.indices where target[h] != nil && schedule.startOf[h] >= 0 && !out.contains(h) && !next.contains(h) {
                    let inWay = d.starts.contains { st in (d.venueBased ? d.venues : [-1]).contains { v in inTheWay(h, of: c, start: st, venue: v, trainers: a.trainers) }
                    }
                    if inWay && out.count + next.count < SolverTuning.repackClusterSize { next.append(h) }
                }
            }
            out += next
            frontier = next
        }
        return out
    }

    /// Seats the unseated sessions of `cluster`: branches on the one with fewest seats left (whose
    /// prerequisites are in), its seats cheapest first. False when some session has no seat or
    /// `nodes` runs out.
    mutating func seatAll(_ cluster: [Int], target: [Assignment?], nodes: inout Int, budget: inout Int) -> Bool {
        var pick: (session: Int, seats: [Assignment])?
        for c in cluster where schedule.startOf[c] < 0 && schedule.prerequisiteStart(c) != nil {
            guard let a = target[c] else { return false }
            let seats = fittingSeats(c, a, budget: &budget)
            if seats.isEmpty { return false }
            if pick == nil || seats.count < (pick?.seats.count ?? 0) { pick = (c, seats) }
        }
        guard let (c, seats) = pick else { return cluster.allSatisfy { schedule.startOf[$0] >= 0 } }
        for seat in seats {
            guard nodes > 0 else { return false }
            nodes -= 1
            schedule.insert(c, seat)
            if seatAll(cluster, target: target, nodes: &nodes, budget: &budget) { return true }
            schedule.remove(c)
        }
        return false
    }

    /// Every start and venue where session `s` fits with `a`'s trainers and language and keeps
    /// its scheduled dependents after it; cheapest first, then earliest.
    func fittingSeats(_ s: Int, _ a: Assignment, budget: inout Int) -> [Assignment] {
        let d = problem.demands[s]
        var out: [Assignment] = []
        for start in d.starts {
            for v in d.venueBased ? d.venues : [-1] {
                budget -= 1
                let seat = Assignment(start: start, lang: a.lang, venue: v, trainers: a.trainers, cash: problem.sessionCash(d, venue: v, trainers: a.trainers))
                if schedule.fits(s, seat) && keepsDependents(s, start: start) { out.append(seat) }
            }
        }
        return out.sorted { ($0.cash, $0.start, $0.venue) < ($1.cash, $1.start, $1.venue) }
    }
}
