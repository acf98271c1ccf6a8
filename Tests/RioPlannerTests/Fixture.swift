import Foundation
import RioModel
import Testing

@testable import RioPlanner

/// The planner tests' catalog (`Tests/Fixtures/planner/catalog`) and small plan requests written as YAML.
///
/// Catalog figures used by hand-computed expectations:
///
/// | module    | delivery  | days | trainers | conventions        | languages | materials | platform |
/// |-----------|-----------|------|----------|--------------------|-----------|-----------|----------|
/// | joint-3d  | in-person | 3    | 1        | UNCCD, CBD, UNFCCC | en, fr    | 10        | 0        |
/// | online-1d | online    | 1    | 1        | CBD                | en, es    | 5         | 200      |
/// | pair-2d   | hybrid    | 2    | 2        | UNCCD, UNFCCC      | en, fr    | 0         | 0        |
/// | advanced  | in-person | 2    | 1        | UNCCD              | en        | 0         | 0        |
///
/// `advanced` needs `online-1d`. Regions: africa (dsa 100, participant travel 500, local travel 50;
/// venues dakar 20 seats at 600/day, nairobi 40 at 1000/day) and weog (dsa 200, 300, 20; bonn 30 at
/// 1500/day, paris 12 at 1500/day); weog–africa travel 1200.
enum Fixture {
    /// The package root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let catalogPath = root.appendingPathComponent("Tests/Fixtures/planner/catalog").path
    /// The Python reference checker in `../shared/tools`.
    static let checkPlan = root.deletingLastPathComponent().appendingPathComponent("shared/tools/check-plan").path

    static func catalog() throws -> Catalog { try CatalogLoader.load(folder: catalogPath) }

