import Foundation

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
extension Solver {
    /// Re-solves up to `tries` random clusters (`randomCluster`) of the plan as it stands, drawn
    /// around its costly sessions; returns whether cash fell.
    mutating func polishRandomClusters(tries: Int) -> Bool {
        var improved = false
        var byTrainer = sessionsByTrainer()
        var costly = costlySessions()
        var tried = Set<[Int]>()
        for _ in 0..<tries where !pastPolishDeadline && !costly.isEmpty {
            let cluster = randomCluster(around: costly[rng.below(costly.count)], byTrainer: byTrainer)
            guard cluster.count > 1, tried.insert(cluster).inserted else { continue }
            if resolveCluster(cluster) {
                improved = true
                byTrainer = sessionsByTrainer()
                costly = costlySessions()
            }
        }
        return improved
    }

    /// The sessions a polish may move that cost more than their demand's cheapest seating.
    func costlySessions() -> [Int] {
        flowSessions().filter { schedule.cashOf[$0] > problem.demandMinCash[$0] }
    }

    /// A cluster grown from `seed` to `SolverTuning.randomClusterMin` to `clusterMaxSessions`
    /// sessions: each new one a session of a trainer of a member or of one of a member's
    /// qualified trainers who travel no more to it than its dearest, drawn at random; sorted.
    mutating func randomCluster(around seed: Int, byTrainer: [[Int]]) -> [Int] {
        let low = SolverTuning.randomClusterMin
        let size = low + rng.below(SolverTuning.clusterMaxSessions - low + 1)
        var members = [seed]
        for _ in 0..<(SolverTuning.randomClusterDraws * size) where members.count < size {
            let m = members[rng.below(members.count)]
            guard let a = schedule.assignment[m] else { continue }
            let dearest = a.trainers.map { problem.demands[m].travelByTrainer[$0] }.max() ?? 0
            let trainers = a.trainers + wantedTrainers(m, cheaperThan: dearest + 1)
            guard !trainers.isEmpty else { continue }
            let held = byTrainer[trainers[rng.below(trainers.count)]]
            guard !held.isEmpty else { continue }
            let h = held[rng.below(held.count)]
            if !members.contains(h) { members.append(h) }
        }
        return members.sorted()
    }
}
