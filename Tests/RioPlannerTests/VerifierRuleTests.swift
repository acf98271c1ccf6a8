import Foundation
import RioModel
import Testing

@testable import RioPlanner

/// One test per rule of scheduling-model.md, in the style of Timefold's `ConstraintVerifier`.
///
/// Each test takes the solver's plan of `Fixture.base` (valid, and checked field by field below), breaks
/// exactly one rule, either in the plan or in the smallest change to the request it is checked against,
/// and asserts the Verifier's exact verdict: rule names and messages, nothing else.
@Suite struct VerifierRuleTests {
    let request: PlanRequest
    let catalog: Catalog
    let plan: Plan

    init() throws {
        (request, catalog) = try Fixture.base.load()
        plan = Fixture.solve(request, catalog, iterations: 100).plan
    }

    /// The verdict of `plan` against `request` (both default to the base ones).
    func verdict(_ plan: Plan? = nil, _ request: PlanRequest? = nil) -> [String] {
        Fixture.verdict(plan ?? self.plan, request ?? self.request, catalog)
    }

    // MARK: - The valid plan

    @Test func basePlanIsTheHandComputedOne() throws {
        let s = plan.sessions
        #expect(s.map(\.demand) == ["d1", "d4", "d2", "d3", "d5"])
        #expect(s.map(\.start) == ["2027-03-01", "2027-03-01", "2027-03-08", "2027-03-08", "2027-03-09"])
        #expect(s.map(\.end) == ["2027-03-03", "2027-03-02", "2027-03-08", "2027-03-08", "2027-03-10"])
        #expect(s.map(\.venue) == ["dakar", "bonn", nil, nil, "dakar"])
        #expect(s.map(\.language) == ["en", "fr", "en", "en", "en"])
        #expect(s.map(\.trainers) == [["t1"], ["t2", "t3"], ["v2"], ["v1"], ["t4"]])
        #expect(s.map(\.id) == ["t/d1", "t/d4", "t/d2", "t/d3", "t/d5"])
        let d1 = try #require(plan.session("d1"))
        // venue 600 × 3; participants 10 × (100 × 3 + 500 + 10); travel weog→africa 1,200; in-kind 500 × 3.
        #expect(d1.cost == SessionCost(cash: 11_100, inKind: 1_500, venue: 1_800, participants: 8_100, travel: 1_200))
        #expect(d1.funding == [FundingLine(source: "core", amount: 11_100)])
        #expect(d1.conventions == ["UNCCD", "CBD", "UNFCCC"])
        // online: platform 200 + 50 × 5.
        #expect(plan.session("d2")?.cost == SessionCost(cash: 450, inKind: 0, venue: 0, participants: 450, travel: 0))
        // bonn 1,500 × 2; 20 × (200 × 2 + 300); local travel 20 + 20; in-kind (500 + 450) × 2.
        #expect(plan.session("d4")?.cost == SessionCost(cash: 17_040, inKind: 1_900, venue: 3_000, participants: 14_000, travel: 40))
        #expect(plan.session("d5")?.cost == SessionCost(cash: 8_250, inKind: 600, venue: 1_200, participants: 7_000, travel: 50))
        #expect(plan.unscheduled.isEmpty)
    }

    @Test func validPlanVerifiesWithHandComputedScore() {
        let report = Verifier(catalog: catalog, request: request).verify(plan)
        #expect(report.violations.isEmpty, "\(report.violations)")
        // value: d1 4×3 + d2 3×1 + d3 3×1 + d4 2×2 + d5 3×1.
        #expect(report.value == 25)
        #expect(report.cash == 11_100 + 450 + 300 + 17_040 + 8_250)
        #expect(report.cash == 37_140)
        #expect(report.inKind == 4_000)
        #expect(report.scheduled == 5 && report.demands == 5)
        #expect(plan.score == Plan.Score(value: 25, cash: 37_140, inKind: 4_000, scheduled: 5, demands: 5))
    }

    @Test func validPlanPassesThePythonChecker() throws {
        let r = try Fixture.pythonCheck(plan, request)
        #expect(r.status == 0, "\(r.output)")
        #expect(r.output.contains("\"value\": 25"))
        #expect(r.output.contains("\"cash\": 37140"))
    }

    // MARK: - Sessions and time

    @Test func workingWeek() {
        var p = plan
        p.edit("d1") {
            $0.start = "2027-03-04"; $0.end = "2027-03-06"
        }
        var r = request
        r.editDemand("d1") { $0.latest = nil }
        #expect(verdict(p, r) == ["workingWeek: t/d1: 3 days from 2027-03-04 do not fit Monday to Friday of one week"])
    }

