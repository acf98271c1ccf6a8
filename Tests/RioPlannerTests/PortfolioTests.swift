import Foundation
import RioModel
import Testing

@testable import RioPlanner

/// The portfolio: the same plan whatever the thread count with an iteration budget, every plan
/// valid, and the bound and early stop consistent.
@Suite struct PortfolioTests {
    /// Plans `problem` with a portfolio on `threads` threads.
    func solve(_ problem: Problem, threads: Int, iterations: Int, seed: UInt64) -> SolverResult {
        Portfolio(problem: problem, options: SolverOptions(iterations: iterations, seed: seed), threads: threads).solve()
    }

    @Test(arguments: [UInt64(3), 11, 27])
    func sameAssignmentsOnOneAndTwoThreads(seed: UInt64) throws {
        let (request, catalog) = try RandomRequest.make(seed: seed).load()
        let problem = ProblemCompiler.compile(request: request, catalog: catalog)
        // Several epochs, so members meet and adopt plans in between.
        let iterations = 3 * SolverTuning.epochSteps + 17
        let one = solve(problem, threads: 1, iterations: iterations, seed: seed)
        let two = solve(problem, threads: 2, iterations: iterations, seed: seed)
        #expect(one.assignment == two.assignment, "seed \(seed)")
        #expect((one.value, one.cash, one.iterations) == (two.value, two.cash, two.iterations), "seed \(seed)")
        #expect(one.value <= one.bound, "seed \(seed): value \(one.value) above its bound \(one.bound)")
    }

    @Test func planFilesAreTheSameBytesOnOneAndTwoThreads() throws {
        let (request, catalog) = try RandomRequest.make(seed: 5).load()
        let problem = ProblemCompiler.compile(request: request, catalog: catalog)
        let inputs = Plan.PlanInputs(request: "r.yaml", catalog: "catalog", requestSha256: nil, catalogSha256: nil)
        let bytes = try [1, 2].map { threads in
            let r = solve(problem, threads: threads, iterations: 1200, seed: 5)
            let info = Plan.SolverInfo(seconds: 0, seed: 5, timeLimit: nil, iterations: 1200).proving(r.value, bound: r.bound)
            let plan = try PlanBuilder.plan(problem, r, inputs: inputs, solver: info)
            #expect(Verifier(catalog: catalog, request: request).verify(plan).violations.isEmpty)
            return try PlanFile.encode(plan)
        }
        #expect(bytes[0] == bytes[1])
    }

    @Test func aProvenValueStopsTheSearchEarly() throws {
        // The base fixture: every demand has one slot and money is plentiful, so the first plan
        // reaches the bound and nothing improves afterwards.
        let (request, catalog) = try Fixture.base.load()
        let problem = ProblemCompiler.compile(request: request, catalog: catalog)
        let r = solve(problem, threads: 1, iterations: 1_000_000, seed: 1)
        #expect(r.value == r.bound)
        #expect(r.iterations < 1_000_000)
        var lone = Solver(problem: problem, options: SolverOptions(iterations: 1_000_000, seed: 1))
        let alone = lone.solve()
        #expect(alone.value == alone.bound && alone.iterations == SolverTuning.provenStopSteps)
    }

    @Test func theFinalPolishIsReservedWithinTheTimeLimit() throws {
        let (request, catalog) = try Fixture.base.load()
        let problem = ProblemCompiler.compile(request: request, catalog: catalog)
        let timed = Solver(problem: problem, options: SolverOptions(timeLimit: 10, seed: 1))
        let end = ContinuousClock.now + .seconds(10)
        // The search stops early by the longest polish so far, but never by more than its share of the limit.
        #expect(timed.searchEnd(end, polishSeconds: 1.2) == end - .seconds(1.2))
        #expect(timed.searchEnd(end, polishSeconds: 7) == end - .seconds(SolverTuning.finishReserveShare * 10))
        #expect(timed.searchEnd(end, polishSeconds: 0) == end)
        // Once the value meets the bound, the final polish gets the whole share for cash.
        var proven = timed
        proven.search.score.value = proven.bound
        #expect(proven.searchEnd(end, polishSeconds: 0) == end - .seconds(SolverTuning.finishReserveShare * 10))
        #expect(proven.searchEnd(end, polishSeconds: 1.2) == end - .seconds(SolverTuning.finishReserveShare * 10))
        // So it does once the value has stood still for the latter half of the run so far (6 s
        // of a 10 s run, the value last rising at 1 s), and not when it rose late (at 4 s).
        var settled = timed
        let later = ContinuousClock.now + .seconds(4)
        settled.search.valueRose = later - .seconds(9)
        #expect(settled.searchEnd(later, polishSeconds: 0.5) == later - .seconds(SolverTuning.finishReserveShare * 10))
        settled.search.valueRose = later - .seconds(6)
        #expect(settled.searchEnd(later, polishSeconds: 0.5) == later - .seconds(0.5))
        // An iteration budget has no polish deadline: its polishes always run, whatever the clock.
        var counted = Solver(problem: problem, options: SolverOptions(iterations: 50, seed: 1))
        #expect(!counted.pastPolishDeadline && !counted.polishWouldOverrun(seconds: 1e9))
        _ = counted.solve()
        #expect(counted.search.polishDeadline == nil)
        // A deadline already past skips every polish.
        var late = Solver(problem: problem, options: SolverOptions(timeLimit: 10, seed: 1))
        late.search.polishDeadline = ContinuousClock.now - .seconds(1)
        #expect(late.pastPolishDeadline && !late.polishStructure())
    }

    @Test func aMemberAsGoodButForCashKeepsItsOwnPlan() throws {
        let (request, catalog) = try RandomRequest.make(seed: 3).load()
        let problem = ProblemCompiler.compile(request: request, catalog: catalog)
        let options = SolverOptions(iterations: 300, seed: 3)
        let members = (0..<2).map { k in
            var solver = Solver(problem: problem, options: SolverOptions(iterations: 300, seed: Portfolio.memberSeed(3, k)))
            _ = solver.begin()
            solver.advance(iterations: 300, upTo: 300)
            return Portfolio.Member(solver)
        }
        let portfolio = Portfolio(problem: problem, options: options, threads: 1)
        let lead = members[0].solver.search
        // Member 1 claims member 0's value with more cash: it keeps its own plan and score.
        var own = members[1].solver.search
        own.score = SearchScore(value: lead.score.value, kept: lead.score.kept, cash: lead.score.cash + 10)
        members[1].solver.search = own
        let meeting = portfolio.meet(members, Portfolio.Meeting(score: lead.score))
        #expect(meeting.leader == 0)
        #expect(members[1].solver.search.best == own.best && members[1].solver.search.score == own.score)
        // With one unit of value less, it takes the leader's plan.
        members[1].solver.search.score.value = lead.score.value - 1
        _ = portfolio.meet(members, meeting)
        #expect(members[1].solver.search.best == lead.best && members[1].solver.search.score == lead.score)
        #expect(Portfolio.adopts(SearchScore(value: 5, kept: 1, cash: 0), SearchScore(value: 5, kept: 2, cash: 90)))
        #expect(!Portfolio.adopts(SearchScore(value: 5, kept: 2, cash: 100), SearchScore(value: 5, kept: 2, cash: 90)))
    }

    @Test func memberSeedsDiffer() {
        #expect(Portfolio.memberSeed(7, 0) == 7)
        #expect(Set((0..<8).map { Portfolio.memberSeed(7, $0) }).count == 8)
    }
}
