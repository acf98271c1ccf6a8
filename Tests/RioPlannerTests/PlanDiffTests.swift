import Foundation
import RioModel
import Testing

@testable import RioPlanner

/// `PlanDiff`: each kind of change, exactly, on hand-made plans.
@Suite struct PlanDiffTests {
    /// A session of demand `demand` with one funding line per `funding` entry.
    static func s(
        _ demand: String, start: String = "2027-03-01", end: String? = nil, venue: String? = "dakar",
        language: String = "en", trainers: [String] = ["t1"], conventions: [String] = ["UNCCD"],
        cash: Int = 1000, funding: [(String, Int)]? = nil
    ) -> PlanSession {
        PlanSession(
            id: "p/\(demand)", demand: demand, module: "m-\(demand)", region: "africa", venue: venue, language: language,
            start: start, end: end ?? start, days: 1, participants: 10, trainers: trainers, conventions: conventions,
            mandates: [], themes: [], cost: SessionCost(cash: cash, inKind: 100, venue: 0, participants: cash, travel: 0),
            funding: (funding ?? [("core", cash)]).map { FundingLine(source: $0.0, amount: $0.1) })
    }

    static func plan(_ sessions: [PlanSession], value: Int? = nil) -> Plan {
        Plan(
            name: "p", currency: "USD", horizon: .init(start: "2027-03-01", end: "2027-03-31"),
            inputs: .init(request: "r.yaml", catalog: "c", requestSha256: nil, catalogSha256: nil), sessions: sessions,
            unscheduled: [],
            score: .init(
                value: value ?? sessions.count * 3, cash: sessions.reduce(0) { $0 + $1.cost.cash },
                inKind: sessions.reduce(0) { $0 + $1.cost.inKind }, scheduled: sessions.count, demands: 5),
            solver: .init(seconds: 0, seed: 1, timeLimit: nil, iterations: 0))
    }

    @Test func identicalPlansHaveNoChange() {
        let p = Self.plan([Self.s("d1"), Self.s("d2", start: "2027-03-02")])
        let d = PlanDiff(old: p, new: p)
        #expect(d.unchanged == 2)
        #expect(d.added.isEmpty && d.cancelled.isEmpty && d.moved.isEmpty && d.restaffed.isEmpty)
        #expect(d.conventions.isEmpty)
        #expect(d.isEmpty)
        #expect(d.money == [.init(source: "core", old: 2000, new: 2000, delta: 0)])
    }

    @Test func addedSession() {
        let d = PlanDiff(old: Self.plan([Self.s("d1")]), new: Self.plan([Self.s("d1"), Self.s("d2", conventions: ["CBD", "UNCCD"])]))
        #expect(d.added.map(\.demand) == ["d2"])
        #expect(d.added.first?.old == nil)
        #expect(d.added.first?.new?.start == "2027-03-01")
        #expect(d.cancelled.isEmpty && d.moved.isEmpty && d.restaffed.isEmpty)
        #expect(d.unchanged == 1)
        #expect(d.totals.scheduled == .init(old: 1, new: 2))
        #expect(d.conventions.map(\.convention) == ["CBD", "UNCCD"])
        #expect(d.conventions.first { $0.convention == "UNCCD" }?.sessions == .init(old: 1, new: 2))
        #expect(d.conventions.allSatisfy { $0.added == 1 && $0.cancelled == 0 && $0.changed == 0 })
    }

    @Test func cancelledSession() {
        let d = PlanDiff(old: Self.plan([Self.s("d1"), Self.s("d2")]), new: Self.plan([Self.s("d2")]))
        #expect(d.cancelled.map(\.demand) == ["d1"])
        #expect(d.cancelled.first?.new == nil)
        #expect(d.cancelled.first?.old?.cash == 1000)
        #expect(d.added.isEmpty && d.moved.isEmpty && d.restaffed.isEmpty)
        #expect(d.unchanged == 1)
        #expect(d.money == [.init(source: "core", old: 2000, new: 1000, delta: -1000)])
        #expect(d.conventions == [.init(convention: "UNCCD", sessions: .init(old: 2, new: 1), added: 0, cancelled: 1, changed: 0)])
    }

