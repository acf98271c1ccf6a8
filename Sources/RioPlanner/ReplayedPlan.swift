/// A finished assignment replayed into schedules, built once per plan.
///
/// The plan builder allocates funding on `current`'s network and the explainer asks both
/// schedules why each left-out demand is out, so neither rebuilds them.
struct ReplayedPlan {
    /// Every session of the assignment.
    let current: Schedule
    /// Only the pinned sessions: the least a left-out demand competes with.
    let pinsOnly: Schedule

    /// Inserts the sessions of `assignment` in (start, demand) order, so that prerequisites are
    /// in place first.
    ///
    /// - Complexity: O(sessions × 2^sources) for the funding network (see `Funding`).
    init(_ problem: Problem, _ assignment: [Assignment?]) {
        var current = Schedule(problem: problem)
        let order = assignment.indices.filter { assignment[$0] != nil }.sorted { (assignment[$0]?.start ?? 0, $0) < (assignment[$1]?.start ?? 0, $1) }
        for i in order { if let a = assignment[i] { current.insert(i, a) } }
        var pinsOnly = Schedule(problem: problem)
        for i in order where problem.demands[i].pinned { if let a = assignment[i] { pinsOnly.insert(i, a) } }
        self.current = current
        self.pinsOnly = pinsOnly
    }
}
