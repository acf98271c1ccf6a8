import RioModel
import Testing

@testable import RioPlanner

/// Trainers by flow on a schedule set up by hand: two sessions each taught by the other's local
/// trainer, both trainers out of days, and the local trainer of one away at its dates. Passing the
/// trainers round needs both changes at once and one of them at another date.
@Suite struct TrainerFlowTests {
    static var spec: RequestSpec {
        var spec = RequestSpec()
        spec.demand = [
            "{id: pa, module: joint-3d, region: africa, participants: 10}",
            "{id: pw, module: joint-3d, region: weog, participants: 10}",
        ]
        spec.staff = [
            "{id: af, name: Af, org: UNCCD, home: africa, languages: [en], modules: [joint-3d], dayRate: 300, maxDays: 3, unavailable: [{start: 2027-03-01, end: 2027-03-05}]}",
            "{id: we, name: We, org: UNCCD, home: weog, languages: [en], modules: [joint-3d], dayRate: 300, maxDays: 3}",
        ]
        return spec
    }

    /// `pa` (africa) taught by `we` in the first week, `pw` (weog) by `af` in the second.
    static func crossedSchedule() throws -> (Problem, Solver) {
        try seated(spec, [("pa", "we", 0), ("pw", "af", 1)])
    }

    /// Travel of `pa` and `pw` taught crossed (`pa` by `we`, `pw` by `af`) and by their local trainers.
    static func travel(_ problem: Problem) throws -> (crossed: Int, local: Int) {
        let pa = try #require(problem.demandIndex["pa"]), pw = try #require(problem.demandIndex["pw"])
        let af = try #require(problem.trainerIndex["af"]), we = try #require(problem.trainerIndex["we"])
        let travel = (problem.demands[pa].travelByTrainer, problem.demands[pw].travelByTrainer)
        return (travel.0[we] + travel.1[af], travel.0[af] + travel.1[we])
    }

    /// Each demand at its cheapest seat in the week given (counted from the horizon's first),
    /// taught by the one trainer given.
    static func seated(_ spec: RequestSpec, _ seats: [(demand: String, trainer: String, week: Int)]) throws -> (Problem, Solver) {
        var (problem, solver) = try PolishTests.emptySolver(spec)
        for (demand, trainer, week) in seats {
            let i = try #require(problem.demandIndex[demand]), t = try #require(problem.trainerIndex[trainer])
            var seat = try #require(solver.schedule.cheapest(i, latestStart: 7 * week + 4, rotation: 0))
            #expect(seat.start / 7 == week)
            seat.trainers = [t]
            seat.cash = problem.sessionCash(problem.demands[i], venue: seat.venue, trainers: [t])
            #expect(solver.schedule.fits(i, seat))
            solver.schedule.insert(i, seat)
        }
        return (problem, solver)
    }

    @Test func theTrainersPassRoundAtNewDates() throws {
        var (problem, solver) = try Self.crossedSchedule()
        let pa = try #require(problem.demandIndex["pa"]), pw = try #require(problem.demandIndex["pw"])
        let af = try #require(problem.trainerIndex["af"]), we = try #require(problem.trainerIndex["we"])
        let before = solver.schedule.cash, paStart = solver.schedule.startOf[pa]
        let (crossed, local) = try TrainerFlowTests.travel(problem)
        #expect(crossed > local)

        let moved = solver.polishTrainersByFlow()
        #expect(moved)
        #expect(solver.schedule.assignment[pa]?.trainers == [af])
        #expect(solver.schedule.assignment[pw]?.trainers == [we])
        #expect(solver.schedule.startOf[pa] != paStart, "`af` is away at `pa`'s first dates")
        #expect(solver.schedule.cash == before - (crossed - local))
        #expect(solver.schedule.value == problem.demands.reduce(0) { $0 + $1.value })
        for t in problem.trainers.indices { #expect(solver.schedule.trainerDays[t] <= problem.trainerMaxDays[t]) }
        let movedAgain = solver.polishTrainersByFlow()
        #expect(!movedAgain, "the trainers are where the flow wants them")
    }

    @Test func aMinimumCostFlowTakesTheCheapPathsFirst() {
        // 0 → 1 → 3 costs 1 per unit (capacity 2), 0 → 2 → 3 costs 5 (capacity 3).
        var net = MinCostFlow(nodes: 4)
        let cheap = net.addEdge(from: 0, to: 1, capacity: 2, cost: 1)
        let dear = net.addEdge(from: 0, to: 2, capacity: 3, cost: 5)
        net.addEdge(from: 1, to: 3, capacity: 5, cost: 0)
        net.addEdge(from: 2, to: 3, capacity: 5, cost: 0)
        #expect(net.solve(from: 0, to: 3) == 5)
        #expect(net.flow(on: cheap) == 2)
        #expect(net.flow(on: dear) == 3)
    }

    @Test func aChangeOfFlowSplitsIntoItsCycles() {
        // Sessions 2 and 3 hold trainers 4 and 5 the dear way round (9 + 9); the flow swaps them
        // (1 + 1). Session 6 keeps trainer 7, its only one. Source 0, sink 1.
        var net = MinCostFlow(nodes: 8)
        for s in [2, 3, 6] { net.addEdge(from: 0, to: s, capacity: 1, cost: 0) }
        let dear24 = net.addEdge(from: 2, to: 4, capacity: 1, cost: 9), cheap25 = net.addEdge(from: 2, to: 5, capacity: 1, cost: 1)
        let cheap34 = net.addEdge(from: 3, to: 4, capacity: 1, cost: 1), dear35 = net.addEdge(from: 3, to: 5, capacity: 1, cost: 9)
        let own67 = net.addEdge(from: 6, to: 7, capacity: 1, cost: 3)
        for t in [4, 5, 7] { net.addEdge(from: t, to: 1, capacity: 1, cost: 0) }
        #expect(net.solve(from: 0, to: 1) == 3)
        let base = [dear24: 1, cheap25: 0, cheap34: 0, dear35: 1, own67: 1]
        let cycles = net.cycles(against: base, source: 0, sink: 1)
        #expect(cycles.count == 1, "the unchanged session is in no cycle")
        #expect(cycles.first?.cost == -16)
        #expect(cycles.first?.units == 1)
        #expect(Set(cycles.first?.edges ?? []) == [dear24, cheap25, cheap34, dear35])
        #expect(net.cycles(against: [dear24: 0, cheap25: 1, cheap34: 1, dear35: 0, own67: 1], source: 0, sink: 1).isEmpty, "the solved flow itself")
    }
}
