import Foundation
import RioModel
import Testing

@testable import RioPlanner

/// Clusters re-solved exactly on a schedule set up by hand: two sessions whose trainers must
/// swap, one of them at another date, which no one-session move makes.
@Suite struct ClusterTests {
    /// `s1` (joint-3d, africa, either week of 1-12 March) and `s2` (joint-3d, weog, 15 March).
    /// `near` (home africa) and `far` (home weog) may each teach 3 days. `near` is away in the
    /// week of 1 March, and in the week of 8 March too when `away` is true.
    static func spec(away: Bool) -> RequestSpec {
        var spec = RequestSpec()
        spec.demand = [
            "{id: s1, module: joint-3d, region: africa, participants: 10, earliest: 2027-03-01, latest: 2027-03-12}",
            "{id: s2, module: joint-3d, region: weog, participants: 10, earliest: 2027-03-15, latest: 2027-03-17}",
        ]
        let unavailable = away ? "2027-03-12" : "2027-03-05"
        spec.staff = [
            "{id: near, name: Near, org: UNCCD, home: africa, languages: [en], modules: [joint-3d], dayRate: 300, maxDays: 3, unavailable: [{start: 2027-03-01, end: \(unavailable)}]}",
            "{id: far, name: Far, org: CBD, home: weog, languages: [en], modules: [joint-3d], dayRate: 300, maxDays: 3}",
        ]
        return spec
    }

    /// The solver with `s1` taught by `far` in the week of 1 March and `s2` by `near`: both
    /// travel 1,200.
    static func crossedSchedule(away: Bool) throws -> (Problem, Solver) { try crossedSchedule(spec(away: away)) }

    /// `crossedSchedule` of a request like `spec(away: false)` (more staff, say).
    static func crossedSchedule(_ spec: RequestSpec) throws -> (Problem, Solver) {
        var (problem, solver) = try PolishTests.emptySolver(spec)
        let s1 = try #require(problem.demandIndex["s1"]), s2 = try #require(problem.demandIndex["s2"])
        let near = try #require(problem.trainerIndex["near"]), far = try #require(problem.trainerIndex["far"])
        for (i, t) in [(s1, far), (s2, near)] {
            let d = problem.demands[i]
            let venue = try #require(d.venues.first), start = try #require(d.starts.first)
            let seat = Assignment(start: start, lang: d.langs[0], venue: venue, trainers: [t], cash: problem.sessionCash(d, venue: venue, trainers: [t]))
            #expect(solver.schedule.fits(i, seat))
            solver.schedule.insert(i, seat)
        }
        return (problem, solver)
    }

    @Test func aSwapAtAnotherDateLowersCash() throws {
        var (problem, solver) = try Self.crossedSchedule(away: false)
        let s1 = try #require(problem.demandIndex["s1"]), s2 = try #require(problem.demandIndex["s2"])
        let near = try #require(problem.trainerIndex["near"]), far = try #require(problem.trainerIndex["far"])
        let before = solver.schedule.cash
        solver.polishCash(rotation: 0)
        #expect(solver.schedule.cash == before, "one session at a time: each trainer is out of days")

        let improved = solver.resolveCluster([s1, s2])
        #expect(improved)
        #expect(solver.schedule.assignment[s1]?.trainers == [near])
        #expect(solver.schedule.assignment[s2]?.trainers == [far])
        #expect(solver.schedule.startOf[s1] / 7 == problem.demands[s1].starts[0] / 7 + 1, "s1 moves to the week of 8 March, when `near` is back")
        // Travel 1,200 + 1,200 becomes africa's and weog's local travel (50 and 20).
        #expect(solver.schedule.cash == before - 2_330)
        try Self.expectSeatsFit([s1, s2], &solver)
    }

    /// Runs `polish` outside the final polish, where it must change nothing, then in the final
    /// polish's mode (`SearchState.finishing`), where it must lower cash by `saving`.
    static func expectFinalPolishOnly(saves saving: Int, _ solver: inout Solver, _ polish: (inout Solver) -> Bool) {
        let before = solver.schedule.cash
        let early = polish(&solver)
        #expect(!early, "only in the final polish")
        solver.search.finishing = true
        let improved = polish(&solver)
        #expect(improved)
        #expect(solver.schedule.cash == before - saving)
    }

