import Foundation
import RioModel
import Testing

/// End to end: `rioplan plan`, `check` and `explain` run as a user runs them, on the pub-s benchmark,
/// the real 2027 request, the planner fixture catalog, and broken requests.
@Suite(.serialized) struct PlanCommandTests {
    static let pubS = Rioplan.shared.appendingPathComponent("benchmarks/pub-s")
    static let checkPlan = Rioplan.shared.appendingPathComponent("tools/check-plan").path
    static let fixtureCatalog = Rioplan.root.appendingPathComponent("Tests/Fixtures/planner/catalog").path

    /// Runs `rioplan args` in `dir` with a scratch workspace database.
    func run(_ args: [String], in dir: URL) throws -> RunResult {
        try Rioplan.run(args, cwd: dir, env: ["RIOPLAN_DB": dir.appendingPathComponent("ws.sqlite").path])
    }

    /// The plan file's text with the `solver.seconds` figure blanked.
    func withoutSeconds(_ path: URL) throws -> String {
        let text = try String(contentsOf: path, encoding: .utf8)
        return text.replacingOccurrences(of: #""seconds" : [0-9.eE+-]+"#, with: #""seconds" : 0"#, options: .regularExpression)
    }

    func pythonCheck(_ plan: String, _ request: String, _ catalog: String) throws -> RunResult {
        try Rioplan.tool("python3", [Self.checkPlan, plan, request, catalog])
    }

    @Test func pubSPlansReproduciblyAndEveryCheckerAgrees() throws {
        let dir = try Rioplan.tempDir("rio-plan")
        let request = Self.pubS.appendingPathComponent("request.yaml").path
        let catalog = Self.pubS.appendingPathComponent("catalog").path
        // The two runs are independent: let them share the two cores.
        let box = Results()
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            let r = try? run(
                [
                    "plan", request, "--catalog", catalog, "--out", dir.appendingPathComponent("p\(k).json").path,
                    "--iterations", "2000", "--seed", "3", "--quiet",
                ], in: dir)
            box.set(k, r)
        }
        for r in box.all {
            let r = try #require(r)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.hasPrefix("Wrote \(dir.path)/p"), "\(r.stdout)")
        }
        let p0 = dir.appendingPathComponent("p0.json"), p1 = dir.appendingPathComponent("p1.json")
        #expect(try withoutSeconds(p0) == withoutSeconds(p1))

        let plan = try PlanFile.read(p0.path)
        #expect(plan.solver.seed == 3 && plan.solver.iterations == 2000)
        #expect(plan.inputs.request == PlanFile.relativePath(request, from: dir.path))

        // rioplan check finds the request and catalog from the plan alone.
        let check = try run(["check", p0.path], in: dir)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.hasPrefix("Plan pub-s is valid: value \(plan.score.value), cash "), "\(check.stdout)")
        let py = try pythonCheck(p0.path, request, catalog)
        #expect(py.status == 0, "\(py.stdout)")
        #expect(py.stdout.contains("\"value\": \(plan.score.value),"))

        // Tampering with one figure is caught and named.
        var bad = plan
        bad.sessions[0].cost.cash += 1
        let tampered = dir.appendingPathComponent("tampered.json")
        try PlanFile.write(bad, to: tampered.path)
        let t = try run(["check", tampered.path], in: dir)
        #expect(t.status == 1)
        #expect(t.stdout.hasPrefix("Plan pub-s breaks 1 rule(s):\n  [cost] \(bad.sessions[0].id): cost is cash \(bad.sessions[0].cost.cash), "), "\(t.stdout)")
        #expect(try pythonCheck(tampered.path, request, catalog).status == 1)

        // rioplan explain lists each unscheduled demand with its reasons.
        let e = try run(["explain", p0.path], in: dir)
        #expect(e.status == 0, "\(e.stderr)")
        #expect(!plan.unscheduled.isEmpty)
        for u in plan.unscheduled {
            #expect(e.stdout.contains("\n\(u.demand) (") || e.stdout.hasPrefix("\(u.demand) ("), "\(u.demand) missing")
            for r in u.reasons { #expect(e.stdout.contains("  \(r.code): "), "\(u.demand): \(r.code)") }
        }
        #expect(e.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.count == plan.unscheduled.count)
    }

