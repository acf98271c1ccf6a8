/// Trainers and weeks by flow: the trainer-week flow of `polishTrainersByWeek` with every session
/// also offered the other weeks of its window.
///
/// At the plan's dates the cheapest trainer of a session is often away that week, or its week
/// is full; another week of the session's window may have it free. The flow takes, for each
/// session, a week and trainers at once: source → session (its trainer-days) → (session, week)
/// (its current week at no cost, another week at `weekMoveCost` per trainer-day) → (trainer,
/// week) (at travel per day) → trainer → organisation → sink. A week is offered where the
/// session has a start that its prerequisites allow and, for a session at a venue, where its
/// venue is free; a trainer there where it is free on the days of one of those starts. A session
/// whose flow splits between weeks or trainers is left as it is; the others are re-seated in
/// groups, each at a start of its new week where everything fits, and a group is kept only
/// when the plan is better.
extension Solver {
    /// A session's week in the network: the week (day / 7), its edge from the session, and the
    /// edge to each trainer's week.
    typealias WeekOption = (week: Int, edge: Int, trainers: [(trainer: Int, edge: Int)])

    /// Re-allocates trainers and weeks by the flow and re-seats each group of changed sessions
    /// that lowers cash. Returns whether any did.
    mutating func polishTrainersByMovingWeeks() -> Bool {
        let targets = movingWeekTargets()
        var weekOf: [Int: Int] = [:]  // session → its new week (lookups only, never iterated)
        for target in targets { weekOf[target.session] = target.week }
        var improved = false
        for group in groups(of: targets.map { ($0.session, $0.trainers) }, weeks: weekOf) where !pastPolishDeadline {
            if reseat(group, weeks: weekOf) { improved = true }
        }
        return improved
    }

    /// The sessions whose week or trainers the flow changes, in session order, with the trainers
    /// and week it gives them. Empty when the network would exceed `SolverTuning.movingWeekEdges`.
    func movingWeekTargets() -> [(session: Int, trainers: [Int], week: Int)] {
        var sessions = flowSessions(), out: [(session: Int, trainers: [Int], week: Int)] = []
        for _ in 0..<SolverTuning.flowSplitRounds {
            if pastPolishDeadline { return [] }
            guard var (net, options, needed) = movingWeekNetwork(sessions), net.solve(from: 0, to: 1) == needed else { return [] }
            var split: [Int] = []
            out = []
            for (k, s) in sessions.enumerated() {
                guard let a = schedule.assignment[s] else { continue }
                let days = problem.demandDays[s]
                let whole = options[k].first { net.flow(on: $0.edge) == days * a.trainers.count }
                let trainers = whole?.trainers.filter { net.flow(on: $0.edge) == days }.map(\.trainer).sorted() ?? []
                guard let o = whole, trainers.count == a.trainers.count else {
                    split.append(s)
                    continue
                }
                if o.week != a.start / 7 || trainers != a.trainers { out.append((s, trainers, o.week)) }
            }
            if split.isEmpty { break }
            sessions.removeAll(where: split.contains)  // kept as they are, as in `trainerTargets`
        }
        return out
    }

    /// The network of `sessions` described above, with each session's weeks; nil when it would
    /// have more than `SolverTuning.movingWeekEdges` trainer edges.
    func movingWeekNetwork(_ sessions: [Int]) -> (MinCostFlow, [[WeekOption]], Int)? {
        let fixed = fixedTrainerWeeks(excluding: sessions)
        var reach: [[(week: Int, trainers: [Int])]] = []
        var edges = 0
        for s in sessions {
            reach.append(weekChoices(s, fixed: fixed))
            edges += reach[reach.count - 1].reduce(0) { $0 + $1.trainers.count }
            if edges > SolverTuning.movingWeekEdges { return nil }
        }
        var weekNode: [Int: Int] = [:]  // trainer-week key → its node's rank (never iterated)
        var weekKeys: [Int] = []
        for choices in reach {
            for (week, trainers) in choices {
                for t in trainers where weekNode[t * Solver.weekKeyScale + week] == nil {
                    weekNode[t * Solver.weekKeyScale + week] = weekKeys.count
                    weekKeys.append(t * Solver.weekKeyScale + week)
                }
            }
        }
        let optionBase = 2 + sessions.count, optionCount = reach.reduce(0) { $0 + $1.count }
        let weekBase = optionBase + optionCount, trainerNode = weekBase + weekKeys.count
        let orgNode = trainerNode + problem.trainers.count
        var net = MinCostFlow(nodes: orgNode + problem.orgs.count)
        var options: [[WeekOption]] = []
        var needed = 0, node = optionBase
        for (k, s) in sessions.enumerated() {
            guard let a = schedule.assignment[s] else {
                options.append([])
                continue
            }
            let days = problem.demandDays[s], units = days * a.trainers.count
            needed += units
            net.addEdge(from: 0, to: 2 + k, capacity: units, cost: 0)
            var mine: [WeekOption] = []
            for (week, trainers) in reach[k] {
                let e = net.addEdge(from: 2 + k, to: node, capacity: units, cost: week == a.start / 7 ? 0 : Solver.weekMoveCost)
                let edges = trainers.map { t in
                    (t, net.addEdge(from: node, to: weekBase + weekNode[t * Solver.weekKeyScale + week, default: 0], capacity: days, cost: dayCost(s, t, a)))
                }
                mine.append((week, e, edges))
                node += 1
            }
            options.append(mine)
        }
        for (rank, key) in weekKeys.enumerated() {
            let left = Solver.weekDays - (fixed.days[key] ?? 0)
            net.addEdge(from: weekBase + rank, to: trainerNode + key / Solver.weekKeyScale, capacity: max(0, left), cost: 0)
        }
        addStaffingEdges(&net, trainerNode: trainerNode, orgNode: orgNode, needed: needed, sessions: sessions)
        return (net, options, needed)
    }

    /// Cost of a trainer-day in a week other than its session's: a tie-break, so that of equally
    /// cheap allocations the flow keeps sessions at their weeks.
    static let weekMoveCost = 1

    /// Session `s`'s weeks for the flow, each with the qualified trainers it may have there: its
    /// own week (its trainers, and those free on its days as in `trainerWeekNetwork`), then, in
    /// order, each other week with a start that its prerequisites allow, its venue free on its
    /// days, and as many trainers as it needs free on the days of one of those starts.
    func weekChoices(_ s: Int, fixed: (days: [Int: Int], region: [Int: Int])) -> [(week: Int, trainers: [Int])] {
        let d = problem.demands[s], days = problem.demandDays[s]
        guard let a = schedule.assignment[s], let li = d.langs.firstIndex(of: a.lang) else { return [] }
        let qualified = d.trainersByLang[li], home = a.start / 7, lo = schedule.prerequisiteStart(s) ?? 0
        var out = [(week: home, trainers: qualified.filter { a.trainers.contains($0) || freeWeek($0, for: s, at: a.start, fixed: fixed) })]
        var week = -1, starts: [Int] = []
        func close() {
            guard week >= 0, week != home, !starts.isEmpty else { return }
            let free = qualified.filter { t in starts.contains { freeWeek(t, for: s, at: $0, fixed: fixed) } }
            if free.count >= a.trainers.count { out.append((week, free)) }
        }
        for start in d.starts where start >= lo && (!d.venueBased || schedule.venueFree(a.venue, start: start, days: days)) {
            if start / 7 != week {
                close()
                week = start / 7
                starts = []
            }
            starts.append(start)
        }
        close()
        return out
    }
}
