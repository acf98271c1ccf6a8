import Foundation
import RioModel
import Testing

@testable import RioPlanner

/// Pinned sessions: honoured exactly when they can hold; named with the reason when they cannot.
@Suite struct PinTests {
    /// d1 (joint-3d in africa, no window) and the standard roster, with `pins`.
    static func request(_ pins: [String], extraDemands: [String] = [], extraStaff: [String] = []) -> RequestSpec {
        var r = RequestSpec()
        r.demand = ["{id: d1, module: joint-3d, region: africa, participants: 10, priority: 4}"] + extraDemands
        r.staff = Fixture.staff + extraStaff
        r.pinned = pins
        return r
    }

    func conflicts(_ spec: RequestSpec) throws -> [String] {
        let (request, catalog) = try spec.load()
        return Fixture.solve(request, catalog, iterations: 50).result.pinConflicts
    }

    @Test func feasiblePinIsHonouredExactly() throws {
        // Not the cheapest choice in any field: nairobi costs more than dakar, and en would do as well as fr.
        let spec = Self.request(
            ["{demand: d1, start: 2027-03-17, venue: nairobi, trainers: [t1], language: fr}"],
            extraStaff: ["{id: t6, name: T Six, org: CBD, home: africa, languages: [en, fr], modules: [joint-3d], dayRate: 100}"])
        let (request, catalog) = try spec.load()
        let solved = Fixture.solve(request, catalog, iterations: 100)
        #expect(solved.result.pinConflicts == [])
        let s = try #require(solved.plan.session("d1"))
        #expect(s.start == "2027-03-17" && s.end == "2027-03-19")
        #expect(s.venue == "nairobi" && s.trainers == ["t1"] && s.language == "fr")
        // 1,000 × 3 + 8,100 + 1,200.
        #expect(s.cost.cash == 12_300)
        #expect(Fixture.verdict(solved.plan, request, catalog) == [])
        let py = try Fixture.pythonCheck(solved.plan, request)
        #expect(py.status == 0, "\(py.output)")
    }

    @Test func pinsShapeTheRestOfThePlan() throws {
        // d2 pinned to v1 on 03-08 leaves v2 and v3 for d3 the same day; d5 needs d2 first.
        var spec = Fixture.base
        spec.pinned = ["{demand: d2, start: 2027-03-08, trainers: [v1]}", "{demand: d5, start: 2027-03-09}"]
        let (request, catalog) = try spec.load()
        let solved = Fixture.solve(request, catalog, iterations: 100)
        #expect(solved.result.pinConflicts == [])
        #expect(solved.plan.session("d2")?.trainers == ["v1"])
        #expect(solved.plan.session("d3")?.trainers == ["v2"])
        #expect(solved.plan.session("d5")?.start == "2027-03-09")
        #expect(Fixture.verdict(solved.plan, request, catalog) == [])
    }

    @Test func startOnThursdayForAThreeDayModule() throws {
        let c = try conflicts(Self.request(["{demand: d1, start: 2027-03-04}"]))
        #expect(c == ["d1: pinned start 2027-03-04 is not allowed (a 3-day session starting on a Thursday does not fit Monday to Friday)"])
    }

    @Test func startInABlackout() throws {
        var spec = Self.request(["{demand: d1, start: 2027-03-08}"])
        spec.blackouts = ["{name: Retreat, start: 2027-03-10, end: 2027-03-10, regions: [africa]}"]
        #expect(try conflicts(spec) == ["d1: pinned start 2027-03-08 is not allowed (it touches the blackout Retreat 2027-03-10..2027-03-10)"])
    }

    @Test func pinnedTrainerUnavailable() throws {
        var spec = Self.request(["{demand: d1, start: 2027-03-01, trainers: [t1]}"])
        spec.staff[0] =
            "{id: t1, name: T One, org: UNCCD, home: weog, languages: [en, fr], modules: [joint-3d], dayRate: 500, unavailable: [{start: 2027-03-02, end: 2027-03-02}]}"
        #expect(try conflicts(spec) == ["d1: trainer t1 is unavailable or in an organisation blackout during 2027-03-01..2027-03-03"])
    }

