import Foundation

extension Solver {
    /// What one step has taken out of the schedule and which demands it means to put in first.
    struct StepLog {
        /// Sessions removed, in removal order (undone in reverse).
        var removed: [(Int, Assignment)] = []
        /// Demands the move is for: tried before the general repair.
        var targets: [Int] = []
    }

    /// The scheduled and unscheduled movable demands at the start of a step.
    struct StepPools {
        let scheduled: [Int]
        let unscheduled: [Int]
        /// How many sessions the random-drop and neighbour moves drop (1 or more).
        let k: Int
    }

    /// One destroy-and-repair step with annealing acceptance (undone when rejected).
    ///
    /// Picks one neighbourhood by a uniform draw (bounds in `SolverTuning`), lets it drop
    /// sessions, repairs greedily and keeps the result or undoes it. The order of random draws
    /// is part of the result: with a fixed seed and budget the same plan comes out every run.
    ///
    /// - Complexity: O(movable log movable) for the pools and the repair order, plus up to
    ///   `SolverTuning.maxRepairTries` calls of `Schedule.cheapest`.
    mutating func step(movable: [Int], temperature: Double) {
        let valueBefore = schedule.value, cashBefore = schedule.cash, keptBefore = schedule.kept
        let scheduled = movable.filter { schedule.startOf[$0] >= 0 }
        let pools = StepPools(
            scheduled: scheduled, unscheduled: movable.filter { schedule.startOf[$0] < 0 },
            k: 1 + rng.below(min(SolverTuning.maxDropped, max(1, scheduled.count / SolverTuning.scheduledPerDrop + 1))))
        var log = StepLog()
        let move = rng.unit()
        let moved: Bool
        if !pools.unscheduled.isEmpty && move < SolverTuning.swapBelow {
            moved = swapForUnscheduled(pools, &log)
        } else if !pools.unscheduled.isEmpty && move < SolverTuning.makeRoomBelow {
            makeRoomForUnscheduled(pools, &log)
            moved = true
        } else if !pools.scheduled.isEmpty && move < SolverTuning.cheaperTrainersBelow {
            moved = freeCheaperTrainers(pools, &log)
        } else if !pools.scheduled.isEmpty && move < SolverTuning.reseatNeighboursBelow {
            moved = reseatNeighbours(pools, &log)
        } else if !pools.unscheduled.isEmpty && move < SolverTuning.openChainBelow {
            moved = openPrerequisiteChain(pools, &log)
        } else if !pools.unscheduled.isEmpty && !pools.scheduled.isEmpty && move < SolverTuning.freeTeamBelow {
            moved = freeTeamFor(pools, &log)
        } else if !pools.scheduled.isEmpty && move < SolverTuning.dropLowRatioBelow {
            dropLowRatioSessions(pools, &log)
            moved = true
        } else {
            dropRandomSessions(pools, &log)
            moved = true
        }
        guard moved else { return }
        let inserted = repair(movable: movable, targets: log.targets)
        let delta = (value: schedule.value - valueBefore, kept: schedule.kept - keptBefore, cash: schedule.cash - cashBefore)
        if accepts(delta, temperature: temperature) { return }
        for i in inserted.reversed() { schedule.remove(i) }
        for (i, a) in log.removed.reversed() { schedule.insert(i, a) }
    }

    /// Removes demand `i`'s session (unless pinned or unscheduled) and, recursively, every
    /// session that loses a prerequisite by it, recording each in `log`.
    mutating func drop(_ i: Int, _ log: inout StepLog) {
        guard !problem.demandPinned[i], let a = schedule.remove(i) else { return }
        log.removed.append((i, a))
        for j in schedule.dependentsBroken(after: i) { drop(j, &log) }
    }

    /// Greedy repair: the move's targets first, then the unscheduled demands in a noisy
    /// value-per-cash order, at most `SolverTuning.maxRepairTries` of those whose money and
    /// starts could admit them. Returns the demands inserted, in order.
    ///
    /// - Complexity: O(movable log movable) to order, plus one `Schedule.cheapest` per try.
    mutating func repair(movable: [Int], targets: [Int]) -> [Int] {
        var inserted: [Int] = []
        for t in targets where schedule.startOf[t] < 0 { if tryInsert(t) { inserted.append(t) } }
        var cands = movable.filter { schedule.startOf[$0] < 0 }
        var keys: [Double] = []
        keys.reserveCapacity(cands.count)
        for i in cands { keys.append(ratio[i] * (SolverTuning.repairNoiseLow + SolverTuning.repairNoiseWidth * rng.unit())) }
        let idx = cands.indices.sorted { (keys[$0], -cands[$0]) > (keys[$1], -cands[$1]) }
        cands = idx.map { cands[$0] }
        var tries = 0
        for i in cands {
            if !hasStarts[i] || !schedule.funding.canAdd(problem.demandMinCash[i], to: problem.demandPattern[i]) { continue }
            tries += 1
            if tries > SolverTuning.maxRepairTries { break }
            if tryInsert(i) { inserted.append(i) }
        }
        return inserted
    }

    /// Simulated-annealing acceptance of a step's change in value, kept sessions and cash.
    ///
    /// Better plans (value, then kept baseline sessions, then lower cash) are always kept; worse
    /// ones with probability `exp(-loss / temperature)`, where cash losses are measured on the
    /// scale `cashTemperature`.
    mutating func accepts(_ delta: (value: Int, kept: Int, cash: Int), temperature: Double) -> Bool {
        let dv = delta.value, dk = delta.kept, dc = delta.cash
        if dv > 0 || (dv == 0 && (dk > 0 || (dk == 0 && dc <= 0))) { return true }
        if dv == 0 && dk < 0 && rng.unit() < exp(Double(dk) / temperature) { return true }
        if dv < 0 && rng.unit() < exp(Double(dv) / temperature) { return true }
        if dv == 0 && dk == 0 && rng.unit() < exp(-Double(dc) / (cashTemperature * temperature)) { return true }
        return false
    }
}
