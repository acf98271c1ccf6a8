/// Blocker clusters: a cluster that found no cheaper seating, grown by the sessions that hold the
/// dates its members would need, each grown cluster re-solved exactly (`Solver.resolveCluster`).
///
/// A cluster's trainer search may find teams that save cash while its seating finds no dates for
/// them: the trainer a member wants teaches another session that week (or is in another region
/// then), or the venue that makes it cheap is taken those days. The sessions holding those
/// dates are outside the cluster, so it cannot move them. On src40-v103 (a 10 s plan 150 above
/// the optimum) the flow group {d-0062, d-0116} passes t-006 from d-0116 to d-0062; d-0116 takes
/// t-016 instead, who teaches d-0010 the week d-0116 can move to; d-0010 can move a week earlier
/// only where d-0143 holds its venue. The four sessions together save 150, and no cluster
/// generator put them together: the flow, its cycles and the trainer chains link sessions by
/// trainer-days, not by dates.

/// Who holds each trainer's and venue's days as the plan stands, for finding date blockers.
struct Occupancy {
    /// Per trainer, the scheduled sessions it teaches.
    var byTrainer: [[Int]]
    /// Per venue, the scheduled sessions held there.
    var byVenue: [[Int]]
}

/// One way to grow a cluster: sessions outside it that keep a member from a seat, and what that
/// seat would change the member's cash by.
struct BlockerSet: Equatable {
    let sessions: [Int]
    let change: Int
}

extension Solver {
    /// Grows each flow group that found no cheaper seating (`SearchState.flowSeeds`, with room for
    /// `SolverTuning.blockerRoom` more sessions) by the sessions that block its members' seats
    /// (`blockerClusters`), in the final polish only. At most `SolverTuning.blockerTries` clusters
    /// and `SolverTuning.blockerWork` work per polish. Returns whether cash fell.
    mutating func polishBlockerClusters() -> Bool {
        guard search.finishing else { return false }
        var budget = ClusterBudget(tries: SolverTuning.blockerTries, work: SolverTuning.blockerWork)
        let room = SolverTuning.blockerRoom
        let seeds = seedGroups(room: room) + splitFlowSeeds().filter { $0.sessions.count + room <= SolverTuning.clusterMaxSessions }
        let held = occupancy()
        for (k, seed) in seeds.enumerated() where budget.tries > 0 && budget.work > 0 && !pastPolishDeadline {
            guard seed.sessions.allSatisfy({ schedule.startOf[$0] >= 0 }) else { continue }
            var share = budget.share(k, of: seeds.count)
            let improved = blockerClusters(seed.sessions.sorted(), held, &share, longest: seed.sessions.count + room)
            budget.settle(share, k, of: seeds.count)
            if improved { return true }
        }
        return false
    }

    /// Re-solves `cluster` grown by each of its likeliest blocker sets (`blockerSets`, at most
    /// `SolverTuning.blockerBranching`), and each grown cluster that fails grown again, up to
    /// `longest` sessions. Returns true at the first that lowers cash.
    mutating func blockerClusters(_ cluster: [Int], _ held: Occupancy, _ budget: inout ClusterBudget, longest: Int) -> Bool {
        guard cluster.count < min(longest, SolverTuning.clusterMaxSessions) else { return false }
        for set in blockerSets(of: cluster, held).prefix(SolverTuning.blockerBranching) where budget.tries > 0 && budget.work > 0 {
            let grown = (cluster + set.sessions).sorted()
            guard grown.count <= min(longest, SolverTuning.clusterMaxSessions), budget.tried.insert(grown).inserted else { continue }
            budget.tries -= 1
            var work = 0
            let improved = resolveCluster(grown, work: &work)
            budget.work -= work
            if improved { return true }
            if blockerClusters(grown, held, &budget, longest: longest) { return true }
        }
        return false
    }

    /// The sessions that hold each trainer's and venue's days.
    func occupancy() -> Occupancy {
        var held = Occupancy(byTrainer: Array(repeating: [], count: problem.trainers.count), byVenue: Array(repeating: [], count: problem.venues.count))
        for (s, a) in schedule.assignment.enumerated() {
            guard let a else { continue }
            for t in a.trainers { held.byTrainer[t].append(s) }
            if a.venue >= 0 { held.byVenue[a.venue].append(s) }
        }
        return held
    }