    @Test func twoPinsOnOneVenueOnTheSameDays() throws {
        let spec = Self.request(
            ["{demand: d1, start: 2027-03-01, venue: dakar, trainers: [t1]}", "{demand: d1b, start: 2027-03-02, venue: dakar, trainers: [t6]}"],
            extraDemands: ["{id: d1b, module: joint-3d, region: africa, participants: 10}"],
            extraStaff: ["{id: t6, name: T Six, org: CBD, home: africa, languages: [en, fr], modules: [joint-3d], dayRate: 100}"])
        #expect(try conflicts(spec) == ["d1b: venue already holds another pinned session on 2027-03-02..2027-03-04"])
    }

    @Test func pinnedTrainerNotQualified() throws {
        let c = try conflicts(Self.request(["{demand: d1, start: 2027-03-01, trainers: [t4]}"]))
        #expect(c == ["d1: pinned trainer t4 is not qualified for joint-3d"])
    }

    @Test func pinnedLanguageAndVenueMustFit() throws {
        let c = try conflicts(Self.request(["{demand: d1, start: 2027-03-01, venue: bonn, language: es}"]))
        #expect(
            c == [
                "d1: pinned language es is not offered (module joint-3d runs in en, fr)",
                "d1: pinned venue bonn is not in region africa",
            ])
    }
}

/// Pins that can all hold together must not be reported as conflicting, whatever order they are placed in.
@Suite struct JointlyFeasiblePinTests {
    /// d1 and d2: joint-3d in africa. t1 (home africa, local travel 50) is the cheapest trainer, t6 (weog) the
    /// other; dakar is the cheapest venue, nairobi the other.
    static func spec(_ pins: [String], t1MaxDays: Int? = nil) -> RequestSpec {
        var r = RequestSpec()
        r.demand = [
            "{id: d1, module: joint-3d, region: africa, participants: 10}",
            "{id: d2, module: joint-3d, region: africa, participants: 10}",
        ]
        r.staff = [
            "{id: t1, name: T One, org: UNCCD, home: africa, languages: [en], modules: [joint-3d], dayRate: 100"
                + (t1MaxDays.map { ", maxDays: \($0)" } ?? "") + "}",
            "{id: t6, name: T Six, org: CBD, home: weog, languages: [en], modules: [joint-3d], dayRate: 100}",
        ]
        r.pinned = pins
        return r
    }

    func solve(_ spec: RequestSpec) throws -> (Solved, PlanRequest, Catalog) {
        let (request, catalog) = try spec.load()
        return (Fixture.solve(request, catalog, iterations: 50), request, catalog)
    }

    @Test func pinnedTrainerWantedByAnEarlierPinWithoutTrainers() throws {
        // Feasible: d1 with t6, d2 with t1 (d1 alone would take the cheaper t1).
        let (s, request, catalog) = try solve(Self.spec(["{demand: d1, start: 2027-03-01}", "{demand: d2, start: 2027-03-01, trainers: [t1]}"]))
        #expect(s.result.pinConflicts == [])

        #expect(s.plan.session("d1")?.trainers == ["t6"] && s.plan.session("d2")?.trainers == ["t1"])
        #expect(Fixture.verdict(s.plan, request, catalog) == [])
    }

    @Test func pinnedVenueWantedByAnEarlierPinWithoutVenue() throws {
        // Feasible: d1 at nairobi, d2 at dakar (and different trainers).
        let (s, _, _) = try solve(Self.spec(["{demand: d1, start: 2027-03-01}", "{demand: d2, start: 2027-03-01, venue: dakar}"]))
        #expect(s.result.pinConflicts == [])
    }

    @Test func pinnedTrainerDaysTakenByAnEarlierPin() throws {
        // t1 may work 3 days: d2 names him; d1 (a week earlier, no trainer named) can have t6.
        let (s, _, _) = try solve(Self.spec(["{demand: d1, start: 2027-03-01}", "{demand: d2, start: 2027-03-08, trainers: [t1]}"], t1MaxDays: 3))
        #expect(s.result.pinConflicts == [])
    }

    @Test func pinsInTheOtherOrderHold() throws {
        // The same pins, with the named trainer's pin placed first (earlier start): no conflict.
        let (s, request, catalog) = try solve(Self.spec(["{demand: d1, start: 2027-03-02}", "{demand: d2, start: 2027-03-01, trainers: [t1]}"]))
        #expect(s.result.pinConflicts == [])
        #expect(s.plan.session("d1")?.trainers == ["t6"] && s.plan.session("d2")?.trainers == ["t1"])
        #expect(Fixture.verdict(s.plan, request, catalog) == [])
    }
}
