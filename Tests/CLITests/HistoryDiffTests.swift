import Foundation
import Testing

/// Re-planning end to end: `plan` history, `history`, `diff`, `whatif`, calendars that follow the
/// history, and concurrent runs on one workspace database.
@Suite(.serialized) struct HistoryDiffTests {
    static let pubS = Rioplan.shared.appendingPathComponent("benchmarks/pub-s")
    static let plannerCatalog = Rioplan.root.appendingPathComponent("Tests/Fixtures/planner/catalog").path
    static let readers = Rioplan.root.appendingPathComponent("Tests/readers")

    /// A scratch folder with its own workspace database; runs `rioplan` there.
    struct Workspace {
        let dir: URL
        var db: String { dir.appendingPathComponent("ws.sqlite").path }
        init() throws { dir = try Rioplan.tempDir("rioplan-hist") }

        @discardableResult
        func run(_ args: [String]) throws -> RunResult {
            try Rioplan.run(args, cwd: dir, env: ["RIOPLAN_DB": db])
        }

        /// `rioplan plan` of pub-s with a quick deterministic search.
        func planPubS(seed: Int, out: String, extra: [String] = []) throws -> RunResult {
            try run(
                [
                    "plan", HistoryDiffTests.pubS.appendingPathComponent("request.yaml").path,
                    "--catalog", HistoryDiffTests.pubS.appendingPathComponent("catalog").path,
                    "--iterations", "200", "--seed", "\(seed)", "--quiet", "--out", out,
                ] + extra)
        }

