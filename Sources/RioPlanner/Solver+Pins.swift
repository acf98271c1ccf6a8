import RioModel

extension Solver {
    /// Places the pinned sessions so that all hold together, or names the pins that conflict.
    ///
    /// Pins are few, so this is a depth-first search over each pin's options (language, venue,
    /// trainers; cheapest first) with backtracking, bounded by a node budget. When no joint
    /// placement exists, a greedy pass names the first pin that cannot be placed and why.
    mutating func placePins() -> [String] {
        if !problem.pinConflicts.isEmpty { return problem.pinConflicts }
        let pinned = problem.demands.filter(\.pinned).sorted { ($0.starts.first ?? 0, $0.index) < ($1.starts.first ?? 0, $1.index) }
        guard !pinned.isEmpty else { return [] }
        for d in pinned { placePrerequisites(of: d) }
        var budget = SolverTuning.pinNodeBudget
        if placePin(pinned.map(\.index), 0, &budget) { return [] }
        // No joint placement: report the first pin the greedy order cannot place.
        var conflicts: [String] = []
        for d in pinned {
            let i = d.index
            var b = Schedule.Blockers()
            guard let a = schedule.cheapest(i, blockers: &b) else {
                conflicts.append("\(d.id): " + Explainer.pinProblem(problem, schedule, i, b))
                continue
            }
            guard schedule.funding.canAdd(a.cash, to: d.pattern) else {
                conflicts.append(
                    "\(d.id): its cash \(Money.text(a.cash)) exceeds what its eligible sources have left (\(Money.text(schedule.funding.headroom(d.pattern))))")
                continue
            }
            schedule.insert(i, a)
        }
        if conflicts.isEmpty {
            conflicts.append("the pins \(pinned.map(\.id).joined(separator: ", ")) compete for the same trainers, venues or money and cannot all hold together")
        }
        return conflicts
    }

    /// Schedules a session of each missing prerequisite of pinned demand `d` before its pinned start.
    mutating func placePrerequisites(of d: DemandData) {
        guard schedule.prerequisiteStart(d.index) == nil, let s = d.starts.first else { return }
        for group in d.prerequisiteDemands where !group.contains(where: { schedule.assignment[$0] != nil }) {
            for j in group where !problem.demandPinned[j] {
                if let a = schedule.cheapest(j, latestStart: s - problem.demandDays[j]),
                    schedule.funding.canAdd(a.cash, to: problem.demandPattern[j])
                {
                    schedule.insert(j, a)
                    break
                }
            }
        }
    }

    mutating func placePin(_ pins: [Int], _ k: Int, _ budget: inout Int) -> Bool {
        if k == pins.count { return true }
        let i = pins[k]
        for a in pinOptions(i) {
            budget -= 1
            if budget < 0 { return false }
            guard schedule.fits(i, a) else { continue }
            schedule.insert(i, a)
            if placePin(pins, k + 1, &budget) { return true }
            schedule.remove(i)
        }
        return false
    }

    /// Every way to hold pinned demand `i` (its start is fixed), cheapest first.
    func pinOptions(_ i: Int) -> [Assignment] {
        let d = problem.demands[i]
        guard let s = d.starts.first else { return [] }
        let venues = d.venueBased ? d.venues : [-1]
        var out: [Assignment] = []
        for (li, lang) in d.langs.enumerated() {
            var combos: [[Int]] = []
            func choose(_ from: Int, _ picked: [Int]) {
                if combos.count >= SolverTuning.maxPinTrainerCombinations { return }
                if picked.count == d.trainersNeeded { combos.append(picked.sorted()); return }
                let list = d.trainersByLang[li]
                guard from < list.count else { return }
                for x in from..<list.count { choose(x + 1, picked + [list[x]]) }
            }
            choose(0, [])
            for v in venues {
                for c in combos {
                    let cash = problem.sessionCash(d, venue: v, trainers: c)
                    out.append(Assignment(start: s, lang: lang, venue: v, trainers: c, cash: cash))
                }
            }
        }
        return out.sorted { a, b in
            if (a.cash, a.venue, a.lang) != (b.cash, b.venue, b.lang) { return (a.cash, a.venue, a.lang) < (b.cash, b.venue, b.lang) }
            return a.trainers.lexicographicallyPrecedes(b.trainers)
        }
    }
}
