import Foundation
import RioModel
import Testing

/// `rioplan publish` end to end: the built binary on the tiny request, planned and recorded in
/// a scratch workspace (`Plans/`, `Catalog/`, its own database), exact outputs compared.
@Suite("Exact output of publish")
struct PublishCommandTests {
    static let catalog = Rioplan.root.appendingPathComponent("Tests/Fixtures/records/catalog")

    /// A scratch workspace laid out as a real one: `Catalog/`, `Plans/request.yaml`, a database.
    struct Scratch {
        let dir: URL
        var db: String { dir.appendingPathComponent("ws.sqlite").path }

        init() throws {
            dir = try Rioplan.tempDir("rioplan-publish")
            let fm = FileManager.default
            try fm.copyItem(at: PublishCommandTests.catalog, to: dir.appendingPathComponent("Catalog"))
            try fm.createDirectory(at: dir.appendingPathComponent("Plans"), withIntermediateDirectories: true)
            try fm.copyItem(at: Golden.tiny.appendingPathComponent("request.yaml"), to: dir.appendingPathComponent("Plans/request.yaml"))
        }

        /// Runs `rioplan args` in the scratch folder with its database.
        @discardableResult
        func run(_ args: [String]) throws -> RunResult {
            try Rioplan.run(args, cwd: dir, env: ["RIOPLAN_DB": db, "USER": "ana"])
        }

        /// Plans the request, recording the next version of `tiny`.
        func plan() throws {
            let r = try run(["plan", "Plans/request.yaml", "--iterations", "200", "--seed", "1", "--quiet", "--out", "Plans/tiny.plan.json"])
            guard r.status == 0 else { throw RioError.data("planning the fixture failed: \(r.stderr)") }
        }
    }

    /// `text` with every ISO 8601 time written as `YYYY-MM-DDTHH:MM:SSZ` (same width).
    static func timeless(_ text: String) -> String {
        text.replacingOccurrences(of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"#, with: "YYYY-MM-DDTHH:MM:SSZ", options: .regularExpression)
    }

    func expectExactly(_ r: RunResult, status: Int32, stdout: String, stderr: String = "", sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(r.status == status, "exit \(r.status); stderr: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(PublishCommandTests.timeless(r.stdout) == stdout, "stdout was:\n\(r.stdout)", sourceLocation: sourceLocation)
        #expect(r.stderr == stderr, "stderr was:\n\(r.stderr)", sourceLocation: sourceLocation)
    }

    @Test func publishPrintsWhatItDidAndIsIdempotent() throws {
        let s = try Scratch()
        try s.plan()
        expectExactly(try s.run(["publish", "tiny"]), status: 0, stdout: "Published tiny@1 (5 sessions); offices' calendars update at their next refresh.\n")
        expectExactly(
            try s.run(["publish", "tiny@1", "--by", "bo"]), status: 0,
            stdout: "tiny@1 was published already (YYYY-MM-DDTHH:MM:SSZ by ana); nothing changed.\n")
        try s.plan()
        expectExactly(
            try s.run(["publish", "tiny@2", "--by", "bo"]), status: 0, stdout: "Published tiny@2 (5 sessions); offices' calendars update at their next refresh.\n")
        expectExactly(
            try s.run(["publish", "tiny@1"]), status: 0, stdout: "tiny@1 was published already (YYYY-MM-DDTHH:MM:SSZ by ana); nothing changed.\n")
    }

    @Test func publishRefusalsSayWhatToDo() throws {
        let s = try Scratch()
        expectExactly(
            try s.run(["publish", "tiny"]), status: 66, stdout: "",
            stderr:
                "error: cannot read \(s.db): no workspace database yet; `rioplan plan` records the plan versions to publish; check the path and that the file is readable\n"
        )
        try s.plan()
        try s.plan()
        expectExactly(
            try s.run(["publish", "tiny@3"]), status: 65, stdout: "",
            stderr:
                "error: no recorded plan tiny@3 (recorded versions: 1, 2); `rioplan history tiny` lists the recorded versions, and `rioplan plan` records a new one\n"
        )
        expectExactly(
            try s.run(["publish", "other"]), status: 65, stdout: "",
            stderr: "error: no recorded plan other; `rioplan history other` lists the recorded versions, and `rioplan plan` records a new one\n")
        expectExactly(
            try s.run(["publish", "Plans/tiny.plan.json"]), status: 64, stdout: "",
            stderr:
                "error: Plans/tiny.plan.json: publish names a recorded plan as NAME or NAME@N (e.g. jlg-2027@3); `rioplan history NAME` lists the versions\n"
        )
        try s.run(["publish", "tiny@2"])
        expectExactly(
            try s.run(["publish", "tiny@1"]), status: 65, stdout: "",
            stderr:
                "error: tiny@2 is published already, and subscribed calendars cannot go back to the older tiny@1; to show that plan again, re-plan so that it is recorded as a newer version, then publish that\n"
        )
    }

    @Test func aPlanCheckRejectsIsRefused() throws {
        let s = try Scratch()
        try s.plan()
        // Break the request the recorded plan names: a trainer's day rate changes the costs.
        let request = s.dir.appendingPathComponent("Plans/request.yaml")
        let text = try String(contentsOf: request, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "cap: ", with: "cap: 1").replacingOccurrences(of: "dayRate: ", with: "dayRate: 9").utf8).write(to: request)
        let r = try s.run(["publish", "tiny"])
        #expect(r.status == 65, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout == "")
        #expect(r.stderr.contains("error: plan tiny (tiny@1) breaks "))
        #expect(r.stderr.contains("`rioplan check tiny@1` shows the same list."))
        expectExactly(try s.run(["access", "list"]), status: 0, stdout: "No one has access yet; `rioplan access add NAME --role ROLE` gives access.\n")
    }
}
