import Foundation
import RioModel
import Testing

/// `rioplan access add|list|revoke` end to end, exact outputs compared (tokens and times
/// replaced by placeholders of the same width).
@Suite("Exact output of access")
struct AccessCommandTests {
    typealias Scratch = PublishCommandTests.Scratch

    /// `text` with tokens as `rps_<56>`/`rpf_<56>` and times as `YYYY-MM-DDTHH:MM:SSZ`.
    static func masked(_ text: String) -> String {
        PublishCommandTests.timeless(text).replacingOccurrences(of: #"(rp[sf]_)[0-9a-f]{56}"#, with: "$1<56>", options: .regularExpression)
    }

    func expectExactly(_ r: RunResult, status: Int32, stdout: String, stderr: String = "", sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(r.status == status, "exit \(r.status); stderr: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(AccessCommandTests.masked(r.stdout) == stdout, "stdout was:\n\(r.stdout)", sourceLocation: sourceLocation)
        #expect(r.stderr == stderr, "stderr was:\n\(r.stderr)", sourceLocation: sourceLocation)
    }

    @Test func addPrintsTheSecretsOnceAndListShowsEveryone() throws {
        let s = try Scratch()
        expectExactly(try s.run(["access", "list", "--format", "json"]), status: 0, stdout: "[\n\n]\n")
        let add = try s.run(["access", "add", "Africa office", "--role", "region:africa"])
        expectExactly(
            add, status: 0,
            stdout: """
                Gave Africa office access as region:africa.
                Sign-in token: rps_<56>
                Feed path:     /feeds/rpf_<56>/
                A plan's calendar is https://SERVER/feeds/rpf_<56>/PLAN.ics (webcal:// for Outlook and Apple Calendar).
                These two secrets are shown only this once: RioPlan keeps only keyed hashes of them. Hand them to Africa office privately; if one is lost or leaks, run `rioplan access revoke 'Africa office'` and add again.

                """)
        // The token is printed once, and is nowhere in the database's files.
        let token = try #require(add.stdout.split(separator: "\n").first { $0.hasPrefix("Sign-in token: ") }?.dropFirst(15))
        let files = try FileManager.default.contentsOfDirectory(atPath: s.dir.path).filter { $0.hasPrefix("ws.sqlite") }
        #expect(!files.isEmpty)
        for f in files { #expect(try Data(contentsOf: s.dir.appendingPathComponent(f)).range(of: Data(token.utf8)) == nil) }
        #expect(try s.run(["access", "add", "Budget", "--role", "finance"]).status == 0)
        let table = try s.run(["access", "list"])
        expectExactly(
            table, status: 0,
            stdout: """
                Name           Role           Created (UTC)         Status  Last seen (UTC)
                Africa office  region:africa  YYYY-MM-DDTHH:MM:SSZ  active  never
                Budget         finance        YYYY-MM-DDTHH:MM:SSZ  active  never

                """)
        #expect(!table.stdout.contains("rps_") && !table.stdout.contains("rpf_"))
    }

    @Test func revokeAndTheRefusals() throws {
        let s = try Scratch()
        expectExactly(
            try s.run(["access", "revoke", "Nobody"]), status: 66, stdout: "",
            stderr:
                "error: cannot read \(s.db): no workspace database yet, so no one has access; `rioplan access add` gives access; check the path and that the file is readable\n"
        )
        try s.run(["access", "add", "Africa office", "--role", "region:africa"])
        try s.run(["access", "add", "Budget", "--role", "finance"])
        expectExactly(
            try s.run(["access", "add", "Africa office", "--role", "viewer"]), status: 65, stdout: "",
            stderr:
                "error: Africa office has access already; to issue new tokens or change the role, run `rioplan access revoke 'Africa office'` first, then add again\n"
        )
        expectExactly(
            try s.run(["access", "add", "X", "--role", "region:mars"]), status: 64, stdout: "",
            stderr: "error: `region:mars` names no region of the catalog; use one of: region:africa, region:weog\n")
        expectExactly(
            try s.run(["access", "add", "X", "--role", "admin"]), status: 64, stdout: "",
            stderr: "error: unknown role `admin`; use one of: coordinator, finance, viewer, region:africa, region:weog\n")
        #expect(try s.run(["access", "add", "X"]).status == 64)
        expectExactly(
            try s.run(["access", "revoke", "Africa office"]), status: 0,
            stdout: "Revoked Africa office (region:africa): the sign-in token, the feed path and every open session stop working now.\n")
        expectExactly(
            try s.run(["access", "revoke", "Africa office"]), status: 65, stdout: "",
            stderr: "error: no one named Africa office has access; names with access: Budget\n")
        expectExactly(
            try s.run(["access", "list", "--format", "csv"]), status: 0,
            stdout: "Name,Role,Created (UTC),Status,Last seen (UTC)\r\n"
                + "Africa office,region:africa,YYYY-MM-DDTHH:MM:SSZ,revoked YYYY-MM-DDTHH:MM:SSZ,\r\n"
                + "Budget,finance,YYYY-MM-DDTHH:MM:SSZ,active,\r\n")
        let json = try s.run(["access", "list", "--format", "json"])
        let list = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(list.map { $0["status"] as? String } == ["revoked", "active"])
        #expect(list.map { $0["role"] as? String } == ["region:africa", "finance"])
        #expect(list[0]["revokedAt"] is String && list[1]["revokedAt"] == nil)
    }
}
