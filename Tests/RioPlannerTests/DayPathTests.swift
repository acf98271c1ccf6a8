import Testing

@testable import RioPlanner

/// Day paths: a cheaper colleague who is out of days comes to a costly session when the days it
/// sheds pass along trainers to one who has them; the path's sessions are re-solved as a cluster.
@Suite struct DayPathTests {
    /// The path's start: `near` comes to s1 (3 days), `far` leaves it.
    static func nearComesToS1(_ problem: Problem, _ s1: Int, near: Int, far: Int) -> DayPath {
        var start = DayPath(sessions: [s1], trainers: [near], cost: 0)
        start.move(3, from: far, problem.trainerOrg[far], to: near, problem.trainerOrg[near])
        return start
    }

    @Test func theCheaperTrainerShedsItsSessionToTheOneItReplaces() throws {
        var (problem, solver) = try ClusterTests.crossedSchedule(away: false)
        let s1 = try #require(problem.demandIndex["s1"]), s2 = try #require(problem.demandIndex["s2"])
        let near = try #require(problem.trainerIndex["near"]), far = try #require(problem.trainerIndex["far"])
        #expect(solver.ownDaysLeft(near) == 0 && solver.ownDaysLeft(far) == 0, "both teach their 3 days")
        // `near` must shed s2 to come to s1; `far` has s2's days once it leaves s1.
        let start = Self.nearComesToS1(problem, s1, near: near, far: far)
        var found: [DayPath] = []
        solver.dayPaths(start, shedding: near, need: 3, saving: Int.max, byTrainer: solver.sessionsByTrainer(), into: &found)
        #expect(found.map(\.sessions) == [[s1, s2]])
        #expect(found.map(\.trainers) == [[near, far]])
        ClusterTests.expectFinalPolishOnly(saves: 2_330, &solver) { $0.polishDayPaths() }
    }

    /// The crossed plan with `SolverTuning.dayPathBranching` colleagues in weog as close to s2
    /// as `far`, listed before it, of an organisation without the days for s2.
    static func crowdedSchedule() throws -> (Problem, Solver) {
        var spec = ClusterTests.spec(away: false)
        let colleagues = (1...SolverTuning.dayPathBranching).map {
            "{id: c\($0), name: C\($0), org: UNFCCC, home: weog, languages: [en], modules: [joint-3d], dayRate: 300, maxDays: 3}"
        }
        spec.staff = colleagues + spec.staff
        spec.staffing = ["{org: UNFCCC, maxDays: 2}"]
        return try ClusterTests.crossedSchedule(spec)
    }

    @Test func aPathEndsAtAColleagueWhoseOrganisationHasTheDaysBeyondTheCheapestLinks() throws {
        var (problem, solver) = try Self.crowdedSchedule()
        let s1 = try #require(problem.demandIndex["s1"]), s2 = try #require(problem.demandIndex["s2"])
        let near = try #require(problem.trainerIndex["near"]), far = try #require(problem.trainerIndex["far"])
        let start = Self.nearComesToS1(problem, s1, near: near, far: far), byTrainer = solver.sessionsByTrainer()
        let links = solver.dayPathLinks([near], need: 3, otherOrg: nil, path: start, byTrainer: byTrainer)
        #expect(links.count == SolverTuning.dayPathBranching + 1)
        #expect(links.last?.colleague == far, "the colleagues of UNFCCC come first: as cheap, listed before")
        var found: [DayPath] = []
        solver.dayPaths(start, shedding: near, need: 3, saving: Int.max, byTrainer: byTrainer, into: &found)
        #expect(found.map(\.trainers) == [[near, far]], "UNFCCC has 2 days, s2 takes 3, and none of its sessions can go")
        #expect(found.map(\.sessions) == [[s1, s2]])
        ClusterTests.expectFinalPolishOnly(saves: 2_330, &solver) { $0.polishDayPaths() }
    }

    @Test func noPathMovesAPlanWhoseCheaperTrainerIsAway() throws {
        var (_, solver) = try ClusterTests.crossedSchedule(away: true)
        solver.search.finishing = true
        let seats = solver.schedule.assignment
        let improved = solver.polishDayPaths()
        #expect(!improved, "`near` is away for all of s1's window")
        #expect(solver.schedule.assignment == seats)
    }

    @Test func aPathIsKeptOnlyWhenItsLinksCostLessThanTheSaving() throws {
        let (problem, solver) = try ClusterTests.crossedSchedule(away: false)
        let s1 = try #require(problem.demandIndex["s1"]), s2 = try #require(problem.demandIndex["s2"])
        let near = try #require(problem.trainerIndex["near"]), far = try #require(problem.trainerIndex["far"])
        let start = Self.nearComesToS1(problem, s1, near: near, far: far)
        let travel = problem.demands[s2].travelByTrainer, cost = travel[far] - travel[near]
        for (saving, paths) in [(cost, 0), (cost + 1, 1)] {
            var found: [DayPath] = []
            solver.dayPaths(start, shedding: near, need: 3, saving: saving, byTrainer: solver.sessionsByTrainer(), into: &found)
            #expect(found.count == paths, "s2 passed to `far` adds \(cost) of travel")
            #expect(found.allSatisfy { $0.cost == cost })
        }
    }
}
