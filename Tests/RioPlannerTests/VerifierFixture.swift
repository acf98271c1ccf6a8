import Foundation
import RioModel
import Testing

@testable import RioPlanner

/// The Verifier rule tests' facts: a hand-written request and catalog (`Tests/Fixtures/verifier`)
/// and a hand-written valid plan for them. Nothing here comes from the solver, so a better
/// solver cannot change what these tests check.
///
/// Catalog figures (the planner tests' catalog plus `webinar`):
///
/// | module    | delivery  | days | trainers | conventions        | languages | materials | platform |
/// |-----------|-----------|------|----------|--------------------|-----------|-----------|----------|
/// | joint-3d  | in-person | 3    | 1        | UNCCD, CBD, UNFCCC | en, fr    | 10        | 0        |
/// | online-1d | online    | 1    | 1        | CBD                | en, es    | 5         | 200      |
/// | pair-2d   | hybrid    | 2    | 2        | UNCCD, UNFCCC      | en, fr    | 0         | 0        |
/// | advanced  | in-person | 2    | 1        | UNCCD              | en        | 0         | 0        |
/// | webinar   | online    | 1    | 1        | UNFCCC             | en        | 0         | 0        |
///
/// `advanced` needs `online-1d` first. Regions: africa (dsaPerDay 100, participantTravel 500,
/// localTravel 50; venues dakar 20 seats at 600/day, nairobi 40 at 1,000/day) and weog (200, 300,
/// 20; bonn 30 seats at 1,500/day, paris 12 at 1,500/day); weog–africa travel 1,200.
///
/// The valid plan, week by week (W1 is 2027-03-01..05, W2 03-08..12, W4 03-22..26; W3 is empty):
///
/// | session | when (weekday)       | module    | region | venue | trainers | cash   | in-kind | value |
/// |---------|----------------------|-----------|--------|-------|----------|--------|---------|-------|
/// | d1      | W1 Mon–Wed 03-01..03 | joint-3d  | africa | dakar | t1       | 11,100 | 1,500   | 4×3   |
/// | d4      | W1 Mon–Tue 03-01..02 | pair-2d   | weog   | bonn  | t2, t3   | 17,040 | 1,900   | 2×2   |
/// | d2      | W2 Mon 03-08         | online-1d | africa | –     | v2       | 450    | 0       | 3×1   |
/// | d3      | W2 Mon 03-08         | online-1d | weog   | –     | v1       | 300    | 0       | 3×1   |
/// | d5      | W2 Tue–Wed 03-09..10 | advanced  | africa | dakar | t4       | 8,250  | 600     | 3×1   |
/// | d6      | W2 Wed 03-10         | webinar   | weog   | –     | v3       | 0      | 0       | 3×1   |
/// | d7      | W4 Mon–Tue 03-22..23 | advanced  | weog   | paris | t4       | 11,200 | 600     | 3×1   |
///
/// d8 (a webinar whose window is a weekend) is unscheduled with reason `no-window`. The request's
/// limits are met exactly where a test wants a boundary: t4 teaches 4 days (maxDays 4), UNCCD
/// trainers 3 + 4 = 7 days (staffing cap 7), source `core` gives 36,340 (cap 36,340). Its two
/// blackouts (africa in W4, FAO's trainers in W1) and the pin of d4 touch nothing of the plan;
/// d5's prerequisite is d2 (03-08, before 03-09), d7's is `delivered` in weog.
enum VerifierFixture {
    /// `Tests/Fixtures/verifier` in the package.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/verifier")
    /// The fixture's catalog folder and request file.
    static let catalogPath = folder.appendingPathComponent("catalog").path
    static let requestPath = folder.appendingPathComponent("request.yaml").path

    /// Loads the fixture's catalog and request from their YAML files.
    static func load() throws -> (catalog: Catalog, request: PlanRequest) {
        let catalog = try CatalogLoader.load(folder: catalogPath)
        return (catalog, try PlanRequestLoader.load(path: requestPath, catalog: catalog))
    }