    @Test func window() {
        var p = plan
        p.edit("d1") {
            $0.start = "2027-03-15"; $0.end = "2027-03-17"
        }
        #expect(verdict(p) == ["window: t/d1: 2027-03-15..2027-03-17 lies outside 2027-03-01..2027-03-03"])
    }

    @Test func windowDefaultsToTheHorizon() {
        var r = request
        r.editDemand("d1") {
            $0.earliest = nil; $0.latest = nil
        }
        r.horizon.start = .of("2027-03-02")
        #expect(
            verdict(plan, r) == [
                "window: t/d1: 2027-03-01..2027-03-03 lies outside 2027-03-02..2027-03-26",
                "window: t/d4: 2027-03-01..2027-03-02 lies outside 2027-03-02..2027-03-02",
            ])
    }

    @Test func globalBlackout() {
        var r = request
        r.blackouts = [Blackout(name: "Retreat", range: DayRange(start: .of("2027-03-03"), end: .of("2027-03-05")))]
        #expect(verdict(plan, r) == ["blackout: t/d1: touches blackout Retreat 2027-03-03..2027-03-05"])
    }

    @Test func regionalBlackout() {
        var r = request
        r.blackouts = [Blackout(name: "Holiday", range: DayRange(start: .of("2027-03-02"), end: .of("2027-03-02")), regions: ["africa"])]
        #expect(verdict(plan, r) == ["blackout: t/d1: touches blackout Holiday 2027-03-02..2027-03-02"])
        // The same days closed in another region touch nothing of africa: d4 (weog) ends 03-02, so use 03-03.
        r.blackouts = [Blackout(name: "Holiday", range: DayRange(start: .of("2027-03-03"), end: .of("2027-03-03")), regions: ["weog"])]
        #expect(verdict(plan, r) == [])
    }

    @Test func orgBlackout() {
        var r = request
        r.blackouts = [Blackout(name: "COP", range: DayRange(start: .of("2027-03-03"), end: .of("2027-03-03")), orgs: ["UNCCD"])]
        #expect(verdict(plan, r) == ["orgBlackout: t/d1: trainer t1 of UNCCD is in blackout COP"])
        // An org blackout does not close the region's venues to other organisations' trainers.
        r.blackouts = [Blackout(name: "COP", range: DayRange(start: .of("2027-03-03"), end: .of("2027-03-03")), orgs: ["FAO"])]
        #expect(verdict(plan, r) == [])
    }

    @Test func sessionLength() {
        var p = plan
        p.edit("d1") { $0.end = "2027-03-04" }
        #expect(verdict(p) == ["sessionLength: t/d1: 2027-03-01..2027-03-04 (3 days) does not match module joint-3d's 3 days"])
        p = plan
        p.edit("d1") { $0.days = 2 }
        #expect(verdict(p) == ["sessionLength: t/d1: 2027-03-01..2027-03-03 (2 days) does not match module joint-3d's 3 days"])
    }

    // MARK: - Delivery, venues, language, participants

    @Test func participants() {
        var p = plan
        p.edit("d1") { $0.participants = 12 }
        #expect(verdict(p) == ["participants: t/d1: 12 participants, the demand asks for 10"])
    }

    @Test func language() {
        var r = request
        r.editDemand("d1") { $0.languages = ["fr"] }
        #expect(verdict(plan, r) == ["language: t/d1: language en is not offered by joint-3d or not accepted by d1"])
    }

    @Test func venue() {
        var p = plan
        p.edit("d1") { $0.venue = "bonn" }
        // Without a venue of its region the session's cash lacks the venue cost, so the funding and the
        // score no longer add up either.
        #expect(
            verdict(p) == [
                "venue: t/d1: venue bonn is not a venue of africa",
                "cost: t/d1: cost is cash 11100, in-kind 1500, venue 1800, participants 8100, travel 1200; expected 9300, 1500, 0, 8100, 1200",
                "fundingTotal: t/d1: funding adds up to 11100, cash is 9300",
                "scoreCash: score.cash is 37140, the sessions give 35340",
            ])
    }

    @Test func venueCapacity() {
        var p = plan
        p.edit("d4") { $0.venue = "paris" }  // same cost per day as bonn, 12 seats for 20
        #expect(verdict(p) == ["venueCapacity: t/d4: venue paris holds 12, fewer than 20"])
    }

    @Test func venueDoubleBooked() {
        var p = plan
        p.edit("d5") {
            $0.start = "2027-03-02"; $0.end = "2027-03-03"
        }  // into dakar while d1 is there
        var r = request
        r.editDemand("d5") {
            $0.earliest = nil; $0.latest = nil
        }
        r.delivered = [Delivered(module: "online-1d", region: "africa")]
        #expect(verdict(p, r) == ["venueDoubleBooked: venue dakar holds two sessions on one day"])
    }

    @Test func onlineVenue() {
        var p = plan
        p.edit("d2") { $0.venue = "dakar" }
        #expect(verdict(p) == ["onlineVenue: t/d2: an online session has venue dakar"])
    }

    // MARK: - Trainers and staffing

    @Test func trainerCount() {
        var p = plan
        p.edit("d2") { $0.trainers = ["v2", "v3"] }
        #expect(verdict(p) == ["trainerCount: t/d2: needs 1 distinct trainer(s), has v2, v3"])
    }

    @Test func trainerCountDistinct() {
        var p = plan
        p.edit("d4") { $0.trainers = ["t2", "t2"] }
        var r = request
        r.editTrainer("t2") { $0.dayRate = 475 }  // so the in-kind of t2 twice equals that of t2 and t3
        #expect(
            verdict(p, r) == [
                "trainerCount: t/d4: needs 2 distinct trainer(s), has t2, t2",
                "trainerDoubleBooked: trainer t2 has two sessions on 2027-03-01",
            ])
    }

    @Test func unknownTrainer() {
        var p = plan
        p.edit("d2") { $0.trainers = ["ghost"] }
        #expect(verdict(p) == ["unknownTrainer: t/d2: trainer ghost is not in the staff list"])
    }

    @Test func trainerUnqualified() {
        var r = request
        r.editTrainer("v2") { $0.modules = ["advanced"] }
        #expect(verdict(plan, r) == ["trainerUnqualified: t/d2: trainer v2 is not qualified for online-1d"])
    }

    @Test func trainerLanguage() {
        var r = request
        r.editTrainer("v2") { $0.languages = ["es"] }
        #expect(verdict(plan, r) == ["trainerLanguage: t/d2: trainer v2 does not speak en"])
    }

    @Test func trainerUnavailable() {
        var r = request
        r.editTrainer("t1") { $0.unavailable = [DayRange(start: .of("2027-03-03"), end: .of("2027-03-05"))] }
        #expect(verdict(plan, r) == ["trainerUnavailable: t/d1: trainer t1 is unavailable on a session day"])
    }

    @Test func trainerDoubleBooked() {
        var p = plan
        p.edit("d2") { $0.trainers = ["v1"] }  // v1 teaches d3 the same day
        #expect(verdict(p) == ["trainerDoubleBooked: trainer v1 has two sessions on 2027-03-08"])
    }

    @Test func travelRule() {
        // t1 teaches d1 in africa Monday to Wednesday; give him d4 in weog on Thursday and Friday.
        var p = plan
        p.edit("d4") {
            $0.start = "2027-03-04"; $0.end = "2027-03-05"; $0.trainers = ["t1", "t3"]
        }
        var r = request
        r.editDemand("d4") {
            $0.earliest = nil; $0.latest = nil
        }
        r.editTrainer("t1") { $0.modules = ["joint-3d", "pair-2d"] }  // same home and day rate as t2: same cost
        #expect(verdict(p, r) == ["travelRule: trainer t1 week of 2027-03-01 teaches in person in africa and weog"])
        // The next week is another week.
        p.edit("d4") {
            $0.start = "2027-03-11"; $0.end = "2027-03-12"
        }
        #expect(verdict(p, r) == [])
    }

    @Test func travelRuleExemptsOnlineSessions() {
        // v1 teaches d3 online on Monday 03-08; an in-person session in africa the same week is fine.
        var p = plan
        p.edit("d5") {
            $0.trainers = ["v1"]; $0.cost.inKind = 0
        }
        p.score.inKind -= 600
        var r = request
        r.editTrainer("v1") { $0.modules = ["online-1d", "advanced"] }
        #expect(verdict(p, r) == [])
    }

    @Test func trainerMaxDays() {
        var r = request
        r.editTrainer("t1") { $0.maxDays = 2 }
        #expect(verdict(plan, r) == ["trainerMaxDays: trainer t1: 3 days > maxDays 2"])
        r.editTrainer("t1") { $0.maxDays = 3 }
        #expect(verdict(plan, r) == [])
    }

    @Test func staffingCap() {
        // UNCCD trainers: t1 (3 days of d1) and t4 (2 days of d5).
        var r = request
        r.staffing = [StaffingCap(org: "UNCCD", maxDays: 4)]
        #expect(verdict(plan, r) == ["staffingCap: organisation UNCCD: 5 trainer days > 4"])
        r.staffing = [StaffingCap(org: "UNCCD", maxDays: 5)]
        #expect(verdict(plan, r) == [])
    }

    // MARK: - Prerequisites

    @Test func prerequisite() {
        // d5 (advanced, from 03-09) needs online-1d in africa first: move d2 to 03-10.
        var p = plan
        p.edit("d2") {
            $0.start = "2027-03-10"; $0.end = "2027-03-10"
        }
        var r = request
        r.editDemand("d2") {
            $0.earliest = nil; $0.latest = nil
        }
        #expect(verdict(p, r) == ["prerequisite: t/d5: prerequisite online-1d is not delivered in africa before 2027-03-09"])
        // A prerequisite on the session's first day is not "strictly before" either.
        p.edit("d2") {
            $0.start = "2027-03-09"; $0.end = "2027-03-09"
        }
        #expect(verdict(p, r) == ["prerequisite: t/d5: prerequisite online-1d is not delivered in africa before 2027-03-09"])
        // Listed under `delivered`, it need not be scheduled.
        r.delivered = [Delivered(module: "online-1d", region: "africa")]
        #expect(verdict(p, r) == [])
    }

    @Test func prerequisiteInAnotherRegionDoesNotCount() {
        // d3 is online-1d in weog on 03-08: it does not open advanced in africa.
        var p = plan
        p.edit("d2") {
            $0.start = "2027-03-10"; $0.end = "2027-03-10"
        }
        var r = request
        r.editDemand("d2") {
            $0.earliest = nil; $0.latest = nil
        }
        r.delivered = [Delivered(module: "online-1d", region: "weog")]
        #expect(verdict(p, r) == ["prerequisite: t/d5: prerequisite online-1d is not delivered in africa before 2027-03-09"])
    }

    // MARK: - Cost and funding

    @Test func cost() {
        var p = plan
        p.edit("d1") {
            $0.cost.cash = 11_000; $0.cost.venue = 1_700
        }
        #expect(verdict(p) == ["cost: t/d1: cost is cash 11000, in-kind 1500, venue 1700, participants 8100, travel 1200; expected 11100, 1500, 1800, 8100, 1200"])
        p = plan
        p.edit("d4") { $0.cost.inKind = 1_800 }
        #expect(verdict(p) == ["cost: t/d4: cost is cash 17040, in-kind 1800, venue 3000, participants 14000, travel 40; expected 17040, 1900, 3000, 14000, 40"])
    }

    @Test func fundingTotal() {
        var p = plan
        p.edit("d1") { $0.funding = [FundingLine(source: "core", amount: 11_000)] }
        #expect(verdict(p) == ["fundingTotal: t/d1: funding adds up to 11000, cash is 11100"])
    }

    @Test func sourceIneligible() {
        var r = request
        r.funding = [FundingSource(id: "core", name: "Core", owner: "UNCCD", type: "core", cap: 1_000_000, regions: ["africa"])]
        #expect(
            verdict(plan, r) == [
                "sourceIneligible: t/d4: source core may not pay for pair-2d in weog",
                "sourceIneligible: t/d3: source core may not pay for online-1d in weog",
            ])
        r.funding = [FundingSource(id: "core", name: "Core", owner: "UNCCD", type: "core", cap: 1_000_000, conventions: ["UNCCD", "UNFCCC"])]
        #expect(
            verdict(plan, r) == [
                "sourceIneligible: t/d2: source core may not pay for online-1d in africa",
                "sourceIneligible: t/d3: source core may not pay for online-1d in weog",
            ])
        r.funding = [FundingSource(id: "core", name: "Core", owner: "UNCCD", type: "core", cap: 1_000_000, themes: ["finance"])]
        #expect(verdict(plan, r).count == 3)  // d1, d4, d5: land and gender
    }

    @Test func sourceOverCap() {
        var r = request
        r.funding[0].cap = 37_139
        #expect(verdict(plan, r) == ["sourceOverCap: source core: allocated 37140 > cap 37139"])
        r.funding[0].cap = 37_140
        #expect(verdict(plan, r) == [])
    }

    @Test func negativeAmount() {
        var p = plan
        p.edit("d1") { $0.funding = [FundingLine(source: "core", amount: 11_200), FundingLine(source: "core", amount: -100)] }
        #expect(verdict(p) == ["negativeAmount: t/d1: core gives a negative amount"])
    }

    @Test func unknownSource() {
        var p = plan
        p.edit("d1") { $0.funding.append(FundingLine(source: "ghost", amount: 0)) }
        #expect(verdict(p) == ["unknownSource: t/d1: funding source ghost is not in the request"])
    }

    // MARK: - Pins

    @Test func pinned() {
        var r = request
        r.pinned = [Pin(demand: "d1", start: .of("2027-03-01"), venue: "nairobi")]
        #expect(verdict(plan, r) == ["pinned: pinned d1: venue dakar differs from nairobi"])
        r.pinned = [Pin(demand: "d1", start: .of("2027-03-02"))]
        #expect(verdict(plan, r) == ["pinned: pinned d1: start 2027-03-01 differs from 2027-03-02"])
        r.pinned = [Pin(demand: "d4", start: .of("2027-03-01"), trainers: ["t3", "t1"], language: "en")]
        #expect(verdict(plan, r) == ["pinned: pinned d4: language fr differs from en", "pinned: pinned d4: trainers differ from t3, t1"])
        r.pinned = [Pin(demand: "d4", start: .of("2027-03-01"), venue: "bonn", trainers: ["t3", "t2"], language: "fr")]
        #expect(verdict(plan, r) == [])
    }

    @Test func pinnedDemandNotScheduled() {
        var p = plan
        p.sessions.removeAll { $0.demand == "d3" }
        p.unscheduled = [UnscheduledDemand(demand: "d3", reasons: [Reason(code: "lower-value", message: "left out")])]
        p = Fixture.rescored(p, request)
        var r = request
        r.pinned = [Pin(demand: "d3", start: .of("2027-03-08"))]
        #expect(verdict(p, r) == ["pinned: pinned demand d3 is not scheduled"])
    }

    // MARK: - Score and coverage

    @Test func scoreValue() {
        var p = plan
        p.score.value = 26
        #expect(verdict(p) == ["scoreValue: score.value is 26, the sessions give 25"])
    }

    @Test func scoreCash() {
        var p = plan
        p.score.cash = 37_139
        #expect(verdict(p) == ["scoreCash: score.cash is 37139, the sessions give 37140"])
    }

    @Test func scoreInKindAndCounts() {
        var p = plan
        p.score.inKind = 0
        p.score.scheduled = 4
        #expect(
            verdict(p) == [
                "scoreInKind: score.inKind is 0, the sessions give 4000",
                "scoreCounts: score counts 4/5 differ from 5/5",
            ])
    }

    @Test func demandCoverage() {
        var p = plan
        p.sessions.removeAll { $0.demand == "d3" }
        p = Fixture.rescored(p, request)
        #expect(verdict(p) == ["demandCoverage: demand d3 appears 0 times across sessions and unscheduled; it must appear exactly once"])
        p = plan
        p.unscheduled = [UnscheduledDemand(demand: "d3", reasons: [Reason(code: "budget", message: "no money")])]
        #expect(verdict(p) == ["demandCoverage: demand d3 appears 2 times across sessions and unscheduled; it must appear exactly once"])
    }

    @Test func unscheduledWithoutReason() {
        var p = plan
        p.sessions.removeAll { $0.demand == "d3" }
        p.unscheduled = [UnscheduledDemand(demand: "d3", reasons: [])]
        p = Fixture.rescored(p, request)
        #expect(verdict(p) == ["unscheduledWithoutReason: unscheduled d3 gives no reason"])
        p.unscheduled = [UnscheduledDemand(demand: "d3", reasons: [Reason(code: "too-hard", message: "?")])]
        #expect(verdict(p) == ["reasonCode: unscheduled d3: unknown reason code too-hard"])
    }

    @Test func unknownDemandAndSessionIdentity() {
        var p = plan
        p.unscheduled = [UnscheduledDemand(demand: "d9", reasons: [Reason(code: "budget", message: "x")])]
        #expect(verdict(p) == ["unknownDemand: d9 is not a demand of the request"])
        p = plan
        p.edit("d3") { $0.id = "other/d3" }
        #expect(verdict(p) == ["sessionID: other/d3: id should be t/d3"])
    }
}
