import Foundation
import Testing

/// `rioplan serve` driven from outside, as its users and its operators meet it: a real browser
/// session, `kill -9` during uploads, and feeds under a concurrent plan and publish. Each test runs
/// a script under Tests/live/ (Python: Playwright with Debian's Chromium, icalendar, sqlite3) on a
/// fresh workspace and a server on a free loopback port; the script prints what it saw, one line
/// per step, and exits 1 at the first thing that is wrong.
@Suite(.serialized) struct PlatformLiveTests {
    /// Runs `Tests/live/SCRIPT` with the built binary; returns its output after checking it ended OK.
    func live(_ script: String, _ extra: [String] = []) throws -> (out: URL, lines: [String]) {
        let out = try Rioplan.tempDir("rioplan-live")
        let path = Rioplan.root.appendingPathComponent("Tests/live/\(script)").path
        let r = try Rioplan.tool("python3", [path, try Rioplan.binary().path, Rioplan.root.path, out.path] + extra)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(r.status == 0 && lines.last == "OK", "\(script): \(r.stdout.suffix(1500)) \(r.stderr.suffix(1500))")
        return (out, lines)
    }

    @Test func aRegionOfficeAndTheCoordinatorInABrowser() throws {
        let (out, lines) = try live("platform_session.py")
        #expect(lines.contains { $0.hasPrefix("office: bad row refused on the page:") && $0.contains("participants") })
        #expect(lines.contains("office: fixed sheet stored; both needs listed"))
        #expect(lines.contains { $0.hasPrefix("feed after:") && $0.hasSuffix("304 on the new ETag") })
        let png = out.appendingPathComponent("plan-page.png")
        let head = try Data(contentsOf: png).prefix(8)
        #expect(head == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "no PNG screenshot")
        let size = (try? FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int) ?? 0
        #expect(size > 100_000, "screenshot of \(size) bytes")
        // Keep the last screenshot where a person can look at it.
        let keep = Rioplan.root.appendingPathComponent(".build/platform-plan-page.png")
        try? FileManager.default.removeItem(at: keep)
        try? FileManager.default.copyItem(at: png, to: keep)
    }

    @Test func killedDuringUploadsTheDatabaseHoldsWholeSheetsOnly() throws {
        let (_, lines) = try live("kill9_upload.py", ["4"])
        #expect(lines.filter { $0.hasPrefix("round ") && $0.contains("0 partial; integrity ok; restart answered 200") }.count == 4)
    }

    @Test func sigtermAndSigintFinishTheRequestInFlightThenExitZero() throws {
        let (_, lines) = try live("graceful_stop.py")
        #expect(lines.contains("SIGTERM: the request in flight got 201 Created, its 400 rows stored; the server exited 0"))
        #expect(lines.contains("SIGINT: the request in flight got 201 Created, its 400 rows stored; the server exited 0"))
    }

    @Test func feedsStayFreshWhilePlanAndPublishRun() throws {
        let (_, lines) = try live("feeds_under_publish.py")
        #expect(lines.contains { $0.contains("from 200 clients, all 200") && $0.hasSuffix("0 with a stale ETag") })
    }
}
