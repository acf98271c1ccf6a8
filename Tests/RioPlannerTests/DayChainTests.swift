import Foundation
import RioModel
import Testing

@testable import RioPlanner

/// Day chains on a schedule set up by hand: a left-out session whose only trainer has used up
/// its days gets in when that trainer's other session passes to a colleague, who passes one of
/// its own to a third.
@Suite struct DayChainTests {
    /// `new` (joint-3d, africa, one start) can have only `a`, who may teach 3 days and teaches
    /// `held` (joint-3d). `b` could take `held` but teaches `other` (online-1d) and may teach 3
    /// days too; `c` could take `other` when `free` is true.
    static func spec(free: Bool) -> RequestSpec {
        var spec = RequestSpec()
        spec.demand = [
            "{id: new, module: joint-3d, region: africa, participants: 10, earliest: 2027-03-15, latest: 2027-03-17}",
            "{id: held, module: joint-3d, region: africa, participants: 10, earliest: 2027-03-01, latest: 2027-03-03}",
            "{id: other, module: online-1d, region: africa, participants: 20, earliest: 2027-03-08, latest: 2027-03-08}",
        ]
        spec.staff = [
            "{id: a, name: A, org: UNCCD, home: africa, languages: [en], modules: [joint-3d], dayRate: 300, maxDays: 3}",
            "{id: b, name: B, org: UNCCD, home: africa, languages: [en], modules: [joint-3d, online-1d], dayRate: 300, maxDays: 3, unavailable: [{start: 2027-03-15, end: 2027-03-17}]}",
            "{id: c, name: C, org: FAO, home: africa, languages: [en], modules: [online-1d], dayRate: 0"
                + (free ? "}" : ", unavailable: [{start: 2027-03-08, end: 2027-03-08}]}"),
        ]
        return spec
    }

    /// The solver with `held` taught by `a` and `other` by `b`, `new` left out.
    static func heldSchedule(free: Bool) throws -> (Problem, Solver) {
        var (problem, solver) = try PolishTests.emptySolver(spec(free: free))
        let held = try #require(problem.demandIndex["held"]), other = try #require(problem.demandIndex["other"])
        let a = try #require(problem.trainerIndex["a"]), b = try #require(problem.trainerIndex["b"])
        for (i, t) in [(held, a), (other, b)] {
            var seat = try #require(solver.schedule.cheapest(i))
            seat.trainers = [t]
            seat.cash = problem.sessionCash(problem.demands[i], venue: seat.venue, trainers: [t])
            solver.schedule.insert(i, seat)
        }
        return (problem, solver)
    }

