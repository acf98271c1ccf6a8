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
///
/// Half the clusters start instead from a group of the trainer flow that found no cheaper seating
/// on its own (`FlowSeed`). Such a group often holds most of a cheaper exchange: on
/// src40-v103 (10 s and 30 s plans) seven or eight sessions pass t-003, t-010, t-016, t-027,
/// t-028 and t-039 round, and four or five of them were in one flow group. The sessions missing
/// are those that the trainers the flow brings in teach now, or their colleagues.

/// How the plan's sessions are linked through trainers, for drawing random clusters.
struct ClusterLinks {
    /// Per session: its trainers and the qualified trainers who travel no more to it than its
    /// dearest.
    var near: [[Int]]
    /// Per trainer: the sessions it is `near` to (those it teaches among them).
    var held: [[Int]]
    /// Per trainer: the sessions it teaches (`sessionsByTrainer`).
    var taught: [[Int]]
}

/// A group of sessions that the trainer flow passes trainers round (`Solver.polishClusters`) but
/// that found no cheaper seating on its own, with the trainers the flow brings to it: a seed for
/// random clusters. The cheaper seating may need those trainers freed from sessions they teach
/// now, at the dates the group wants them.
struct FlowSeed: Sendable, Equatable {
    let sessions: [Int]
    let incoming: [Int]

    /// `seeds` with those that share a session merged (sessions and incoming trainers sorted),
    /// in order of their first seed. Rounds of the flow that forbid one trainer each may split
    /// one exchange's group: on src40-v101, {d-0059, d-0062} and {d-0062, d-0172}, where the
    /// cheaper seating needs all three.
    static func merged(_ seeds: [FlowSeed]) -> [FlowSeed] {
        Solver.linkedGroups(seeds.map(\.sessions)).map { group in
            FlowSeed(sessions: Set(group.flatMap { seeds[$0].sessions }).sorted(), incoming: Set(group.flatMap { seeds[$0].incoming }).sorted())
        }
    }
}

extension Solver {
    /// Re-solves up to `tries` random clusters (`randomCluster`) of the plan as it stands, drawn
    /// around its costly sessions, until `SolverTuning.randomClusterPatience` in a row find no
    /// cheaper seating; returns whether cash fell.
    mutating func polishRandomClusters(tries: Int) -> Bool {
        var improved = false
        var links = clusterLinks()
        var costly = costlySessions()
        var tried = Set<[Int]>()
        let seeds = search.flowSeeds
        var lastImproved = 0
        for k in 0..<tries where !pastPolishDeadline && !costly.isEmpty && k - lastImproved < SolverTuning.randomClusterPatience {
            let cluster =
                !seeds.isEmpty && rng.below(SolverTuning.flowSeedShare) == 0
                ? grownCluster(seeds[rng.below(seeds.count)], links: links)
                : randomCluster(around: costly[rng.below(costly.count)], links: links)
            guard cluster.count > 1, tried.insert(cluster).inserted else { continue }
            if resolveCluster(cluster) {
                improved = true
                lastImproved = k
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
        return ClusterLinks(near: near, held: held, taught: sessionsByTrainer())
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

    /// A flow group (`FlowSeed`) grown to `clusterMaxSessions` sessions at most, sorted: a group
    /// too large is cut to a random part first. A third of the new sessions each are drawn among
    /// those taught by a trainer the flow brings in (who must be freed at the dates the group
    /// wants), those taught by a member's trainer (who may pass on to the sessions the first
    /// leave), and those linked to a trainer `near` a member (`ClusterLinks.held`, as in
    /// `randomCluster`).
    mutating func grownCluster(_ seed: FlowSeed, links: ClusterLinks) -> [Int] {
        let maxSize = SolverTuning.clusterMaxSessions
        var members = seed.sessions
        if members.count >= maxSize - 1 {
            members.shuffle(using: &rng)
            members = Array(members.prefix(SolverTuning.randomClusterMin + rng.below(maxSize - 1 - SolverTuning.randomClusterMin)))
        }
        let size = members.count + 1 + rng.below(maxSize - members.count)
        for _ in 0..<(SolverTuning.randomClusterDraws * size) where members.count < size {
            let member = members[rng.below(members.count)], way = rng.below(3)
            let trainers = way == 0 ? seed.incoming : way == 1 ? schedule.assignment[member]?.trainers ?? [] : links.near[member]
            guard !trainers.isEmpty else { continue }
            let t = trainers[rng.below(trainers.count)]
            let sessions = way == 2 ? links.held[t] : links.taught[t]
            guard !sessions.isEmpty else { continue }
            let h = sessions[rng.below(sessions.count)]
            if !members.contains(h) { members.append(h) }
        }
        return members.sorted()
    }
}

extension Solver {
    /// The groups of sessions whose trainer-days the flow (dates aside, `trainerNetwork`) moves
    /// at all, split days included, linked by the trainers (and capped organisations) whose days
    /// they pass: each with the trainers the flow brings in. Rounding the flow to whole sessions
    /// loses a chain whose days it splits (a trainer who joins a group must shed days of a
    /// session that another trainer then takes in part); these groups keep it.
    func splitFlowSeeds() -> [FlowSeed] {
        let sessions = flowSessions()
        guard let (network, slots, needed) = trainerNetwork(sessions) else { return [] }
        var net = network
        guard net.solve(from: 0, to: 1) == needed else { return [] }
        var targets: [(session: Int, passed: [Int], incoming: [Int])] = []
        for (k, s) in sessions.enumerated() {
            guard let a = schedule.assignment[s] else { continue }
            let days = problem.demandDays[s]
            let incoming = slots[k].filter { !a.trainers.contains($0.trainer) && net.flow(on: $0.edge) > 0 }.map(\.trainer)
            let leaving = slots[k].filter { a.trainers.contains($0.trainer) && net.flow(on: $0.edge) < days }.map(\.trainer)
            if !incoming.isEmpty || !leaving.isEmpty { targets.append((s, incoming + leaving, incoming)) }
        }
        return Solver.linkedGroups(targets.map { passKeys($0.passed) }).map { group in
            FlowSeed(sessions: group.map { targets[$0].session }, incoming: Set(group.flatMap { targets[$0].incoming }).sorted())
        }
    }
}
