/// Clusters: the few sessions that one group of the trainer flow changes, re-staffed and re-dated
/// together by an exact search bounded by cash.
///
/// The trainer flow (`trainerTargets`) shows which sessions should pass trainers round; `reseat`
/// then gives each its flow trainers and seats the sessions one at a time. Where the cheaper
/// exchange needs several of them at other dates at once (on pub-src40-v101, six sessions pass
/// t-003, t-010, t-018, t-026 and t-027 round, and three of them move by months so that the
/// trainers they take are free and in the region that week), one at a time never closes it, and
/// the flow's own rounding may pick trainers that no dates can hold.
///
/// Two polishes pick the clusters: the flow's small groups (`polishClusters`; in the final polish,
/// round after round of flows, each keeping one trainer of every group that found no seating off
/// its session), and chains from a costly session through the trainers who must shed days for its
/// cheaper colleague to come (`polishTrainerClusters`).
///
/// A cluster's sessions are all taken out, and a depth-first search chooses each one's
/// language and trainers (any qualified ones, cheapest first, within the trainers' and
/// organisations' day limits) while the cash so far plus the cheapest the others could cost stays
/// below the group's cash now; for each such choice, a second search gives the sessions starts and
/// venues (`Schedule.fits`, so every rule and the funding hold), the session with the fewest
/// seats first. The cheapest seating found within the budgets replaces the group.

/// One choice for a cluster's session: its language and trainer team.
struct ClusterOption {
    let lang: Int
    let trainers: [Int]
    /// The session's cash at its region's cheapest venue with these trainers: a lower bound of
    /// any seat with them.
    let cash: Int
}

/// The state of one cluster's search: its sessions (prerequisites first), their options, and
/// the best seating found.
struct ClusterSearch {
    let sessions: [Int]
    let options: [[ClusterOption]]
    /// Cash a seating must stay below (the group's cash now, then the best seating's).
    var bound: Int
    /// `Schedule.fits` checks left for the whole cluster (`SolverTuning.clusterFitsBudget`).
    var fitsLeft: Int
    /// Trainer choices left to try seating (`SolverTuning.clusterChoices`).
    var choicesLeft: Int
    /// Nodes of the trainer search left (`SolverTuning.clusterNodes`): day limits may cut most
    /// branches deep down, so the search is bounded by its nodes as well as by its leaves.
    var nodesLeft: Int
    var chosen: [ClusterOption?]
    var best: [Assignment]?

    init(sessions: [Int], options: [[ClusterOption]], bound: Int, nodes: Int = SolverTuning.clusterNodes) {
        self.sessions = sessions
        self.options = options
        self.bound = bound
        fitsLeft = SolverTuning.clusterFitsBudget
        choicesLeft = SolverTuning.clusterChoices
        nodesLeft = nodes
        chosen = Array(repeating: nil, count: sessions.count)
    }
}

extension Solver {
    /// Re-solves each small group of sessions that the trainer flow changes (`resolveCluster`).
    /// In the final polish, the flow is then solved again with one trainer of every group that
    /// found no cheaper seating (or was too large to try) kept off its session (`forbid`), for at
    /// most `SolverTuning.clusterFlowRounds` flows, until the flow changes nothing: the next
    /// cheapest allocation, dates aside, may be one that dates can hold. Returns whether cash fell.
    mutating func polishClusters() -> Bool {
        var improved = false
        var forbidden = Set<Int>()
        search.flowSeeds = []
        for _ in 0..<(search.finishing ? SolverTuning.clusterFlowRounds : 1) where !pastPolishDeadline {
            let found = groups(of: trainerTargets(forbidden: forbidden))
            if found.isEmpty { break }
            for group in found where !pastPolishDeadline {
                if group.count <= SolverTuning.clusterMaxSessions && resolveCluster(group.map(\.session)) {
                    improved = true
                } else {
                    forbid(group, in: &forbidden)
                    search.flowSeeds.append(flowSeed(group))
                }
            }
        }
        return improved
    }

    /// `group` as a `FlowSeed`: its sessions and the trainers it brings in, in order.
    func flowSeed(_ group: [(session: Int, trainers: [Int])]) -> FlowSeed {
        var incoming = Set<Int>()
        for (s, trainers) in group { incoming.formUnion(trainers.filter { !(schedule.assignment[s]?.trainers ?? []).contains($0) }) }
        return FlowSeed(sessions: group.map(\.session), incoming: incoming.sorted())
    }

