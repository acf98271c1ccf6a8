/// Trainers by flow at the plan's dates: the same re-allocation as `polishTrainersByFlow`, with
/// every session kept at its dates and each trainer's weeks as a layer of the network.
///
/// The date-free flow finds the least travel for the plan's sessions, but its trainers are often
/// busy at the sessions' dates: another of their sessions that week, a session in another region
/// that week (the travel rule), and the group it changes then cannot be seated. Of the many
/// allocations of equal travel, the flow by weeks takes one that fits the dates: a session only
/// reaches a trainer's week when the trainer is free on its days, and a week holds at most five
/// working days. Two rules stay outside the flow (two sessions of one trainer on overlapping days
/// of one week, and in two regions of one week); `reseat` checks them, so such a group is moved
/// to other dates or undone.
extension Solver {
    /// Working days in one ISO week: what one trainer's week can hold.
    static let weekDays = 5

    /// Re-allocates trainers by the flow at the plan's dates and re-seats each group of changed
    /// sessions that lowers cash. Returns whether any did.
    mutating func polishTrainersByWeek() -> Bool {
        var improved = false
        for group in groups(of: trainerTargets(atDates: true)) where !pastPolishDeadline && reseat(group) { improved = true }
        return improved
    }

    /// The trainer-week network of `sessions`: source (node 0) → session (its trainer-days) →
    /// (qualified trainer, the session's week) (at most the session's days, at travel per day) →
    /// trainer (the week's working days left by the sessions that stay) → organisation → sink
    /// (node 1), as in `trainerNetwork`. A session reaches a trainer's week only where the
    /// trainer is free on its days and, for a session at a venue, not at a venue of another
    /// region that week by a session that stays. Returns it with each session's trainer edges
    /// and the flow that staffs every session.
    func trainerWeekNetwork(_ sessions: [Int]) -> (MinCostFlow, [[(trainer: Int, edge: Int)]], Int) {
        let fixed = fixedTrainerWeeks(excluding: sessions)
        var weekNode: [Int: Int] = [:]  // trainer-week key → its node's rank (never iterated)
        var weekKeys: [Int] = []
        var reach: [[(trainer: Int, key: Int)]] = []
        for s in sessions {
            guard let a = schedule.assignment[s], let li = problem.demands[s].langs.firstIndex(of: a.lang) else {
                reach.append([])
                continue
            }
            let d = problem.demands[s]
            var mine: [(trainer: Int, key: Int)] = []
            for t in d.trainersByLang[li] where a.trainers.contains(t) || freeWeek(t, for: s, at: a.start, fixed: fixed) {
                let key = trainerWeekKey(t, a.start)
                if weekNode[key] == nil {
                    weekNode[key] = weekKeys.count
                    weekKeys.append(key)
                }
                mine.append((t, key))
            }
            reach.append(mine)
        }
        let weekBase = 2 + sessions.count, trainerNode = weekBase + weekKeys.count
        let orgNode = trainerNode + problem.trainers.count
        var net = MinCostFlow(nodes: orgNode + problem.orgs.count)
        var slots: [[(trainer: Int, edge: Int)]] = []
        var needed = 0
        for (k, s) in sessions.enumerated() {
            guard let a = schedule.assignment[s] else {
                slots.append([])
                continue
            }
            let days = problem.demandDays[s]
            needed += days * a.trainers.count
            net.addEdge(from: 0, to: 2 + k, capacity: days * a.trainers.count, cost: 0)
            slots.append(
                reach[k].map { t, key in
                    let e = net.addEdge(from: 2 + k, to: weekBase + weekNode[key, default: 0], capacity: days, cost: dayCost(s, t, a))
                    return (t, e)
                })
        }
        for (rank, key) in weekKeys.enumerated() {
            let left = Solver.weekDays - (fixed.days[key] ?? 0)
            net.addEdge(from: weekBase + rank, to: trainerNode + key / Solver.weekKeyScale, capacity: max(0, left), cost: 0)
        }
        addStaffingEdges(&net, trainerNode: trainerNode, orgNode: orgNode, needed: needed, sessions: sessions)
        return (net, slots, needed)
    }

    /// Room for the week numbers of a horizon in a trainer-week key.
    static let weekKeyScale = 1 << 20

    /// The key of trainer `t`'s week holding day `day`.
    func trainerWeekKey(_ t: Int, _ day: Int) -> Int { t * Solver.weekKeyScale + day / 7 }

    /// The trainer-weeks taken by the scheduled sessions not in `sessions`: days per key, and the
    /// region of a venue-based session there (-1 when the week has sessions of two regions).
    func fixedTrainerWeeks(excluding sessions: [Int]) -> (days: [Int: Int], region: [Int: Int]) {
        var inFlow = [Bool](repeating: false, count: problem.demands.count)
        for s in sessions { inFlow[s] = true }
        var days: [Int: Int] = [:], region: [Int: Int] = [:]
        for i in problem.demands.indices where !inFlow[i] {
            guard let a = schedule.assignment[i] else { continue }
            for t in a.trainers {
                let key = trainerWeekKey(t, a.start)
                days[key, default: 0] += problem.demandDays[i]
                if problem.demands[i].venueBased {
                    let r = problem.demandRegion[i]
                    region[key] = region[key].map { $0 == r ? r : -1 } ?? r
                }
            }
        }
        return (days, region)
    }

    /// Whether trainer `t` may take session `s` at `start` as far as the flow can tell: free
    /// (not blocked) on its days, room left in the week by the sessions that stay, and, for a
    /// session at a venue, no staying session at a venue of another region that week.
    func freeWeek(_ t: Int, for s: Int, at start: Int, fixed: (days: [Int: Int], region: [Int: Int])) -> Bool {
        let days = problem.demandDays[s]
        guard !Bits.any(problem.trainerBlocked, t * problem.blockedWords, start, days) else { return false }
        let key = trainerWeekKey(t, start)
        guard (fixed.days[key] ?? 0) + days <= Solver.weekDays else { return false }
        guard problem.demands[s].venueBased, let r = fixed.region[key] else { return true }
        return r == problem.demandRegion[s]
    }
}
