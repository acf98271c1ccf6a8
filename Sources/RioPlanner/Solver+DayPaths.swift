/// Day paths: the long trainer-day chains that the chain clusters (`polishTrainerClusters`,
/// three sessions deep, every branch) and the seed chains (four sessions beyond a flow group)
/// do not reach, found by a narrow search along the cheapest links and re-solved exactly by
/// `Solver.resolveCluster` (`Solver+Clusters.swift`).
///
/// On src40-v101 and src40-v103 most 10 s plans above CP-SAT's optimum give d-0016 t-014 where
/// t-033 travels 450 less. t-033 has no days left: the cheaper plan (CP-SAT, `neighbourhood.py`)
/// changes ten sessions. t-033 sheds two sessions to t-027, who sheds two to t-010, who sheds one
/// to t-003, who sheds one to t-028, who sheds two to t-016, who has the days. t-010 ends a day
/// up, and its organisation is at its cap: d-0158 passes a day of t-019 (the same organisation)
/// to t-001 of another. Several of them move to other dates. Those ten re-solved exactly find it
/// (about 30,000 nodes of the trainer search); no other polish builds that set.

/// A day path as it grows: the cluster's sessions (the costly session first), the trainers on
/// it (none comes back), and the travel its links add.
struct DayPath {
    var sessions: [Int]
    var trainers: [Int]
    var cost: Int
    /// Days each trainer and each organisation gains along the path (lookups and a walk in key
    /// order only): the costly session's trainer who leaves it gains a negative number.
    var dayGain: [Int: Int] = [:]
    var orgGain: [Int: Int] = [:]
}

extension DayPath {
    /// Whether `p` comes before `q` among paths to re-solve: less travel, fewer sessions, then
    /// its sessions in order.
    static func cheaper(_ p: DayPath, _ q: DayPath) -> Bool {
        (p.cost, p.sessions.count) != (q.cost, q.sessions.count)
            ? (p.cost, p.sessions.count) < (q.cost, q.sessions.count) : p.sessions.lexicographicallyPrecedes(q.sessions)
    }

    /// Records `days` passing from trainer `x` (of organisation `from`) to trainer `y` (of `to`).
    mutating func move(_ days: Int, from x: Int, _ from: Int, to y: Int, _ to: Int) {
        dayGain[x, default: 0] -= days
        dayGain[y, default: 0] += days
        guard from != to else { return }
        orgGain[from, default: 0] -= days
        orgGain[to, default: 0] += days
    }
}

/// One link of a day path: a trainer's sessions that one colleague takes, their days, and the
/// travel that adds.
struct DayPathLink {
    let colleague: Int
    let sessions: [Int]
    let days: Int
    let cost: Int
}

extension Solver {
    /// For each session that costs more than its cheapest (dearest first) and each cheaper
    /// colleague `t` of its trainers who is out of days, the day paths from `t` (`dayPaths`),
    /// cheapest first, each re-solved exactly with `SolverTuning.dayPathNodes` nodes. Only in the
    /// final polish's mode (`SearchState.finishing`, which the search's deep polishes use too); at
    /// most `SolverTuning.clusterWork` work. Returns whether cash fell (at the first cluster that
    /// lowers it).
    mutating func polishDayPaths() -> Bool {
        guard search.finishing else { return false }
        var work = SolverTuning.clusterWork
        var tried = Set<[Int]>()
        let byTrainer = sessionsByTrainer()
        let costly = costlySessions()
            .sorted { (problem.demandMinCash[$0] - schedule.cashOf[$0], $0) < (problem.demandMinCash[$1] - schedule.cashOf[$1], $1) }
        for c in costly where work > 0 && !pastPolishDeadline {
            guard let a = schedule.assignment[c] else { continue }
            let travel = problem.demands[c].travelByTrainer
            let dearest = a.trainers.map { travel[$0] }.max() ?? 0
            let leaving = a.trainers.first { travel[$0] == dearest } ?? -1
            for t in wantedTrainers(c, cheaperThan: dearest) where work > 0 && leaving >= 0 {
                let need = problem.demandDays[c] - ownDaysLeft(t)
                guard need > 0 else { continue }
                var found: [DayPath] = []
                var start = DayPath(sessions: [c], trainers: [t], cost: 0)
                start.move(problem.demandDays[c], from: leaving, problem.trainerOrg[leaving], to: t, problem.trainerOrg[t])
                dayPaths(start, shedding: t, need: need, saving: dearest - travel[t], byTrainer: byTrainer, into: &found)
                let best = found.sorted(by: DayPath.cheaper)
                for path in best.prefix(SolverTuning.dayPathClusters) where work > 0 {
                    guard tried.insert(path.sessions.sorted()).inserted else { continue }
                    var used = 0
                    let improved = resolveCluster(path.sessions, work: &used, nodes: SolverTuning.dayPathNodes)
                    work -= used
                    if improved { return true }
                }
            }
        }
        return false
    }

