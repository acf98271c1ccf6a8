/// Chain clusters: the clusters of `polishTrainerClusters`, grown from a costly session through
/// the trainers who must shed days for its cheaper colleague to come, each re-solved exactly by
/// `Solver.resolveCluster` (`Solver+Clusters.swift`).

/// What is left of a polish's cluster budget, and the clusters it has tried.
struct ClusterBudget {
    var tries: Int
    /// Work left (`Solver.resolveCluster(_:work:)`'s units).
    var work: Int
    var tried = Set<[Int]>()
    /// Sessions a chain link sheds, and colleagues it follows, at most (`Solver.sheddable`).
    var holders = SolverTuning.clusterHolders
    var colleagues = SolverTuning.clusterColleagues
    /// Sessions a chain link sheds first (`Solver.sheddable`): those the trainer flow moves
    /// days of, for seed chains.
    var preferred = Set<Int>()
    /// Per trainer, the movable sessions it teaches (in session order), as the plan stood when
    /// the budget was made or last refreshed.
    var byTrainer: [[Int]] = []

    /// An even share of the work left for the `k`th of `count` seeds (the clusters tried so far
    /// and the tries left go with it), so that one seed's deep growth does not use it all.
    func share(_ k: Int, of count: Int) -> ClusterBudget {
        var share = self
        share.work = work / (count - k)
        return share
    }

    /// Takes back what `share` (`share(k, of:)` of this budget) left: its work unspent, its
    /// tries and the clusters it tried.
    mutating func settle(_ share: ClusterBudget, _ k: Int, of count: Int) {
        work -= work / (count - k) - share.work
        tries = share.tries
        tried = share.tried
    }
}

extension Solver {
    /// Day chains with dates: for each session `c` that costs more than its cheapest (dearest
    /// first) and each cheaper colleague `t` of one of its trainers, the clusters where `t` comes
    /// to `c` and sheds days: one of `t`'s sessions `h` joins, and when the colleague `y` who could
    /// take `h` is out of days in turn, one of `y`'s sessions, and so on, up to
    /// `SolverTuning.clusterChainDepth` sessions beyond `c`. Each cluster (every prefix of a chain)
    /// is re-solved exactly (`resolveCluster`), so its sessions may move to other dates and take
    /// other trainers than the chain's. At most `SolverTuning.clusterTries` clusters and
    /// `SolverTuning.clusterWork` work per polish. Returns whether cash fell.
    ///
    /// Only in the final polish (`SearchState.finishing`): run at every restart's new best as
    /// well, it took search time enough that 10 s runs ended dearer (pub-src40 and two variants,
    /// seeds 1-6: cash above CP-SAT's optimum summed 4,050 against 2,300 finishing only).
    mutating func polishTrainerClusters() -> Bool {
        guard search.finishing else { return false }
        var improved = false
        var budget = ClusterBudget(tries: SolverTuning.clusterTries, work: SolverTuning.clusterWork)
        budget.byTrainer = sessionsByTrainer()
        let costly = costlySessions()
            .sorted { (problem.demandMinCash[$0] - schedule.cashOf[$0], $0) < (problem.demandMinCash[$1] - schedule.cashOf[$1], $1) }
        for c in costly where budget.tries > 0 && budget.work > 0 && !pastPolishDeadline {
            guard let a = schedule.assignment[c] else { continue }
            let dearest = a.trainers.map { problem.demands[c].travelByTrainer[$0] }.max() ?? 0
            for t in wantedTrainers(c, cheaperThan: dearest) where budget.tries > 0 && budget.work > 0 {
                if chainClusters([c], shedding: t, need: problem.demandDays[c] - daysLeft(t), &budget) {
                    improved = true
                    budget.byTrainer = sessionsByTrainer()
                    break
                }
            }
        }
        return improved
    }