    @Test func aChainOfTwoColleaguesFreesTheDays() throws {
        var (problem, solver) = try Self.heldSchedule(free: true)
        let new = try #require(problem.demandIndex["new"])
        #expect(solver.schedule.cheapest(new) == nil, "`a` is out of days, `b` away")
        solver.polishCash()
        #expect(solver.schedule.startOf[new] < 0, "re-seating one session at a time cannot free `a`")

        let improved = solver.polishExchanges()
        #expect(improved)
        for (demand, trainer) in [("new", "a"), ("held", "b"), ("other", "c")] {
            let i = try #require(problem.demandIndex[demand]), t = try #require(problem.trainerIndex[trainer])
            #expect(solver.schedule.assignment[i]?.trainers == [t], "\(demand) is taught by \(trainer)")
        }
        for t in problem.trainers.indices { #expect(solver.schedule.trainerDays[t] <= problem.trainerMaxDays[t]) }
        #expect(solver.schedule.value == problem.demands.reduce(0) { $0 + $1.value })
        let again = solver.polishExchanges()
        #expect(!again, "nothing is left out")
    }

    @Test func aChainThatCannotCloseChangesNothing() throws {
        var (problem, solver) = try Self.heldSchedule(free: false)
        let before = solver.schedule.assignment
        let improved = solver.polishExchanges()
        #expect(!improved, "`c` is away on `other`'s day, so `b` cannot be freed")
        #expect(solver.schedule.assignment == before)
        for t in problem.trainers.indices { #expect(solver.schedule.trainerDays[t] <= problem.trainerMaxDays[t]) }
    }
}

/// The exchange polishes on a schedule set up by hand.
@Suite struct ExchangePolishTests {
    /// `filler` (joint-3d, africa, priority 1) holds the money (cap 12,000) that `intro`
    /// (online-1d, africa) and `advanced` (its dependent) need together.
    static var spec: RequestSpec {
        var spec = RequestSpec()
        spec.demand = [
            "{id: filler, module: joint-3d, region: africa, participants: 10, priority: 1, earliest: 2027-03-15, latest: 2027-03-17}",
            "{id: intro, module: online-1d, region: africa, participants: 20, earliest: 2027-03-01, latest: 2027-03-05}",
            "{id: advanced, module: advanced, region: africa, participants: 10, earliest: 2027-03-08, latest: 2027-03-12}",
        ]
        spec.staff = Fixture.staff
        spec.funding = ["{id: core, name: Core budget, owner: UNCCD, type: core, cap: 12000}"]
        return spec
    }

    @Test func anOpenedChainTakesTheMoneyOfALowRatioSession() throws {
        var (problem, solver) = try PolishTests.emptySolver(Self.spec)
        let filler = try #require(problem.demandIndex["filler"]), intro = try #require(problem.demandIndex["intro"])
        let advanced = try #require(problem.demandIndex["advanced"])
        solver.schedule.insert(filler, try #require(solver.schedule.cheapest(filler)))
        let before = solver.schedule.score
        let exchanged = solver.polishExchanges()
        #expect(!exchanged, "no demand is kept out by day limits")

        let opened = solver.polishChainExchanges()
        #expect(opened)
        #expect(solver.schedule.startOf[filler] < 0)
        #expect(solver.schedule.startOf[intro] >= 0 && solver.schedule.startOf[advanced] >= solver.schedule.startOf[intro] + 1)
        #expect(solver.schedule.value == problem.demands[intro].value + problem.demands[advanced].value)
        #expect(solver.schedule.value > before.value || (solver.schedule.value == before.value && solver.schedule.cash < before.cash))
        #expect(!solver.droppable(intro), "dropping `intro` would drop `advanced` with it")
        #expect(solver.droppable(advanced))
    }
}

/// A near miss: an exchange that brings the value back at more cash, which re-seating then lowers.
@Suite struct NearMissTests {
    /// `filler` (Dakar) and `other` (Nairobi, dearer: Dakar is taken) run the same week; `u`, as
    /// valuable as `filler`, needs `a`, who has used its days on `held`, which only `b` (from
    /// weog) could take over. Money (`cap`) is short for `u`.
    static func spec(cap: Int) -> RequestSpec {
        var spec = RequestSpec()
        spec.demand = [
            "{id: filler, module: joint-3d, region: africa, participants: 10, priority: 1, earliest: 2027-03-15, latest: 2027-03-17}",
            "{id: other, module: joint-3d, region: africa, participants: 10, priority: 1, earliest: 2027-03-15, latest: 2027-03-17}",
            "{id: u, module: joint-3d, region: africa, participants: 10, priority: 1, earliest: 2027-03-22, latest: 2027-03-24}",
            "{id: held, module: joint-3d, region: africa, participants: 10, priority: 4, earliest: 2027-03-01, latest: 2027-03-03}",
        ]
        let away = "unavailable: [{start: 2027-03-01, end: 2027-03-03}, {start: 2027-03-22, end: 2027-03-24}]"
        spec.staff = [
            "{id: a, name: A, org: UNCCD, home: africa, languages: [en], modules: [joint-3d], dayRate: 300, maxDays: 3}",
            "{id: b, name: B, org: UNCCD, home: weog, languages: [en], modules: [joint-3d], dayRate: 300, unavailable: [{start: 2027-03-22, end: 2027-03-24}]}",
            "{id: c, name: C, org: CBD, home: africa, languages: [en], modules: [joint-3d], dayRate: 300, \(away)}",
            "{id: e, name: E, org: CBD, home: africa, languages: [en], modules: [joint-3d], dayRate: 300, \(away)}",
        ]
        spec.funding = ["{id: core, name: Core budget, owner: UNCCD, type: core, cap: \(cap)}"]
        return spec
    }

    /// The solver with `held` (a, Dakar), `filler` (c, Dakar) and `other` (e, Nairobi) seated,
    /// and money for those three and `b`'s travel on `held` (1,150 more than `a`'s), not for `u`.
    static func seated() throws -> (Problem, Solver) {
        var (problem, solver) = try PolishTests.emptySolver(spec(cap: 1_000_000))
        let cash = try place(problem, &solver)
        (problem, solver) = try PolishTests.emptySolver(spec(cap: cash + 1_150))
        _ = try place(problem, &solver)
        return (problem, solver)
    }

    static func place(_ problem: Problem, _ solver: inout Solver) throws -> Int {
        for (demand, trainer) in [("held", "a"), ("filler", "c"), ("other", "e")] {
            let i = try #require(problem.demandIndex[demand]), t = try #require(problem.trainerIndex[trainer])
            var seat = try #require(solver.schedule.cheapest(i))
            seat.trainers = [t]
            seat.cash = problem.sessionCash(problem.demands[i], venue: seat.venue, trainers: [t])
            #expect(solver.schedule.fits(i, seat))
            solver.schedule.insert(i, seat)
        }
        return solver.schedule.cash
    }

    @Test func reseatingTurnsANearMissIntoASaving() throws {
        var (problem, solver) = try Self.seated()
        let filler = try #require(problem.demandIndex["filler"]), other = try #require(problem.demandIndex["other"])
        let u = try #require(problem.demandIndex["u"]), held = try #require(problem.demandIndex["held"])
        let dakar = try #require(solver.schedule.assignment[filler]?.venue)
        #expect(solver.schedule.assignment[other]?.venue != dakar)
        let before = solver.schedule.score, plan = solver.schedule.assignment
        #expect(solver.dayLimitsBind(u))

        var none = 0
        let bare = solver.tryExchange(dropping: [filler], for: [u], polishes: &none)
        #expect(!bare, "on its own the exchange costs more: `b` travels from weog")
        #expect(solver.schedule.assignment == plan)

        var one = 1
        let polished = solver.tryExchange(dropping: [filler], for: [u], polishes: &one)
        #expect(polished)
        #expect(solver.schedule.startOf[filler] < 0 && solver.schedule.startOf[u] >= 0)
        #expect(solver.schedule.assignment[held]?.trainers == [try #require(problem.trainerIndex["b"])])
        #expect(solver.schedule.assignment[other]?.venue == dakar, "`other` moves to the venue `filler` left")
        #expect(solver.schedule.value == before.value && solver.schedule.cash < before.cash)
    }
}
