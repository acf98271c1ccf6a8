import Foundation
import RioModel
import Testing

@testable import RioPlanner

/// The exchange polish where a left-out demand competes with a session for an organisation's
/// staffing days, not for money: the two are paid from different sources, so only the days
/// they both need tie them (the case that left `l-v104`'s cash above CP-SAT's optimum).
@Suite struct StaffingExchangeTests {
    /// `far` (joint-3d in weog) and `near` (joint-3d in africa) are worth the same; each has one
    /// UNCCD trainer free at its dates (`b` for `far`, `a` for `near`), and UNCCD may give 3 days
    /// in all. Each region has its own money, so `far` holds none of `near`'s. `b` flies from
    /// africa to weog, so `near` costs less than `far`.
    static var spec: RequestSpec {
        var spec = RequestSpec()
        spec.demand = [
            "{id: far, module: joint-3d, region: weog, participants: 10, earliest: 2027-03-01, latest: 2027-03-03}",
            "{id: near, module: joint-3d, region: africa, participants: 10, earliest: 2027-03-15, latest: 2027-03-17}",
        ]
        spec.staff = [
            "{id: a, name: A, org: UNCCD, home: africa, languages: [en], modules: [joint-3d], dayRate: 300, unavailable: [{start: 2027-03-01, end: 2027-03-05}]}",
            "{id: b, name: B, org: UNCCD, home: africa, languages: [en], modules: [joint-3d], dayRate: 300, unavailable: [{start: 2027-03-15, end: 2027-03-19}]}",
        ]
        spec.staffing = ["{org: UNCCD, maxDays: 3}"]
        spec.funding = [
            "{id: afr, name: Africa fund, owner: UNCCD, type: grant, cap: 100000, regions: [africa]}",
            "{id: weo, name: WEOG fund, owner: UNCCD, type: grant, cap: 100000, regions: [weog]}",
        ]
        return spec
    }

    @Test func aSessionHoldingTheStaffingDaysMakesWayForACheaperOne() throws {
        var (problem, solver) = try PolishTests.emptySolver(Self.spec)
        let far = try #require(problem.demandIndex["far"]), near = try #require(problem.demandIndex["near"])
        let unccd = try #require(problem.orgs.firstIndex(of: "UNCCD"))
        solver.schedule.insert(far, try #require(solver.schedule.cheapest(far)))
        #expect(solver.schedule.cheapest(near) == nil, "UNCCD's 3 days are taken by `far`")
        #expect(!solver.shareSource(far, near), "`far` holds none of `near`'s money")
        #expect(solver.blockingDays(near) == [.org(unccd)])
        #expect(solver.holdsDays(far, of: solver.blockingDays(near)))
        let before = solver.schedule.score

        let improved = solver.polishExchanges()
        #expect(improved)
        #expect(solver.schedule.startOf[far] < 0 && solver.schedule.startOf[near] >= 0)
        #expect(solver.schedule.value == before.value && solver.schedule.cash < before.cash)
        #expect(solver.schedule.orgDays[unccd] <= problem.orgCap[unccd])
    }
}