    /// Seed chains: for each group of the last trainer flow that found no cheaper seating
    /// (`SearchState.flowSeeds`, at most `SolverTuning.seedChainRoom` sessions short of
    /// `clusterMaxSessions`) and each trainer the flow brings to it, the chain clusters
    /// (`chainClusters`) of the group with that trainer shedding days: the session it leaves
    /// joins, then one of the trainer who could take that session but is out of days, and so on,
    /// up to `seedChainRoom` sessions beyond the group. The groups of the flow's split days
    /// (`splitFlowSeeds`) are seeds too, and their sessions are shed first. Chains are tried
    /// narrow first (`SolverTuning.seedChainWidths`). At most `SolverTuning.clusterTries` clusters
    /// and `SolverTuning.clusterWork` work per polish. Returns whether cash fell.
    ///
    /// The flow's trainer-days set dates aside: a trainer who joins the group must shed a
    /// session whose days another trainer takes, shedding one in turn. On src40-v101 (a 200,000
    /// step plan 150 above the optimum) t-036 comes to a group of three, leaves d-0041 to t-033,
    /// who leaves d-0016 to t-014, who leaves d-0163: those six sessions save 100, and 20,000
    /// random clusters found none of it.
    mutating func polishSeedChains() -> Bool {
        guard search.finishing else { return false }
        var budget = ClusterBudget(tries: SolverTuning.clusterTries, work: SolverTuning.clusterWork)
        budget.byTrainer = sessionsByTrainer()
        let room = SolverTuning.seedChainRoom
        let split = splitFlowSeeds()
        budget.preferred = Set(split.flatMap(\.sessions))
        let pairs = (seedGroups(room: room) + split.filter { $0.sessions.count + room <= SolverTuning.clusterMaxSessions })
            .flatMap { seed in seed.incoming.map { (seed.sessions, $0) } }
        // Narrow chains first (each link's likeliest sessions and colleagues), then wider; each
        // group and trainer gets an even share of the work left, so that one trainer's deep
        // chains do not use it all.
        for (holders, colleagues) in SolverTuning.seedChainWidths {
            budget.holders = holders
            budget.colleagues = colleagues
            for (k, (sessions, x)) in pairs.enumerated() where budget.tries > 0 && budget.work > 0 && !pastPolishDeadline {
                guard sessions.allSatisfy({ schedule.startOf[$0] >= 0 }) else { continue }
                var share = budget.share(k, of: pairs.count)
                let improved = chainClusters(sessions, shedding: x, &share, longest: sessions.count + room - 1)
                budget.settle(share, k, of: pairs.count)
                if improved { return true }
            }
        }
        return false
    }

    /// The flow seeds for seed chains with room for `room` more sessions: those that share a
    /// session merged (`FlowSeed.merged`), or where the merged group has no room, its seeds
    /// apart and each two of them that share a session merged, each once.
    ///
    /// Pairs: on src40-v103 (two 10 s plans 300 above the optimum) the exchange's group was
    /// {d-0022, d-0059, d-0062, d-0116}, within the seeds {d-0022, d-0059, d-0062, d-0172} and
    /// {d-0062, d-0116} merged, but all the seeds merged had no room.
    func seedGroups(room: Int) -> [FlowSeed] {
        var out: [FlowSeed] = []
        let fits = { (seed: FlowSeed) in seed.sessions.count + room <= SolverTuning.clusterMaxSessions }
        for group in FlowSeed.merged(search.flowSeeds) {
            if fits(group) {
                out.append(group)
                continue
            }
            let members = Set(group.sessions)
            let parts = search.flowSeeds.filter { fits($0) && !members.isDisjoint(with: $0.sessions) }
            for seed in parts where !out.contains(seed) { out.append(seed) }
            for (k, a) in parts.enumerated() {
                for b in parts[(k + 1)...] where !Set(a.sessions).isDisjoint(with: b.sessions) {
                    let pair = FlowSeed.merged([a, b])[0]
                    if fits(pair) && !out.contains(pair) { out.append(pair) }
                }
            }
        }
        return out
    }

    /// Extends the chain `path` by the sessions of trainer `x` (in `sheddable`'s order, at most
    /// `budget.holders`), re-solving each extended chain. While `x` has shed fewer than the `need` days it must free, it sheds
    /// another; then the chain goes on through the colleagues who could take the session but are
    /// out of days, each needing that session's days less those it has left. Returns true at the
    /// first cluster that lowers cash.
    ///
    /// A trainer may need two sessions' days for one: on src40-v101 (a 10 s plan 150 above the
    /// optimum) t-014 takes a 5-day session from t-033 and sheds two of 3 days to t-016.
    mutating func chainClusters(_ path: [Int], shedding x: Int, need: Int = 1, _ budget: inout ClusterBudget, longest: Int = SolverTuning.clusterChainDepth) -> Bool {
        guard path.count <= longest else { return false }
        for (h, colleagues) in sheddable(x, of: budget.byTrainer[x], excluding: path, budget: budget) where budget.tries > 0 && budget.work > 0 {
            let members = path + [h]
            if budget.tried.insert(members.sorted()).inserted {
                budget.tries -= 1
                var work = 0
                let improved = resolveCluster(members, work: &work)
                budget.work -= work
                if improved { return true }
            }
            let rest = need - problem.demandDays[h]
            if rest > 0 {
                if chainClusters(members, shedding: x, need: rest, &budget, longest: longest) { return true }
                continue
            }
            for y in colleagues where !hasDays(y, for: h) && !path.contains(where: { schedule.assignment[$0]?.trainers.contains(y) ?? false }) {
                let yNeed = problem.demandDays[h] - daysLeft(y)
                if chainClusters(members, shedding: y, need: yNeed, &budget, longest: longest) { return true }
            }
        }
        return false
    }

