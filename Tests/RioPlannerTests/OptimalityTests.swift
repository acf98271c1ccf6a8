import Foundation
import RioModel
import Testing

@testable import RioPlanner

/// The solver against proven optima: for seeded random requests (`RandomRequest`), the value and cash of
/// `../shared/tools/reference-solve` (CP-SAT; both figures reported `OPTIMAL`, 5 s, one worker).
///
/// The tests only demand what every correct solver gives: a valid plan that never beats the proven
/// optimum (beating it would mean a plan the rules forbid). How many seeds reach the optimum is a
/// figure of the search's quality, printed here and tabulated per seed by `Benchmarks/optimality-bench.sh`.
///
/// The table belongs to the generator: if `RandomRequest` changes, recompute it by writing each request
/// (`RIOPLAN_BENCH_DIR=DIR swift test --filter OptimalityTests/writeBenchmarkRequests` writes
/// `DIR/rand-SEED.yaml`) and running `reference-solve REQUEST Tests/Fixtures/planner/catalog OUT.json 5 1`.
@Suite struct OptimalityTests {
    static let optimum: [UInt64: (value: Int, cash: Int)] = [
        1: (29, 72380), 2: (43, 104105), 3: (27, 78805), 4: (15, 10405), 5: (52, 91450), 6: (52, 108120), 7: (54, 127290),
        8: (64, 82015), 9: (43, 54610), 10: (36, 36755), 11: (14, 18680), 12: (24, 33215), 13: (45, 85015), 14: (19, 20575),
        15: (29, 68160), 16: (96, 130390), 17: (50, 113520), 18: (14, 35160), 19: (22, 10565), 20: (39, 122210),
        21: (68, 97575), 22: (50, 131680), 23: (6, 11725), 24: (10, 13815), 25: (24, 63815), 26: (28, 50620),
        27: (54, 87560), 28: (52, 82455), 29: (43, 76040), 30: (38, 115245), 31: (37, 41755), 32: (19, 2100),
        33: (32, 61240), 34: (45, 64485), 35: (5, 14935), 36: (60, 60100), 37: (88, 138775), 38: (49, 97010),
        39: (25, 27285), 40: (75, 94510),
    ]
    static let seeds = UInt64(1)...40
    /// The search budget of the figures printed (the benchmark uses the same).
    static let iterations = 3000

    /// Whether `got` is at most `best`: lower value, or the same value at no less cash.
    static func withinOptimum(_ got: (value: Int, cash: Int), _ best: (value: Int, cash: Int)) -> Bool {
        got.value < best.value || (got.value == best.value && got.cash >= best.cash)
    }

    @Test func everyPlanIsValidAndNeverBeatsTheProvenOptimum() throws {
        var reached: [UInt64] = []
        for seed in Self.seeds {
            let (request, catalog) = try RandomRequest.make(seed: seed).load()
            let plan = Fixture.solve(request, catalog, iterations: Self.iterations, seed: seed).plan
            let best = try #require(Self.optimum[seed], "seed \(seed) has no proven optimum in the table")
            let report = Verifier(catalog: catalog, request: request).verify(plan)
            #expect(report.valid, "seed \(seed) (\(request.path)): \(report.violations)")
            #expect(report.value == plan.score.value && report.cash == plan.score.cash, "seed \(seed): the plan's score is not its sessions'")
            let got = (value: report.value, cash: report.cash)
            #expect(Self.withinOptimum(got, best), "seed \(seed) (\(request.path)): value \(got.value), cash \(got.cash) beats the proven optimum \(best)")
            if got == best { reached.append(seed) }
        }
        let short = Self.seeds.filter { !reached.contains($0) }.map(String.init).joined(separator: " ")
        print(
            "OptimalityTests: \(reached.count) of \(Self.seeds.count) seeds reached the proven optimum after \(Self.iterations) iterations; short: \(short.isEmpty ? "none" : short)"
        )
    }

    @Test func withinOptimumOrdersByValueThenCash() {
        #expect(Self.withinOptimum((10, 500), (10, 500)))
        #expect(Self.withinOptimum((10, 600), (10, 500)))
        #expect(Self.withinOptimum((9, 0), (10, 500)))
        #expect(!Self.withinOptimum((10, 499), (10, 500)))
        #expect(!Self.withinOptimum((11, 900), (10, 500)))
    }

    /// For `Benchmarks/optimality-bench.sh`: writes each seed's request as `DIR/rand-SEED.yaml` and the
    /// proven optima as `DIR/optimum.tsv` (`seed value cash`). Runs only when `RIOPLAN_BENCH_DIR` is set.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["RIOPLAN_BENCH_DIR"] != nil))
    func writeBenchmarkRequests() throws {
        let dir = URL(fileURLWithPath: try #require(ProcessInfo.processInfo.environment["RIOPLAN_BENCH_DIR"]))
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var table = ""
        for seed in Self.seeds {
            let spec = RandomRequest.make(seed: seed)
            try Data(spec.yaml.utf8).write(to: dir.appendingPathComponent("\(spec.name).yaml"))
            let best = try #require(Self.optimum[seed])
            table += "\(seed)\t\(best.value)\t\(best.cash)\n"
        }
        try Data(table.utf8).write(to: dir.appendingPathComponent("optimum.tsv"))
    }
}
