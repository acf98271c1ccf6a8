import RioModel
import Testing

@testable import RioExport

/// `ICalendar.History(versions:)`: SEQUENCE and cancelled sessions from a plan's versions.
@Suite struct CalendarHistoryTests {
    static func s(
        _ d: String, start: String = "2027-03-01", venue: String? = "dakar", trainers: [String] = ["t1"],
        language: String = "en", cash: Int = 100
    ) -> PlanSession {
        PlanSession(
            id: "p/\(d)", demand: d, module: "m", region: "africa", venue: venue, language: language, start: start,
            end: start, days: 1, participants: 5, trainers: trainers, conventions: ["CBD"], mandates: [], themes: [],
            cost: SessionCost(cash: cash, inKind: 0, venue: 0, participants: cash, travel: 0), funding: [])
    }

    static func plan(_ sessions: [PlanSession]) -> Plan {
        Plan(
            name: "p", currency: "USD", horizon: .init(start: "2027-03-01", end: "2027-03-31"),
            inputs: .init(request: "r.yaml", catalog: "c", requestSha256: nil, catalogSha256: nil), sessions: sessions,
            unscheduled: [], score: .init(value: 0, cash: 0, inKind: 0, scheduled: sessions.count, demands: 3),
            solver: .init(seconds: 0, seed: nil, timeLimit: nil, iterations: nil))
    }

    @Test func oneVersionIsAllNew() {
        let h = ICalendar.History(versions: [Self.plan([Self.s("d1"), Self.s("d2")])])
        #expect(h.sequence == ["p/d1": 0, "p/d2": 0])
        #expect(h.cancelled.isEmpty)
    }

    @Test func eachKindOfChangeRaisesTheSequenceOnce() {
        let v1 = Self.plan([Self.s("d1"), Self.s("d2"), Self.s("d3"), Self.s("d4"), Self.s("d5")])
        let v2 = Self.plan([
            Self.s("d1", start: "2027-03-02"), Self.s("d2", venue: nil), Self.s("d3", trainers: ["t2"]),
            Self.s("d4", language: "fr"), Self.s("d5", cash: 999),
        ])
        let h = ICalendar.History(versions: [v1, v2])
        #expect(h.sequence == ["p/d1": 1, "p/d2": 1, "p/d3": 1, "p/d4": 1, "p/d5": 0])
    }

    @Test func droppedSessionsComeBackCancelledAndRestoredOnesRiseAgain() {
        let v1 = Self.plan([Self.s("d1"), Self.s("d2")])
        let v2 = Self.plan([Self.s("d1")])
        let dropped = ICalendar.History(versions: [v1, v2])
        #expect(dropped.cancelled.map(\.id) == ["p/d2"])
        #expect(dropped.sequence["p/d2"] == 1)
        // Still cancelled two versions later, for clients that missed a version.
        let later = ICalendar.History(versions: [v1, v2, Self.plan([Self.s("d1", start: "2027-03-05")])])
        #expect(later.cancelled.map(\.id) == ["p/d2"])
        #expect(later.sequence == ["p/d1": 1, "p/d2": 1])
        let back = ICalendar.History(versions: [v1, v2, v1])
        #expect(back.cancelled.isEmpty)
        #expect(back.sequence == ["p/d1": 0, "p/d2": 2])
    }
}