    /// The days trainer `y` may still teach: its own left, and its organisation's.
    func daysLeft(_ y: Int) -> Int { min(ownDaysLeft(y), orgDaysLeft(problem.trainerOrg[y])) }

    /// Per trainer, the sessions it teaches that a polish may move (`flowSessions`), in session order.
    func sessionsByTrainer() -> [[Int]] {
        var out = [[Int]](repeating: [], count: problem.trainers.count)
        for s in flowSessions() { for t in schedule.assignment[s]?.trainers ?? [] { out[t].append(s) } }
        return out
    }

    /// Trainer `x`'s `sessions` outside `path`, each with its colleagues (qualified, not on
    /// its team, cheapest first, at most `budget.colleagues`); the `budget.preferred` first, then
    /// those whose first colleague teaches a session of the path (and may be freed by it), then
    /// those whose first colleague costs least more than `x` (and of those, one whose first
    /// colleague has the days, ending the chain), at most `budget.holders`.
    ///
    /// Colleagues on the path first: on src40-v101, t-014 sheds a session to t-016, who has the
    /// days once it leaves the flow group at the chain's head; by cost alone, a dozen sessions of
    /// t-014 tied and the chain was not reached (three 10 s plans 150 above the optimum; now 50).
    func sheddable(_ x: Int, of sessions: [Int], excluding path: [Int], budget: ClusterBudget) -> [(Int, [Int])] {
        let out = sessions.filter { !path.contains($0) }.map { h in
            (h, Array(qualified(h).filter { !(schedule.assignment[h]?.trainers.contains($0) ?? true) }.prefix(budget.colleagues)))
        }.filter { !$0.1.isEmpty }
        // Keys made once, in place: a closure kept in a variable would copy the whole solver.
        let keyed = out.map { (h, ys) in
            let travel = problem.demands[h].travelByTrainer
            let freed = path.contains { schedule.assignment[$0]?.trainers.contains(ys[0]) ?? false } ? 0 : 1
            return (key: (budget.preferred.contains(h) ? 0 : 1, freed, travel[ys[0]] - travel[x], hasDays(ys[0], for: h) ? 0 : 1, h), item: (h, ys))
        }
        return Array(keyed.sorted { $0.key < $1.key }.prefix(budget.holders).map(\.item))
    }

    /// Whether trainer `y` and its organisation have the days of session `h` left.
    func hasDays(_ y: Int, for h: Int) -> Bool {
        hasDays(y, problem.demandDays[h], trainerDays: schedule.trainerDays, orgDays: schedule.orgDays)
    }

    /// Whether trainer `t` and its organisation, having taught `trainerDays` and `orgDays`, have
    /// `days` more within their limits.
    func hasDays(_ t: Int, _ days: Int, trainerDays: [Int], orgDays: [Int]) -> Bool {
        let org = problem.trainerOrg[t]
        return trainerDays[t] + days <= problem.trainerMaxDays[t] && orgDays[org] + days <= problem.orgCap[org]
    }

    /// Qualified trainers in session `s`'s language, not on its team, travelling less than
    /// `limit` to it; cheapest first.
    func wantedTrainers(_ s: Int, cheaperThan limit: Int) -> [Int] {
        guard let a = schedule.assignment[s] else { return [] }
        let travel = problem.demands[s].travelByTrainer
        return qualified(s).filter { !a.trainers.contains($0) && travel[$0] < limit }
    }

    /// The trainers qualified for scheduled session `s` in its language, cheapest first.
    func qualified(_ s: Int) -> [Int] {
        guard let a = schedule.assignment[s], let li = problem.demands[s].langs.firstIndex(of: a.lang) else { return [] }
        return problem.demands[s].trainersByLang[li]
    }
}
