import Foundation
import RioModel
import Testing

@testable import RioPlanner

/// Blocker clusters (`Solver+BlockerClusters.swift`) and the cluster search's choice of the next
/// session (`Solver+ClusterTeams.swift`), on schedules set up by hand.
@Suite struct BlockerClusterTests {
    /// `ClusterTests.spec`'s crossed pair, with 30 participants for `s1` (only nairobi seats
    /// them), and `s3` (joint-3d, africa, 30 participants, any week from 8 March) taught by `loc`
    /// (home africa, 3 days at most).
    static func spec() -> RequestSpec {
        var spec = ClusterTests.spec(away: false)
        spec.demand[0] = "{id: s1, module: joint-3d, region: africa, participants: 30, earliest: 2027-03-01, latest: 2027-03-12}"
        spec.demand.append("{id: s3, module: joint-3d, region: africa, participants: 30, earliest: 2027-03-08, latest: 2027-03-26}")
        spec.staff.append("{id: loc, name: Loc, org: FAO, home: africa, languages: [en], modules: [joint-3d], dayRate: 300, maxDays: 3}")
        return spec
    }

    /// `s1` taught by `far` in the week of 1 March and `s2` by `near` (each travels 1,200), and
    /// `s3` by `loc` at nairobi in the week of 8 March, the only week `near` could come to `s1`.
    static func blockedSchedule() throws -> (Problem, Solver) {
        var (problem, solver) = try PolishTests.emptySolver(spec())
        for (id, trainer, week) in [("s1", "far", 0), ("s2", "near", 0), ("s3", "loc", 0)] {
            let i = try #require(problem.demandIndex[id]), t = try #require(problem.trainerIndex[trainer])
            let d = problem.demands[i]
            let venue = try #require(d.venues.first), start = try #require(d.starts.first { $0 / 7 == d.starts[0] / 7 + week })
            let seat = Assignment(start: start, lang: d.langs[0], venue: venue, trainers: [t], cash: problem.sessionCash(d, venue: venue, trainers: [t]))
            #expect(solver.schedule.fits(i, seat))
            solver.schedule.insert(i, seat)
        }
        return (problem, solver)
    }

    @Test func aClusterHeldOffItsDatesGrowsByTheSessionHoldingThem() throws {
        var (problem, solver) = try Self.blockedSchedule()
        let s1 = try #require(problem.demandIndex["s1"]), s2 = try #require(problem.demandIndex["s2"]), s3 = try #require(problem.demandIndex["s3"])
        let near = try #require(problem.trainerIndex["near"]), far = try #require(problem.trainerIndex["far"])
        #expect(solver.schedule.assignment[s1]?.venue == solver.schedule.assignment[s3]?.venue, "nairobi, the only venue for 30")
        let pair = solver.resolveCluster([s1, s2])
        #expect(!pair, "`near` is away the first week, and s3 holds nairobi the second")

        let sets = solver.blockerSets(of: [s1, s2], solver.occupancy())
        #expect(sets.first?.sessions == [s3])
        #expect(!sets.contains { $0.sessions.contains(s1) || $0.sessions.contains(s2) }, "members never block")

        solver.search.flowSeeds = [FlowSeed(sessions: [s1, s2], incoming: [near, far])]
        // Travel 1,200 + 1,200 becomes africa's and weog's local travel (50 and 20).
        ClusterTests.expectFinalPolishOnly(saves: 2_330, &solver) { $0.polishBlockerClusters() }
        #expect(solver.schedule.assignment[s2]?.trainers == [far])
        try ClusterTests.expectSeatsFit([s1, s2, s3], &solver)
    }

    @Test func aSeatHeldByAPinnedSessionIsNoBlockerSet() throws {
        var spec = Self.spec()
        spec.pinned = ["{demand: s3, start: 2027-03-08, venue: nairobi, trainers: [loc]}"]
        var (problem, solver) = try PolishTests.emptySolver(spec)
        let s1 = try #require(problem.demandIndex["s1"]), s3 = try #require(problem.demandIndex["s3"])
        let far = try #require(problem.trainerIndex["far"])
        #expect(problem.demandPinned[s3])
        let loc = try #require(problem.trainerIndex["loc"])
        for (i, t) in [(s3, loc), (s1, far)] {
            let d = problem.demands[i]
            let cash = problem.sessionCash(d, venue: d.venues[0], trainers: [t])
            solver.schedule.insert(i, Assignment(start: d.starts[0], lang: d.langs[0], venue: d.venues[0], trainers: [t], cash: cash))
        }
        #expect(solver.blockerSets(of: [s1], solver.occupancy()).isEmpty, "s3 may not move")
    }

    @Test func theSearchTakesTheSessionWithFewestOptionsLeftFirst() throws {
        let (problem, solver) = try ClusterTests.crossedSchedule(away: false)
        let s1 = try #require(problem.demandIndex["s1"]), s2 = try #require(problem.demandIndex["s2"])
        let near = try #require(problem.trainerIndex["near"]), far = try #require(problem.trainerIndex["far"])
        let option = { (i: Int, t: Int, cash: Int) in ClusterOption(lang: problem.demands[i].langs[0], trainers: [t], cash: cash) }
        let options = [[option(s1, near, 100), option(s1, far, 150)], [option(s2, far, 200), option(s2, near, 800)]]
        var days = [Int](repeating: 0, count: problem.trainers.count)
        let orgDays = [Int](repeating: 0, count: problem.orgs.count)
        func next(bound: Int, chosen: [ClusterOption?] = [nil, nil]) -> [Int]? {
            var search = ClusterSearch(sessions: [s1, s2], options: options, bound: bound)
            search.chosen = chosen
            var cheapest = [0, 0]
            return solver.nextSession(search, cash: 0, trainerDays: days, orgDays: orgDays, cheapest: &cheapest).map { [$0.0, $0.1] }
        }
        #expect(next(bound: 10_000) == [0, 300], "two options each: the first session; the floor is both cheapest")
        #expect(next(bound: 600) == [1, 300], "under 600, s2 has one option left")
        #expect(next(bound: 300) == nil, "the floor reaches the bound")
        #expect(next(bound: 10_000, chosen: [options[0][0], nil]) == [1, 200])
        #expect(next(bound: 10_000, chosen: [options[0][0], options[1][0]]) == [-1, 0], "every session has its option")
        days[near] = 3
        #expect(next(bound: 10_000) == [0, 350], "`near` has no day left: s1 needs `far`")
        days[far] = 3
        #expect(next(bound: 10_000) == nil, "no team has the days")
    }
}
