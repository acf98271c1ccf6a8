import Foundation
import RioModel
import Testing

@testable import RioPlanner

/// Cash polishing on a schedule set up by hand: what one-session re-seating cannot lower, a
/// trainer chain does.
@Suite struct PolishTests {
    /// Two overlapping sessions in africa, each with one possible start: `course` (joint-3d, which
    /// `near` and `far` teach) and `advanced` (which `near` and `local` teach). `near` and `local`
    /// live in africa, `far` in weog.
    static var spec: RequestSpec {
        var spec = RequestSpec()
        spec.demand = [
            "{id: course, module: joint-3d, region: africa, participants: 10, earliest: 2027-03-01, latest: 2027-03-03}",
            "{id: advanced, module: advanced, region: africa, participants: 10, earliest: 2027-03-02, latest: 2027-03-03}",
        ]
        spec.delivered = ["{module: online-1d, region: africa}"]
        spec.staff = [
            "{id: near, name: Near, org: UNCCD, home: africa, languages: [en], modules: [joint-3d, advanced], dayRate: 300}",
            "{id: far, name: Far, org: UNCCD, home: weog, languages: [en], modules: [joint-3d], dayRate: 300}",
            "{id: local, name: Local, org: UNCCD, home: africa, languages: [en], modules: [advanced], dayRate: 300}",
        ]
        return spec
    }

    @Test func aTrainerChainLowersCashThatReseatingCannot() throws {
        let (request, catalog) = try Self.spec.load()
        let problem = ProblemCompiler.compile(request: request, catalog: catalog)
        var solver = Solver(problem: problem, options: SolverOptions(iterations: 1, seed: 1))
        let course = try #require(problem.demandIndex["course"]), advanced = try #require(problem.demandIndex["advanced"])
        let near = try #require(problem.trainerIndex["near"]), far = try #require(problem.trainerIndex["far"])
        let local = try #require(problem.trainerIndex["local"])
        // `advanced` takes `near`, so `course` can only have `far`, who travels from weog.
        var seat = try #require(solver.schedule.cheapest(advanced))
        seat.trainers = [near]
        seat.cash = problem.sessionCash(problem.demands[advanced], venue: seat.venue, trainers: [near])
        solver.schedule.insert(advanced, seat)
        let costly = try #require(solver.schedule.cheapest(course))
        #expect(costly.trainers == [far])
        solver.schedule.insert(course, costly)
        let before = solver.schedule.cash
        solver.polishCash()
        #expect(solver.schedule.cash == before, "re-seating one session at a time finds nothing cheaper")

        let moved = solver.polishTrainerChains()
        #expect(moved)
        #expect(solver.schedule.assignment[course]?.trainers == [near])
        #expect(solver.schedule.assignment[advanced]?.trainers == [local])
        let dc = problem.demands[course], da = problem.demands[advanced]
        let saved = dc.travelByTrainer[far] - dc.travelByTrainer[near] - (da.travelByTrainer[local] - da.travelByTrainer[near])
        #expect(saved > 0 && solver.schedule.cash == before - saved)
        #expect(solver.schedule.value == problem.demands[course].value + problem.demands[advanced].value)
        let again = solver.polishTrainerChains()
        #expect(!again, "nothing is left to lower")
    }
}