        func versions(_ name: String) throws -> [Int] {
            let r = try run(["history", name, "--format", "json"])
            #expect(r.status == 0, "\(r.stderr)")
            let list = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]] ?? []
            return list.compactMap { $0["version"] as? Int }
        }

        func json(_ text: String) throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
        }

        func write(_ text: String, _ name: String) throws -> String {
            let path = dir.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    /// A tiny request on the planner fixture catalog: online-1d demands in africa, taught by v1.
    static func tinyRequest(_ demands: [String]) -> String {
        """
        name: tiny
        title: Tiny plan
        currency: USD
        horizon: {start: 2027-03-01, end: 2027-03-26}
        demand:
        \(demands.map { "  - \($0)" }.joined(separator: "\n"))
        staff:
          - {id: v1, name: V One, org: FAO, home: africa, languages: [en], modules: [online-1d], dayRate: 0}
        funding:
          - {id: core, name: Core budget, owner: UNCCD, type: core, cap: 1000000}

        """
    }

    @Test func historyListsEveryRunInOrder() throws {
        let ws = try Workspace()
        for seed in 1...3 {
            let r = try ws.planPubS(seed: seed, out: "p\(seed).json")
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("Recorded as pub-s@\(seed)"))
        }
        #expect(try ws.versions("pub-s") == [1, 2, 3])
        let table = try ws.run(["history", "pub-s"])
        #expect(table.status == 0)
        #expect(table.stdout.hasPrefix("Version"))
        for v in 1...3 { #expect(table.stdout.contains("pub-s@\(v) ")) }
        let json = try ws.run(["history", "pub-s", "--format", "json"])
        let list = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] ?? []
        let plan = try ws.json(String(decoding: try Data(contentsOf: ws.dir.appendingPathComponent("p3.json")), as: UTF8.self))
        let score = plan["score"] as? [String: Any]
        #expect(list.last?["value"] as? Int == score?["value"] as? Int)
        #expect(list.last?["cash"] as? Int == score?["cash"] as? Int)
        #expect((list.last?["requestSha256"] as? String)?.count == 64)
        // No recording with --no-history; an unknown name lists nothing.
        #expect(try ws.planPubS(seed: 4, out: "p4.json", extra: ["--no-history"]).status == 0)
        #expect(try ws.versions("pub-s") == [1, 2, 3])
        #expect(try ws.versions("nope") == [])
    }

    @Test func diffOfFilesEqualsDiffOfVersions() throws {
        let ws = try Workspace()
        #expect(try ws.planPubS(seed: 1, out: "a.json").status == 0)
        #expect(try ws.planPubS(seed: 2, out: "b.json").status == 0)
        let files = try ws.run(["diff", "a.json", "b.json", "--format", "json"])
        let versions = try ws.run(["diff", "pub-s@1", "pub-s@2", "--format", "json"])
        #expect(files.status == 0, "\(files.stderr)")
        #expect(versions.status == 0, "\(versions.stderr)")
        var f = try ws.json(files.stdout), v = try ws.json(versions.stdout)
        #expect(f["oldLabel"] as? String == "a.json")
        #expect(v["newLabel"] as? String == "pub-s@2")
        for k in ["oldLabel", "newLabel"] { f[k] = nil; v[k] = nil }
        #expect(NSDictionary(dictionary: f).isEqual(to: v))
        // Every session of the old plan is accounted for exactly once.
        let old = try ws.json(String(decoding: try Data(contentsOf: ws.dir.appendingPathComponent("a.json")), as: UTF8.self))
        let oldCount = (old["sessions"] as? [Any])?.count ?? -1
        let changed = Set(
            ((f["moved"] as? [[String: Any]]) ?? []).compactMap { $0["demand"] as? String }
                + ((f["restaffed"] as? [[String: Any]]) ?? []).compactMap { $0["demand"] as? String })
        #expect((f["unchanged"] as? Int ?? 0) + changed.count + ((f["cancelled"] as? [Any])?.count ?? 0) == oldCount)
        let text = try ws.run(["diff", "pub-s@1", "b.json"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Plan pub-s: pub-s@1 -> b.json"))
        #expect(text.stdout.contains("Cash per funding source (USD):"))
        // The same plan twice: nothing changed, still exit 0.
        let same = try ws.run(["diff", "a.json", "pub-s@1"])
        #expect(same.status == 0)
        #expect(same.stdout.contains("0 added, 0 cancelled, 0 moved, 0 re-staffed"))
        let missing = try ws.run(["diff", "pub-s@9", "a.json"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("recorded versions: 1, 2"))
    }

    /// Two equally good schedules exist (an online session on any of five days, same cash): with a
    /// baseline, the solver must keep the baseline's day.
    @Test func baselineBreaksTiesTowardKeptSessions() throws {
        let ws = try Workspace()
        let request = try ws.write(
            Self.tinyRequest([
                "{id: d1, module: online-1d, region: africa, participants: 10, earliest: 2027-03-01, latest: 2027-03-05}"
            ]), "tiny.yaml")
        let free = try ws.run([
            "plan", request, "--catalog", Self.plannerCatalog, "--iterations", "200", "--quiet",
            "--no-history", "--out", "free.json",
        ])
        #expect(free.status == 0, "\(free.stderr)")
        let freeText = String(decoding: try Data(contentsOf: ws.dir.appendingPathComponent("free.json")), as: UTF8.self)
        let freePlan = try ws.json(freeText)
        let session = (freePlan["sessions"] as? [[String: Any]])?.first
        let freeDay = session?["start"] as? String ?? ""
        let other = ["2027-03-01", "2027-03-02", "2027-03-03", "2027-03-04", "2027-03-05"].first { $0 != freeDay } ?? ""
        // The baseline: the same plan with the session on another day (same cash).
        let baseline = freeText.replacingOccurrences(of: "\"\(freeDay)\"", with: "\"\(other)\"")
        _ = try ws.write(baseline, "baseline.json")
        let kept = try ws.run([
            "plan", request, "--catalog", Self.plannerCatalog, "--iterations", "200", "--quiet",
            "--no-history", "--baseline", "baseline.json", "--out", "kept.json",
        ])
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(kept.stdout.contains("1 of 1 sessions kept unchanged"))
        let withBaseline = try ws.json(try ws.run(["diff", "baseline.json", "kept.json", "--format", "json"]).stdout)
        let without = try ws.json(try ws.run(["diff", "baseline.json", "free.json", "--format", "json"]).stdout)
        let keptWith = withBaseline["unchanged"] as? Int ?? -1, keptWithout = without["unchanged"] as? Int ?? -1
        #expect(keptWith >= keptWithout)
        #expect(keptWith == 1 && keptWithout == 0)
        let totals = withBaseline["totals"] as? [String: [String: Int]]
        #expect(totals?["value"]?["delta"] == 0)
        #expect(totals?["cash"]?["delta"] == 0)
    }

    @Test func calendarsFollowTheHistory() throws {
        let ws = try Workspace()
        let d1 = "{id: d1, module: online-1d, region: africa, participants: 10, earliest: 2027-03-01, latest: 2027-03-01}"
        let d2 = "{id: d2, module: online-1d, region: africa, participants: 12, earliest: 2027-03-08, latest: 2027-03-08}"
        let d3 = "{id: d3, module: online-1d, region: africa, participants: 14, earliest: 2027-03-15, latest: 2027-03-15}"
        let v1 = try ws.write(Self.tinyRequest([d1, d2, d3]), "v1.yaml")
        // Version 2: d1 moves to 03-02, d2 is dropped, d3 stays.
        let v2 = try ws.write(Self.tinyRequest([d1.replacingOccurrences(of: "2027-03-01", with: "2027-03-02"), d3]), "v2.yaml")
        for (req, out) in [(v1, "v1.plan.json"), (v2, "v2.plan.json")] {
            let r = try ws.run(["plan", req, "--catalog", Self.plannerCatalog, "--iterations", "50", "--quiet", "--out", out])
            #expect(r.status == 0, "\(r.stderr)")
        }
        #expect(try ws.versions("tiny") == [1, 2])

        func read(_ ics: String) throws -> [String: [String: Any]] {
            let r = try Rioplan.tool(
                "python3",
                [
                    Self.readers.appendingPathComponent("read_ics_history.py").path,
                    ws.dir.appendingPathComponent(ics).path,
                ])
            #expect(r.status == 0, "\(r.stdout) \(r.stderr)")
            return (try ws.json(r.stdout))["events"] as? [String: [String: Any]] ?? [:]
        }
        let export = try ws.run(["export", "ics", "v2.plan.json", "--dtstamp", "2027-01-04", "--out", "v2.ics"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.contains("1 cancelled"))
        let now = try read("v2.ics")
        #expect(now.count == 3)
        #expect(now["tiny/d1@rioplan"]?["status"] as? String == "CONFIRMED")
        #expect(now["tiny/d1@rioplan"]?["sequence"] as? Int == 1)
        #expect(now["tiny/d1@rioplan"]?["start"] as? String == "2027-03-02")
        #expect(now["tiny/d3@rioplan"]?["sequence"] as? Int == 0)
        #expect(now["tiny/d2@rioplan"]?["status"] as? String == "CANCELLED")
        #expect(now["tiny/d2@rioplan"]?["sequence"] as? Int == 1)

        // The first version's file is matched to version 1: nothing changed yet.
        #expect(try ws.run(["export", "ics", "v1.plan.json", "--dtstamp", "2027-01-04", "--out", "v1.ics"]).status == 0)
        let first = try read("v1.ics")
        #expect(first.count == 3)
        #expect(first.values.allSatisfy { $0["status"] as? String == "CONFIRMED" && $0["sequence"] as? Int == 0 })

        // --no-history: the plan alone.
        #expect(try ws.run(["export", "ics", "v2.plan.json", "--no-history", "--dtstamp", "2027-01-04", "--out", "plain.ics"]).status == 0)
        let plain = try read("plain.ics")
        #expect(plain.count == 2)
        #expect(plain.values.allSatisfy { $0["sequence"] as? Int == 0 })

        // A third version that brings d2 back: its sequence rises past the cancellation.
        #expect(try ws.run(["plan", v1, "--catalog", Self.plannerCatalog, "--iterations", "50", "--quiet", "--out", "v3.plan.json"]).status == 0)
        #expect(try ws.run(["export", "ics", "v3.plan.json", "--dtstamp", "2027-01-04", "--out", "v3.ics"]).status == 0)
        let back = try read("v3.ics")
        #expect(back.count == 3)
        #expect(back["tiny/d2@rioplan"]?["status"] as? String == "CONFIRMED")
        #expect(back["tiny/d2@rioplan"]?["sequence"] as? Int == 2)
        #expect(back["tiny/d1@rioplan"]?["sequence"] as? Int == 2)
        #expect(back["tiny/d3@rioplan"]?["sequence"] as? Int == 0)
    }

    @Test func twoConcurrentPlanRunsShareOneDatabase() throws {
        let ws = try Workspace()
        let request = Self.pubS.appendingPathComponent("request.yaml").path
        let catalog = Self.pubS.appendingPathComponent("catalog").path
        var processes: [(Process, Pipe)] = []
        for k in 1...2 {
            let p = Process()
            p.executableURL = try Rioplan.binary()
            p.arguments = [
                "plan", request, "--catalog", catalog, "--iterations", "0", "--seed", "\(k)", "--quiet",
                "--out", ws.dir.appendingPathComponent("c\(k).json").path,
            ]
            p.currentDirectoryURL = ws.dir
            var env = ProcessInfo.processInfo.environment
            env["RIOPLAN_DB"] = ws.db
            p.environment = env
            let err = Pipe()
            p.standardError = err
            p.standardOutput = FileHandle.nullDevice
            processes.append((p, err))
        }
        for (p, _) in processes { try p.run() }
        for (p, err) in processes {
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "\(text)")
            #expect(!text.contains("warning"), "\(text)")
        }
        #expect(try ws.versions("pub-s") == [1, 2])
        let check = try Rioplan.tool("sqlite3", [ws.db, "PRAGMA integrity_check;"])
        #expect(check.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "ok")
    }

    @Test func whatifPrintsTheDiffAndRecordsNothing() throws {
        let ws = try Workspace()
        #expect(try ws.planPubS(seed: 1, out: "p.json").status == 0)
        let request = Self.pubS.appendingPathComponent("request.yaml").path
        let catalog = Self.pubS.appendingPathComponent("catalog").path
        let r = try ws.run(["whatif", request, "--catalog", catalog, "--cap", "gef-ccb=-30%", "--iterations", "200", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("What if: gef-ccb cap 163,100 -> 114,170 USD."))
        #expect(r.stdout.contains("Plan pub-s: pub-s@1 -> what-if"))
        #expect(r.stdout.contains("Cash per funding source (USD):"))
        #expect(r.stdout.contains("What the change costs:"))
        #expect(r.stdout.contains("Sessions lost:"))
        #expect(r.stdout.contains("Value lost:"))
        #expect(r.stdout.contains("Conventions affected"))
        #expect(try ws.versions("pub-s") == [1])
        #expect(!FileManager.default.fileExists(atPath: ws.dir.appendingPathComponent("pub-s.plan.json").path))

        let json = try ws.run([
            "whatif", request, "--catalog", catalog, "--cap", "gef-ccb=-30%", "--against", "p.json",
            "--iterations", "200", "--quiet", "--format", "json",
        ])
        #expect(json.status == 0, "\(json.stderr)")
        let diff = try ws.json(json.stdout)["diff"] as? [String: Any]
        #expect(diff?["oldLabel"] as? String == "p.json")

        let typo = try ws.run(["whatif", request, "--catalog", catalog, "--cap", "gef-cbb=-30%"])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("did you mean `gef-ccb`"))
        let trainer = try ws.run(["whatif", request, "--catalog", catalog, "--without-trainer", "t-01"])
        #expect(trainer.status == 64)
        #expect(trainer.stderr.contains("did you mean `t-001`"))
        let nothing = try ws.run(["whatif", request, "--catalog", catalog])
        #expect(nothing.status == 64)
        #expect(try ws.versions("pub-s") == [1])
    }
}
