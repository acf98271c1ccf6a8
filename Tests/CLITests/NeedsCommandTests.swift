import Foundation
import RioModel
import Testing

/// `rioplan needs` end to end: the built binary over a workspace whose database holds needs as
/// the platform stores them (inserted with sqlite3: only the server takes needs in), exact
/// outputs compared, and the written demand list planned by `rioplan plan`.
@Suite("Exact output of rioplan needs")
struct NeedsCommandTests {
    /// A scratch workspace: the planner catalog as Catalog/, the cycle Plans/c.yaml naming
    /// `demand: needs-c.yaml`, and a database with two submissions (africa by form, weog by sheet).
    final class Scratch {
        let dir: URL
        var db: String { dir.appendingPathComponent("ws.sqlite").path }

        init(needs: Bool = true) throws {
            dir = try Rioplan.tempDir("rioplan-needs")
            let fm = FileManager.default
            try fm.copyItem(at: Rioplan.root.appendingPathComponent("Tests/Fixtures/planner/catalog"), to: dir.appendingPathComponent("Catalog"))
            try fm.createDirectory(at: dir.appendingPathComponent("Plans"), withIntermediateDirectories: true)
            try Data(NeedsCommandTests.cycle.utf8).write(to: dir.appendingPathComponent("Plans/c.yaml"))
            let built = try run(["catalog", "build"])
            guard built.status == 0 else { throw RioError.data("catalog build failed: \(built.stderr)") }
            guard needs else { return }
            let sql = try Rioplan.tool("sqlite3", [db, NeedsCommandTests.inserts])
            guard sql.status == 0 else { throw RioError.data("sqlite3 failed: \(sql.stderr)") }
        }

        @discardableResult
        func run(_ args: [String]) throws -> RunResult { try Rioplan.run(args + ["--db", db], cwd: dir) }
    }

    static let cycle = """
        name: c
        title: Cycle from the offices' needs
        currency: USD
        horizon: {start: 2027-03-01, end: 2027-03-26}
        demand: needs-c.yaml
        staff:
          - {id: t1, name: T One, org: UNCCD, home: weog, languages: [en, fr], modules: [joint-3d], dayRate: 500}
          - {id: t2, name: T Two, org: CBD, home: weog, languages: [fr], modules: [pair-2d], dayRate: 500}
          - {id: t3, name: T Three, org: UNFCCC, home: weog, languages: [en, fr], modules: [pair-2d], dayRate: 450}
          - {id: v1, name: V One, org: FAO, home: africa, languages: [en], modules: [online-1d], dayRate: 0}
        funding:
          - {id: core, name: Core budget, owner: UNCCD, type: core, cap: 1000000}

        """

    static let inserts = """
        INSERT INTO needSubmission (id, cycle, region, sender, submittedAt, source) VALUES
          (1, 'c', 'weog', 'Wim', '2026-11-02T09:00:00Z', 'weog.xlsx'),
          (2, 'c', 'africa', 'Awa', '2026-11-03T10:30:00Z', 'form'),
          (3, 'other', 'africa', 'Awa', '2026-11-03T10:31:00Z', 'form');
        INSERT INTO need (submissionId, position, cycle, needId, module, region, participants, languages, priority, earliest, latest) VALUES
          (1, 0, 'c', 'weog-gender', 'pair-2d', 'weog', 20, 'en fr', 2, '2027-03-01', '2027-03-02'),
          (1, 1, 'c', 'n-weog-001', 'online-1d', 'weog', 20, NULL, NULL, '2027-03-08', '2027-03-08'),
          (2, 0, 'c', 'n-africa-001', 'joint-3d', 'africa', 10, 'en', 4, NULL, NULL),
          (3, 0, 'other', 'n-africa-001', 'joint-3d', 'africa', 12, NULL, NULL, NULL, NULL);
        """

