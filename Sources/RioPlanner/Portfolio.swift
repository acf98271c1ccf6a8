import Dispatch
import Foundation

/// Several searches of one problem run side by side and sharing their best plan.
///
/// Each member is its own `Solver` with its own seed (member 0 the run's seed, the others
/// derived from it by `memberSeed`), so members share nothing while they run. They meet at the
/// end of each epoch: every member whose best has less value than the portfolio's best adopts it
/// (ties go to the lowest member index; a member as good but for cash keeps its own, `adopts`),
/// and the portfolio decides whether to stop early.
///
/// With an iteration budget the portfolio has `SolverTuning.portfolioMembers` members whatever
/// the thread count, each making the whole budget of steps in epochs of
/// `SolverTuning.epochSteps`; what a member does in an epoch depends only on its state at the
/// epoch's start, so the plan is the same on 1 thread (members in turn) or many. With a time
/// limit there is one member per thread and epochs of `SolverTuning.epochSeconds`.
public struct Portfolio {
    let problem: Problem
    let options: SolverOptions
    /// Threads to run the members on (at least 1).
    let threads: Int

    public init(problem: Problem, options: SolverOptions, threads: Int) {
        self.problem = problem
        self.options = options
        self.threads = max(1, threads)
    }

    /// One member's solver, touched by one thread at a time (epochs hand it between threads only
    /// through `DispatchQueue.concurrentPerform`, which waits for all of them).
    final class Member: @unchecked Sendable {
        var solver: Solver
        /// The pins that cannot all hold, found by `Solver.begin()`.
        var conflicts: [String] = []
        /// The member's polished plan, set by `finish`.
        var result: SolverResult?
        init(_ solver: Solver) { self.solver = solver }
    }

    /// The seed of member `k`: the run's seed for member 0, a SplitMix64 draw of it for others.
    static func memberSeed(_ seed: UInt64, _ k: Int) -> UInt64 {
        guard k > 0 else { return seed }
        var g = SeededGenerator(seed: seed ^ (UInt64(k) &* 0xD1B5_4A32_D192_ED03))
        return g.next()
    }

    /// Runs the portfolio and returns the best plan found (with the steps of all members).
    public func solve() -> SolverResult {
        let started = ContinuousClock.now
        let count = options.iterations == nil ? threads : SolverTuning.portfolioMembers
        let bound = ValueBound(problem: problem).value()
        let members = (0..<count).map { k in
            var o = options
            o.seed = Portfolio.memberSeed(options.seed, k)
            o.progress = nil
            var solver = Solver(problem: problem, options: o, bound: bound)
            solver.wholeTrainerFlow = k % 2 == 1
            return Member(solver)
        }
        run(members) { k in members[k].conflicts = members[k].solver.begin() }
        if !members[0].conflicts.isEmpty { return members[0].solver.conflictResult(members[0].conflicts, started: started) }
        var meeting = Meeting(score: members[0].solver.search.score)
        while true {
            let stop = epoch(members, started: started, meeting: meeting)
            meeting = meet(members, meeting)
            if let p = options.progress, options.iterations == nil { p(members[meeting.leader].solver.progress(elapsed: Solver.seconds(since: started))) }
            if stop || members[meeting.leader].solver.provenOptimal(staleSteps: meeting.staleSteps) { break }
        }
        var result = finish(members, started: started)
        result.iterations = members.reduce(0) { $0 + $1.solver.search.iteration }
        return result
    }

    /// Every member polishes its best plan (all hold the best value after the last meeting) in its
    /// own way (`Solver.wholeTrainerFlow`), side by side; the best result wins, ties by lowest
    /// index.
    func finish(_ members: [Member], started: ContinuousClock.Instant) -> SolverResult {
        run(members) { k in members[k].result = members[k].solver.finish(started: started) }
        let results = members.compactMap(\.result)
        let scores = results.map { SearchScore(value: $0.value, kept: $0.kept, cash: $0.cash) }
        var best = 0
        for k in results.indices where scores[best] < scores[k] { best = k }
        return results[best]
    }