    @Test func startChangeIsAMove() {
        let d = PlanDiff(old: Self.plan([Self.s("d1")]), new: Self.plan([Self.s("d1", start: "2027-03-08")]))
        #expect(d.moved.map(\.demand) == ["d1"])
        #expect(d.moved.first?.old?.start == "2027-03-01")
        #expect(d.moved.first?.new?.start == "2027-03-08")
        #expect(d.restaffed.isEmpty && d.unchanged == 0 && d.changedCount == 1)
    }

    @Test func venueChangeIsAMove() {
        let d = PlanDiff(old: Self.plan([Self.s("d1", venue: "dakar")]), new: Self.plan([Self.s("d1", venue: nil)]))
        #expect(d.moved.map(\.demand) == ["d1"])
        #expect(d.moved.first?.new?.venue == nil)
        #expect(d.restaffed.isEmpty && d.unchanged == 0)
    }

    @Test func endChangeIsAMove() {
        let d = PlanDiff(old: Self.plan([Self.s("d1")]), new: Self.plan([Self.s("d1", end: "2027-03-02")]))
        #expect(d.moved.map(\.demand) == ["d1"])
    }

    @Test func trainerChangeIsARestaffing() {
        let d = PlanDiff(old: Self.plan([Self.s("d1", trainers: ["t1"])]), new: Self.plan([Self.s("d1", trainers: ["t2"])]))
        #expect(d.restaffed.map(\.demand) == ["d1"])
        #expect(d.restaffed.first?.old?.trainers == ["t1"])
        #expect(d.restaffed.first?.new?.trainers == ["t2"])
        #expect(d.moved.isEmpty && d.unchanged == 0)
    }

    @Test func trainerOrderAloneIsNoChange() {
        let d = PlanDiff(old: Self.plan([Self.s("d1", trainers: ["t1", "t2"])]), new: Self.plan([Self.s("d1", trainers: ["t2", "t1"])]))
        #expect(d.unchanged == 1 && d.restaffed.isEmpty)
    }

    @Test func languageChangeIsARestaffing() {
        let d = PlanDiff(old: Self.plan([Self.s("d1", language: "en")]), new: Self.plan([Self.s("d1", language: "fr")]))
        #expect(d.restaffed.map(\.demand) == ["d1"])
        #expect(d.moved.isEmpty && d.unchanged == 0)
    }

    @Test func moveAndRestaffingListedUnderBoth() {
        let d = PlanDiff(old: Self.plan([Self.s("d1")]), new: Self.plan([Self.s("d1", start: "2027-03-03", trainers: ["t9"])]))
        #expect(d.moved.map(\.demand) == ["d1"])
        #expect(d.restaffed.map(\.demand) == ["d1"])
        #expect(d.changedCount == 1)
        #expect(d.conventions.first?.changed == 1)
    }

    @Test func fundingOnlyChangeMovesMoneyButKeepsTheSession() {
        let old = Self.plan([Self.s("d1", funding: [("core", 600), ("gef", 400)])])
        let new = Self.plan([Self.s("d1", funding: [("core", 1000)])])
        let d = PlanDiff(old: old, new: new)
        #expect(d.unchanged == 1)
        #expect(d.money == [.init(source: "core", old: 600, new: 1000, delta: 400), .init(source: "gef", old: 400, new: 0, delta: -400)])
        #expect(!d.isEmpty)
    }

    @Test func totalsCompareScores() {
        let d = PlanDiff(
            old: Self.plan([Self.s("d1", cash: 500), Self.s("d2", cash: 700)], value: 9),
            new: Self.plan([Self.s("d1", cash: 500)], value: 4))
        #expect(d.totals.value == .init(old: 9, new: 4))
        #expect(d.totals.value.delta == -5)
        #expect(d.totals.cash == .init(old: 1200, new: 500))
        #expect(d.totals.inKind == .init(old: 200, new: 100))
    }