    func expectExactly(_ r: RunResult, status: Int32, stdout: String, stderr: String = "", sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(r.status == status, "exit \(r.status); stderr: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stdout == stdout, "stdout was:\n\(r.stdout)", sourceLocation: sourceLocation)
        #expect(r.stderr == stderr, "stderr was:\n\(r.stderr)", sourceLocation: sourceLocation)
    }

    @Test func needsOutWritesTheDemandListThatPlans() throws {
        let s = try Scratch()
        expectExactly(
            try s.run(["needs", "c", "--out", "Plans/needs-c.yaml"]), status: 0,
            stdout: "Wrote 3 needs from 2 regions (2 submissions) to Plans/needs-c.yaml; use it as `demand: needs-c.yaml` in Plans/c.yaml.\n")
        let written = try String(contentsOf: s.dir.appendingPathComponent("Plans/needs-c.yaml"), encoding: .utf8)
        #expect(
            written == """
                # Needs sent by the regional offices for c (rioplan needs): 3 needs from 2 regions, 2 submissions.
                # Name this file in the plan request as `demand: FILE.yaml`.
                - {id: n-africa-001, module: joint-3d, region: africa, participants: 10, languages: [en], priority: 4}
                - {id: n-weog-001, module: online-1d, region: weog, participants: 20, earliest: 2027-03-08, latest: 2027-03-08}
                - {id: weog-gender, module: pair-2d, region: weog, participants: 20, languages: [en, fr], priority: 2, earliest: 2027-03-01, latest: 2027-03-02}

                """)
        let plan = try s.run(["plan", "Plans/c.yaml", "--iterations", "200", "--seed", "1", "--quiet"])
        #expect(plan.status == 0, "\(plan.stderr)")
        let json = try String(contentsOf: s.dir.appendingPathComponent("Plans/c.plan.json"), encoding: .utf8)
        for id in ["n-africa-001", "n-weog-001", "weog-gender"] { #expect(json.contains("\"demand\" : \"\(id)\"")) }
    }

    @Test func needsListsWhoSentWhat() throws {
        let s = try Scratch()
        expectExactly(
            try s.run(["needs", "c"]), status: 0,
            stdout: """
                id            module     region  participants  languages  priority  earliest    latest      sender  submitted             source
                weog-gender   pair-2d    weog    20            en fr      2         2027-03-01  2027-03-02  Wim     2026-11-02T09:00:00Z  weog.xlsx
                n-weog-001    online-1d  weog    20                                 2027-03-08  2027-03-08  Wim     2026-11-02T09:00:00Z  weog.xlsx
                n-africa-001  joint-3d   africa  10            en         4                                 Awa     2026-11-03T10:30:00Z  form

                """)
        let csv = try s.run(["needs", "c", "--format", "csv"])
        #expect(csv.status == 0 && csv.stdout.hasPrefix("id,module,region,participants,languages,priority,earliest,latest,sender,submitted,source\r\n"))
        let json = try s.run(["needs", "c", "--format", "json"])
        #expect(json.status == 0 && json.stdout.contains("\"submittedAt\" : \"2026-11-02T09:00:00Z\""))
    }

    @Test func needsRefusesAnUnknownCycleAndMixedOptions() throws {
        let s = try Scratch(needs: false)
        expectExactly(
            try s.run(["needs", "c", "--out", "Plans/n.yaml"]), status: 0,
            stdout: "Wrote 0 needs from 0 regions (0 submissions) to Plans/n.yaml; use it as `demand: n.yaml` in Plans/c.yaml.\n")
        expectExactly(
            try s.run(["needs", "jlg-2099", "--out", "n.yaml"]), status: 65, stdout: "",
            stderr:
                "error: no planning cycle `jlg-2099`: Plans/jlg-2099.yaml does not exist; write that plan request with its `horizon` (see Plans/jlg-2027.yaml), or use another cycle (cycles: c)\n"
        )
        let both = try s.run(["needs", "c", "--out", "n.yaml", "--format", "csv"])
        #expect(both.status == 64 && both.stderr.contains("give either --out FILE.yaml"))
    }
}
