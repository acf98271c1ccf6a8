import Foundation
import RioModel
import Testing

@Suite("rioplan export ics, read back by python icalendar and khal")
struct ExportCalendarTests {
    /// Exports pub-m (or `plan`) to a temporary folder and returns the calendar's path.
    func export(_ extra: [String] = [], plan: String = ExportFixture.plan, cwd: URL? = nil) throws -> (path: String, result: RunResult) {
        let dir = try cwd ?? Rioplan.tempDir()
        let out = dir.appendingPathComponent("plan.ics").path
        let r = try Rioplan.run(["export", "ics", plan, "--dtstamp", ExportFixture.stamp, "--out", out] + extra, cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        return (out, r)
    }

    @Test func wholePlanReadsBackWithPythonICalendar() throws {
        let (ics, _) = try export()
        let r = try ExportFixture.read("read_ics.py", [ExportFixture.plan, ics])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("\"events\": 73"))
        let text = try String(contentsOfFile: ics, encoding: .utf8)
        #expect(text.contains("DTSTAMP:20270101T080000Z\r\n"))
        #expect(!text.contains("METHOD:"), "no METHOD without an organizer")
    }

    @Test(arguments: [
        ["--region", "africa"],
        ["--region", "africa", "--region", "lac"],
        ["--convention", "CBD"],
        ["--trainer", "t-001", "--trainer", "t-003"],
        ["--region", "cee", "--convention", "UNFCCC"],
    ])
    func filtersKeepOnlyMatchingSessions(filter: [String]) throws {
        let (ics, _) = try export(filter)
        let r = try ExportFixture.read("read_ics.py", [ExportFixture.plan, ics] + filter)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let text = try String(contentsOfFile: ics, encoding: .utf8)
        #expect(text.contains("X-WR-CALNAME:RioPlan pub-m ("), "the name says which filter")
    }

    @Test func noMatchingSessionGivesAValidEmptyCalendar() throws {
        let (ics, result) = try export(["--region", "atlantis"])
        #expect(result.stderr.contains("warning: --region atlantis names no region"))
        let r = try ExportFixture.read("read_ics.py", [ExportFixture.plan, ics, "--region", "atlantis"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("\"events\": 0"))
    }

    @Test func hostileTitleStaysOnePropertyAndOrganizerGivesPublish() throws {
        let dir = try ExportFixture.hostileCopy()
        let plan = dir.appendingPathComponent("ref.json").path
        let (ics, _) = try export(plan: plan, cwd: dir)
        let r = try ExportFixture.read("read_ics.py", [plan, ics, "--organizer", "--hostile", ExportFixture.hostileTitle])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let text = try String(contentsOfFile: ics, encoding: .utf8)
        #expect(text.components(separatedBy: "\r\nBEGIN:VEVENT\r\n").count == 74)
        #expect(text.contains("METHOD:PUBLISH\r\n"))
        #expect(text.contains("ORGANIZER;CN=\"Dupont, Jean JLG\":mailto:jlg@example.org\r\n"))
    }

    @Test func dtstampDefaultsToThePlanFileTime() throws {
        let dir = try Rioplan.tempDir()
        let fm = FileManager.default
        for name in ["ref.json", "request.yaml", "catalog"] {
            try fm.copyItem(at: ExportFixture.benchmark.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        let when = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15T08:00:00Z
        try fm.setAttributes([.modificationDate: when], ofItemAtPath: dir.appendingPathComponent("ref.json").path)
        let r = try Rioplan.run(["export", "ics", "ref.json", "--out", "a.ics"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOf: dir.appendingPathComponent("a.ics"), encoding: .utf8)
        #expect(text.contains("DTSTAMP:20270115T080000Z\r\n"))
        let bad = try Rioplan.run(["export", "ics", "ref.json", "--dtstamp", "tomorrow", "--out", "b.ics"], cwd: dir)
        #expect(bad.status == 64)
    }

    @Test func khalImportsEveryEventWithInclusiveLastDay() throws {
        let (ics, _) = try export()
        let dir = try Rioplan.tempDir("rioplan-khal")
        let cal = dir.appendingPathComponent("cal")
        try FileManager.default.createDirectory(at: cal, withIntermediateDirectories: true)
        let config = dir.appendingPathComponent("config")
        try """
        [calendars]
        [[rioplan]]
        path = \(cal.path)
        type = calendar
        [locale]
        timeformat = %H:%M
        dateformat = %Y-%m-%d
        longdateformat = %Y-%m-%d
        datetimeformat = %Y-%m-%d %H:%M
        longdatetimeformat = %Y-%m-%d %H:%M
        default_timezone = UTC
        local_timezone = UTC

        """.write(to: config, atomically: true, encoding: .utf8)
        let printed = try Rioplan.tool("khal", ["-c", config.path, "printics", ics])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout.hasPrefix("73 events found"), "\(printed.stdout.prefix(200))")
        let imported = try Rioplan.tool("khal", ["-c", config.path, "import", "--batch", "-a", "rioplan", ics])
        #expect(imported.status == 0, "\(imported.stderr)")
        let listed = try Rioplan.tool(
            "khal",
            [
                "-c", config.path, "list", "--once", "--day-format", "",
                "--format", "{uid}|{start-date}|{end-date}", "2027-01-01", "400d",
            ])
        #expect(listed.status == 0, "\(listed.stderr)")
        var seen: [String: (String, String)] = [:]
        for line in listed.stdout.split(separator: "\n") {
            let f = line.split(separator: "|").map(String.init)
            if f.count == 3 { seen[f[0]] = (f[1], f[2]) }
        }
        let plan = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: URL(fileURLWithPath: ExportFixture.plan)))
        #expect(seen.count == plan.sessions.count)
        for s in plan.sessions {
            let got = seen[s.id + "@rioplan"]
            #expect(got?.0 == s.start && got?.1 == s.end, "\(s.id): khal shows \(String(describing: got)), plan \(s.start)..\(s.end)")
        }
    }
}

@Suite("rioplan export: --request and --catalog override the plan's inputs")
struct ExportOverrideTests {
    @Test func catalogAndRequestOverridesAreUsed() throws {
        let hostile = try ExportFixture.hostileCopy()
        let dir = try Rioplan.tempDir()
        let r = try Rioplan.run(
            [
                "export", "ics", ExportFixture.plan, "--dtstamp", ExportFixture.stamp,
                "--catalog", hostile.appendingPathComponent("catalog").path,
                "--request", hostile.appendingPathComponent("request.yaml").path, "--out", "o.ics",
            ], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOf: dir.appendingPathComponent("o.ics"), encoding: .utf8)
        #expect(text.contains("SUMMARY:=HYPERLINK("))
        #expect(text.contains("METHOD:PUBLISH\r\n"))
        let missing = try Rioplan.run(["report", ExportFixture.plan, "--catalog", "nowhere", "--out", "o.html"], cwd: dir)
        #expect(missing.status == 66, "\(missing.stderr)")
    }
}