    @Test func orderIsSortedWhateverThePlanOrder() throws {
        let a = [Self.s("d3"), Self.s("d1"), Self.s("d2")]
        let b = [Self.s("d2", start: "2027-03-09"), Self.s("d3", start: "2027-03-09"), Self.s("d1", start: "2027-03-09")]
        let d1 = PlanDiff(old: Self.plan(a), new: Self.plan(b))
        let d2 = PlanDiff(old: Self.plan(a.reversed()), new: Self.plan(b.reversed()))
        #expect(d1.moved.map(\.demand) == ["d1", "d2", "d3"])
        #expect(try d1.json() == d2.json())
        #expect(d1.text == d2.text)
    }

    @Test func jsonHasSortedKeysAndNulls() throws {
        let d = PlanDiff(old: Self.plan([Self.s("d1", venue: nil)]), new: Self.plan([]), oldLabel: "a.json", newLabel: "p@2")
        let text = try d.json()
        #expect(text.contains("\"venue\" : null"))
        #expect(text.contains("\"new\" : null"))
        let back = try JSONDecoder().decode(PlanDiff.self, from: Data(text.utf8))
        #expect(back == d)
        // Keys of the top-level object come sorted.
        let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys == keys.sorted())
    }

    @Test func textNamesEveryChange() {
        let old = Self.plan([Self.s("d1"), Self.s("d2"), Self.s("d3"), Self.s("d4")])
        let new = Self.plan([Self.s("d2", start: "2027-03-05"), Self.s("d3", language: "fr"), Self.s("d4"), Self.s("d5")])
        let t = PlanDiff(old: old, new: new, oldLabel: "v1", newLabel: "v2").text
        #expect(t.contains("Plan p: v1 -> v2"))
        #expect(t.contains("Sessions: 1 unchanged, 1 added, 1 cancelled, 1 moved, 1 re-staffed."))
        #expect(t.contains("Cancelled (1):\n  d1 "))
        #expect(t.contains("Added (1):\n  d5 "))
        #expect(t.contains("Moved (1):\n  d2 "))
        #expect(t.contains("2027-03-01 at dakar -> 2027-03-05 at dakar"))
        #expect(t.contains("Re-staffed (1):\n  d3 "))
        #expect(t.contains("t1 (en) -> t1 (fr)"))
        #expect(t.contains("Cash per funding source (USD):"))
    }
}

/// `Scenario`: what-if caps and trainers.
@Suite struct PlanDiffScenarioTests {
    @Test func capTexts() {
        #expect(Scenario.Cap("gef=-30%")?.apply(to: 1_395_700) == 976_990)
        #expect(Scenario.Cap("gef=+10%")?.apply(to: 1000) == 1100)
        #expect(Scenario.Cap("gef=250,000")?.apply(to: 1000) == 250_000)
        #expect(Scenario.Cap("gef=-25%")?.apply(to: 1000) == 750)
        #expect(Scenario.Cap("gef") == nil)
        #expect(Scenario.Cap("gef=-x%") == nil)
        #expect(Scenario.Cap("=5") == nil)
        #expect(Scenario.Cap("gef=-5") == nil)
    }

    @Test func appliesAndRefusesUnknownIds() throws {
        let req = PlanRequest(
            name: "p", title: "", currency: "USD", horizon: DayRange(start: .of("2027-03-01"), end: .of("2027-03-31")),
            demands: [],
            staff: [
                Trainer(
                    id: "t-001", name: "A", org: "UNCCD", home: "weog", languages: ["en"],
                    modules: [], dayRate: 0)
            ],
            funding: [FundingSource(id: "gef-ccb", name: "GEF", owner: "GEF", type: "grant", cap: 1000)])
        let r = try Scenario(caps: [.init(source: "gef-ccb", change: .percent(-30))], withoutTrainers: ["t-001"]).apply(to: req)
        #expect(r.funding.first?.cap == 700)
        #expect(r.staff.isEmpty)
        do {
            _ = try Scenario(caps: [.init(source: "gef-cbb", change: .amount(5))]).apply(to: req)
            Issue.record("an unknown source was accepted")
        } catch let e as RioError {
            #expect(e.exitStatus == .usage)
            #expect(e.description.contains("did you mean `gef-ccb`"))
        }
        #expect(throws: RioError.self) { try Scenario(withoutTrainers: ["t-01"]).apply(to: req) }
    }
}