    /// Grows `path` by the cheapest links (`dayPathLinks`, at most `SolverTuning.dayPathBranching`
    /// of those that can end or go on) from trainer `x`, who must free `need` days, while the
    /// links' travel stays below `saving` and the cluster within `SolverTuning.dayPathSessions`.
    /// A link whose colleague has the days ends a path (`finishDayPath`, which relieves the
    /// organisations left over their caps); one whose colleague lacks them goes on from it.
    /// At most `SolverTuning.dayPathSteps` trainers' links are followed from one start.
    func dayPaths(_ path: DayPath, shedding x: Int, need: Int, saving: Int, byTrainer: [[Int]], into found: inout [DayPath]) {
        let links = dayPathLinks([x], need: need, otherOrg: nil, path: path, byTrainer: byTrainer)
        var steps = SolverTuning.dayPathSteps
        extendDayPath(path, shedding: x, by: links, saving: saving, byTrainer: byTrainer, into: &found, steps: &steps)
    }

    /// `dayPaths` with trainer `x`'s links (`dayPathLinks`) made. Each link's colleague who must
    /// shed in turn has its own links made once, to tell whether it can (a colleague out of days
    /// with nothing to shed would only take a place) and to go on from it. Beyond the cheapest
    /// `SolverTuning.dayPathBranching`, the cheapest `SolverTuning.dayPathCleanEnds` links that
    /// end the path at a colleague whose organisation has the days too are followed. Each call
    /// spends one of `steps`.
    func extendDayPath(
        _ path: DayPath, shedding x: Int, by links: [DayPathLink], saving: Int, byTrainer: [[Int]], into found: inout [DayPath], steps: inout Int
    ) {
        guard found.count < SolverTuning.dayPathLimit && steps > 0 else { return }
        steps -= 1
        var viable: [(next: DayPath, onward: [DayPathLink]?)] = []
        var (cheapest, cleanEnds) = (0, 0)
        for link in links where cheapest < SolverTuning.dayPathBranching || cleanEnds < SolverTuning.dayPathCleanEnds {
            var next = path
            next.sessions += link.sessions
            next.trainers.append(link.colleague)
            next.cost += link.cost
            let y = link.colleague, org = problem.trainerOrg[y]
            next.move(link.days, from: x, problem.trainerOrg[x], to: y, org)
            let rest = next.dayGain[y, default: 0] - ownDaysLeft(y)
            if cheapest >= SolverTuning.dayPathBranching {
                // Past the cheapest: only links that end the path where the organisation has the days.
                guard rest <= 0 && next.orgGain[org, default: 0] <= orgDaysLeft(org) && next.cost < saving else { continue }
                cleanEnds += 1
                viable.append((next, nil))
            } else if rest <= 0 {
                cheapest += 1
                viable.append((next, nil))
            } else {
                let onward = dayPathLinks([y], need: rest, otherOrg: nil, path: next, byTrainer: byTrainer)
                guard !onward.isEmpty else { continue }
                cheapest += 1
                viable.append((next, onward))
            }
        }
        for (next, onward) in viable where next.cost < saving && next.sessions.count <= SolverTuning.dayPathSessions {
            if let onward {
                extendDayPath(next, shedding: next.trainers[next.trainers.count - 1], by: onward, saving: saving, byTrainer: byTrainer, into: &found, steps: &steps)
            } else if let done = finishDayPath(next, saving: saving, byTrainer: byTrainer) {
                found.append(done)
            }
        }
    }

