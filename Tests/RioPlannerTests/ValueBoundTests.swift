import Foundation
import RioModel
import Testing

@testable import RioPlanner

/// The value bound is never wrong: at least every proven optimum and every plan found, and
/// exact on hand-made cases where funding alone decides.
@Suite struct ValueBoundTests {
    @Test func neverBelowTheProvenOptimaOfTheSeededRequests() throws {
        var exact = 0
        for seed in UInt64(1)...40 {
            let (request, catalog) = try RandomRequest.make(seed: seed).load()
            let problem = ProblemCompiler.compile(request: request, catalog: catalog)
            let bound = ProblemCompiler.valueBound(of: problem)
            let optimum = try #require(OptimalityTests.optimum[seed]).value
            #expect(bound >= optimum, "seed \(seed): bound \(bound) < proven optimum \(optimum)")
            if bound == optimum { exact += 1 }
        }
        print("value bound: equal to the proven optimum on \(exact) of 40 seeded requests")
    }

    @Test(arguments: ["pub-s", "pub-m", "pub-l", "pub-xl", "pub-src24", "pub-src40"])
    func neverBelowTheReferencePlans(instance: String) throws {
        let dir = Fixture.root.deletingLastPathComponent().appendingPathComponent("shared/benchmarks/\(instance)")
        let catalog = try CatalogLoader.load(folder: dir.appendingPathComponent("catalog").path)
        let request = try PlanRequestLoader.load(path: dir.appendingPathComponent("request.yaml").path, catalog: catalog)
        let ref = try PlanFile.read(dir.appendingPathComponent("ref.json").path)
        let bound = ProblemCompiler.valueBound(of: ProblemCompiler.compile(request: request, catalog: catalog))
        #expect(bound >= ref.score.value, "\(instance): bound \(bound) < reference value \(ref.score.value)")
        print("value bound \(instance): \(bound), reference plan \(ref.score.value)")
    }

    @Test func fundingDecidesAloneThenTheBoundIsTheFractionalKnapsack() throws {
        // Base fixture: five demands, cheapest cash 11,100 / 450 / 300 / 17,040 / 8,250, values
        // 12 / 3 / 3 / 4 / 3, all on the one source `core`.
        var spec = Fixture.base
        spec.funding = ["{id: core, name: Core budget, owner: UNCCD, type: core, cap: 20000}"]
        let (request, catalog) = try spec.load()
        let bound = ProblemCompiler.valueBound(of: ProblemCompiler.compile(request: request, catalog: catalog))
        // By value per cash: d3 (3/300), d2 (3/450), d1 (12/11,100), d5 (3/8,250): 300 + 450 +
        // 11,100 = 11,850 taken whole, then 8,150 of d5's 8,250: 3 × 8,150 / 8,250 = 2.96.
        #expect(bound == 3 + 3 + 12 + 2)
    }
}