    /// A new empty temporary folder.
    static func tempDir() throws -> URL {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("rio-planner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }

    /// The standard roster: each base demand has exactly one cheapest assignment.
    static let staff: [String] = [
        "{id: t1, name: T One, org: UNCCD, home: weog, languages: [en, fr], modules: [joint-3d], dayRate: 500}",
        "{id: t2, name: T Two, org: CBD, home: weog, languages: [fr], modules: [pair-2d], dayRate: 500}",
        "{id: t3, name: T Three, org: UNFCCC, home: weog, languages: [en, fr], modules: [pair-2d], dayRate: 450}",
        "{id: t4, name: T Four, org: UNCCD, home: africa, languages: [en], modules: [advanced], dayRate: 300}",
        "{id: v1, name: V One, org: FAO, home: africa, languages: [en], modules: [online-1d], dayRate: 0}",
        "{id: v2, name: V Two, org: FAO, home: africa, languages: [en, es], modules: [online-1d], dayRate: 0}",
        "{id: v3, name: V Three, org: FAO, home: africa, languages: [en], modules: [online-1d], dayRate: 0}",
    ]

    /// The base request: five demands, each with a single possible start, all affordable.
    ///
    /// The solver's plan (checked field by field in `VerifierRuleTests.basePlanIsTheHandComputedOne`):
    /// - d1 joint-3d africa 10p, 2027-03-01..03, dakar, en, t1: cash 11,100 (venue 1,800, participants 8,100, travel 1,200), in-kind 1,500, value 4×3
    /// - d2 online-1d africa 50p, 2027-03-08, online, en, v2: cash 450, value 3
    /// - d3 online-1d weog 20p, 2027-03-08, online, en, v1: cash 300, value 3
    /// - d4 pair-2d weog 20p, 2027-03-01..02, bonn, fr, t2+t3: cash 17,040 (3,000 + 14,000 + 40), in-kind 1,900, value 2×2
    /// - d5 advanced africa 10p, 2027-03-09..10, dakar, en, t4: cash 8,250 (1,200 + 7,000 + 50), in-kind 600, value 3
    static var base: RequestSpec {
        var r = RequestSpec()
        r.demand = [
            "{id: d1, module: joint-3d, region: africa, participants: 10, priority: 4, earliest: 2027-03-01, latest: 2027-03-03}",
            "{id: d2, module: online-1d, region: africa, participants: 50, earliest: 2027-03-08, latest: 2027-03-08}",
            "{id: d3, module: online-1d, region: weog, participants: 20, earliest: 2027-03-08, latest: 2027-03-08}",
            "{id: d4, module: pair-2d, region: weog, participants: 20, priority: 2, earliest: 2027-03-01, latest: 2027-03-02}",
            "{id: d5, module: advanced, region: africa, participants: 10, earliest: 2027-03-09, latest: 2027-03-10}",
        ]
        r.staff = staff
        return r
    }

    /// Compiles, solves and builds the plan of `request`.
    ///
    /// `PlanBuilder.plan` throws only on a broken invariant (a bug), so this stops the run with
    /// its message rather than making every caller `try`.
    static func solve(_ request: PlanRequest, _ catalog: Catalog, iterations: Int = 200, seed: UInt64 = 1) -> Solved {
        let problem = ProblemCompiler.compile(request: request, catalog: catalog)
        var solver = Solver(problem: problem, options: SolverOptions(iterations: iterations, seed: seed))
        let result = solver.solve()
        let dir = (request.path as NSString).deletingLastPathComponent
        let inputs = Plan.PlanInputs(
            request: (request.path as NSString).lastPathComponent,
            catalog: PlanFile.relativePath(catalogPath, from: dir.isEmpty ? "." : dir),
            requestSha256: nil, catalogSha256: nil)
        let plan: Plan
        do {
            plan = try PlanBuilder.plan(
                problem, result, inputs: inputs,
                solver: Plan.SolverInfo(seconds: 0, seed: seed, timeLimit: nil, iterations: iterations))
        } catch {
            preconditionFailure("PlanBuilder.plan failed for \(request.path) (seed \(seed)): \(error)")
        }
        return Solved(problem: problem, result: result, plan: plan)
    }

    /// The Verifier's violations as `rule: message` lines.
    static func verdict(_ plan: Plan, _ request: PlanRequest, _ catalog: Catalog) -> [String] {
        Verifier(catalog: catalog, request: request).verify(plan).violations.map { "\($0.rule): \($0.message)" }
    }

    /// Writes `plan` next to its request and runs `../shared/tools/check-plan` on it.
    static func pythonCheck(_ plan: Plan, _ request: PlanRequest) throws -> (status: Int32, output: String) {
        let dir = (request.path as NSString).deletingLastPathComponent
        let planPath = (dir as NSString).appendingPathComponent("plan-\(UUID().uuidString).json")
        try PlanFile.write(plan, to: planPath)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", checkPlan, planPath, request.path, catalogPath]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `plan` with its score recomputed from its sessions (value = priority × conventions).
    static func rescored(_ plan: Plan, _ request: PlanRequest) -> Plan {
        var p = plan
        var value = 0
        for s in p.sessions { value += (request.demand(s.demand)?.priority ?? 0) * s.conventions.count }
        p.score = .init(
            value: value, cash: p.sessions.reduce(0) { $0 + $1.cost.cash },
            inKind: p.sessions.reduce(0) { $0 + $1.cost.inKind },
            scheduled: p.sessions.count, demands: request.demands.count)
        return p
    }
}

struct Solved {
    var problem: Problem
    var result: SolverResult
    var plan: Plan
}

/// A plan request as YAML: each list entry is one flow mapping, e.g. `{id: d1, module: joint-3d, ...}`.
struct RequestSpec {
    var name = "t"
    var horizon = (start: "2027-03-01", end: "2027-03-26")
    var demand: [String] = []
    var staff: [String] = []
    var staffing: [String] = []
    var funding: [String] = ["{id: core, name: Core budget, owner: UNCCD, type: core, cap: 1000000}"]
    var blackouts: [String] = []
    var delivered: [String] = []
    var pinned: [String] = []

    var yaml: String {
        var s = "name: \(name)\ntitle: Test plan\ncurrency: USD\nhorizon: {start: \(horizon.start), end: \(horizon.end)}\n"
        for (key, items) in [
            ("demand", demand), ("staff", staff), ("staffing", staffing), ("funding", funding),
            ("blackouts", blackouts), ("delivered", delivered), ("pinned", pinned),
        ] where !items.isEmpty {
            s += "\(key):\n" + items.map { "  - \($0)\n" }.joined()
        }
        return s
    }

    /// Writes `request.yaml` into a new temporary folder; returns its path.
    func write() throws -> String {
        let path = try Fixture.tempDir().appendingPathComponent("request.yaml").path
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Writes and loads the request against the fixture catalog.
    func load() throws -> (request: PlanRequest, catalog: Catalog) {
        let catalog = try Fixture.catalog()
        return (try PlanRequestLoader.load(path: try write(), catalog: catalog), catalog)
    }
}

extension Plan {
    /// Edits the session of `demand` in place.
    mutating func edit(_ demand: String, _ body: (inout PlanSession) -> Void) {
        guard let i = sessions.firstIndex(where: { $0.demand == demand }) else {
            Issue.record("the plan has no session for \(demand)")
            return
        }
        body(&sessions[i])
    }

    func session(_ demand: String) -> PlanSession? { sessions.first { $0.demand == demand } }
}

extension PlanRequest {
    /// Edits the demand `id` in place.
    mutating func editDemand(_ id: String, _ body: (inout Demand) -> Void) {
        guard let i = demands.firstIndex(where: { $0.id == id }) else { Issue.record("no demand \(id)"); return }
        body(&demands[i])
    }

    /// Edits the trainer `id` in place.
    mutating func editTrainer(_ id: String, _ body: (inout Trainer) -> Void) {
        guard let i = staff.firstIndex(where: { $0.id == id }) else { Issue.record("no trainer \(id)"); return }
        body(&staff[i])
    }
}

extension Day {
    /// A date literal for tests (an invalid literal is a test bug: it records an issue).
    static func of(_ iso: String) -> Day {
        guard let d = Day(iso: iso) else {
            Issue.record("not a date: \(iso)")
            return Day(number: 0)
        }
        return d
    }
}