    /// Expects each of `sessions` to be seated and to fit the rest of the plan (every rule holds).
    static func expectSeatsFit(_ sessions: [Int], _ solver: inout Solver) throws {
        for i in sessions {
            let a = try #require(solver.schedule.assignment[i])
            solver.schedule.remove(i)
            #expect(solver.schedule.fits(i, a), "every rule holds")
            solver.schedule.insert(i, a)
        }
    }

    @Test func aPlateauWalkMovesSessionsAtTheSameCashOnly() throws {
        var (problem, solver) = try Self.crossedSchedule(away: false)
        let s1 = try #require(problem.demandIndex["s1"]), s2 = try #require(problem.demandIndex["s2"])
        let cash = solver.schedule.cash, value = solver.schedule.value, s2Seat = solver.schedule.assignment[s2]
        var starts = Set<Int>()
        for _ in 0..<10 {
            solver.walkPlateau()
            #expect(solver.schedule.cash == cash)
            #expect(solver.schedule.value == value)
            let a = try #require(solver.schedule.assignment[s1])
            #expect(a.trainers == solver.schedule.assignment[s1]?.trainers)
            solver.schedule.remove(s1)
            #expect(solver.schedule.fits(s1, a), "every rule holds")
            solver.schedule.insert(s1, a)
            starts.insert(a.start)
        }
        #expect(starts.count > 1, "s1 has six starts in its window at the same cash")
        #expect(solver.schedule.assignment[s2] == s2Seat, "s2 has one start, and `near` would cost more")
    }

    @Test func aSettledBestPlanIsPolishedByTheFinalPolishesOnce() throws {
        var (problem, solver) = try Self.crossedSchedule(away: false)
        let s2 = try #require(problem.demandIndex["s2"])
        let removed = solver.schedule.remove(s2)
        let seat2 = try #require(removed)
        solver.keepPolished()
        let alone = solver.schedule.cash
        solver.polishBestDeeply()
        #expect(solver.schedule.cash == alone, "s2 out: the value is short of the bound and not settled")
        #expect(!solver.search.deepPolished)

        solver.schedule.insert(s2, seat2)
        solver.keepPolished()
        #expect(solver.valueMeetsBound)
        let before = solver.schedule.cash
        solver.polishBestDeeply()
        #expect(solver.schedule.cash == before - 2_330, "the saving cycle runs in the final polish's mode only")
        #expect(solver.search.score.cash == solver.schedule.cash, "kept as the best")
        #expect(solver.search.deepPolished && !solver.search.finishing)
        let polished = solver.schedule.assignment
        solver.search.settled = true
        solver.polishBestDeeply()
        #expect(solver.schedule.assignment == polished, "once per best plan")
    }

    @Test func theFinalPolishesRunUntilNoneImproves() throws {
        var (_, solver) = try Self.crossedSchedule(away: false)
        solver.search.finishing = true
        let before = solver.schedule.cash
        let improved = solver.polishStructure()
        #expect(improved)
        #expect(solver.schedule.cash == before - 2_330)
        let polished = solver.schedule.assignment
        let again = solver.polishStructure()
        #expect(!again, "a second time finds nothing")
        #expect(solver.schedule.assignment == polished)
    }

    @Test func aClusterWithNoCheaperSeatingChangesNothing() throws {
        var (problem, solver) = try Self.crossedSchedule(away: true)
        let s1 = try #require(problem.demandIndex["s1"]), s2 = try #require(problem.demandIndex["s2"])
        let before = solver.schedule.assignment
        let improved = solver.resolveCluster([s1, s2])
        #expect(!improved, "`near` is away for all of s1's window")
        #expect(solver.schedule.assignment == before)
    }

    @Test func teamsAreTheSetsOfTheirSizeBelowTheLimit() {
        #expect(Solver.teams(of: [2, 4, 7], size: 2, below: 10) == [[0, 1], [0, 2]], "4 + 7 is not below 10")
        #expect(Solver.teams(of: [2, 4, 7], size: 2, below: 100) == [[0, 1], [0, 2], [1, 2]])
        #expect(Solver.teams(of: [1], size: 2, below: 100).isEmpty)
        #expect(Solver.teams(of: [3], size: 0, below: 1) == [[]])
    }

