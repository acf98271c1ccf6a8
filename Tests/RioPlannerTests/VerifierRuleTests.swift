import Foundation
import RioModel
import Testing

@testable import RioPlanner

/// One test per rule of scheduling-model.md, in the style of Timefold's `ConstraintVerifier`.
///
/// The facts are hand-written (`VerifierFixture`): a request and catalog under
/// `Tests/Fixtures/verifier` and a valid plan that verifies with no violation. For every
/// ``Verifier/Rule`` the table ``breaches`` holds the smallest change to that plan (or to the
/// request it is checked against) that breaks exactly that rule, and the exact message expected.
@Suite struct VerifierRuleTests {
    /// The fixture's catalog and request, loaded afresh for each test.
    let catalog: Catalog
    let request: PlanRequest
    /// The hand-written valid plan.
    let plan = VerifierFixture.plan

    /// Loads the fixture's catalog and request.
    init() throws { (catalog, request) = try VerifierFixture.load() }

    /// The verdict of `plan` against `request` (both default to the fixture's).
    func verdict(_ plan: Plan? = nil, _ request: PlanRequest? = nil) -> [String] {
        VerifierFixture.verdict(plan ?? self.plan, request ?? self.request, catalog)
    }

    // MARK: - The valid plan

    /// The hand-written plan breaks no rule, and the Verifier recomputes the hand-computed score.
    @Test func validPlanVerifiesWithTheHandComputedScore() {
        let report = Verifier(catalog: catalog, request: request).verify(plan)
        #expect(report.valid)
        #expect(report.violations.isEmpty, "\(report.violations)")
        // Worked out in VerifierFixture: value 4×3 + 2×2 + 3 × 5 sessions of jointness 1.
        #expect(report.value == 31)
        #expect(report.cash == 11_100 + 17_040 + 450 + 300 + 8_250 + 0 + 11_200)
        #expect(report.cash == 48_340)
        #expect(report.inKind == 1_500 + 1_900 + 600 + 600)
        #expect(report.scheduled == 7 && report.demands == 8)
    }

    /// The reference checker (`../shared/tools/check-plan`) agrees that the hand-written plan is valid.
    @Test func validPlanPassesThePythonChecker() throws {
        let r = try VerifierFixture.pythonCheck(plan)
        #expect(r.status == 0, "\(r.output)")
        #expect(r.output.contains("\"value\": 31"), "\(r.output)")
        #expect(r.output.contains("\"cash\": 48340"), "\(r.output)")
    }

    // MARK: - One breach per rule

    /// The smallest change to the valid fixture that breaks one rule, and that rule's expected message.
    struct Breach: Sendable {
        /// The message expected after `<rule>: `.
        let message: String
        /// The change to the valid plan and the fixture's request.
        let change: @Sendable (inout Plan, inout PlanRequest) -> Void

        /// A breach made by changing the plan.
        static func plan(_ message: String, _ change: @escaping @Sendable (inout Plan) -> Void) -> Breach {
            Breach(message: message) { p, _ in change(&p) }
        }

        /// A breach made by changing the request the plan is checked against.
        static func request(_ message: String, _ change: @escaping @Sendable (inout PlanRequest) -> Void) -> Breach {
            Breach(message: message) { _, r in change(&r) }
        }
    }

