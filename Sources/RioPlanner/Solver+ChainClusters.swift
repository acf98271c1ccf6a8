/// Chain clusters: the clusters of `polishTrainerClusters`, grown from a costly session through
/// the trainers who must shed days for its cheaper colleague to come, each re-solved exactly by
/// `Solver.resolveCluster` (`Solver+Clusters.swift`).

/// What is left of a polish's cluster budget, and the clusters it has tried.
struct ClusterBudget {
    var tries: Int
    /// Work left (`Solver.resolveCluster(_:work:)`'s units).
    var work: Int
    var tried = Set<[Int]>()
    /// Per trainer, the movable sessions it teaches (in session order), as the plan stood when
    /// the budget was made or last refreshed.
    var byTrainer: [[Int]] = []
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
                if chainClusters([c], shedding: t, &budget) {
                    improved = true
                    budget.byTrainer = sessionsByTrainer()
                    break
                }
            }
        }
        return improved
    }

    /// Extends the chain `path` by the sessions of trainer `x` (those whose cheapest other
    /// trainer costs least more first, at most `SolverTuning.clusterHolders`), re-solving each
    /// extended chain and going on through the colleagues who could take the session but are out
    /// of days. Returns true at the first cluster that lowers cash.
    mutating func chainClusters(_ path: [Int], shedding x: Int, _ budget: inout ClusterBudget) -> Bool {
        guard path.count <= SolverTuning.clusterChainDepth else { return false }
        for (h, colleagues) in sheddable(x, of: budget.byTrainer[x], excluding: path) where budget.tries > 0 && budget.work > 0 {
            let members = path + [h]
            if budget.tried.insert(members.sorted()).inserted {
                budget.tries -= 1
                var work = 0
                let improved = resolveCluster(members, work: &work)
                budget.work -= work
                if improved { return true }
            }
            for y in colleagues where !hasDays(y, for: h) && !path.contains(where: { schedule.assignment[$0]?.trainers.contains(y) ?? false }) {
                if chainClusters(members, shedding: y, &budget) { return true }
            }
        }
        return false
    }

    /// Per trainer, the sessions it teaches that a polish may move (`flowSessions`), in session order.
    func sessionsByTrainer() -> [[Int]] {
        var out = [[Int]](repeating: [], count: problem.trainers.count)
        for s in flowSessions() { for t in schedule.assignment[s]?.trainers ?? [] { out[t].append(s) } }
        return out
    }

    /// Trainer `x`'s `sessions` outside `path`, each with its colleagues (qualified, not on
    /// its team, cheapest first, at most `SolverTuning.clusterColleagues`); those whose first
    /// colleague costs least more than `x` first, at most `SolverTuning.clusterHolders`.
    func sheddable(_ x: Int, of sessions: [Int], excluding path: [Int]) -> [(Int, [Int])] {
        let out = sessions.filter { !path.contains($0) }.map { h in
            (h, Array(qualified(h).filter { !(schedule.assignment[h]?.trainers.contains($0) ?? true) }.prefix(SolverTuning.clusterColleagues)))
        }.filter { !$0.1.isEmpty }
        let extra = { (h: Int, ys: [Int]) in self.problem.demands[h].travelByTrainer[ys[0]] - self.problem.demands[h].travelByTrainer[x] }
        return Array(out.sorted { (extra($0.0, $0.1), $0.0) < (extra($1.0, $1.1), $1.0) }.prefix(SolverTuning.clusterHolders))
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