    /// The ways to grow `cluster`: for each member, each team it could take within the cluster's
    /// slack (its cash now less the sum of its members' cheapest) and each start, the movable
    /// sessions outside the cluster that keep it from that seat (`seatBlockers`), at most
    /// `SolverTuning.blockerMax` of them. Each set once (with the least change of its member's
    /// cash); fewest sessions first, then least change, then in order of sessions.
    func blockerSets(of cluster: [Int], _ held: Occupancy) -> [BlockerSet] {
        let slack = cluster.reduce(0) { $0 + schedule.cashOf[$1] - problem.demandMinCash[$1] }
        guard slack > 0 else { return [] }
        var best: [[Int]: Int] = [:]  // lookups only; the output is sorted below
        for s in cluster {
            let d = problem.demands[s], now = schedule.cashOf[s]
            let base = d.cash(venue: clusterVenueCash(s), travel: 0), limit = problem.demandMinCash[s] + slack
            for trainers in d.trainersByLang {
                let travel = trainers.map { d.travelByTrainer[$0] }
                for positions in Solver.teams(of: travel, size: d.trainersNeeded, below: limit - base).prefix(SolverTuning.blockerTeams) {
                    let team = positions.map { trainers[$0] }
                    for start in d.starts {
                        guard let (sessions, cash) = seatBlockers(s, team: team, start: start, below: limit, outside: cluster, held) else { continue }
                        best[sessions] = min(best[sessions] ?? Int.max, cash - now)
                    }
                }
            }
        }
        return best.map { BlockerSet(sessions: $0.key, change: $0.value) }
            .sorted { a, b in
                (a.sessions.count, a.change) != (b.sessions.count, b.change)
                    ? (a.sessions.count, a.change) < (b.sessions.count, b.change) : a.sessions.lexicographicallyPrecedes(b.sessions)
            }
    }

    /// The movable sessions outside `cluster` that keep session `s` from `team` at `start` (at the
    /// venue, among those keeping its cash below `limit`, held by the fewest), sorted, with the
    /// seat's cash; nil when none does (something else keeps it out), a trainer is unavailable
    /// then, a pinned or kept session holds it, or more than `SolverTuning.blockerMax` do.
    func seatBlockers(_ s: Int, team: [Int], start: Int, below limit: Int, outside cluster: [Int], _ held: Occupancy) -> ([Int], Int)? {
        let d = problem.demands[s]
        var out: [Int] = []
        for t in team {
            if Bits.any(problem.trainerBlocked, t * problem.blockedWords, start, d.days) { return nil }
            for o in held.byTrainer[t] where o != s && !cluster.contains(o) && !out.contains(o) && clashes(o, with: s, at: start) {
                out.append(o)
            }
        }
        guard out.count <= SolverTuning.blockerMax else { return nil }
        var cash = problem.sessionCash(d, venue: -1, trainers: team)
        if d.venueBased {
            var venueBest: (blockers: [Int], cash: Int)?
            for v in d.venues {
                let c = problem.sessionCash(d, venue: v, trainers: team)
                guard c < limit else { continue }
                let holders = held.byVenue[v].filter { o in
                    o != s && !cluster.contains(o) && !out.contains(o) && overlaps(o, start, d.days)
                }
                if venueBest.map({ holders.count < $0.blockers.count }) ?? true { venueBest = (holders, c) }
                if holders.isEmpty { break }
            }
            guard let venueBest else { return nil }
            out += venueBest.blockers
            cash = venueBest.cash
        }
        guard cash < limit, !out.isEmpty, out.count <= SolverTuning.blockerMax, out.allSatisfy({ isMovable($0) }) else { return nil }
        return (out.sorted(), cash)
    }

    /// Whether scheduled session `o` keeps a trainer it shares with session `s` from teaching `s`
    /// at `start`: their days overlap, or both are held at venues in different regions that week.
    func clashes(_ o: Int, with s: Int, at start: Int) -> Bool {
        if overlaps(o, start, problem.demandDays[s]) { return true }
        return problem.demands[s].venueBased && problem.demands[o].venueBased && schedule.startOf[o] / 7 == start / 7
            && problem.demandRegion[o] != problem.demandRegion[s]
    }

    /// Whether scheduled session `o`'s days overlap the `days` days from `start`.
    func overlaps(_ o: Int, _ start: Int, _ days: Int) -> Bool {
        let from = schedule.startOf[o]
        return from < start + days && start < from + problem.demandDays[o]
    }

    /// Whether a polish may move scheduled session `o` (not pinned, not kept from the baseline).
    func isMovable(_ o: Int) -> Bool {
        guard let a = schedule.assignment[o] else { return false }
        return !problem.demandPinned[o] && !schedule.isBaseline(o, a)
    }
}
