/// Whole trainers, dates aside: an allocation of the plan's trainer-days by the trainer flow in
/// which every trainer teaches all the days of each session it takes.
///
/// The flow of `trainerNetwork` may give a trainer two of a session's three days and a colleague
/// the third. Where the trainers' or organisations' day limits bind (a trainer at 58 of 60 days,
/// say), its cheapest allocation is often split like that, and rounding it (`trainerTargets`'s
/// trainers of most flow) breaks a limit, so the group it changes cannot be seated. Here the flow
/// is solved again with each session it splits fixed at the plan's trainers, until no session is
/// split: an allocation
/// that keeps every limit, at the cost of the exchanges that ran through the split sessions.
///
/// Neither rounding is better on every plan, so the members of a portfolio use one each
/// (`Solver.wholeTrainerFlow`). A branch and bound on the splits (force the trainer onto all the
/// session's days, or keep it out) was tried: on 200-demand plans with binding limits it still
/// had more than 40 branches open after 3,000 flows (12 s).
struct TrainerChoice {
    /// Per session (its rank in the flow's sessions), the trainers fixed on all its days.
    var forced: [Int: [Int]] = [:]
    /// Trainers kept off sessions, as `key`s (a session's own trainers stay allowed).
    var forbidden: Set<Int> = []

    /// The key of trainer `t` on session `s` in `forbidden`, among `trainers` trainers.
    static func key(_ s: Int, _ t: Int, trainers: Int) -> Int { s * trainers + t }
}

extension Solver {
    /// The sessions whose trainers the whole allocation changes, in session order, with the
    /// trainers it gives them; none when no flow staffs every session within
    /// `SolverTuning.flowSplitRounds` flows.
    func wholeTrainerTargets(forbidden: Set<Int> = []) -> [(session: Int, trainers: [Int])] {
        let sessions = flowSessions()
        var choice = TrainerChoice(forbidden: forbidden)
        for _ in 0..<SolverTuning.flowSplitRounds {
            // Out of polishing time, nothing would be re-seated anyway.
            guard !pastPolishDeadline, let (splits, whole) = relaxedTrainers(sessions, choice) else { return [] }
            if splits.isEmpty {
                return zip(sessions, whole).filter { s, trainers in trainers != schedule.assignment[s]?.trainers }.map { ($0, $1) }
            }
            for k in splits { choice.forced[k] = schedule.assignment[sessions[k]]?.trainers ?? [] }
        }
        return []
    }

    /// The trainer flow of `sessions` under `choice`: the sessions it splits (by rank) and each
    /// session's trainers (fixed, then those the flow gives all its days). Nil when no flow
    /// staffs every session.
    func relaxedTrainers(_ sessions: [Int], _ choice: TrainerChoice) -> (splits: [Int], trainers: [[Int]])? {
        guard let (network, slots, needed) = trainerNetwork(sessions, choice: choice) else { return nil }
        var net = network
        guard net.solve(from: 0, to: 1) == needed else { return nil }
        var splits: [Int] = []
        var trainers: [[Int]] = []
        for (k, s) in sessions.enumerated() {
            let days = problem.demandDays[s]
            var mine = choice.forced[k] ?? []
            for (t, e) in slots[k] {
                let f = net.flow(on: e)
                if f == days { mine.append(t) } else if f > 0 && splits.last != k { splits.append(k) }
            }
            trainers.append(mine.sorted())
        }
        return (splits, trainers)
    }
}
