/// Random clusters: a few sessions linked by trainers, drawn at random around a session that
/// costs more than its cheapest and re-solved exactly (`Solver.resolveCluster`), as a large
/// neighbourhood search does.
///
/// The flow's groups and cycles and the chain clusters each pick their sessions one way, and a
/// cheaper seating the plan misses may need sessions that no one of them puts together: on
/// pub-src40 (seed 2, 200,000 steps) six sessions pass t-003, t-010 and t-039 round and four of
/// them move to the weeks t-039 is free. Drawn at random among the sessions that share trainers,
/// such a set (or one holding it) comes up within a few thousand clusters, and most clusters are
/// dismissed at once, their sessions' cheapest teams costing no less than now.

/// How the plan's sessions are linked through trainers, for drawing random clusters.
struct ClusterLinks {
    /// Per session: its trainers and the qualified trainers who travel no more to it than its
    /// dearest.
    var near: [[Int]]
    /// Per trainer: the sessions it is `near` to (those it teaches among them).
    var held: [[Int]]
}

extension Solver {
    /// Re-solves up to `tries` random clusters (`randomCluster`) of the plan as it stands, drawn
    /// around its costly sessions; returns whether cash fell.
    mutating func polishRandomClusters(tries: Int) -> Bool {
        var improved = false
        var links = clusterLinks()
        var costly = costlySessions()
        var tried = Set<[Int]>()
        for _ in 0..<tries where !pastPolishDeadline && !costly.isEmpty {
            let cluster = randomCluster(around: costly[rng.below(costly.count)], links: links)
            guard cluster.count > 1, tried.insert(cluster).inserted else { continue }
            if resolveCluster(cluster) {
                improved = true
                links = clusterLinks()
                costly = costlySessions()
            }
        }
        return improved
    }

    /// The sessions a polish may move that cost more than their demand's cheapest seating.
    func costlySessions() -> [Int] {
        flowSessions().filter { schedule.cashOf[$0] > problem.demandMinCash[$0] }
    }

    /// The plan's `ClusterLinks` among the sessions a polish may move.
    func clusterLinks() -> ClusterLinks {
        var near = [[Int]](repeating: [], count: problem.demands.count)
        var held = [[Int]](repeating: [], count: problem.trainers.count)
        for s in flowSessions() {
            guard let a = schedule.assignment[s] else { continue }
            let dearest = a.trainers.map { problem.demands[s].travelByTrainer[$0] }.max() ?? 0
            near[s] = a.trainers + wantedTrainers(s, cheaperThan: dearest + 1)
            for t in near[s] { held[t].append(s) }
        }
        return ClusterLinks(near: near, held: held)
    }

    /// A cluster grown from `seed` to `SolverTuning.randomClusterMin` to `clusterMaxSessions`
    /// sessions, sorted: each new one drawn at random among the sessions linked (`clusterLinks`)
    /// to a trainer linked to a member. A chain of such links is a cheaper exchange's shape: a
    /// session takes a cheaper trainer, whose sessions pass to others, whose trainers go to
    /// sessions that want them.
    mutating func randomCluster(around seed: Int, links: ClusterLinks) -> [Int] {
        let low = SolverTuning.randomClusterMin
        let size = low + rng.below(SolverTuning.clusterMaxSessions - low + 1)
        var members = [seed]
        for _ in 0..<(SolverTuning.randomClusterDraws * size) where members.count < size {
            let trainers = links.near[members[rng.below(members.count)]]
            guard !trainers.isEmpty else { continue }
            let sessions = links.held[trainers[rng.below(trainers.count)]]
            let h = sessions[rng.below(sessions.count)]
            if !members.contains(h) { members.append(h) }
        }
        return members.sorted()
    }
}