    /// `path` with, for each organisation it leaves over its cap (in organisation order), the
    /// cheapest session of one of its trainers that a colleague of another organisation with the
    /// days takes (`dayPathLinks`), or nil when one has none or the travel reaches `saving`.
    func finishDayPath(_ path: DayPath, saving: Int, byTrainer: [[Int]]) -> DayPath? {
        var out = path
        for org in path.orgGain.keys.sorted() where problem.orgCap[org] != Int.max {
            let over = path.orgGain[org, default: 0] - orgDaysLeft(org)
            guard over > 0 else { continue }
            let members = problem.trainers.indices.filter { problem.trainerOrg[$0] == org }
            let reliefs = dayPathLinks(members, need: over, otherOrg: org, path: out, byTrainer: byTrainer).filter { link in
                let other = problem.trainerOrg[link.colleague], room = orgDaysLeft(other)
                let ownRoom = link.days + out.dayGain[link.colleague, default: 0] <= ownDaysLeft(link.colleague)
                return ownRoom && (room == Int.max || link.days + out.orgGain[other, default: 0] <= room)
            }
            guard let relief = reliefs.first, out.sessions.count + relief.sessions.count <= SolverTuning.dayPathSessions else { return nil }
            out.sessions += relief.sessions
            out.cost += relief.cost
        }
        return out.cost < saving ? out : nil
    }

    /// The days trainer `y` may still teach by its own limit.
    func ownDaysLeft(_ y: Int) -> Int { problem.trainerMaxDays[y] - schedule.trainerDays[y] }

    /// The days organisation `org` may still staff (`Int.max` without a cap).
    func orgDaysLeft(_ org: Int) -> Int { problem.orgCap[org] == Int.max ? Int.max : problem.orgCap[org] - schedule.orgDays[org] }

    /// The ways the trainers `shedders` can free `need` days: for each shedder and each colleague
    /// (qualified, not on the session's team, not on the path, of another organisation than
    /// `otherOrg` when given), the shedder's sessions off the path that the colleague takes, by
    /// least travel added (then those at whose dates the colleague is free), up to
    /// `SolverTuning.dayPathShed` of them with `need` days or more.
    /// Cheapest first, ties by colleague and sessions.
    func dayPathLinks(_ shedders: [Int], need: Int, otherOrg: Int?, path: DayPath, byTrainer: [[Int]]) -> [DayPathLink] {
        var links: [DayPathLink] = []
        for x in shedders {
            var byColleague: [Int: [(delta: Int, busy: Int, session: Int)]] = [:]  // lookups and a sorted walk only
            for h in byTrainer[x] where !path.sessions.contains(h) {
                guard let team = schedule.assignment[h]?.trainers else { continue }
                let travel = problem.demands[h].travelByTrainer
                for y in qualified(h) where !team.contains(y) && !path.trainers.contains(y) && otherOrg.map({ problem.trainerOrg[y] != $0 }) ?? true {
                    byColleague[y, default: []].append((travel[y] - travel[x], trainerFree(y, for: h, at: schedule.startOf[h]) ? 0 : 1, h))
                }
            }
            for y in byColleague.keys.sorted() {
                var days = 0, cost = 0, taken: [Int] = []
                let cheapest = byColleague[y, default: []].sorted { ($0.delta, $0.busy, $0.session) < ($1.delta, $1.busy, $1.session) }
                for (delta, _, h) in cheapest.prefix(SolverTuning.dayPathShed) where days < need {
                    taken.append(h)
                    days += problem.demandDays[h]
                    cost += delta
                }
                if days >= need { links.append(DayPathLink(colleague: y, sessions: taken, days: days, cost: cost)) }
            }
        }
        return links.sorted { p, q in
            (p.cost, p.colleague) != (q.cost, q.colleague) ? (p.cost, p.colleague) < (q.cost, q.colleague) : p.sessions.lexicographicallyPrecedes(q.sessions)
        }
    }
}
