import Foundation
import RioModel
import Testing

/// The whole stdout, stderr and exit code of `plan`, `check`, `explain`, `diff` and `history`, compared
/// exactly. No solver trajectory is involved: `check`, `explain` and `diff` read the checked-in plans of
/// `Tests/Fixtures/golden/tiny`, and `plan` runs on its request, where every demand has one possible start
/// and one cheapest assignment (d6 none), so any correct solver gives the same figures.
@Suite("Exact output of plan, check, explain, diff and history")
struct ExactOutputTests {
    /// A scratch folder holding a copy of the tiny request, with its own workspace database.
    struct Workspace {
        let dir: URL
        var db: String { dir.appendingPathComponent("ws.sqlite").path }

        init() throws {
            dir = try Rioplan.tempDir("rioplan-exact")
            try FileManager.default.copyItem(at: Golden.tiny.appendingPathComponent("request.yaml"), to: dir.appendingPathComponent("request.yaml"))
        }

        func run(_ args: [String]) throws -> RunResult { try Rioplan.run(args, cwd: dir, env: ["RIOPLAN_DB": db]) }

        /// `rioplan plan request.yaml` with a fixed budget and seed.
        func plan(out: String, seed: Int = 1, extra: [String] = []) throws -> RunResult {
            try run(["plan", "request.yaml", "--catalog", Golden.plannerCatalog, "--iterations", "200", "--seed", "\(seed)", "--out", out] + extra)
        }
    }