    @Test func aSavingCycleOfTheWeekFlowIsReSolvedAsACluster() throws {
        var (problem, solver) = try Self.crossedSchedule(away: false)
        let s1 = try #require(problem.demandIndex["s1"]), s2 = try #require(problem.demandIndex["s2"])
        #expect(solver.savingCycles() == [[s1, s2].sorted()], "s1 takes `near` a week later, s2 takes `far`")
        Self.expectFinalPolishOnly(saves: 2_330, &solver) { $0.polishCycleClusters() }

        var (_, away) = try Self.crossedSchedule(away: true)
        away.search.finishing = true
        #expect(away.savingCycles().isEmpty, "`near` is away for all of s1's window")
        let none = away.polishCycleClusters()
        #expect(!none)
    }

    @Test func aRandomClusterAroundACostlySessionTakesTheSessionsOfItsCheaperTrainer() throws {
        var (problem, solver) = try Self.crossedSchedule(away: false)
        let s1 = try #require(problem.demandIndex["s1"]), s2 = try #require(problem.demandIndex["s2"])
        #expect(solver.costlySessions() == [s1, s2])
        let cluster = solver.randomCluster(around: s1, links: solver.clusterLinks())
        #expect(cluster == [s1, s2], "s2 holds `near`, who travels less to s1 than `far`")
        let before = solver.schedule.cash
        let improved = solver.polishRandomClusters(tries: 10)
        #expect(improved)
        #expect(solver.schedule.cash == before - 2_330)

        var (_, away) = try Self.crossedSchedule(away: true)
        let seats = away.schedule.assignment
        let none = away.polishRandomClusters(tries: 10)
        #expect(!none, "`near` is away for all of s1's window")
        #expect(away.schedule.assignment == seats)
    }

