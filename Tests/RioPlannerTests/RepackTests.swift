import RioModel
import Testing

@testable import RioPlanner

/// The repack behind trainers by flow: whole trainer-days from the flow, calendars filled again,
/// and the small search that settles sessions fighting over a trainer's few free weeks.
@Suite struct RepackTests {
    /// `pa` and `pb` (joint-3d, 3 days, africa) taught by weog trainers; `loc` lives in africa
    /// but has 4 days, one session and a day: a flow through `loc` must split its days.
    static var splitSpec: RequestSpec {
        var spec = RequestSpec()
        spec.demand = [
            "{id: pa, module: joint-3d, region: africa, participants: 10, earliest: 2027-03-01, latest: 2027-03-03}",
            "{id: pb, module: joint-3d, region: africa, participants: 10, earliest: 2027-03-15, latest: 2027-03-17}",
        ]
        spec.staff = [
            "{id: loc, name: Loc, org: UNCCD, home: africa, languages: [en], modules: [joint-3d], dayRate: 300, maxDays: 4}",
            "{id: w1, name: W1, org: UNCCD, home: weog, languages: [en], modules: [joint-3d], dayRate: 300}",
            "{id: w2, name: W2, org: UNCCD, home: weog, languages: [en], modules: [joint-3d], dayRate: 300}",
        ]
        return spec
    }

    /// Seats demand `demand` with trainer `trainer` at its cheapest start and venue.
    static func seat(_ solver: inout Solver, _ problem: Problem, _ demand: String, _ trainer: String, latestStart: Int = Int.max) throws {
        let i = try #require(problem.demandIndex[demand]), t = try #require(problem.trainerIndex[trainer])
        var a = try #require(solver.schedule.cheapest(i, latestStart: latestStart, rotation: 0))
        a.trainers = [t]
        a.cash = problem.sessionCash(problem.demands[i], venue: a.venue, trainers: [t])
        #expect(solver.schedule.fits(i, a))
        solver.schedule.insert(i, a)
    }

    @Test func theFlowsStaffingKeepsEveryTrainerWithinItsDays() throws {
        var (problem, solver) = try PolishTests.emptySolver(Self.splitSpec)
        try Self.seat(&solver, problem, "pa", "w1")
        try Self.seat(&solver, problem, "pb", "w2")
        let loc = try #require(problem.trainerIndex["loc"])
        let targets = solver.trainerTargets()
        #expect(targets.count == 1, "`loc` takes one of the two sessions")
        var days = problem.trainers.map { _ in 0 }
        for i in problem.demands.indices {
            for t in targets.first(where: { $0.session == i })?.trainers ?? solver.schedule.assignment[i]?.trainers ?? [] { days[t] += problem.demandDays[i] }
        }
        for t in problem.trainers.indices { #expect(days[t] <= problem.trainerMaxDays[t]) }
        #expect(days[loc] == 3)

        let moved = solver.polishTrainersByFlow()
        #expect(moved)
        #expect(solver.schedule.trainerDays[loc] == 3)
        #expect(solver.schedule.scheduledCount == 2)
    }

    /// `narrow` can start on 2027-03-01 only, `wide` on any day of its first fortnight; `solo`,
    /// the one trainer, is away from 2027-03-08 to 03-12, so the two must take the two weeks
    /// 2027-03-01 and 2027-03-15, `narrow` the first.
    static var clusterSpec: RequestSpec {
        var spec = RequestSpec()
        spec.demand = [
            "{id: narrow, module: joint-3d, region: africa, participants: 10, earliest: 2027-03-01, latest: 2027-03-03}",
            "{id: wide, module: joint-3d, region: africa, participants: 10, earliest: 2027-03-01, latest: 2027-03-19}",
        ]
        spec.staff = [
            "{id: solo, name: Solo, org: UNCCD, home: africa, languages: [en], modules: [joint-3d], dayRate: 300, unavailable: [{start: 2027-03-08, end: 2027-03-12}]}"
        ]
        return spec
    }

    @Test func aClusterSearchMovesTheSessionThatTookTheOnlyWeek() throws {
        var (problem, solver) = try PolishTests.emptySolver(Self.clusterSpec)
        let narrow = try #require(problem.demandIndex["narrow"]), wide = try #require(problem.demandIndex["wide"])
        try Self.seat(&solver, problem, "wide", "solo", latestStart: 0)
        #expect(solver.schedule.startOf[wide] == 0)
        let solo = try #require(problem.trainerIndex["solo"])
        #expect(problem.demands[narrow].starts == [0])
        var target = [Assignment?](repeating: nil, count: problem.demands.count)
        target[wide] = solver.schedule.assignment[wide]
        let v = problem.demands[narrow].venues.first ?? -1, lang = try #require(solver.schedule.assignment[wide]).lang
        target[narrow] = Assignment(start: 0, lang: lang, venue: v, trainers: [solo], cash: problem.sessionCash(problem.demands[narrow], venue: v, trainers: [solo]))
        var budget = 10_000
        #expect(solver.repackSeat(narrow, try #require(target[narrow]), rotation: 0, want: Self.noWant(problem), budget: &budget) == nil)

        let seated = solver.seatCluster(narrow, target: target, budget: &budget)
        #expect(seated)
        #expect(solver.schedule.startOf[narrow] == 0)
        #expect(solver.schedule.startOf[wide] >= 14, "`wide` goes to the week after `solo` is back")
        #expect(solver.schedule.assignment[wide]?.trainers == [solo])
    }

    static func noWant(_ problem: Problem) -> RepackContention {
        RepackContention(trainers: problem.trainers.count, orgs: problem.orgs.count, dayCount: problem.dayCount)
    }

    @Test func contentionSpreadsEachSessionOverItsStartsAndTakesItBack() {
        var want = RepackContention(trainers: 2, orgs: 1, dayCount: 10)
        want.add([1], orgs: [0], starts: [0, 4], days: 2, weight: 1)
        #expect(want.cost([1], start: 0, days: 2) == 1.0)
        #expect(want.cost([1], start: 1, days: 2) == 0.5)
        #expect(want.cost([0], start: 0, days: 2) == 0)
        #expect(want.trainerDays == [0, 2] && want.orgDays == [2])
        want.add([1], orgs: [0], starts: [0, 4], days: 2, weight: -1)
        #expect(want.cost([1], start: 0, days: 10) == 0)
        #expect(want.trainerDays == [0, 0] && want.orgDays == [0])
    }

    @Test func combinationsListEverySubsetInOrder() {
        #expect(Solver.combinations(of: [5, 7, 9], taking: 2) == [[5, 7], [5, 9], [7, 9]])
        #expect(Solver.combinations(of: [5], taking: 2).isEmpty)
        #expect(Solver.combinations(of: [5, 7], taking: 0) == [[]])
    }
}
