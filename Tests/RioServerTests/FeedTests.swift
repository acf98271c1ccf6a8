import Foundation
import Hummingbird
import HummingbirdTesting
import RioServer
import RioWorkspace
import Synchronization
import Testing

/// Feeds: headers exactly as serve.md says, 304 only on a matching validator, a new
/// publication seen at once, a revoked token refused at once.
@Suite struct FeedTests {
    @Test func headersAreExact() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        try await app.test(.router) { client in
            let r = try await client.execute(
                uri: "/feeds/\(fixture.feedToken(.africa))/t.ics?region=africa", method: .get, headers: [.acceptEncoding: "gzip, deflate, br"])
            #expect(r.status == .ok)
            #expect(r.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(r.headers[.contentEncoding] == nil)
            let etag = try #require(r.headers[.eTag])
            #expect(etag.hasPrefix("\"") && etag.hasSuffix("\"") && !etag.hasPrefix("W/"))
            #expect(r.headers[.lastModified]?.hasSuffix(" GMT") == true)
            #expect(r.text.hasPrefix("BEGIN:VCALENDAR\r\n"))
            #expect(r.text.contains("UID:t/d1@rioplan"))
            #expect(!r.text.contains("UID:t/d3@rioplan"), "the region filter keeps africa's sessions only")
            let head = try await client.execute(uri: "/feeds/\(fixture.feedToken(.africa))/t.ics?region=africa", method: .head)
            #expect(head.status == .ok)
            #expect(head.headers[.eTag] == etag)
            #expect(head.body.readableBytes == 0)
        }
    }

    @Test func notModifiedOnlyWhenTheValidatorMatches() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        let path = "/feeds/\(fixture.feedToken(.weog))/t.ics"
        try await app.test(.router) { client in
            let first = try await client.execute(uri: path, method: .get)
            let etag = try #require(first.headers[.eTag]), modified = try #require(first.headers[.lastModified])
            let same = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: etag])
            #expect(same.status == .notModified)
            #expect(same.body.readableBytes == 0)
            #expect(same.headers[.eTag] == etag)
            #expect(try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: "\"0000\""]).status == .ok)
            #expect(try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: "\"0000\", \(etag)"]).status == .notModified)
            #expect(try await client.execute(uri: path, method: .get, headers: [.ifModifiedSince: modified]).status == .notModified)
            #expect(try await client.execute(uri: path, method: .get, headers: [.ifModifiedSince: "Mon, 01 Jan 2001 00:00:00 GMT"]).status == .ok)
            // If-None-Match wins over If-Modified-Since
            let both: HTTPFields = [.ifNoneMatch: "\"0000\"", .ifModifiedSince: modified]
            #expect(try await client.execute(uri: path, method: .get, headers: both).status == .ok)
            // another filter is another feed
            let filtered = try await client.execute(uri: path + "?region=weog", method: .get, headers: [.ifNoneMatch: etag])
            #expect(filtered.status == .ok)
            #expect(filtered.headers[.eTag] != etag)

            // a new publication: the old validator no longer matches
            try ServerFixture.planAgain(fixture.workspace, request: fixture.request)
            _ = try fixture.workspace.publishPlan("t", by: "Coordinator", at: Date().addingTimeInterval(120))
            let after = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: etag, .ifModifiedSince: modified])
            #expect(after.status == .ok)
            let newTag = try #require(after.headers[.eTag])
            #expect(newTag != etag)
            #expect(try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: newTag]).status == .notModified)
        }
    }

    @Test func aRevokedFeedTokenIsRefusedAtOnce() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        let path = "/feeds/\(fixture.feedToken(.africa))/t.ics"
        try await app.test(.router) { client in
            #expect(try await client.execute(uri: path, method: .get).status == .ok)  // now cached
            try fixture.workspace.revokeAccess(name: "africa")
            let r = try await client.execute(uri: path, method: .get)
            #expect(r.status == .unauthorized)
            #expect(!r.text.contains("BEGIN:VCALENDAR"))
            #expect(try await client.execute(uri: "/feeds/\(fixture.feedToken(.weog))/t.ics", method: .get).status == .ok)
        }
    }

    @Test func hostileFeedAddressesAreRefused() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        let feed = fixture.feedToken(.viewer)
        try await app.test(.router) { client in
            for path in ["/feeds/\(feed)/..%2F..%2Fetc.ics", "/feeds/\(feed)/.ics", "/feeds/\(feed)/t.ics?region=" + String(repeating: "a,", count: 3000)] {
                let r = try await client.execute(uri: path, method: .get)
                #expect([.notFound, .ok].contains(r.status), "\(path.prefix(60))")
                #expect(!r.text.contains("/tmp"))
            }
        }
    }

    /// 200 concurrent feed requests with a publication in the middle: every one is answered,
    /// and none that started after the publication returned carries the old ETag.
    @Test func noStaleTagAfterAPublication() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        let path = "/feeds/\(fixture.feedToken(.africa))/t.ics"
        let published = Flag()
        try await app.test(.router) { client in
            let old = try #require(try await client.execute(uri: path, method: .get).headers[.eTag])
            try await withThrowingTaskGroup(of: (Bool, String?, HTTPResponse.Status).self) { group in
                for i in 0..<200 {
                    if i == 100 {
                        try ServerFixture.planAgain(fixture.workspace, request: fixture.request)
                        _ = try fixture.workspace.publishPlan("t", by: "Coordinator", at: Date().addingTimeInterval(120))
                        published.set()
                    }
                    group.addTask {
                        let after = published.isSet
                        let r = try await client.execute(uri: path, method: .get)
                        return (after, r.headers[.eTag], r.status)
                    }
                }
                var answered = 0
                for try await (after, tag, status) in group {
                    answered += 1
                    #expect(status == .ok)
                    if after { #expect(tag != old, "a request after the publication got the old ETag") }
                }
                #expect(answered == 200)
            }
        }
    }
}

/// A flag set once, read from concurrent tasks.
final class Flag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}