    /// Adds to `forbidden` (as `TrainerChoice.forbidden`) the trainer that `group` brings to a
    /// venue-based session for the least travel saved, so that the next flow keeps the group's
    /// other exchanges if it can; every trainer it brings in when all its sessions are online.
    ///
    /// One at a time: forbidding all of a failed group's trainers, the flow lost the exchanges
    /// that a cheaper plan needed as well (pub-src40 and two variants, 200,000 steps, seeds 1-4:
    /// cash above CP-SAT's optimum summed 2,200 against 1,300 forbidding one).
    func forbid(_ group: [(session: Int, trainers: [Int])], in forbidden: inout Set<Int>) {
        var arcs: [(saving: Int, key: Int)] = []
        for (s, trainers) in group {
            let old = schedule.assignment[s]?.trainers ?? [], travel = problem.demands[s].travelByTrainer
            let leaving = old.filter { !trainers.contains($0) }.map { travel[$0] }.max() ?? 0
            for t in trainers where !old.contains(t) {
                arcs.append((problem.demands[s].venueBased ? leaving - travel[t] : Int.max, TrainerChoice.key(s, t, trainers: problem.trainers.count)))
            }
        }
        if let least = arcs.min(by: { ($0.saving, $0.key) < ($1.saving, $1.key) }), least.saving != Int.max {
            forbidden.insert(least.key)
        } else {
            forbidden.formUnion(arcs.map(\.key))
        }
    }

    /// Takes `sessions` out and seats them again at the least cash the searches find within their
    /// budgets. Keeps the change and returns true when the plan is better (no dependent broken);
    /// otherwise puts everything back.
    mutating func resolveCluster(_ sessions: [Int]) -> Bool {
        var work = 0
        return resolveCluster(sessions, work: &work)
    }

    /// `resolveCluster`, adding to `work` what the cluster cost: its sessions' trainers scanned,
    /// the teams made, the trainer search's nodes (at most `nodes`) and the `Schedule.fits` checks.
    mutating func resolveCluster(_ sessions: [Int], work: inout Int, nodes: Int = SolverTuning.clusterNodes) -> Bool {
        // Closures here that call the solver's methods would copy the whole solver (it is inout
        // in a mutating method) at each call: the helpers below are non-mutating instead.
        guard let (order, oldCash) = clusterOrder(sessions) else { return false }
        let before = currentScore
        var log: [(Int, Assignment?)] = []
        for s in order { log.append((s, schedule.remove(s))) }
        let near = log.map { $0.1?.trainers ?? [] }
        let (options, made) = clusterOptions(order, cash: oldCash, near: near)
        work += made
        guard let options else {
            undo(&log, to: 0)
            return false
        }
        // The trainer search takes the sessions with fewest options first: on an 8-session
        // cluster of src40-v103 taken in start order, its whole node budget went on teams that
        // the day limits cut deep down, and it reached no seating.
        let byOptions = order.indices.sorted { (options[$0].count, $0) < (options[$1].count, $1) }
        var search = ClusterSearch(sessions: byOptions.map { order[$0] }, options: byOptions.map { options[$0] }, bound: oldCash, nodes: nodes)
        var orgDays = schedule.orgDays, trainerDays = schedule.trainerDays
        chooseTeams(&search, cash: 0, trainerDays: &trainerDays, orgDays: &orgDays, cheapest: Array(repeating: 0, count: order.count))
        work += nodes - search.nodesLeft + SolverTuning.clusterFitsBudget - search.fitsLeft
        if let best = search.best {
            for (s, a) in zip(search.sessions, best).sorted(by: { ($0.1.start, $0.0) < ($1.1.start, $1.0) }) where schedule.fits(s, a) { schedule.insert(s, a) }
            if allSeated(order) && before < currentScore { return true }
        }
        undo(&log, to: 0)
        return false
    }

    /// `sessions` in start order with their cash now; nil when one is unscheduled or pinned.
    func clusterOrder(_ sessions: [Int]) -> (order: [Int], cash: Int)? {
        let order = sessions.sorted { (schedule.startOf[$0], $0) < (schedule.startOf[$1], $1) }
        guard order.allSatisfy({ schedule.startOf[$0] >= 0 && !problem.demandPinned[$0] }) else { return nil }
        return (order, order.reduce(0) { $0 + schedule.cashOf[$1] })
    }

