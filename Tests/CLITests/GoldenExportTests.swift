import Foundation
import Testing

/// Every export of the checked-in tiny plan (`Tests/Fixtures/golden/tiny/tiny.plan.json`, no solver
/// involved) against its golden file, byte for byte: the calendar (fixed `--dtstamp`, no history), the
/// co-financing CSV, every part inside the XLSX zip (and the parts' order), and the HTML report.
///
/// Re-record on purpose only: `RIOPLAN_RECORD_GOLDEN=1 swift test --skip-build --filter Golden`.
@Suite("Golden files of the exports")
struct GoldenExportTests {
    static let stamp = "2027-01-04T08:00:00Z"

    /// Runs `rioplan args` in a new folder with its own (empty) workspace database; returns the folder.
    func export(_ args: [String]) throws -> URL {
        let dir = try Rioplan.tempDir("rioplan-golden")
        let r = try Rioplan.run(args, cwd: dir, env: ["RIOPLAN_DB": dir.appendingPathComponent("ws.sqlite").path])
        #expect(r.status == 0, "\(args): \(r.stderr)")
        return dir
    }

    @Test func calendar() throws {
        let dir = try export(["export", "ics", Golden.tinyPlan, "--dtstamp", Self.stamp, "--no-history", "--out", "tiny.ics"])
        try Golden.check(Data(contentsOf: dir.appendingPathComponent("tiny.ics")), "exports/tiny.ics")
    }

    @Test func calendarOfOneRegion() throws {
        let dir = try export([
            "export", "ics", Golden.tinyPlan, "--region", "weog", "--dtstamp", Self.stamp, "--no-history", "--out", "weog.ics",
        ])
        try Golden.check(Data(contentsOf: dir.appendingPathComponent("weog.ics")), "exports/tiny-weog.ics")
    }

    @Test func cofinancingCSV() throws {
        let dir = try export(["export", "cofinancing", Golden.tinyPlan, "--out", "tiny.csv"])
        try Golden.check(Data(contentsOf: dir.appendingPathComponent("tiny.csv")), "exports/tiny.csv")
    }

    /// Each part of the workbook is its own golden file (`exports/tiny.xlsx/PART`), so a diff shows the
    /// XML that changed; `parts.txt` pins the parts' names and order in the zip.
    @Test func cofinancingWorkbookParts() throws {
        let dir = try export(["export", "cofinancing", Golden.tinyPlan, "--out", "tiny.xlsx"])
        let parts = dir.appendingPathComponent("parts")
        let unzip = """
            import os, sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            out = sys.argv[2]
            for name in z.namelist():
                path = os.path.join(out, name)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "wb") as f:
                    f.write(z.read(name))
                print(name)
            """
        let r = try Rioplan.tool("python3", ["-c", unzip, dir.appendingPathComponent("tiny.xlsx").path, parts.path])
        #expect(r.status == 0, "\(r.stderr)")
        let names = r.stdout.split(separator: "\n").map(String.init)
        try Golden.check(Data(r.stdout.utf8), "exports/tiny.xlsx/parts.txt")
        #expect(names.contains("xl/worksheets/sheet1.xml") && names.contains("xl/workbook.xml"), "\(names)")
        for name in names {
            try Golden.check(Data(contentsOf: parts.appendingPathComponent(name)), "exports/tiny.xlsx/\(name)")
        }
    }

    @Test func report() throws {
        let dir = try export(["report", Golden.tinyPlan, "--out", "report.html"])
        try Golden.check(Data(contentsOf: dir.appendingPathComponent("report.html")), "exports/tiny-report.html")
    }
}
