import Foundation
import RioModel
import Testing

@testable import RioPlanner

/// The solver against proven optima: for seeded random requests (`RandomRequest`), the value and cash of
/// `../shared/tools/reference-solve` (CP-SAT; both figures reported `OPTIMAL`, 5 s, one worker).
///
/// The table belongs to the generator: if `RandomRequest` changes, recompute it by writing each request
/// (`RandomRequest.make(seed:).yaml`) and running `reference-solve REQUEST Tests/Fixtures/planner/catalog OUT.json 5 1`.
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
    /// Seeds where 3,000 iterations stop short of the optimum (a search weakness, not an invalid plan).
    static let knownShort: Set<UInt64> = [10]

    @Test(arguments: UInt64(1)...40)
    func reachesTheProvenOptimum(seed: UInt64) throws {
        let (request, catalog) = try RandomRequest.make(seed: seed).load()
        let plan = Fixture.solve(request, catalog, iterations: 3000, seed: seed).plan
        let best = try #require(Self.optimum[seed])
        let got = (plan.score.value, plan.score.cash)
        // Never better than proven optimal: that would mean a plan the rules forbid.
        #expect(got.0 < best.value || (got.0 == best.value && got.1 >= best.cash), "seed \(seed): \(got) beats \(best)")
        if Self.knownShort.contains(seed) {
            withKnownIssue("the LNS neighbourhoods cannot swap two scheduled sessions for one more valuable one", isIntermittent: true) {
                #expect(got == best, "seed \(seed)")
            }
        } else {
            #expect(got == best, "seed \(seed)")
        }
    }
}