    /// The hand-written valid plan; each cost is worked out from scheduling-model.md's formula.
    static let plan = Plan(
        name: "v", currency: "USD", horizon: .init(start: "2027-03-01", end: "2027-03-26"),
        inputs: .init(request: "request.yaml", catalog: "catalog", requestSha256: nil, catalogSha256: nil),
        sessions: [
            // venue dakar 600 × 3 = 1,800; participants 10 × (dsa 100 × 3 + travel 500 + materials 10) = 8,100;
            // travel t1 weog → africa 1,200. Cash 1,800 + 8,100 + 1,200 = 11,100; in-kind t1 500 × 3 = 1,500.
            PlanSession(
                id: "v/d1", demand: "d1", module: "joint-3d", region: "africa", venue: "dakar", language: "en",
                start: "2027-03-01", end: "2027-03-03", days: 3, participants: 10, trainers: ["t1"],
                conventions: ["UNCCD", "CBD", "UNFCCC"], mandates: ["m-unccd", "m-cbd", "m-unfccc"], themes: ["land"],
                cost: SessionCost(cash: 11_100, inKind: 1_500, venue: 1_800, participants: 8_100, travel: 1_200),
                funding: [FundingLine(source: "africa-fund", amount: 11_100)]),
            // venue bonn 1,500 × 2 = 3,000; participants 20 × (200 × 2 + 300 + 0) = 14,000; travel local 20 + 20 = 40.
            // Cash 17,040; in-kind (t2 500 + t3 450) × 2 = 1,900.
            PlanSession(
                id: "v/d4", demand: "d4", module: "pair-2d", region: "weog", venue: "bonn", language: "fr",
                start: "2027-03-01", end: "2027-03-02", days: 2, participants: 20, trainers: ["t2", "t3"],
                conventions: ["UNCCD", "UNFCCC"], mandates: ["m-unccd", "m-unfccc"], themes: ["gender"],
                cost: SessionCost(cash: 17_040, inKind: 1_900, venue: 3_000, participants: 14_000, travel: 40),
                funding: [FundingLine(source: "core", amount: 17_040)]),
            // online: platform 200 + 50 × materials 5 = 450; no venue, no travel; v2's day rate is 0.
            PlanSession(
                id: "v/d2", demand: "d2", module: "online-1d", region: "africa", venue: nil, language: "en",
                start: "2027-03-08", end: "2027-03-08", days: 1, participants: 50, trainers: ["v2"],
                conventions: ["CBD"], mandates: ["m-cbd"], themes: ["finance"],
                cost: SessionCost(cash: 450, inKind: 0, venue: 0, participants: 450, travel: 0),
                funding: [FundingLine(source: "core", amount: 450)]),
            // online: 200 + 20 × 5 = 300.
            PlanSession(
                id: "v/d3", demand: "d3", module: "online-1d", region: "weog", venue: nil, language: "en",
                start: "2027-03-08", end: "2027-03-08", days: 1, participants: 20, trainers: ["v1"],
                conventions: ["CBD"], mandates: ["m-cbd"], themes: ["finance"],
                cost: SessionCost(cash: 300, inKind: 0, venue: 0, participants: 300, travel: 0),
                funding: [FundingLine(source: "core", amount: 300)]),
            // venue dakar 600 × 2 = 1,200; participants 10 × (100 × 2 + 500 + 0) = 7,000; travel t4 local 50.
            // Cash 8,250 (africa-fund 900 + core 7,350); in-kind 300 × 2 = 600.
            PlanSession(
                id: "v/d5", demand: "d5", module: "advanced", region: "africa", venue: "dakar", language: "en",
                start: "2027-03-09", end: "2027-03-10", days: 2, participants: 10, trainers: ["t4"],
                conventions: ["UNCCD"], mandates: ["m-unccd"], themes: ["land"],
                cost: SessionCost(cash: 8_250, inKind: 600, venue: 1_200, participants: 7_000, travel: 50),
                funding: [FundingLine(source: "africa-fund", amount: 900), FundingLine(source: "core", amount: 7_350)]),
            // webinar: platform 0 + 30 × 0 = 0 cash, so no funding lines.
            PlanSession(
                id: "v/d6", demand: "d6", module: "webinar", region: "weog", venue: nil, language: "en",
                start: "2027-03-10", end: "2027-03-10", days: 1, participants: 30, trainers: ["v3"],
                conventions: ["UNFCCC"], mandates: ["m-unfccc"], themes: ["gender"],
                cost: SessionCost(cash: 0, inKind: 0, venue: 0, participants: 0, travel: 0),
                funding: []),
            // venue paris 1,500 × 2 = 3,000; participants 10 × (200 × 2 + 300 + 0) = 7,000; travel t4 africa → weog 1,200.
            // Cash 11,200; in-kind 300 × 2 = 600.
            PlanSession(
                id: "v/d7", demand: "d7", module: "advanced", region: "weog", venue: "paris", language: "en",
                start: "2027-03-22", end: "2027-03-23", days: 2, participants: 10, trainers: ["t4"],
                conventions: ["UNCCD"], mandates: ["m-unccd"], themes: ["land"],
                cost: SessionCost(cash: 11_200, inKind: 600, venue: 3_000, participants: 7_000, travel: 1_200),
                funding: [FundingLine(source: "core", amount: 11_200)]),
        ],
        unscheduled: [
            UnscheduledDemand(
                demand: "d8", reasons: [Reason(code: "no-window", message: "no working day in 2027-03-06..2027-03-07")])
        ],
        // value 12 + 4 + 3 + 3 + 3 + 3 + 3 = 31; cash 11,100 + 17,040 + 450 + 300 + 8,250 + 0 + 11,200 = 48,340
        // (africa-fund 12,000 + core 36,340); in-kind 1,500 + 1,900 + 600 + 600 = 4,600.
        score: Plan.Score(value: 31, cash: 48_340, inKind: 4_600, scheduled: 7, demands: 8),
        solver: Plan.SolverInfo(seconds: 0, seed: nil, timeLimit: nil, iterations: nil, engine: "hand-written"))

    /// The Verifier's violations of `plan` against `request` as `rule: message` lines.
    static func verdict(_ plan: Plan, _ request: PlanRequest, _ catalog: Catalog) -> [String] {
        Verifier(catalog: catalog, request: request).verify(plan).violations.map { "\($0.rule): \($0.message)" }
    }

    /// Writes `plan` into a temporary folder and runs the Python reference checker
    /// (`../shared/tools/check-plan`) on it with the fixture's request and catalog.
    static func pythonCheck(_ plan: Plan) throws -> (status: Int32, output: String) {
        let root = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let checker = root.deletingLastPathComponent().appendingPathComponent("shared/tools/check-plan").path
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rio-verifier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let planPath = dir.appendingPathComponent("plan.json").path
        try PlanFile.write(plan, to: planPath)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", checker, planPath, requestPath, catalogPath]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

extension Plan {
    /// Moves the session of `demand` to run from `start` to `end` (ISO dates as written in a plan file).
    mutating func move(_ demand: String, _ start: String, _ end: String) {
        edit(demand) {
            $0.start = start
            $0.end = end
        }
    }
}