    @Test func realRequestPlansAndPassesTheReferenceChecker() throws {
        let dir = try Rioplan.tempDir("rio-plan")
        let out = dir.appendingPathComponent("jlg.json").path
        let r = try run(
            [
                "plan", Rioplan.root.appendingPathComponent("Plans/jlg-2027.yaml").path,
                "--catalog", Rioplan.root.appendingPathComponent("Catalog").path,
                "--out", out, "--iterations", "1000", "--quiet",
            ], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let py = try pythonCheck(
            out, Rioplan.root.appendingPathComponent("Plans/jlg-2027.yaml").path,
            Rioplan.root.appendingPathComponent("Catalog").path)
        #expect(py.status == 0, "\(py.stdout)")
        let check = try run(["check", out], in: dir)
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test func infeasiblePinsExitOneAndWriteNoPlan() throws {
        let dir = try Rioplan.tempDir("rio-plan")
        let request = dir.appendingPathComponent("request.yaml")
        try Data(
            """
            name: pins
            currency: USD
            horizon: {start: 2027-03-01, end: 2027-03-26}
            demand:
              - {id: d1, module: joint-3d, region: africa, participants: 10}
              - {id: d2, module: online-1d, region: africa, participants: 10}
            staff:
              - {id: t1, name: T One, org: UNCCD, home: weog, languages: [en, fr], modules: [joint-3d], dayRate: 500}
              - {id: v1, name: V One, org: FAO, home: africa, languages: [en], modules: [online-1d], dayRate: 0}
            funding:
              - {id: core, name: Core, owner: UNCCD, cap: 100000}
            pinned:
              - {demand: d1, start: 2027-03-04}
              - {demand: d2, start: 2027-03-08, trainers: [t1]}

            """.utf8
        ).write(to: request)
        let out = dir.appendingPathComponent("pins.plan.json")
        try Data("previous plan".utf8).write(to: out)
        let r = try run(["plan", request.path, "--catalog", Self.fixtureCatalog, "--iterations", "10"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty, "\(r.stdout)")
        #expect(
            r.stderr.contains(
                """
                error: the pinned sessions cannot all hold; no plan was written:
                  - d1: pinned start 2027-03-04 is not allowed (a 3-day session starting on a Thursday does not fit Monday to Friday)
                  - d2: pinned trainer t1 is not qualified for online-1d

                """), "\(r.stderr)")
        // The default output (next to the request) is left as it was.
        #expect(try String(contentsOf: out, encoding: .utf8) == "previous plan")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") || $0.contains(".tmp") }
        #expect(files == ["pins.plan.json"])
    }

    @Test func missingRequestIsExit66() throws {
        let dir = try Rioplan.tempDir("rio-plan")
        let r = try run(["plan", dir.appendingPathComponent("nope.yaml").path, "--catalog", Self.fixtureCatalog], in: dir)
        #expect(r.status == 66)
        #expect(r.stderr.contains("nope.yaml: no such file"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func malformedRequestIsExit65WithFileLineColumn() throws {
        let dir = try Rioplan.tempDir("rio-plan")
        try Data(
            """
            name: broken
            currency: USD
            horizon: {start: 2027-03-01, end: 2027-02-30}
            demand:
              - {id: d1, module: joint-3d, region: africa, participants: 40}

            """.utf8
        ).write(to: dir.appendingPathComponent("request.yaml"))
        let r = try run(["plan", "request.yaml", "--catalog", Self.fixtureCatalog], in: dir)
        #expect(r.status == 65)
        #expect(
            r.stderr == """
                error: request.yaml:3:35: `end` of `horizon` is not a date: `2027-02-30`; write a real calendar date as YYYY-MM-DD, e.g. 2027-03-01
                error: request.yaml:5:62: 40 participants exceed the 30 that module `joint-3d` allows; lower participants to 30 or split the demand in two
                error: 2 problems found.

                """, "\(r.stderr)")
        // A YAML syntax error is located too.
        try Data("name: broken\ndemand:\n  - {id: d1, module: [joint-3d\n".utf8).write(to: dir.appendingPathComponent("request.yaml"))
        let s = try run(["plan", "request.yaml", "--catalog", Self.fixtureCatalog], in: dir)
        #expect(s.status == 65)
        #expect(s.stderr.range(of: #"^error: request\.yaml:\d+:\d+: YAML syntax error: "#, options: .regularExpression) != nil, "\(s.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("broken.plan.json").path))
    }
}

/// Results of runs made on several threads.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Int: RunResult?] = [:]
    func set(_ k: Int, _ r: RunResult?) { lock.lock(); items[k] = r; lock.unlock() }
    var all: [RunResult?] { lock.lock(); defer { lock.unlock() }; return items.keys.sorted().map { items[$0] ?? nil } }
}