    /// Rule → breach. Every `Verifier.Rule` needs an entry (`everyRuleHasABreach`).
    static let breaches: [Verifier.Rule: Breach] = [
        // The file and the coverage of demands.
        .format: .plan("format is rioplan-plan/0, expected rioplan-plan/1") { $0.format = "rioplan-plan/0" },
        .planName: .plan("plan name w differs from the request's v") { $0.name = "w" },
        .unscheduledWithoutReason: .plan("unscheduled d8 gives no reason") { $0.unscheduled[0].reasons = [] },
        .reasonCode: .plan("unscheduled d8: unknown reason code too-hard") { $0.unscheduled[0].reasons[0].code = "too-hard" },
        .demandCoverage: .plan("demand d8 appears 0 times across sessions and unscheduled; it must appear exactly once") {
            $0.unscheduled = []
        },
        .unknownDemand: .plan("d9 is not a demand of the request") {
            $0.unscheduled.append(UnscheduledDemand(demand: "d9", reasons: [Reason(code: "budget", message: "no money")]))
        },

        // One session: identity and time.
        .sessionID: .plan("other/d3: id should be v/d3") { $0.edit("d3") { $0.id = "other/d3" } },
        .demandMismatch: .plan("v/d3: module/region online-1d/africa differ from the demand's online-1d/weog") {
            $0.edit("d3") { $0.region = "africa" }
        },
        // A session without dates is not counted: the score loses d6's value 3 (its cash and in-kind are 0).
        .dates: .plan("v/d6: start or end is not a date") {
            $0.edit("d6") { $0.start = "10/03/2027" }
            $0.score.value -= 3
        },
        .sessionLength: .plan("v/d1: 2027-03-01..2027-03-03 (2 days) does not match module joint-3d's 3 days") {
            $0.edit("d1") { $0.days = 2 }
        },
        .workingWeek: .plan("v/d6: 1 days from 2027-03-13 do not fit Monday to Friday of one week") {
            $0.move("d6", "2027-03-13", "2027-03-13")  // a Saturday
        },
        .window: .plan("v/d5: 2027-03-16..2027-03-17 lies outside 2027-03-08..2027-03-12") {
            $0.move("d5", "2027-03-16", "2027-03-17")
        },
        .blackout: .plan("v/d1: touches blackout Africa holiday 2027-03-22..2027-03-26") {
            $0.move("d1", "2027-03-22", "2027-03-24")
        },
        .participants: .plan("v/d1: 12 participants, the demand asks for 10") { $0.edit("d1") { $0.participants = 12 } },
        // online-1d offers es and v2 speaks it, but d2 accepts only en.
        .language: .plan("v/d2: language es is not offered by online-1d or not accepted by d2") { $0.edit("d2") { $0.language = "es" } },

        // One session: trainers (v1 and v3 have day rate 0 and teach online, so swapping them changes no cost).
        .trainerCount: .plan("v/d6: needs 1 distinct trainer(s), has v3, v1") { $0.edit("d6") { $0.trainers = ["v3", "v1"] } },
        .unknownTrainer: .plan("v/d6: trainer ghost is not in the staff list") { $0.edit("d6") { $0.trainers = ["ghost"] } },
        .trainerUnqualified: .plan("v/d3: trainer v3 is not qualified for online-1d") { $0.edit("d3") { $0.trainers = ["v3"] } },
        .trainerLanguage: .plan("v/d3: trainer v1 does not speak es") { $0.edit("d3") { $0.language = "es" } },
        .trainerUnavailable: .request("v/d1: trainer t1 is unavailable on a session day") {
            $0.editTrainer("t1") { $0.unavailable = [DayRange(start: .of("2027-03-03"), end: .of("2027-03-05"))] }
        },
        // Into week 1, where the FAO retreat keeps v3 away.
        .orgBlackout: .plan("v/d6: trainer v3 of FAO is in blackout FAO retreat") {
            $0.move("d6", "2027-03-05", "2027-03-05")
        },

        // One session: venue, cost and funding.
        .venueCapacity: .plan("v/d4: venue paris holds 12, fewer than 20") { $0.edit("d4") { $0.venue = "paris" } },  // 1,500/day like bonn
        // With a venue of another region the cost has no venue part: 11,100 - 1,800 = 9,300, and the
        // funding and score follow, so that only `venue` is broken.
        .venue: .plan("v/d1: venue bonn is not a venue of africa") {
            $0.edit("d1") {
                $0.venue = "bonn"
                $0.cost = SessionCost(cash: 9_300, inKind: 1_500, venue: 0, participants: 8_100, travel: 1_200)
                $0.funding = [FundingLine(source: "africa-fund", amount: 9_300)]
            }
            $0.score.cash -= 1_800
        },
        .onlineVenue: .plan("v/d6: an online session has venue bonn") { $0.edit("d6") { $0.venue = "bonn" } },
        .cost: .plan("v/d4: cost is cash 17040, in-kind 1800, venue 3000, participants 14000, travel 40; expected 17040, 1900, 3000, 14000, 40") {
            $0.edit("d4") { $0.cost.inKind = 1_800 }
        },
        .unknownSource: .plan("v/d3: funding source ghost is not in the request") {
            $0.edit("d3") { $0.funding.append(FundingLine(source: "ghost", amount: 0)) }
        },
        .negativeAmount: .plan("v/d3: core gives a negative amount") {
            $0.edit("d3") { $0.funding = [FundingLine(source: "core", amount: 400), FundingLine(source: "core", amount: -100)] }
        },
        // africa-fund pays only in africa; it has room under its cap.
        .sourceIneligible: .plan("v/d3: source africa-fund may not pay for online-1d in weog") {
            $0.edit("d3") { $0.funding = [FundingLine(source: "africa-fund", amount: 300)] }
        },
        .fundingTotal: .plan("v/d3: funding adds up to 299, cash is 300") { $0.edit("d3") { $0.funding = [FundingLine(source: "core", amount: 299)] } },
        .fundingOnZeroCash: .plan("v/d6: a session with no cash has funding lines") {
            $0.edit("d6") { $0.funding = [FundingLine(source: "core", amount: 0)] }
        },

        // Across sessions.
        .trainerDoubleBooked: .plan("trainer v1 has two sessions on 2027-03-08") { $0.edit("d2") { $0.trainers = ["v1"] } },  // v1 teaches d3 that day
        .trainerMaxDays: .request("trainer t4: 4 days > maxDays 3") { $0.editTrainer("t4") { $0.maxDays = 3 } },
        // d7 (weog) into Thursday and Friday of the week t4 teaches d5 in africa.
        .travelRule: .plan("trainer t4 week of 2027-03-08 teaches in person in africa and weog") {
            $0.move("d7", "2027-03-11", "2027-03-12")
        },
        // d1 (no window) onto dakar's days of d5.
        .venueDoubleBooked: .plan("venue dakar holds two sessions on one day") {
            $0.move("d1", "2027-03-09", "2027-03-11")
        },
        .staffingCap: .request("organisation UNCCD: 7 trainer days > 6") { $0.staffing[0].maxDays = 6 },
        // One unit of d5 moves from africa-fund to core, which is used up to its cap.
        .sourceOverCap: .plan("source core: allocated 36341 > cap 36340") {
            $0.edit("d5") { $0.funding = [FundingLine(source: "africa-fund", amount: 899), FundingLine(source: "core", amount: 7_351)] }
        },
        // d2 (online-1d in africa) on d5's first day: not strictly before it.
        .prerequisite: .plan("v/d5: prerequisite online-1d is not delivered in africa before 2027-03-09") {
            $0.move("d2", "2027-03-09", "2027-03-09")
        },
        .pinned: .plan("pinned d4: start 2027-03-02 differs from 2027-03-01") {
            $0.move("d4", "2027-03-02", "2027-03-03")
        },

        // The score.
        .scoreValue: .plan("score.value is 32, the sessions give 31") { $0.score.value = 32 },
        .scoreCash: .plan("score.cash is 48339, the sessions give 48340") { $0.score.cash = 48_339 },
        .scoreInKind: .plan("score.inKind is 4599, the sessions give 4600") { $0.score.inKind = 4_599 },
        .scoreCounts: .plan("score counts 6/8 differ from 7/8") { $0.score.scheduled = 6 },
    ]