    /// What the members agreed at their last meeting.
    struct Meeting {
        /// The member holding the best plan.
        var leader = 0
        var score: SearchScore
        /// Steps made by all members since the best plan last improved.
        var staleSteps = 0
        /// Epochs run so far.
        var epochs = 0
        /// Steps made by all members at the last meeting.
        var steps = 0
    }

    /// Runs one epoch of every member; returns whether the budget is spent.
    func epoch(_ members: [Member], started: ContinuousClock.Instant, meeting: Meeting) -> Bool {
        if let limit = options.iterations {
            let target = min(limit, (meeting.epochs + 1) * SolverTuning.epochSteps)
            run(members) { k in members[k].solver.advance(iterations: limit, upTo: target, stopWhenProven: false) }
            return target >= limit || members.allSatisfy { $0.solver.search.done }
        }
        let polishSeconds = members.reduce(0) { max($0, $1.solver.search.polishSeconds) }
        let end = members[0].solver.searchEnd(started + .seconds(options.timeLimit), polishSeconds: polishSeconds)
        let deadline = min(end, ContinuousClock.now + .seconds(SolverTuning.epochSeconds))
        let limit = options.timeLimit
        run(members) { k in
            members[k].solver.search.polishDeadline = end
            members[k].solver.search.settled = members[k].solver.valueStandsStill(started + .seconds(limit), from: SolverTuning.deepPolishFromShare)
            members[k].solver.advance(timeLimit: limit, started: started, until: deadline, stopWhenProven: false)
        }
        return ContinuousClock.now >= end || members.allSatisfy { $0.solver.search.done }
    }

    /// The meeting after an epoch: the best member (ties by lowest index) leads, the others adopt
    /// its plan when theirs is worth less (`adopts`).
    func meet(_ members: [Member], _ last: Meeting) -> Meeting {
        var next = last
        next.epochs += 1
        next.leader = 0
        for k in members.indices where members[next.leader].solver.search.score < members[k].solver.search.score { next.leader = k }
        let lead = members[next.leader].solver.search
        let steps = members.reduce(0) { $0 + $1.solver.search.iteration }
        next.staleSteps = last.score < lead.score ? 0 : last.staleSteps + steps - last.steps
        next.score = lead.score
        next.steps = steps
        for k in members.indices where k != next.leader && Portfolio.adopts(members[k].solver.search.score, lead.score) {
            members[k].solver.adopt(lead.best, score: lead.score)
        }
        return next
    }

    /// Whether a member whose best scores `own` takes the leader's plan, scoring `lead`: when it
    /// has less value or keeps fewer baseline sessions. A member as good but for cash keeps its
    /// own plan, so the members polish two plans of the best value rather than one: a plan may
    /// sit where no polish lowers its cash (on src40-v101, a 10 s plan 50 above the optimum,
    /// whose cheaper neighbour changes nine sessions at once) while the other member's does not.
    /// On src40-v101 and src40-v103 (10 s, seeds 1-24, two runs): 41 and 40 of 48 runs at
    /// CP-SAT's optimal cash, 650 above in all each time, against 38 and 1,100 adopting every
    /// cheaper plan the same day.
    static func adopts(_ own: SearchScore, _ lead: SearchScore) -> Bool {
        (own.value, own.kept) < (lead.value, lead.kept)
    }

    /// Runs `work` for every member index, on up to `threads` threads (member k on thread k mod
    /// threads, members of one thread in index order); returns when all are done.
    func run(_ members: [Member], _ work: @Sendable (Int) -> Void) {
        let width = min(threads, members.count)
        if width <= 1 {
            for k in members.indices { work(k) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: width) { t in
            for k in stride(from: t, to: members.count, by: width) { work(k) }
        }
    }
}