    /// With the sessions of `order` removed (their teams `near`, their cash `cash`): each one's
    /// options (`clusterOptions`), nil when no seating can be cheaper, and the work of making
    /// them (the trainers scanned and the teams made). Returned, not added to an `inout`: the
    /// caller would copy the whole solver for the call.
    ///
    /// Only teams within the slack (the group's cash now less the sum of each session's cheapest)
    /// can take part in a cheaper seating; none when there is no slack. Each session's options
    /// then hold its floor team (below floor + slack), so none is empty and the floors' sum is
    /// below the bound.
    func clusterOptions(_ order: [Int], cash: Int, near: [[Int]]) -> (options: [[ClusterOption]]?, work: Int) {
        let free = order.map { freeTrainers($0) }
        let floors = zip(order, free).map { clusterFloor($0, $1) }
        let scanned = free.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
        let slack = floors.contains(Int.max) ? 0 : cash - floors.reduce(0, +)
        guard slack > 0 else { return (nil, scanned) }
        let options = order.indices.map { clusterOptions(order[$0], free[$0], below: floors[$0] + slack, near: near[$0]) }
        return (options, scanned + options.reduce(0) { $0 + $1.count })
    }

    /// Whether every session of `order` is scheduled with its dependents' prerequisites holding.
    func allSeated(_ order: [Int]) -> Bool {
        order.allSatisfy { schedule.startOf[$0] >= 0 && schedule.dependentsBroken(after: $0).isEmpty }
    }

    /// Per language of session `s` (as `langs`), its qualified trainers who are free on the days
    /// of some start as the plan stands, cheapest first.
    func freeTrainers(_ s: Int) -> [[Int]] {
        let d = problem.demands[s]
        return d.langs.indices.map { li in d.trainersByLang[li].filter { t in d.starts.contains { trainerFree(t, for: s, at: $0) } } }
    }

    /// The least cash of session `s` with trainers from `free` (each language's cheapest team, at
    /// the region's cheapest venue); `Int.max` when no language has a team.
    func clusterFloor(_ s: Int, _ free: [[Int]]) -> Int {
        let d = problem.demands[s]
        let venue = clusterVenueCash(s)
        return free.filter { $0.count >= d.trainersNeeded }.map { d.cash(venue: venue, travel: d.travel(of: Array($0.prefix(d.trainersNeeded)))) }.min() ?? Int.max
    }

    /// The cash of session `s`'s cheapest venue (`DemandData.venues` is cheapest first; 0 online).
    func clusterVenueCash(_ s: Int) -> Int {
        let d = problem.demands[s]
        return d.venueBased ? d.venues.first.map { problem.venueCash(d, venue: $0) } ?? 0 : 0
    }

    /// Session `s`'s languages and trainer teams from `free` (`freeTrainers`) whose cash at the
    /// cheapest venue is below `limit`; cheapest first, then those sharing most trainers with
    /// `team` (the session's team now, so that the search tries small changes first), then in
    /// order of language and team.
    func clusterOptions(_ s: Int, _ free: [[Int]], below limit: Int, near team: [Int]) -> [ClusterOption] {
        let d = problem.demands[s]
        let venue = clusterVenueCash(s), base = d.cash(venue: venue, travel: 0)
        var out: [(option: ClusterOption, changed: Int, rank: Int)] = []
        for (li, trainers) in free.enumerated() {
            let travel = trainers.map { d.travelByTrainer[$0] }
            for positions in Solver.teams(of: travel, size: d.trainersNeeded, below: limit - base) {
                let members = positions.map { trainers[$0] }.sorted()
                let changed = members.filter { !team.contains($0) }.count
                out.append((ClusterOption(lang: d.langs[li], trainers: members, cash: base + d.travel(of: members)), changed, out.count))
            }
        }
        return out.sorted { ($0.option.cash, $0.changed, $0.rank) < ($1.option.cash, $1.changed, $1.rank) }.map(\.option)
    }

