import Foundation
import Testing

/// Fixtures shared by the export and report tests: the pub-m benchmark plan, and a copy of it whose
/// catalog and request carry hostile text.
enum ExportFixture {
    static var benchmark: URL { Rioplan.shared.appendingPathComponent("benchmarks/pub-m") }
    static var plan: String { benchmark.appendingPathComponent("ref.json").path }
    static var readers: URL { Rioplan.root.appendingPathComponent("Tests/readers") }
    static let stamp = "2027-01-01T08:00:00Z"

    /// A module title that tries to break out of every format: formula, CRLF + iCalendar
    /// structure, separators, backslash, HTML, and multi-byte characters.
    static let hostileTitle = "=HYPERLINK(\"http://x\") <script>alert(1)</script> évé;, \\ 😀\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil"

    /// A copy of pub-m in a temporary folder whose module `mod-20` (the first session's) has
    /// `hostileTitle` and whose request names an organizer with a comma in the name.
    static func hostileCopy() throws -> URL {
        let dir = try Rioplan.tempDir("rioplan-hostile")
        let fm = FileManager.default
        for name in ["ref.json", "request.yaml", "catalog"] {
            try fm.copyItem(at: benchmark.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        let modules = dir.appendingPathComponent("catalog/modules/modules.yaml")
        var text = try String(contentsOf: modules, encoding: .utf8)
        let quoted =
            "\""
            + hostileTitle.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n") + "\""
        let old = "- id: mod-20\n  title: Gender-responsive land, biodiversity and climate action\n"
        #expect(text.contains(old))
        text = text.replacingOccurrences(of: old, with: "- id: mod-20\n  title: \(quoted)\n")
        try text.write(to: modules, atomically: true, encoding: .utf8)
        let request = dir.appendingPathComponent("request.yaml")
        var r = try String(contentsOf: request, encoding: .utf8)
        r = r.replacingOccurrences(of: "currency: USD\n", with: "currency: USD\norganizer: {name: 'Dupont, Jean \"JLG\"', email: jlg@example.org}\n")
        try r.write(to: request, atomically: true, encoding: .utf8)
        return dir
    }

    /// Runs a reader script from Tests/readers and returns its result.
    static func read(_ script: String, _ args: [String]) throws -> RunResult {
        try Rioplan.tool("python3", [readers.appendingPathComponent(script).path] + args)
    }
}

@Suite("Export and report: exit codes and atomic writes")
struct ExportCommonTests {
    @Test func missingPlanExits66() throws {
        let dir = try Rioplan.tempDir()
        for args in [
            ["export", "ics", "nope.json", "--out", "x.ics"],
            ["export", "cofinancing", "nope.json", "--out", "x.xlsx"],
            ["report", "nope.json", "--out", "x.html"],
        ] {
            let r = try Rioplan.run(args, cwd: dir)
            #expect(r.status == 66, "\(args): \(r.stderr)")
            #expect(r.stderr.contains("nope.json"))
        }
    }

    @Test func badPlanJSONExits65() throws {
        let dir = try Rioplan.tempDir()
        try Data("{\"format\": \"rioplan-plan/1\", \"sessions\": [".utf8).write(to: dir.appendingPathComponent("bad.json"))
        let r = try Rioplan.run(["export", "ics", "bad.json", "--out", "x.ics"], cwd: dir)
        #expect(r.status == 65, "\(r.stderr)")
        #expect(!r.stderr.contains("Fatal error"))
    }

    @Test func unknownSheetFormatIsUsageError() throws {
        let dir = try Rioplan.tempDir()
        let r = try Rioplan.run(["export", "cofinancing", ExportFixture.plan, "--out", "x.ods"], cwd: dir)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains(".xlsx"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.ods").path))
    }

    @Test func unwritableOutputExits73() throws {
        let dir = try Rioplan.tempDir()
        for args in [
            ["export", "ics", ExportFixture.plan, "--out", "no/such/dir/x.ics"],
            ["export", "cofinancing", ExportFixture.plan, "--out", "no/such/dir/x.xlsx"],
            ["report", ExportFixture.plan, "--out", "no/such/dir/x.html"],
        ] {
            let r = try Rioplan.run(args, cwd: dir)
            #expect(r.status == 73, "\(args): \(r.stderr)")
        }
        // An existing folder in the way of the output file.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("busy.ics/inner"), withIntermediateDirectories: true)
        let r = try Rioplan.run(["export", "ics", ExportFixture.plan, "--out", "busy.ics"], cwd: dir)
        #expect(r.status == 73, "\(r.stderr)")
    }

    @Test func failedExportLeavesPreviousFileIntact() throws {
        let dir = try Rioplan.tempDir()
        try Data("{ not json".utf8).write(to: dir.appendingPathComponent("bad.json"))
        for (kind, file) in [
            (["export", "ics"], "out.ics"), (["export", "cofinancing"], "out.xlsx"),
            (["export", "cofinancing"], "out.csv"), (["report"], "out.html"),
        ] {
            let good = try Rioplan.run(kind + [ExportFixture.plan, "--out", file], cwd: dir)
            #expect(good.status == 0, "\(good.stderr)")
            let before = try Data(contentsOf: dir.appendingPathComponent(file))
            let bad = try Rioplan.run(kind + ["bad.json", "--out", file], cwd: dir)
            #expect(bad.status == 65)
            #expect(try Data(contentsOf: dir.appendingPathComponent(file)) == before, "\(file) changed")
        }
        // No temporary files are left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp") }
        #expect(left.isEmpty, "\(left)")
    }

    @Test func exportsAreByteIdenticalRunToRun() throws {
        let dir = try Rioplan.tempDir()
        for file in ["a.ics", "b.ics", "a.xlsx", "b.xlsx", "a.csv", "b.csv", "a.html", "b.html"] {
            let ext = (file as NSString).pathExtension
            let args: [String]
            switch ext {
            case "ics": args = ["export", "ics", ExportFixture.plan, "--dtstamp", ExportFixture.stamp]
            case "html": args = ["report", ExportFixture.plan]
            default: args = ["export", "cofinancing", ExportFixture.plan]
            }
            let r = try Rioplan.run(args + ["--out", file], cwd: dir)
            #expect(r.status == 0, "\(r.stderr)")
        }
        for ext in ["ics", "xlsx", "csv", "html"] {
            let a = try Data(contentsOf: dir.appendingPathComponent("a.\(ext)"))
            let b = try Data(contentsOf: dir.appendingPathComponent("b.\(ext)"))
            #expect(a == b, "\(ext) differs run to run")
        }
    }

    @Test func changedInputsAreWarnedAbout() throws {
        let dir = try ExportFixture.hostileCopy()
        // Record fingerprints that cannot match: the export still works but warns.
        let planURL = dir.appendingPathComponent("ref.json")
        var text = try String(contentsOf: planURL, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"catalog\": \"catalog\"", with: "\"catalog\": \"catalog\", \"catalogSha256\": \"00\", \"requestSha256\": \"00\"")
        try text.write(to: planURL, atomically: true, encoding: .utf8)
        let r = try Rioplan.run(["export", "cofinancing", "ref.json", "--out", "x.csv"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning: the catalog"))
        #expect(r.stderr.contains("warning: the request"))
    }
}
