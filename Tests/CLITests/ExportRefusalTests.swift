import Foundation
import Testing

/// Exports and the report refuse a plan that `check` rejects: exit 65, `check`'s violations on
/// stderr, and no output file (issue 8: a tampered plan used to export silently, with wrong
/// figures in the workbook and an event without DTSTART in the calendar).
@Suite struct ExportRefusalTests {
    /// A copy of the pub-m reference plan with one funding amount changed and one start date broken.
    static func tampered() throws -> URL {
        let dir = try Rioplan.tempDir("rioplan-tampered")
        for name in ["ref.json", "request.yaml", "catalog"] {
            try FileManager.default.copyItem(at: ExportFixture.benchmark.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        let url = dir.appendingPathComponent("ref.json")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var sessions = try #require(json["sessions"] as? [[String: Any]])
        var funding = try #require(sessions[0]["funding"] as? [[String: Any]])
        funding[0]["amount"] = (funding[0]["amount"] as? Int ?? 0) + 1
        sessions[0]["funding"] = funding
        sessions[1]["start"] = "2027-13-45"
        json["sessions"] = sessions
        try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]).write(to: url)
        return dir
    }

    @Test(arguments: [
        ["export", "ics", "--out", "out.ics", "--no-history"],
        ["export", "cofinancing", "--out", "out.xlsx"],
        ["export", "cofinancing", "--out", "out.csv"],
        ["report", "--out", "out.html"],
    ])
    func refusedWithCheckViolationsAndNoFile(command: [String]) throws {
        let dir = try Self.tampered()
        let plan = dir.appendingPathComponent("ref.json").path
        let check = try Rioplan.run(["check", plan])
        #expect(check.status == 1)
        let violations = check.stdout.split(separator: "\n").filter { $0.hasPrefix("  [") }.map(String.init)
        #expect(violations.contains { $0.hasPrefix("  [fundingTotal] ") })
        #expect(violations.contains { $0.hasPrefix("  [dates] ") })
        let out = dir.appendingPathComponent(command[command.count - (command.last == "--no-history" ? 2 : 1)]).path
        let args = Array(command.prefix(command[0] == "export" ? 2 : 1)) + [plan] + Array(command.dropFirst(command[0] == "export" ? 2 : 1))
        let r = try Rioplan.run(args.map { $0.hasPrefix("out.") ? out : $0 })
        #expect(r.status == 65, "\(args): \(r.stderr)")
        for v in violations { #expect(r.stderr.contains("error: " + v), "missing \(v) in \(r.stderr)") }
        #expect(r.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp") }
        #expect(leftovers.isEmpty)
    }
}
