/// Cycle clusters: the exchanges of the trainer-and-week flow (`movingWeekNetwork`) taken one by
/// one, each re-solved exactly as a cluster (`Solver.resolveCluster`).
///
/// The flow's changes to the plan, as one circulation, run through most sessions of a
/// 200-demand plan (77 on one pub-src40-v103 plan): far too many for one cluster, and most of
/// them moves of no saving that the flow takes among equal ones. Split into cycles (flow
/// decomposition, `MinCostFlow.cycles`), each saving cycle is one exchange of trainer-days and
/// weeks among a few sessions: the sessions a cheaper seating may need to change together,
/// whatever the flow's own rounding.
extension Solver {
    /// Re-solves the sessions of each saving cycle of the trainer-and-week flow as a cluster, in
    /// the final polish only. Returns whether cash fell.
    mutating func polishCycleClusters() -> Bool {
        guard search.finishing else { return false }
        var improved = false
        for cluster in savingCycles() where cluster.count <= SolverTuning.clusterMaxSessions && !pastPolishDeadline {
            if resolveCluster(cluster) { improved = true }
        }
        return improved
    }

    /// The sessions of each cycle of the trainer-and-week flow's changes that saves cost, in the
    /// order the cycles are found; each set once, sessions in order.
    func savingCycles() -> [[Int]] {
        let sessions = flowSessions()
        guard var (net, options, needed) = movingWeekNetwork(sessions), net.solve(from: 0, to: 1) == needed else { return [] }
        // The plan as a flow (each session at its week with its trainers), and each edge's session.
        var base: [Int: Int] = [:], owner: [Int: Int] = [:]  // by edge, lookups only
        for (k, s) in sessions.enumerated() {
            guard let a = schedule.assignment[s] else { continue }
            for option in options[k] {
                let home = option.week == a.start / 7
                owner[option.edge] = s
                if home { base[option.edge] = problem.demandDays[s] * a.trainers.count }
                for (t, e) in option.trainers {
                    owner[e] = s
                    if home && a.trainers.contains(t) { base[e] = problem.demandDays[s] }
                }
            }
        }
        var out: [[Int]] = []
        for cycle in net.cycles(against: base, source: 0, sink: 1) where cycle.cost < 0 {
            var members: [Int] = []
            for e in cycle.edges { if let s = owner[e], !members.contains(s) { members.append(s) } }
            members.sort()
            if !members.isEmpty && !out.contains(members) { out.append(members) }
        }
        return out
    }
}
