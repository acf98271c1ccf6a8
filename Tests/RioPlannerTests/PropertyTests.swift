import Foundation
import RioModel
import Testing

@testable import RioPlanner

/// Properties over seeded random small requests (`RandomRequest`), for every seed of a range and several
/// iteration budgets: every plan verifies (with this package's Verifier and, at one budget, the Python
/// reference checker), every demand is scheduled once or left out with a reason, funding is exact, and
/// an iteration budget with a seed gives the same bytes twice. Only invariants: any correct solver,
/// better or worse, passes them.
@Suite struct PropertyTests {
    static let seeds = Array(UInt64(1)...48)
    /// From no improvement step at all (the construction alone) to a longer search.
    static let budgets = [0, 20, 200, 1000]
    /// The budget whose plans also go to the Python reference checker (a process each).
    static let pythonBudget = 200

    @Test(arguments: seeds, budgets)
    func everyPlanVerifiesAndIsReproducible(seed: UInt64, iterations: Int) throws {
        let spec = RandomRequest.make(seed: seed)
        let (request, catalog) = try spec.load()
        let at = "seed \(seed), \(iterations) iterations (\(request.path))"
        let first = Fixture.solve(request, catalog, iterations: iterations, seed: seed)
        var plan = first.plan
        #expect(first.result.pinConflicts == [], "\(at)")

        let report = Verifier(catalog: catalog, request: request).verify(plan)
        #expect(report.valid, "\(at): \(report.violations)")
        #expect(report.value == plan.score.value && report.cash == plan.score.cash, "\(at)")
        #expect(plan.score.scheduled == plan.sessions.count && plan.score.demands == request.demands.count, "\(at)")

        // Every demand exactly once: scheduled, or left out with at least one reason.
        let accounted = plan.sessions.map(\.demand) + plan.unscheduled.map(\.demand)
        #expect(accounted.sorted() == request.demands.map(\.id).sorted(), "\(at)")
        for u in plan.unscheduled { #expect(!u.reasons.isEmpty, "\(at): \(u.demand) is left out without a reason") }

        var used: [String: Int] = [:]
        for s in plan.sessions {
            #expect(s.funding.reduce(0) { $0 + $1.amount } == s.cost.cash, "\(at): \(s.id)")
            for line in s.funding { used[line.source, default: 0] += line.amount }
        }
        for src in request.funding { #expect(used[src.id, default: 0] <= src.cap, "\(at): \(src.id)") }

        var again = Fixture.solve(request, catalog, iterations: iterations, seed: seed).plan
        plan.solver.seconds = 0
        again.solver.seconds = 0
        #expect(try PlanFile.encode(plan) == PlanFile.encode(again), "\(at): two runs differ")

        if iterations == Self.pythonBudget {
            let r = try Fixture.pythonCheck(plan, request)
            #expect(r.status == 0, "\(at): \(r.output)")
        }
    }

    @Test func generatorIsSeededAndVaried() {
        #expect(RandomRequest.make(seed: 5).yaml == RandomRequest.make(seed: 5).yaml)
        #expect(RandomRequest.make(seed: 5).yaml != RandomRequest.make(seed: 6).yaml)
        let sizes = Self.seeds.map { RandomRequest.make(seed: $0).demand.count }
        #expect(sizes.min() == 3 && sizes.max() == 15, "\(sizes)")
    }

    @Test func randomPlansScheduleSomethingAndLeaveSomethingOut() throws {
        // Guards the generator: the properties above must not hold only because plans are empty or full.
        var scheduled = 0, unscheduled = 0
        for seed in UInt64(1)...10 {
            let (request, catalog) = try RandomRequest.make(seed: seed).load()
            let plan = Fixture.solve(request, catalog, iterations: 50, seed: seed).plan
            scheduled += plan.sessions.count
            unscheduled += plan.unscheduled.count
        }
        #expect(scheduled >= 10 && unscheduled >= 10, "scheduled \(scheduled), unscheduled \(unscheduled)")
    }
}

/// Pins copied from a valid plan can all hold: re-planning with them must honour them and stay valid.
@Suite struct PinPropertyTests {
    /// Pins about half of `plan`'s sessions at their start, each with some of venue, trainers and language.
    static func pins(from plan: Plan, seed: UInt64) -> [String] {
        var g = SeededGenerator(seed: seed &* 7 &+ 1)
        var pins: [String] = []
        for s in plan.sessions where g.unit() < 0.5 {
            var e = "{demand: \(s.demand), start: \(s.start)"
            if let v = s.venue, g.unit() < 0.5 { e += ", venue: \(v)" }
            if g.unit() < 0.5 { e += ", trainers: [\(s.trainers.joined(separator: ", "))]" }
            if g.unit() < 0.5 { e += ", language: \(s.language)" }
            pins.append(e + "}")
        }
        return pins
    }

    /// Plans, pins part of the plan, plans again; returns the pin conflicts (and checks the pinned plan).
    static func replanWithPins(seed: UInt64, iterations: Int = 200) throws -> [String] {
        var spec = RandomRequest.make(seed: seed)
        let (request, catalog) = try spec.load()
        let plan = Fixture.solve(request, catalog, iterations: iterations, seed: seed).plan
        spec.pinned = pins(from: plan, seed: seed)
        let (pinned, _) = try spec.load()
        let solved = Fixture.solve(pinned, catalog, iterations: iterations, seed: seed)
        if solved.result.pinConflicts.isEmpty {
            #expect(Fixture.verdict(solved.plan, pinned, catalog) == [], "seed \(seed), \(iterations) iterations (\(pinned.path))")
            for pin in pinned.pinned {
                #expect(solved.plan.session(pin.demand)?.start == pin.start.iso, "seed \(seed) \(pin.demand)")
            }
        }
        return solved.result.pinConflicts
    }

    @Test(arguments: UInt64(1)...40, [50, 200])
    func pinsFromAValidPlanHold(seed: UInt64, iterations: Int) throws {
        #expect(try Self.replanWithPins(seed: seed, iterations: iterations) == [], "seed \(seed), \(iterations) iterations")
    }

    /// Seeds where placing pins one by one at their cheapest reported conflicts among pins that hold
    /// together (the search over joint placements must find them).
    @Test(arguments: [UInt64(178), 186, 237, 263, 299, 347, 350, 368])
    func pinsThatOnlyHoldJointly(seed: UInt64) throws {
        #expect(try Self.replanWithPins(seed: seed) == [], "seed \(seed)")
    }
}
