import Foundation
import RioExport
import RioModel
import RioStore
import Testing

@testable import RioWorkspace

/// `rioplan publish`: recorded versions made visible, in order, never a plan `check` rejects.
@Suite struct PublicationTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func publishingIsIdempotent() throws {
        let f = try WorkspaceFixture(), ws = f.workspace()
        _ = try f.plan(ws)
        let first = try ws.publishPlan("t", by: "coordinator", at: PublicationTests.t0)
        #expect(first.publication == Publication(name: "t", version: 1, publishedAt: PublicationTests.t0, publishedBy: "coordinator"))
        #expect(!first.alreadyPublished && first.sessions == 5)
        let again = try f.workspace().publishPlan("t@1", by: "someone else", at: PublicationTests.t0.addingTimeInterval(600))
        #expect(again.alreadyPublished && again.publication == first.publication)
        #expect(try ws.publish("t@latest", by: "x") == first.publication)
        #expect(try ws.publications(name: "t") == [first.publication])
        #expect(try ws.publishedPlanNames() == [first.publication])
        let context = try #require(try ws.publishedContext(name: "t"))
        #expect(context.version == 1 && context.report.valid)
    }

    @Test func laterVersionsMoveThePublicationAndOlderOnesAreRefused() throws {
        let f = try WorkspaceFixture(), ws = f.workspace()
        _ = try f.plan(ws)
        _ = try f.plan(ws)
        _ = try f.plan(ws)
        _ = try ws.publishPlan("t@1", by: "a", at: PublicationTests.t0)
        _ = try ws.publishPlan("t@3", by: "b", at: PublicationTests.t0.addingTimeInterval(60))
        #expect(try ws.publications(name: "t").map(\.version) == [1, 3])
        #expect(try ws.publishedPlanNames().map(\.label) == ["t@3"])
        #expect(try ws.publishedContext(name: "t")?.version == 3)
        #expect(
            problem { _ = try ws.publish("t@2", by: "c") }
                == "t@3 is published already, and subscribed calendars cannot go back to the older t@2; to show that plan again, re-plan so that it is recorded as a newer version, then publish that"
        )
        // Re-publishing an earlier published version is still a no-op.
        #expect(try ws.publishPlan("t@1", by: "d").alreadyPublished)
        #expect(try ws.publications(name: "t").map(\.version) == [1, 3])
    }

    @Test func unknownNamesVersionsAndFilesAreRefused() throws {
        let f = try WorkspaceFixture(), ws = f.workspace()
        #expect(problem { _ = try ws.publish("t", by: "x") }.hasPrefix("cannot read \(f.database): no workspace database yet"))
        _ = try f.plan(ws)
        #expect(
            problem { _ = try ws.publish("nope", by: "x") }
                == "no recorded plan nope; `rioplan history nope` lists the recorded versions, and `rioplan plan` records a new one")
        #expect(
            problem { _ = try ws.publish("t@7", by: "x") }
                == "no recorded plan t@7 (recorded versions: 1); `rioplan history t` lists the recorded versions, and `rioplan plan` records a new one")
        #expect(problem { _ = try ws.publish("t@x", by: "x") } == "t@x: the version after @ must be a number or `latest`")
        #expect(problem { _ = try ws.publish("plans/t.plan.json", by: "x") }.hasPrefix("plans/t.plan.json: publish names a recorded plan as NAME or NAME@N"))
        #expect(try ws.publications(name: "t").isEmpty && ws.publishedFeed(name: "t", filter: CalendarFilter()) == nil)
    }

    @Test func aPlanCheckRejectsIsNotPublished() throws {
        let f = try WorkspaceFixture(), ws = f.workspace()
        let planned = try f.plan(ws)
        // Record a tampered copy (one session's cash raised by 100) as t@2.
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: planned.path))) as? [String: Any])
        var sessions = try #require(json["sessions"] as? [[String: Any]])
        var cost = try #require(sessions[0]["cost"] as? [String: Any])
        cost["cash"] = ((cost["cash"] as? Int) ?? 0) + 100
        sessions[0]["cost"] = cost
        json["sessions"] = sessions
        let text = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
        let plan = try PlanFile.read(planned.path)
        try ws.database().recordPlanRun(name: "t", requestSha256: "r", catalogSha256: "c", score: plan.score, planJSON: text)
        let refusal = problem { _ = try ws.publish("t@2", by: "x") }
        #expect(refusal.hasPrefix("plan t (t@2) breaks "))
        #expect(refusal.hasSuffix("`rioplan check t@2` shows the same list."))
        #expect(try ws.publications(name: "t").isEmpty)
        #expect(try ws.publish("t@1", by: "x").version == 1)
    }
}
