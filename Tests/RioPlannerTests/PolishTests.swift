import Foundation
import RioModel
import Testing

@testable import RioPlanner

/// Cash polishing on a schedule set up by hand: what one-session re-seating cannot lower, a
/// trainer chain or a moved prerequisite does.
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

    /// The compiled problem of `spec` and a solver with an empty schedule to set up by hand.
    static func emptySolver(_ spec: RequestSpec) throws -> (Problem, Solver) {
        let (request, catalog) = try spec.load()
        let problem = ProblemCompiler.compile(request: request, catalog: catalog)
        return (problem, Solver(problem: problem, options: SolverOptions(iterations: 1, seed: 1)))
    }

    @Test func aTrainerChainLowersCashThatReseatingCannot() throws {
        var (problem, solver) = try Self.emptySolver(Self.spec)
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

    /// `course` (joint-3d, africa, one start) can have `near` (africa) or `far` (weog). `near` may
    /// teach 3 days and teaches `intro` (online-1d, the prerequisite of `advanced`) on the first
    /// day, when `other`, its only colleague for `intro`, is away.
    static var daysSpec: RequestSpec {
        var spec = RequestSpec()
        spec.demand = [
            "{id: course, module: joint-3d, region: africa, participants: 10, earliest: 2027-03-15, latest: 2027-03-17}",
            "{id: intro, module: online-1d, region: africa, participants: 20, earliest: 2027-03-01, latest: 2027-03-10}",
            "{id: advanced, module: advanced, region: africa, participants: 10, earliest: 2027-03-02, latest: 2027-03-12}",
        ]
        spec.staff = [
            "{id: near, name: Near, org: UNCCD, home: africa, languages: [en], modules: [joint-3d, online-1d], dayRate: 300, maxDays: 3}",
            "{id: far, name: Far, org: UNCCD, home: weog, languages: [en], modules: [joint-3d], dayRate: 300}",
            "{id: other, name: Other, org: FAO, home: africa, languages: [en], modules: [online-1d], dayRate: 0, unavailable: [{start: 2027-03-01, end: 2027-03-02}]}",
            "{id: local, name: Local, org: UNCCD, home: africa, languages: [en], modules: [advanced], dayRate: 300}",
        ]
        return spec
    }

    @Test func movingAPrerequisiteFreesATrainersDays() throws {
        var (problem, solver) = try Self.emptySolver(Self.daysSpec)
        let course = try #require(problem.demandIndex["course"]), intro = try #require(problem.demandIndex["intro"])
        let advanced = try #require(problem.demandIndex["advanced"])
        let near = try #require(problem.trainerIndex["near"]), far = try #require(problem.trainerIndex["far"])
        let other = try #require(problem.trainerIndex["other"])
        // `intro` on the first day with `near`, `advanced` the day after; `course` gets `far`.
        let first = try #require(solver.schedule.cheapest(intro))
        #expect(first.trainers == [near])
        solver.schedule.insert(intro, first)
        let after = try #require(solver.schedule.cheapest(advanced))
        #expect(after.start == first.start + 1)
        solver.schedule.insert(advanced, after)
        let costly = try #require(solver.schedule.cheapest(course))
        #expect(costly.trainers == [far])
        solver.schedule.insert(course, costly)
        let before = solver.schedule.cash
        solver.polishCash()
        let chained = solver.polishTrainerChains()
        #expect(!chained, "`other` cannot take over `intro` on its day")
        #expect(solver.schedule.cash == before)

        let lowered = solver.polishTrainerDays()
        #expect(lowered)
        #expect(solver.schedule.assignment[course]?.trainers == [near])
        let moved = try #require(solver.schedule.assignment[intro])
        #expect(moved.trainers == [other] && moved.start > first.start)
        #expect(solver.schedule.startOf[advanced] >= moved.start + 1, "the dependent follows its prerequisite")
        let dc = problem.demands[course]
        #expect(solver.schedule.cash == before - (dc.travelByTrainer[far] - dc.travelByTrainer[near]))
        #expect(solver.schedule.value == [course, intro, advanced].reduce(0) { $0 + problem.demands[$1].value })
        let again = solver.polishTrainerDays()
        #expect(!again, "nothing is left to lower")
    }

    @Test func theSeedChainsStartWhilePolishTimeIsLeft() throws {
        var (_, solver) = try Self.emptySolver(Fixture.base)
        let seeds = Solver.seedChainPolish, blockers = Solver.seedChainPolish + 1
        solver.search.polishLongest = Array(repeating: 100, count: blockers + 1)
        solver.search.polishDeadline = ContinuousClock.now + .seconds(60)
        #expect(solver.polishMayStart(seeds), "they stop at the deadline between seeds")
        #expect(!solver.polishMayStart(blockers), "its longest run, 100 s, would end past the deadline")
        solver.search.polishLongest[blockers] = 1
        #expect(solver.polishMayStart(blockers))
        solver.search.polishDeadline = ContinuousClock.now - .seconds(1)
        #expect(!solver.polishMayStart(seeds) && !solver.polishMayStart(blockers), "no time is left")
        solver.search.polishDeadline = nil
        #expect(solver.polishMayStart(blockers), "an iteration budget has no deadline")
    }
}
