/// The trainer search of a cluster (`Solver.resolveCluster`): one team per session, within the
/// day limits and below the bound, before the seating search gives them dates and venues.
extension Solver {
    /// Chooses the next session's option and goes on; once every session has one, seats the
    /// choice (`seatCluster`). The next session is the one with the fewest options left: within
    /// every trainer's and organisation's day limit as the search stands, and cheap enough that
    /// the cash so far plus the floor of the others stays below the bound (at most
    /// `SolverTuning.clusterForcedOptions` counted; ties in the order of `search.sessions`).
    ///
    /// Fewest options first, as a constraint solver picks its next variable: with a fixed order
    /// (fewest options at the start), day limits cut most branches deep down. On src40-v103 a
    /// 9-session cluster (t-033 passed from d-0093 and d-0098 to d-0016, and on through t-039,
    /// t-027, t-010 and t-028, two of the sessions at other dates) saves 50: the fixed order
    /// used its 20,000 nodes and found nothing (100,000 found it, 48,000 nodes in); this order
    /// finds it after 14,000. On the final polish of that plan, 31 clusters of 25,000 ran out of
    /// nodes, against 188 of 19,600 in the same time.
    ///
    /// Each session's floor is its cheapest option within the day limits as the search stands:
    /// with the floor of its cheapest option alone, a 10-session cluster of pub-src40-v103 spent
    /// its whole node budget on branches that day limits cut deep down.
    ///
    /// - Parameter cheapest: per session, the position of its first option that may be within
    ///   the day limits (the parent's positions, as days only grow deeper).
    func chooseTeams(_ search: inout ClusterSearch, cash: Int, trainerDays: inout [Int], orgDays: inout [Int], cheapest: [Int]) {
        var cheapest = cheapest
        guard let (pick, floor) = nextSession(search, cash: cash, trainerDays: trainerDays, orgDays: orgDays, cheapest: &cheapest) else { return }
        guard pick >= 0 else {
            guard search.choicesLeft > 0 else { return }
            search.choicesLeft -= 1
            var trial = schedule
            var placed = [Assignment?](repeating: nil, count: search.sessions.count)
            _ = seatCluster(&search, &trial, &placed, cash: 0)
            return
        }
        let days = problem.demandDays[search.sessions[pick]], options = search.options[pick]
        let rest = floor - options[cheapest[pick]].cash
        for option in options[cheapest[pick]...] {
            if cash + option.cash + rest >= search.bound || search.choicesLeft <= 0 || search.fitsLeft <= 0 || search.nodesLeft <= 0 { break }
            search.nodesLeft -= 1
            guard option.trainers.allSatisfy({ trainerDays[$0] + days <= problem.trainerMaxDays[$0] }) else { continue }
            for t in option.trainers {
                trainerDays[t] += days
                orgDays[problem.trainerOrg[t]] += days
            }
            if option.trainers.allSatisfy({ orgDays[problem.trainerOrg[$0]] <= problem.orgCap[problem.trainerOrg[$0]] }) {
                search.chosen[pick] = option
                chooseTeams(&search, cash: cash + option.cash, trainerDays: &trainerDays, orgDays: &orgDays, cheapest: cheapest)
            }
            for t in option.trainers {
                trainerDays[t] -= days
                orgDays[problem.trainerOrg[t]] -= days
            }
        }
        search.chosen[pick] = nil
    }

    /// The session without an option that has the fewest options left (`chooseTeams`), and the
    /// floor of all sessions without one (each at its cheapest option within the day limits);
    /// -1 when every session has an option; nil when the branch can be cut (some session has no
    /// option within the limits, or the floor reaches the bound).
    func nextSession(_ search: ClusterSearch, cash: Int, trainerDays: [Int], orgDays: [Int], cheapest: inout [Int]) -> (Int, Int)? {
        var floor = 0
        for j in search.sessions.indices where search.chosen[j] == nil {
            let days = problem.demandDays[search.sessions[j]], options = search.options[j]
            // A closure literal here: one stored in a local would copy `self` at every node.
            while cheapest[j] < options.count && !options[cheapest[j]].trainers.allSatisfy({ hasDays($0, days, trainerDays: trainerDays, orgDays: orgDays) }) {
                cheapest[j] += 1
            }
            guard cheapest[j] < options.count else { return nil }
            floor += options[cheapest[j]].cash
        }
        guard cash + floor < search.bound else { return nil }
        var pick = -1, fewest = Int.max
        for j in search.sessions.indices where search.chosen[j] == nil {
            let days = problem.demandDays[search.sessions[j]], options = search.options[j]
            let limit = search.bound - cash - floor + options[cheapest[j]].cash
            var count = 0
            for option in options[cheapest[j]...] where count < min(fewest, SolverTuning.clusterForcedOptions) {
                if option.cash >= limit { break }
                if option.trainers.allSatisfy({ hasDays($0, days, trainerDays: trainerDays, orgDays: orgDays) }) { count += 1 }
            }
            if count < fewest { (pick, fewest) = (j, count) }
        }
        return (pick, floor)
    }
}