    @Test func aFlowGroupGrowsByTheSessionsOfTheTrainersItBringsIn() throws {
        var (problem, solver) = try Self.crossedSchedule(away: false)
        let s1 = try #require(problem.demandIndex["s1"]), s2 = try #require(problem.demandIndex["s2"])
        let near = try #require(problem.trainerIndex["near"]), far = try #require(problem.trainerIndex["far"])
        let seed = solver.flowSeed([(s1, [near])])
        #expect(seed.sessions == [s1])
        #expect(seed.incoming == [near], "s1 is taught by `far` now")
        let links = solver.clusterLinks()
        #expect(links.taught[near] == [s2] && links.taught[far] == [s1])
        for _ in 0..<5 { #expect(solver.grownCluster(seed, links: links) == [s1, s2], "`near` teaches s2") }

        solver.search.flowSeeds = [seed]
        let before = solver.schedule.cash
        let improved = solver.polishRandomClusters(tries: 10)
        #expect(improved)
        #expect(solver.schedule.cash == before - 2_330)
    }

    @Test func aSeedChainTakesTheSessionThatTheIncomingTrainerSheds() throws {
        var (problem, solver) = try Self.crossedSchedule(away: false)
        let s1 = try #require(problem.demandIndex["s1"]), s2 = try #require(problem.demandIndex["s2"])
        let near = try #require(problem.trainerIndex["near"]), far = try #require(problem.trainerIndex["far"])
        #expect(solver.daysLeft(near) == 0 && solver.daysLeft(far) == 0, "both teach their 3 days")
        // Dates aside, the flow swaps the two trainers: one group, bringing both in.
        let split = solver.splitFlowSeeds()
        #expect(split.map(\.sessions) == [[s1, s2]])
        #expect(split.map(\.incoming) == [[near, far].sorted()])

        // `near` must shed s2 to come to s1: the chain re-solves {s1, s2}. Only in the final polish.
        solver.search.flowSeeds = [FlowSeed(sessions: [s1], incoming: [near])]
        Self.expectFinalPolishOnly(saves: 2_330, &solver) { $0.polishSeedChains() }
    }

    @Test func flowSeedsThatShareASessionAreMerged() {
        let seeds = [
            FlowSeed(sessions: [1, 2], incoming: [6, 36]), FlowSeed(sessions: [5], incoming: [3]),
            FlowSeed(sessions: [2, 3], incoming: [36]), FlowSeed(sessions: [3, 5], incoming: [4]),
            FlowSeed(sessions: [8], incoming: [1]),
        ]
        #expect(FlowSeed.merged(seeds) == [FlowSeed(sessions: [1, 2, 3, 5], incoming: [3, 4, 6, 36]), FlowSeed(sessions: [8], incoming: [1])])
        #expect(FlowSeed.merged([]) == [])
    }

    @Test func seedsMergedTooLargeForAChainAreTakenApartAndInPairs() throws {
        var (_, solver) = try Self.crossedSchedule(away: false)
        let a = FlowSeed(sessions: [1, 2, 3, 4], incoming: [0]), b = FlowSeed(sessions: [4, 5], incoming: [1])
        let c = FlowSeed(sessions: [5, 6, 7, 8, 9], incoming: [2]), lone = FlowSeed(sessions: [20], incoming: [3])
        solver.search.flowSeeds = [a, b, c, lone]
        let ab = FlowSeed(sessions: [1, 2, 3, 4, 5], incoming: [0, 1]), bc = FlowSeed(sessions: [4, 5, 6, 7, 8, 9], incoming: [1, 2])
        // All three merged hold 9 sessions: no room for 4 more within 10.
        #expect(solver.seedGroups(room: 4) == [a, b, c, ab, bc, lone])
        #expect(solver.seedGroups(room: 1) == [FlowSeed.merged([a, b, c])[0], lone])
    }

    @Test func aForbiddenTrainerIsKeptOffItsSessionByTheFlow() throws {
        let (problem, solver) = try Self.crossedSchedule(away: false)
        let s1 = try #require(problem.demandIndex["s1"]), s2 = try #require(problem.demandIndex["s2"])
        let near = try #require(problem.trainerIndex["near"]), far = try #require(problem.trainerIndex["far"])
        let free = solver.trainerTargets()
        #expect(free.map(\.session) == [s1, s2])
        #expect(free.map(\.trainers) == [[near], [far]], "dates aside, each session takes its local trainer")

        let kept = solver.trainerTargets(forbidden: [s1 * problem.trainers.count + near])
        #expect(!kept.contains { $0.session == s1 && $0.trainers.contains(near) })
        #expect(kept.isEmpty, "with `near` kept off s1, `far` has no days for s2 as well")
    }

    @Test func aFailedGroupLosesTheTrainerOfLeastSaving() throws {
        let (problem, solver) = try Self.crossedSchedule(away: true)
        let s1 = try #require(problem.demandIndex["s1"]), s2 = try #require(problem.demandIndex["s2"])
        let near = try #require(problem.trainerIndex["near"]), far = try #require(problem.trainerIndex["far"])
        var forbidden = Set<Int>()
        // s1 saves 1,200 - 50 with `near`, s2 saves 1,200 - 20 with `far`.
        solver.forbid([(s1, [near]), (s2, [far])], in: &forbidden)
        #expect(forbidden == [s1 * problem.trainers.count + near])
        solver.forbid([(s2, [far]), (s1, [near])], in: &forbidden)
        #expect(forbidden.count == 1, "the same trainer again, in any order")
    }

    @Test func anOnlineGroupLosesAllItsTrainers() throws {
        let (problem, solver) = try PolishTests.emptySolver(Fixture.base)
        let d2 = try #require(problem.demandIndex["d2"]), d3 = try #require(problem.demandIndex["d3"])
        let v1 = try #require(problem.trainerIndex["v1"]), v3 = try #require(problem.trainerIndex["v3"])
        var forbidden = Set<Int>()
        solver.forbid([(d2, [v1]), (d3, [v3])], in: &forbidden)
        #expect(forbidden == [d2 * problem.trainers.count + v1, d3 * problem.trainers.count + v3], "online trainers travel nothing: no saving to rank them by")
    }
}
