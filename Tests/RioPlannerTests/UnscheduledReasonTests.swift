import Foundation
import RioModel
import Testing

@testable import RioPlanner

/// Each reason code of plan-format.md on the smallest request that produces it, with its exact message.
@Suite struct UnscheduledReasonTests {
    /// Solves `spec` and returns the reasons given for `demand` (the plan must verify).
    func reasons(_ spec: RequestSpec, _ demand: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Reason] {
        let (request, catalog) = try spec.load()
        let plan = Fixture.solve(request, catalog, iterations: 100).plan
        #expect(Fixture.verdict(plan, request, catalog) == [], sourceLocation: sourceLocation)
        #expect(plan.session(demand) == nil, "\(demand) was scheduled", sourceLocation: sourceLocation)
        return plan.unscheduled.first { $0.demand == demand }?.reasons ?? []
    }

    /// One demand `d1` for joint-3d in africa (10 participants) with the standard roster.
    static func one(_ demand: String = "{id: d1, module: joint-3d, region: africa, participants: 10, priority: 4}") -> RequestSpec {
        var r = RequestSpec()
        r.demand = [demand]
        r.staff = Fixture.staff
        return r
    }

    @Test func noWindow() throws {
        var spec = Self.one("{id: d1, module: joint-3d, region: africa, participants: 10, earliest: 2027-03-08, latest: 2027-03-12}")
        spec.blackouts = ["{name: Retreat, start: 2027-03-08, end: 2027-03-12}"]
        let r = try reasons(spec, "d1")
        #expect(
            r == [
                Reason(
                    code: "no-window",
                    message: "no 3-day Monday-to-Friday slot in 2027-03-08..2027-03-12 is free of blackouts (blackouts: Retreat 2027-03-08..2027-03-12); widen the window"
                )
            ])
    }

    @Test func noWindowFromTheWeekShapeAlone() throws {
        // Thursday 03-11 to Monday 03-15: no three working days of one week.
        let spec = Self.one("{id: d1, module: joint-3d, region: africa, participants: 10, earliest: 2027-03-11, latest: 2027-03-15}")
        let r = try reasons(spec, "d1")
        #expect(r == [Reason(code: "no-window", message: "no 3-day Monday-to-Friday slot in 2027-03-11..2027-03-15 is free of blackouts; widen the window")])
    }

    @Test func noTrainerSpeaksTheLanguage() throws {
        var spec = Self.one()
        spec.staff = ["{id: tx, name: T X, org: CBD, home: africa, languages: [es, ar], modules: [joint-3d], dayRate: 300}"]
        let r = try reasons(spec, "d1")
        #expect(r == [Reason(code: "no-trainer", message: "no trainer for joint-3d speaks en or fr; tx is qualified but speaks es, ar")])
    }

    @Test func noTrainerQualified() throws {
        var spec = Self.one()
        spec.staff = ["{id: tx, name: T X, org: CBD, home: africa, languages: [en], modules: [advanced], dayRate: 300}"]
        let r = try reasons(spec, "d1")
        #expect(r == [Reason(code: "no-trainer", message: "no trainer is qualified for joint-3d; add joint-3d to a trainer's modules")])
    }

    @Test func noPairOfTrainersSharesALanguage() throws {
        var spec = Self.one("{id: d1, module: pair-2d, region: weog, participants: 20}")
        spec.staff = [
            "{id: ta, name: T A, org: CBD, home: weog, languages: [en], modules: [pair-2d], dayRate: 300}",
            "{id: tb, name: T B, org: CBD, home: weog, languages: [fr], modules: [pair-2d], dayRate: 300}",
        ]
        let r = try reasons(spec, "d1")
        #expect(r == [Reason(code: "no-trainer", message: "module pair-2d needs 2 trainers sharing one language; only 2 qualified trainer(s) speak en or fr")])
    }

    @Test func noVenueHoldsTheParticipants() throws {
        let spec = Self.one("{id: d1, module: pair-2d, region: weog, participants: 35}")
        let r = try reasons(spec, "d1")
        #expect(r == [Reason(code: "no-venue", message: "no venue in weog holds 35 participants (the largest, bonn, holds 30); lower participants or add a venue")])
    }

    @Test func prerequisiteNeitherDeliveredNorRequested() throws {
        let spec = Self.one("{id: d1, module: advanced, region: africa, participants: 10}")
        let r = try reasons(spec, "d1")
        #expect(
            r == [
                Reason(
                    code: "prerequisite",
                    message: "prerequisite online-1d is neither delivered in africa nor requested there; add a demand for it or list it under `delivered`")
            ])
    }

    @Test func prerequisiteRequestedButUnscheduled() throws {
        var spec = Self.one("{id: d1, module: advanced, region: africa, participants: 10}")
        // The prerequisite's only trainer speaks no language of online-1d.
        spec.demand.append("{id: d0, module: online-1d, region: africa, participants: 10}")
        spec.staff = [
            "{id: t4, name: T Four, org: UNCCD, home: africa, languages: [en], modules: [advanced], dayRate: 300}",
            "{id: tz, name: T Z, org: CBD, home: africa, languages: [zh], modules: [online-1d], dayRate: 0}",
        ]
        let r = try reasons(spec, "d1")
        #expect(r == [Reason(code: "prerequisite", message: "prerequisite online-1d has no session in africa (demand d0 is unscheduled)")])
    }

    @Test func budgetNamesTheSourceAndTheShortfall() throws {
        var spec = Self.one()
        spec.funding = ["{id: core, name: Core, owner: UNCCD, cap: 10000}"]
        // 1,800 + 8,100 + 1,200 = 11,100 with t1 from weog.
        let r = try reasons(spec, "d1")
        #expect(r == [Reason(code: "budget", message: "its eligible sources cannot cover it: cash 11,100, while core has 10,000 left for it; core needs 1,100 more")])
    }

    @Test func budgetWithNoEligibleSource() throws {
        var spec = Self.one()
        spec.funding = ["{id: weog-only, name: WEOG, owner: UNCCD, cap: 100000, regions: [weog]}"]
        let r = try reasons(spec, "d1")
        #expect(r == [Reason(code: "budget", message: "no funding source may pay for joint-3d in africa (cash 11,100); add a source whose filters admit it")])
    }

    @Test func staffingCapLeavesNoDays() throws {
        var spec = Self.one()
        spec.staffing = ["{org: UNCCD, maxDays: 2}"]
        let r = try reasons(spec, "d1")
        #expect(
            r == [
                Reason(
                    code: "staffing",
                    message: "the staffing caps of UNCCD (2 days) leave no trainer days for its 3 days; raise a cap or add trainers of another organisation")
            ])
    }

    @Test func everyDemandOfARequestIsAccountedFor() throws {
        var spec = Fixture.base
        spec.demand.append("{id: d6, module: pair-2d, region: weog, participants: 35}")
        spec.demand.append("{id: d7, module: pair-2d, region: africa, participants: 20, languages: [en]}")
        let (request, catalog) = try spec.load()
        let plan = Fixture.solve(request, catalog, iterations: 100).plan
        #expect(Fixture.verdict(plan, request, catalog) == [])
        #expect(plan.unscheduled.map(\.demand) == ["d6", "d7"])
        #expect(plan.unscheduled.map { $0.reasons.map(\.code) } == [["no-venue"], ["no-trainer"]])
    }
}
