import Testing

@testable import RioPlanner

/// The co-financing network answers exactly what a whole max-flow answers, at every step of
/// random add and remove sequences on random networks with many sources (the kept flow and its
/// memo), with few sources (the subset table), in states the caps cannot pay for, and for
/// copies that part ways.
@Suite struct FundingTests {
    /// A random network: `sources` caps, `patterns` distinct random source sets (some of one
    /// source, one of them empty when `withEmpty`), the first source in most patterns as GEF is
    /// in the public instances.
    static func network(_ rng: inout SeededGenerator, sources: Int, patterns: Int, withEmpty: Bool = false) -> (caps: [Int], patterns: [[Int]]) {
        let caps = (0..<sources).map { _ in rng.below(4) == 0 ? rng.below(20) : 20 + rng.below(400) }
        var seen = Set<[Int]>(), list: [[Int]] = []
        if withEmpty { list.append([]); seen.insert([]) }
        while list.count < patterns {
            var p = Set<Int>()
            if rng.below(4) != 0 { p.insert(0) }
            for _ in 0..<(1 + rng.below(rng.below(3) == 0 ? 8 : 3)) { p.insert(rng.below(sources)) }
            let sorted = p.sorted()
            if seen.insert(sorted).inserted { list.append(sorted) }
        }
        return (caps, list)
    }

    /// Headroom as the whole max-flow gives it: the flow with `p` raised by `Int32.max`, less the cash.
    static func referenceHeadroom(_ caps: [Int], _ patterns: [[Int]], _ cash: [Int], _ p: Int) -> Int {
        var probe = cash
        probe[p] += Int(Int32.max)
        return max(0, Funding.maxFlow(caps: caps, patterns: patterns, cash: probe) - cash.reduce(0, +))
    }

    /// Every pattern's headroom, `canAdd` at and just above it, and feasibility equal the reference.
    static func expectExact(_ f: Funding, _ caps: [Int], _ patterns: [[Int]], _ cash: [Int], _ at: String) {
        let payable = Funding.maxFlow(caps: caps, patterns: patterns, cash: cash) == cash.reduce(0, +)
        #expect((f.allocate() != nil) == payable, "\(at): feasibility")
        for p in patterns.indices {
            let want = referenceHeadroom(caps, patterns, cash, p)
            let got = f.headroom(p)
            #expect(got == want, "\(at): headroom(\(p)) \(got), max-flow \(want)")
            if want < Int(Int32.max) {
                #expect(f.canAdd(want + 1, to: p) == false, "\(at): canAdd(\(want + 1), \(p))")
            }
            if want > 0 { #expect(f.canAdd(want, to: p), "\(at): canAdd(\(want), \(p))") }
        }
    }

    /// Random adds (only what fits, or anything when `overspend`) and removes of earlier adds.
    static func run(seed: UInt64, sources: Int, patterns n: Int, steps: Int, overspend: Bool) {
        var rng = SeededGenerator(seed: seed)
        let (caps, patterns) = network(&rng, sources: sources, patterns: n, withEmpty: overspend)
        var f = Funding(caps: caps, patterns: patterns)
        var cash = Array(repeating: 0, count: patterns.count)
        var added: [(Int, Int)] = []
        for step in 0..<steps {
            let at = "seed \(seed), \(sources) sources, step \(step)"
            if !added.isEmpty && rng.below(3) == 0 {
                let (p, c) = added.remove(at: rng.below(added.count))
                f.add(-c, to: p)
                cash[p] -= c
            } else {
                let p = rng.below(patterns.count), c = 1 + rng.below(120)
                if overspend || f.canAdd(c, to: p) {
                    f.add(c, to: p)
                    cash[p] += c
                    added.append((p, c))
                }
            }
            #expect(f.patternCash == cash, "\(at)")
            // Ask in a random order so the memo is filled in different orders.
            if rng.below(2) == 0 { _ = f.headroom(rng.below(patterns.count)) }
            expectExact(f, caps, patterns, cash, at)
        }
    }

    @Test(arguments: Array(UInt64(1)...12))
    func manySourcesMatchTheMaxFlowAtEveryStep(seed: UInt64) {
        for sources in [16, 24, 40] {
            FundingTests.run(seed: seed &* 131 &+ UInt64(sources), sources: sources, patterns: 6 + Int(seed % 5) * 6, steps: 60, overspend: false)
        }
    }

    @Test(arguments: Array(UInt64(1)...8))
    func statesTheCapsCannotPayForMatchTheMaxFlow(seed: UInt64) {
        FundingTests.run(seed: seed &* 7_919, sources: 20 + Int(seed % 3) * 10, patterns: 12, steps: 50, overspend: true)
    }

    @Test(arguments: Array(UInt64(1)...6))
    func fewSourcesMatchTheMaxFlowAtEveryStep(seed: UInt64) {
        FundingTests.run(seed: seed &* 31, sources: 4 + Int(seed) * 2, patterns: 10, steps: 40, overspend: seed % 2 == 0)
    }

    @Test func theMostSourcesTheKeptFlowHoldsMatchTheMaxFlow() {
        FundingTests.run(seed: 64, sources: SolverTuning.maxFlowNetworkSources, patterns: 30, steps: 40, overspend: false)
        FundingTests.run(seed: 65, sources: SolverTuning.maxFlowNetworkSources + 1, patterns: 10, steps: 10, overspend: false)
    }

    /// Copies share the memo until one moves; each must stay exact on its own path.
    @Test func copiesThatPartWaysStayExact() {
        var rng = SeededGenerator(seed: 99)
        let (caps, patterns) = FundingTests.network(&rng, sources: 24, patterns: 20)
        var a = Funding(caps: caps, patterns: patterns)
        var cash = Array(repeating: 0, count: patterns.count)
        for _ in 0..<40 {
            let p = rng.below(patterns.count), c = 1 + rng.below(80)
            if a.canAdd(c, to: p) {
                a.add(c, to: p)
                cash[p] += c
            }
        }
        for p in patterns.indices { _ = a.headroom(p) }
        var b = a, cashB = cash
        for step in 0..<20 {
            let p = rng.below(patterns.count), c = 1 + rng.below(60)
            if step % 2 == 0, cash[p] >= c {
                a.add(-c, to: p)
                cash[p] -= c
            } else if b.canAdd(c, to: p) {
                b.add(c, to: p)
                cashB[p] += c
            }
            FundingTests.expectExact(a, caps, patterns, cash, "copy a, step \(step)")
            FundingTests.expectExact(b, caps, patterns, cashB, "copy b, step \(step)")
        }
    }

    /// With many sources the subset table is not built, and the kept flow is.
    @Test func manySourcesKeepAFlowInsteadOfTheSubsetTable() {
        let few = Funding(caps: Array(repeating: 10, count: SolverTuning.maxSubsetSources), patterns: [[0]])
        let many = Funding(caps: Array(repeating: 10, count: SolverTuning.maxSubsetSources + 1), patterns: [[0]])
        #expect(few.useSubsets && few.network == nil)
        #expect(!many.useSubsets && many.network != nil && many.need.isEmpty)
    }
}