    /// A new `Verifier.Rule` cannot go untested: the table must hold a breach for it.
    @Test func everyRuleHasABreach() {
        let missing = Verifier.Rule.allCases.filter { Self.breaches[$0] == nil }
        #expect(missing.isEmpty, "rules without a breach in VerifierRuleTests.breaches: \(missing)")
    }

    /// Each breach yields exactly its rule, with the exact message.
    @Test(arguments: Verifier.Rule.allCases)
    func breachBreaksExactlyItsRule(_ rule: Verifier.Rule) throws {
        let breach = try #require(Self.breaches[rule], "no breach for \(rule)")
        var p = plan
        var r = request
        breach.change(&p, &r)
        #expect(verdict(p, r) == ["\(rule.rawValue): \(breach.message)"])
    }

    // MARK: - The rule names are a contract

    /// The rule names are what `rioplan check` prints and writes: renaming one breaks scripts that read them.
    @Test func ruleNamesAreTheCheckOutputsNames() {
        #expect(
            Verifier.Rule.allCases.map(\.rawValue) == [
                "format", "planName", "unscheduledWithoutReason", "reasonCode", "demandCoverage", "unknownDemand",
                "sessionID", "demandMismatch", "dates", "sessionLength", "workingWeek", "window", "blackout", "participants", "language",
                "trainerCount", "unknownTrainer", "trainerUnqualified", "trainerLanguage", "trainerUnavailable", "orgBlackout",
                "venueCapacity", "venue", "onlineVenue", "cost", "unknownSource", "negativeAmount", "sourceIneligible", "fundingTotal",
                "fundingOnZeroCash", "trainerDoubleBooked", "trainerMaxDays", "travelRule", "venueDoubleBooked", "staffingCap",
                "sourceOverCap", "prerequisite", "pinned", "scoreValue", "scoreCash", "scoreInKind", "scoreCounts",
            ])
        #expect(Verifier.Rule.allCases.allSatisfy { "\($0)" == $0.rawValue })
    }

    /// `Violation.rule` encodes as the plain rule name, as when it was a `String`.
    @Test func violationEncodesItsRuleAsTheName() throws {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        let v = Verifier.Violation(rule: .trainerDoubleBooked, message: "m")
        #expect(String(decoding: try e.encode(v), as: UTF8.self) == #"{"message":"m","rule":"trainerDoubleBooked"}"#)
        #expect(try JSONDecoder().decode(Verifier.Violation.self, from: Data(#"{"message":"m","rule":"sourceOverCap"}"#.utf8)).rule == .sourceOverCap)
    }

    /// Violations come file first, then sessions in plan order, then rules across sessions and the score.
    @Test func violationsComeInCheckOrder() {
        var p = plan
        p.score.cash = 48_339
        p.edit("d7") { $0.id = "other/d7" }
        p.edit("d1") { $0.participants = 12 }
        p.name = "w"
        #expect(
            verdict(p) == [
                "planName: plan name w differs from the request's v",
                "participants: v/d1: 12 participants, the demand asks for 10",
                "sessionID: other/d7: id should be v/d7",
                "scoreCash: score.cash is 48339, the sessions give 48340",
            ])
    }

    // MARK: - Edges of the rules

    /// A demand without `earliest`/`latest` (d1, d4) has the horizon as its window.
    @Test func windowDefaultsToTheHorizon() {
        var r = request
        r.horizon.start = .of("2027-03-02")
        #expect(
            verdict(plan, r) == [
                "window: v/d1: 2027-03-01..2027-03-03 lies outside 2027-03-02..2027-03-26",
                "window: v/d4: 2027-03-01..2027-03-02 lies outside 2027-03-02..2027-03-26",
            ])
    }

    /// A blackout with neither regions nor orgs closes every region.
    @Test func globalBlackoutClosesEveryRegion() {
        var r = request
        r.blackouts.append(Blackout(name: "Retreat", range: DayRange(start: .of("2027-03-02"), end: .of("2027-03-02"))))
        #expect(
            verdict(plan, r) == [
                "blackout: v/d1: touches blackout Retreat 2027-03-02..2027-03-02",
                "blackout: v/d4: touches blackout Retreat 2027-03-02..2027-03-02",
            ])
    }

    /// The valid plan already holds d7 in weog during the africa holiday and d1, d4 during the FAO retreat.
    @Test func blackoutsTouchOnlyTheirRegionOrOrganisation() {
        var r = request
        r.blackouts.append(Blackout(name: "COP", range: DayRange(start: .of("2027-03-03"), end: .of("2027-03-03")), orgs: ["UNCCD"]))
        #expect(verdict(plan, r) == ["orgBlackout: v/d1: trainer t1 of UNCCD is in blackout COP"])
        r.blackouts[2].orgs = ["CBD"]  // t2 of CBD teaches d4 on 03-01 and 03-02 only
        #expect(verdict(plan, r) == [])
    }

    /// The travel rule looks at one ISO week at a time and only at venue-based sessions.
    @Test func travelRuleIsPerISOWeekAndExemptsOnlineSessions() {
        // t4 teaches d5 in africa in week 2; d7 in weog on Monday of week 3 is another week.
        var p = plan
        p.move("d7", "2027-03-15", "2027-03-16")
        #expect(verdict(p) == [])
        // t4 also teaching d3 online in weog in week 2 is no travel: d3 gains t4's in-kind 300.
        var r = request
        r.editTrainer("t4") {
            $0.modules.append("online-1d"); $0.maxDays = 5
        }
        r.staffing[0].maxDays = 8
        p = plan
        p.edit("d3") {
            $0.trainers = ["t4"]; $0.cost.inKind = 300
        }
        p.score.inKind += 300
        #expect(verdict(p, r) == [])
    }

    /// A prerequisite listed under `delivered` for the region need not be scheduled before.
    @Test func prerequisiteDeliveredNeedNotBeScheduled() {
        var p = plan
        p.move("d2", "2027-03-09", "2027-03-09")
        var r = request
        r.delivered.append(Delivered(module: "online-1d", region: "africa"))
        #expect(verdict(p, r) == [])
    }

    /// A pin reports each of venue, language and trainers that differs, and a pinned demand left out.
    @Test func pinnedNamesEveryDifference() {
        var r = request
        r.pinned = [Pin(demand: "d1", start: .of("2027-03-01"), venue: "nairobi", trainers: ["t2"], language: "fr")]
        #expect(
            verdict(plan, r) == [
                "pinned: pinned d1: venue dakar differs from nairobi",
                "pinned: pinned d1: language en differs from fr",
                "pinned: pinned d1: trainers differ from t2",
            ])
        r.pinned = [Pin(demand: "d8", start: .of("2027-03-08"))]
        #expect(verdict(plan, r) == ["pinned: pinned demand d8 is not scheduled"])
    }

    /// A demand both scheduled and unscheduled appears twice.
    @Test func demandCoverageCountsSessionsAndUnscheduledTogether() {
        var p = plan
        p.unscheduled.append(UnscheduledDemand(demand: "d3", reasons: [Reason(code: "budget", message: "no money")]))
        #expect(verdict(p) == ["demandCoverage: demand d3 appears 2 times across sessions and unscheduled; it must appear exactly once"])
    }
}