    /// Expects `r` to be exactly `status`, `stdout` and `stderr`.
    func expectExactly(
        _ r: RunResult, status: Int32, stdout: String, stderr: String = "", sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(r.status == status, "exit \(r.status); stderr: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stdout == stdout, "stdout was:\n\(r.stdout)", sourceLocation: sourceLocation)
        #expect(r.stderr == stderr, "stderr was:\n\(r.stderr)", sourceLocation: sourceLocation)
    }

    /// The sessions of a plan file without their funding lines (any exact split among sources is right).
    func placements(_ path: String) throws -> [String] {
        try PlanFile.read(path).sessions.map {
            "\($0.demand) \($0.module) \($0.start)..\($0.end) \($0.venue ?? "online") \($0.trainers) \($0.language) cash \($0.cost.cash) in-kind \($0.cost.inKind)"
        }
    }

    @Test func planPrintsItsSummary() throws {
        let ws = try Workspace()
        var r = try ws.plan(out: "tiny.plan.json")
        // stderr is not a terminal: one summary line, whose search time is normalised.
        r.stderr = r.stderr.replacingOccurrences(of: #" in [0-9]+\.[0-9] s\n"#, with: " in S s\n", options: .regularExpression)
        expectExactly(
            r, status: 0,
            stdout: """
                Wrote tiny.plan.json: 5 of 6 demands scheduled, value 25 of at most 25 (gap 0.0%), cash 37,140 USD. Recorded as tiny@1 in \(ws.db).
                1 demand(s) left out; see why with: rioplan explain tiny.plan.json

                """,
            // Steps of both portfolio members (`SolverTuning.portfolioMembers`), 200 each.
            stderr: "plan tiny: value 25, cash 37,140 USD, scheduled 5/6, 400 steps in S s\n")
        // The plan is the checked-in one, session for session.
        let written = ws.dir.appendingPathComponent("tiny.plan.json").path
        #expect(try placements(written) == placements(Golden.tinyPlan))
        let plan = try PlanFile.read(written)
        #expect(plan.unscheduled.map(\.demand) == ["d6"])

        let quiet = try ws.plan(out: "quiet.plan.json", extra: ["--quiet", "--no-history"])
        expectExactly(
            quiet, status: 0,
            stdout: """
                Wrote quiet.plan.json: 5 of 6 demands scheduled, value 25 of at most 25 (gap 0.0%), cash 37,140 USD.
                1 demand(s) left out; see why with: rioplan explain quiet.plan.json

                """)
    }

    @Test func planFileIsTheSameBytesOnOneAndTwoThreads() throws {
        // pub-s with a budget of several portfolio epochs, so the members meet and adopt plans.
        let pubS = Rioplan.shared.appendingPathComponent("benchmarks/pub-s")
        let dir = try Rioplan.tempDir("rioplan-threads")
        let files = try ["1", "2"].map { threads in
            let out = dir.appendingPathComponent("t\(threads).plan.json").path
            let r = try Rioplan.run([
                "plan", pubS.appendingPathComponent("request.yaml").path, "--catalog", pubS.appendingPathComponent("catalog").path,
                "--out", out, "--iterations", "1700", "--seed", "3", "--threads", threads, "--no-history", "--quiet",
            ])
            #expect(r.status == 0, "\(r.stderr)")
            // Only `solver.seconds` may differ (cli.md).
            return try String(contentsOfFile: out, encoding: .utf8)
                .replacingOccurrences(of: #""seconds" : [0-9.e+-]+"#, with: "", options: .regularExpression)
        }
        #expect(files[0] == files[1])
        #expect(!files[0].contains("\"threads\""))
    }

    @Test func checkOfAValidPlan() throws {
        let r = try Rioplan.run(["check", Golden.tinyPlan])
        expectExactly(r, status: 0, stdout: "Plan tiny is valid: value 25, cash 37,140 USD, in-kind 4,000, 5 of 6 demands scheduled.\n")
    }

    @Test func checkOfAPlanThatBreaksARule() throws {
        let r = try Rioplan.run(["check", Golden.tinyOldPlan])
        expectExactly(
            r, status: 1,
            stdout: """
                Plan tiny breaks 2 rule(s):
                  [window] tiny/d5: 2027-03-10..2027-03-11 lies outside 2027-03-09..2027-03-10
                  [sourceOverCap] source core: allocated 33340 > cap 32140
                Recomputed: value 22, cash 38,040. Re-plan with `rioplan plan` or correct the file.

                """)
    }

    @Test func explainEveryLeftOutDemand() throws {
        let reason = "  no-window: no 2-day Monday-to-Friday slot in 2027-03-06..2027-03-07 is free of blackouts; widen the window\n"
        expectExactly(try Rioplan.run(["explain", Golden.tinyPlan]), status: 0, stdout: "d6 (pair-2d in africa, priority 3):\n" + reason)
        expectExactly(try Rioplan.run(["explain", Golden.tinyPlan, "d6"]), status: 0, stdout: "d6 (pair-2d in africa, priority 3):\n" + reason)
        expectExactly(
            try Rioplan.run(["explain", Golden.tinyPlan, "d1"]), status: 0,
            stdout: "d1 is scheduled: joint-3d in africa, 2027-03-01..2027-03-03, dakar, trainers t1.\n")
        expectExactly(
            try Rioplan.run(["explain", Golden.tinyPlan, "d9"]), status: 64, stdout: "",
            stderr: "error: d9 is not a demand of tiny; pass one of its demand ids\n")
    }

    @Test func diffOfTwoPlanFiles() throws {
        let r = try Rioplan.run(["diff", "tiny-old.plan.json", "tiny.plan.json"], cwd: Golden.tiny)
        expectExactly(
            r, status: 0,
            stdout: """
                Plan tiny: tiny-old.plan.json -> tiny.plan.json

                               Before   After  Change
                Value              22      25      +3
                Cash (USD)     38,040  37,140    -900
                In-kind (USD)   4,000   4,000       0
                Sessions       4 of 6  5 of 6      +1

                Sessions: 1 unchanged, 1 added, 0 cancelled, 2 moved, 1 re-staffed.

                Added (1):
                  d3  online-1d in weog: 2027-03-08 online, v1 (en), cash 300; CBD

                Moved (2):
                  d1  joint-3d in africa: 2027-03-01..2027-03-03 at nairobi -> 2027-03-01..2027-03-03 at dakar; cash 12,300 -> 11,100
                  d5  advanced in africa: 2027-03-10..2027-03-11 at dakar -> 2027-03-09..2027-03-10 at dakar

                Re-staffed (1):
                  d2  online-1d in africa: v3 (en) -> v2 (en)

                Cash per funding source (USD):
                  Source  Before   After  Change
                  core    33,340  32,140  -1,200
                  gef      4,700   5,000    +300
                  Total   38,040  37,140    -900

                Conventions affected:
                  Convention  Sessions before  After  Added  Cancelled  Changed
                  CBD                       2      3      1          0        2
                  UNCCD                     3      3      0          0        2
                  UNFCCC                    2      2      0          0        1

                """)
        let back = try Rioplan.run(["diff", "tiny.plan.json", "tiny-old.plan.json"], cwd: Golden.tiny)
        #expect(back.status == 0)
        #expect(
            back.stdout.contains(
                "\nSessions: 1 unchanged, 0 added, 1 cancelled, 2 moved, 1 re-staffed.\n\nCancelled (1):\n  d3  online-1d in weog: 2027-03-08 online, v1 (en), cash 300; CBD\n\n"
            ), "\(back.stdout)")
    }

    @Test func historyListsTheRecordedRuns() throws {
        let ws = try Workspace()
        for (seed, out) in [(1, "a.plan.json"), (2, "b.plan.json")] {
            let r = try ws.plan(out: out, seed: seed, extra: ["--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let a = try PlanFile.read(ws.dir.appendingPathComponent("a.plan.json").path)
        let req = String((a.inputs.requestSha256 ?? "").prefix(12)), cat = String((a.inputs.catalogSha256 ?? "").prefix(12))
        #expect(req.count == 12 && cat.count == 12, "the plan records its inputs' fingerprints")
        let r = try ws.run(["history", "tiny"])
        // Only the time of recording varies: it must be an ISO UTC timestamp, normalised here.
        let stamp = #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"#
        var normalised = r
        normalised.stdout = r.stdout.replacingOccurrences(of: stamp, with: "YYYY-MM-DDThh:mm:ssZ", options: .regularExpression)
        expectExactly(
            normalised, status: 0,
            stdout: """
                Version  Recorded (UTC)        Value  Cash    Scheduled  Request       Catalog
                tiny@1   YYYY-MM-DDThh:mm:ssZ  25     37,140  5/6        \(req)  \(cat)
                tiny@2   YYYY-MM-DDThh:mm:ssZ  25     37,140  5/6        \(req)  \(cat)

                """)
        expectExactly(
            try ws.run(["history", "nope"]), status: 0,
            stdout: "No recorded versions of nope in \(ws.db); `rioplan plan` records one per run.\n")
        // A recorded version diffs like its file: the same plan, nothing changed.
        let same = try ws.run(["diff", "tiny@1", "a.plan.json"])
        expectExactly(
            same, status: 0,
            stdout: """
                Plan tiny: tiny@1 -> a.plan.json

                               Before   After  Change
                Value              25      25       0
                Cash (USD)     37,140  37,140       0
                In-kind (USD)   4,000   4,000       0
                Sessions       5 of 6  5 of 6       0

                Sessions: 5 unchanged, 0 added, 0 cancelled, 0 moved, 0 re-staffed.

                Cash per funding source (USD):
                  Source  Before   After  Change
                  core    32,140  32,140       0
                  gef      5,000   5,000       0
                  Total   37,140  37,140       0

                Conventions affected: none.

                """)
    }
}
