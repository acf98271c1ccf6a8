import Foundation
import RioExport
import RioModel
import RioPlanner
import Testing

@testable import RioWorkspace

/// The workflow through the library: plan, record, load by file or `NAME@N`, verify, refuse.
@Suite struct PlanContextTests {
    @Test func planWritesRecordsAndVerifies() throws {
        let f = try WorkspaceFixture()
        let ws = f.workspace()
        let first = try f.plan(ws)
        #expect(first.version == 1)
        #expect(first.path == f.dir.appendingPathComponent("plans/t.plan.json").path)
        #expect(first.run.plan.score.scheduled == 5)
        let second = try f.plan(ws)
        #expect(second.version == 2)
        let context = try ws.context(PlanReference(first.path))
        #expect(context.report.valid, "\(context.report.violations)")
        #expect(context.warnings.isEmpty)
        #expect(context.report.value == first.run.plan.score.value)
        let recorded = try ws.context(PlanReference("t@1"))
        #expect(recorded.label == "t@1" && recorded.version == 1)
        #expect(recorded.plan == first.run.plan)
    }

    @Test func fingerprintsAreOfTheBytesParsed() throws {
        let f = try WorkspaceFixture()
        let p = try f.plan()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: f.request))
        #expect(p.run.plan.inputs.requestSha256 == Fingerprint.of(bytes))
        #expect(p.run.plan.inputs.catalogSha256 == (try CatalogLoader.fingerprint(of: f.catalog)))
        // The request changes after planning: the context says so, from the bytes it parsed.
        try Data((WorkspaceFixture.requestYAML + "# edited\n").utf8).write(to: URL(fileURLWithPath: f.request))
        let context = try f.workspace().context(PlanReference(p.path))
        #expect(context.warnings.count == 1)
        #expect(context.warnings.first?.hasPrefix("the request \(f.request) changed since the plan was made") == true)
    }

    @Test func unknownVersionListsTheRecordedOnes() throws {
        let f = try WorkspaceFixture()
        _ = try f.plan()
        #expect {
            try f.workspace().context(PlanReference("t@7"))
        } throws: { e in
            (e as? RioError)?.description == "no recorded plan t@7; recorded versions: 1"
        }
    }

    @Test func exportsRefuseAPlanCheckRejects() throws {
        let f = try WorkspaceFixture()
        let p = try f.plan(record: false)
        var plan = p.run.plan
        plan.sessions[0].funding[0].amount += 1
        plan.sessions[1].start = "2027-02-30"
        try PlanFile.write(plan, to: p.path)
        let ws = f.workspace()
        let context = try ws.context(PlanReference(p.path))
        #expect(Set(context.report.violations.map(\.rule)).isSuperset(of: [.fundingTotal, .dates]))
        let expected = try #require(context.report.violations.first).message
        for attempt in [
            { _ = try ws.calendar(context, filter: CalendarFilter(), history: .ignored) },
            { _ = try ws.cofinancing(context, csv: true) },
            { _ = try ws.cofinancing(context, csv: false) },
            { _ = try ws.report(context) },
        ] as [() throws -> Void] {
            #expect {
                try attempt()
            } throws: { e in
                guard let e = e as? RioError, e.exitStatus == .dataError else { return false }
                return e.description.contains(expected) && e.description.contains("nothing was written")
            }
        }
    }

    @Test func anUnreadableHistoryVersionIsReportedNotSkipped() throws {
        let f = try WorkspaceFixture()
        let ws = f.workspace()
        let p = try f.plan(ws)
        try ws.database().recordPlanRun(name: "t", requestSha256: "", catalogSha256: "", score: p.run.plan.score, planJSON: "{not json")
        let context = try ws.context(PlanReference(p.path))
        #expect {
            _ = try ws.calendar(context, filter: CalendarFilter(), history: .recorded)
        } throws: { e in
            (e as? RioError)?.description.contains("recorded plan t@2 in the workspace database cannot be read") == true
        }
        // Without the history the same calendar is written.
        let calendar = try ws.calendar(context, filter: CalendarFilter(), history: .ignored)
        #expect(calendar.events == 5)
    }

    @Test func calendarHistoryPlacesThePlanAmongItsVersions() throws {
        let f = try WorkspaceFixture()
        let ws = f.workspace()
        let first = try f.plan(ws).run.plan
        var second = first
        second.sessions.removeLast()
        let json = String(decoding: try PlanFile.encode(second), as: UTF8.self)
        try ws.database().recordPlanRun(name: "t", requestSha256: "", catalogSha256: "", score: second.score, planJSON: json)
        #expect(try ws.calendarHistory(of: first).note == "as t@1 of 2 recorded versions")
        #expect(try ws.calendarHistory(of: second).note == "as t@2 of 2 recorded versions")
        var third = second
        third.sessions.removeLast()
        #expect(try ws.calendarHistory(of: third).note == "as newer than the 2 recorded versions of t")
        // The first version's sessions that the third plan dropped are cancelled in its calendar.
        #expect(try ws.calendarHistory(of: third).history.cancelled.count == 2)
    }

    @Test func oneDatabaseConnectionPerWorkspace() throws {
        let f = try WorkspaceFixture()
        let ws = f.workspace()
        #expect(try ws.existingDatabase() == nil)
        let a = try ws.database()
        #expect(try ws.database() === a)
        #expect(try ws.existingDatabase() === a)
    }
}
