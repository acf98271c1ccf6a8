import Foundation
import RioExport
import RioModel
import Testing

@testable import RioWorkspace

/// Published calendar feeds: SEQUENCE and CANCELLED over the published versions only, DTSTAMP
/// of the latest publication, a strong ETag that changes only with a publication.
@Suite struct PublishedFeedTests {
    static let t1 = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15T08:00:00Z
    static let t2 = Date(timeIntervalSince1970: 1_800_086_400)

    /// What subscribers see of one event.
    struct Event: Equatable {
        var sequence: String, status: String, stamp: String
        init(_ sequence: String, _ status: String, _ stamp: String) { self.sequence = sequence; self.status = status; self.stamp = stamp }
    }

    /// UID → (SEQUENCE, STATUS, DTSTAMP) of every event of an `.ics`, its folded lines unfolded.
    static func events(_ data: Data) -> [String: Event] {
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
        var out: [String: Event] = [:]
        for block in text.components(separatedBy: "BEGIN:VEVENT\r\n").dropFirst() {
            var fields: [String: String] = [:]
            for line in block.components(separatedBy: "\r\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                fields[String(line[..<colon])] = String(line[line.index(after: colon)...])
            }
            out[fields["UID"] ?? "?"] = Event(fields["SEQUENCE"] ?? "?", fields["STATUS"] ?? "?", fields["DTSTAMP"] ?? "?")
        }
        return out
    }

    /// Re-plans the fixture with its request changed by `edit`, recording the next version.
    static func replan(_ f: WorkspaceFixture, _ ws: Workspace, _ edit: (String) -> String) throws {
        try Data(edit(WorkspaceFixture.requestYAML).utf8).write(to: URL(fileURLWithPath: f.request))
        _ = try f.plan(ws)
    }

    static func moveD2(_ request: String) -> String {
        request.replacingOccurrences(
            of: "participants: 50, earliest: 2027-03-08, latest: 2027-03-08", with: "participants: 50, earliest: 2027-03-09, latest: 2027-03-09")
    }
    static func dropD5(_ request: String) -> String {
        request.replacingOccurrences(of: "  - {id: d5, module: advanced, region: africa, participants: 10, earliest: 2027-03-09, latest: 2027-03-10}\n", with: "")
    }

    @Test func nothingPublishedIsNoFeed() throws {
        let f = try WorkspaceFixture(), ws = f.workspace()
        #expect(try ws.publishedFeed(name: "t", filter: CalendarFilter()) == nil)
        _ = try f.plan(ws)
        #expect(try ws.publishedFeed(name: "t", filter: CalendarFilter()) == nil)
        #expect(try ws.publishedContext(name: "t") == nil)
    }

    @Test func sequenceAndCancelledFollowThePublishedVersionsOnly() throws {
        let f = try WorkspaceFixture(), ws = f.workspace()
        _ = try f.plan(ws)
        _ = try ws.publishPlan("t", by: "c", at: PublishedFeedTests.t1)
        let first = try #require(try ws.publishedFeed(name: "t", filter: CalendarFilter()))
        let e1 = PublishedFeedTests.events(first.data)
        #expect(e1.keys.sorted() == ["t/d1@rioplan", "t/d2@rioplan", "t/d3@rioplan", "t/d4@rioplan", "t/d5@rioplan"])
        #expect(e1.values.allSatisfy { $0 == Event("0", "CONFIRMED", "20270115T080000Z") })
        #expect(first.version == 1 && first.lastModified == PublishedFeedTests.t1)
        // t@2 moves d2 (recorded, never published); t@3 moves it back and drops d5.
        try PublishedFeedTests.replan(f, ws, PublishedFeedTests.moveD2)
        #expect(try ws.publishedFeed(name: "t", filter: CalendarFilter()) == first)
        try PublishedFeedTests.replan(f, ws, PublishedFeedTests.dropD5)
        _ = try ws.publishPlan("t", by: "c", at: PublishedFeedTests.t2)
        let feed = try #require(try f.workspace().publishedFeed(name: "t", filter: CalendarFilter()))
        let e3 = PublishedFeedTests.events(feed.data)
        #expect(feed.version == 3 && feed.lastModified == PublishedFeedTests.t2)
        #expect(e3["t/d5@rioplan"] == Event("1", "CANCELLED", "20270116T080000Z"))
        // d2 is where the published t@1 had it: unchanged for subscribers, whatever t@2 said.
        for id in ["d1", "d2", "d3", "d4"] { #expect(e3["t/\(id)@rioplan"] == Event("0", "CONFIRMED", "20270116T080000Z"), "\(id)") }
        // A recorded-history export of the same plan counts t@2's move.
        let recorded = try ws.calendar(try ws.context(PlanReference("t@3")), filter: CalendarFilter(), history: .recorded)
        #expect(PublishedFeedTests.events(recorded.data)["t/d2@rioplan"]?.sequence == "2")
        // Filtered: weog's feed has neither africa's sessions nor africa's cancellation.
        let weog = try #require(try ws.publishedFeed(name: "t", filter: CalendarFilter(regions: ["weog"])))
        #expect(PublishedFeedTests.events(weog.data).keys.sorted() == ["t/d3@rioplan", "t/d4@rioplan"])
    }

    @Test func theETagIsStableUntilTheNextPublication() throws {
        let f = try WorkspaceFixture(), ws = f.workspace()
        _ = try f.plan(ws)
        _ = try ws.publishPlan("t", by: "c", at: PublishedFeedTests.t1)
        let a = try #require(try ws.publishedFeed(name: "t", filter: CalendarFilter()))
        let b = try #require(try f.workspace().publishedFeed(name: "t", filter: CalendarFilter()))
        #expect(a.data == b.data && a.etag == b.etag)
        #expect(a.etag.count == 66 && a.etag.hasPrefix("\"") && a.etag.hasSuffix("\""))
        #expect(a.etag == "\"" + Fingerprint.of(a.data) + "\"")
        let filtered = try #require(try ws.publishedFeed(name: "t", filter: CalendarFilter(regions: ["africa"])))
        #expect(filtered.etag != a.etag)
        // The same plan published again as a new version: new DTSTAMP, hence new bytes and ETag.
        _ = try f.plan(ws)
        _ = try ws.publishPlan("t", by: "c", at: PublishedFeedTests.t2)
        let c = try #require(try ws.publishedFeed(name: "t", filter: CalendarFilter()))
        #expect(c.etag != a.etag && c.version == 2 && c.lastModified == PublishedFeedTests.t2)
        #expect(try ws.publishedFeed(name: "t", filter: CalendarFilter())?.etag == c.etag)
    }

    @Test func concurrentReadersShareOneWorkspace() async throws {
        let f = try WorkspaceFixture(), ws = f.workspace()
        _ = try f.plan(ws)
        _ = try ws.publishPlan("t", by: "c", at: PublishedFeedTests.t1)
        let issued = try ws.addAccess(name: "Africa office", role: .region("africa"))
        let shared = f.workspace()
        let etags = try await withThrowingTaskGroup(of: String.self) { group in
            for i in 0..<32 {
                group.addTask {
                    #expect(try shared.principal(feedToken: issued.feedToken) != nil)
                    let filter = i % 2 == 0 ? CalendarFilter() : CalendarFilter(regions: ["africa"])
                    return try shared.publishedFeed(name: "t", filter: filter)?.etag ?? ""
                }
            }
            var all: Set<String> = []
            for try await e in group { all.insert(e) }
            return all
        }
        #expect(etags.count == 2 && !etags.contains(""))
    }
}