    /// Whether trainer `t` could teach demand `i` from `start`: not blocked, not busy, and (for a
    /// venue-based session) not in another region that week.
    func trainerFree(_ t: Int, for i: Int, at start: Int) -> Bool {
        let days = problem.demandDays[i]
        if Bits.any(problem.trainerBlocked, t * problem.blockedWords, start, days) { return false }
        return schedule.trainerFree(t, start: start, days: days, region: problem.demands[i].venueBased ? problem.demandRegion[i] : nil)
    }

    /// Every set of `size` positions of `travel` (ascending) whose travel sums below `limit`, in
    /// lexicographic order of positions.
    static func teams(of travel: [Int], size: Int, below limit: Int) -> [[Int]] {
        guard size > 0 else { return limit > 0 ? [[]] : [] }
        var out: [[Int]] = []
        var pick: [Int] = []
        func extend(_ from: Int, _ sum: Int) {
            if pick.count == size {
                out.append(pick)
                return
            }
            let left = size - pick.count
            for k in from..<travel.count where travel.count - k >= left {
                // Ascending travel: this and every later position's cheapest completion is dearer.
                if sum + travel[k..<(k + left)].reduce(0, +) >= limit { break }
                pick.append(k)
                extend(k + 1, sum + travel[k])
                pick.removeLast()
            }
        }
        extend(0, 0)
        return out
    }

    /// Seats the chosen options on `trial`: the unplaced session (its prerequisites in the cluster
    /// placed) with the fewest seats first, each of its seats in order of cash, then start. Records
    /// a complete seating below the bound as the best; returns whether one was found.
    func seatCluster(_ search: inout ClusterSearch, _ trial: inout Schedule, _ placed: inout [Assignment?], cash: Int) -> Bool {
        var pick = -1
        var pickSeats: [Assignment] = []
        for k in search.sessions.indices where placed[k] == nil && prerequisitesPlaced(search, k, placed) {
            guard let option = search.chosen[k] else { return false }
            let seats = clusterSeats(search.sessions[k], option, of: search.sessions, on: trial, below: search.bound - cash, fitsLeft: &search.fitsLeft)
            if seats.isEmpty { return false }
            if pick < 0 || seats.count < pickSeats.count { (pick, pickSeats) = (k, seats) }
        }
        if pick < 0 {
            guard !placed.contains(where: { $0 == nil }) else { return false }
            search.best = zip(search.sessions.indices, placed).compactMap { $1 }
            search.bound = cash
            return true
        }
        let s = search.sessions[pick]
        for a in pickSeats where cash + a.cash < search.bound && search.fitsLeft > 0 {
            trial.insert(s, a)
            placed[pick] = a
            let found = seatCluster(&search, &trial, &placed, cash: cash + a.cash)
            placed[pick] = nil
            trial.remove(s)
            if found { return true }
        }
        return false
    }

    /// Whether every prerequisite of cluster session `k` that is itself in the cluster is placed.
    func prerequisitesPlaced(_ search: ClusterSearch, _ k: Int, _ placed: [Assignment?]) -> Bool {
        let deps = problem.demands[search.sessions[k]].prerequisiteDemands.joined()
        return search.sessions.indices.allSatisfy { j in placed[j] != nil || !deps.contains(search.sessions[j]) }
    }

    /// Session `s`'s seats with `option` on `trial`: each start with its cheapest free venue that
    /// fits (every rule and the funding), cash below `limit`; cheapest first, then by start.
    func clusterSeats(_ s: Int, _ option: ClusterOption, of cluster: [Int], on trial: Schedule, below limit: Int, fitsLeft: inout Int) -> [Assignment] {
        let d = problem.demands[s]
        // Scheduled dependents outside the cluster keep their starts: the session must end before them.
        let latestEnd = d.dependents.filter { trial.startOf[$0] >= 0 && !cluster.contains($0) }.map { trial.startOf[$0] }.min() ?? Int.max
        var seats: [Assignment] = []
        for start in d.starts where fitsLeft > 0 && start + d.days <= latestEnd {
            for v in d.venueBased ? d.venues : [-1] {
                let cash = problem.sessionCash(d, venue: v, trainers: option.trainers)
                guard cash < limit else { continue }
                fitsLeft -= 1
                let a = Assignment(start: start, lang: option.lang, venue: v, trainers: option.trainers, cash: cash)
                if trial.fits(s, a) {
                    seats.append(a)
                    break
                }
            }
        }
        return seats.sorted { ($0.cash, $0.start) < ($1.cash, $1.start) }
    }
}
