/// Co-financing as a transportation problem: can the sources' caps pay for every session's cash?
///
/// Sessions with the same set of eligible sources form a *pattern*. By Hall's theorem the cash
/// is payable exactly when, for every set Q of sources, the cash of patterns whose eligible
/// sources all lie in Q is at most the caps of Q. With few sources this is kept incrementally
/// (`need[Q]`), which makes feasibility and headroom checks O(2^sources). With more sources a
/// maximum flow is kept from move to move (`FlowNetwork`) and headroom is the most an
/// augmenting search from the pattern can add, the same number by max-flow/min-cut. The
/// allocation written to plans is always a fresh max-flow (`FlowGraph`).
struct Funding: Sendable {
    let caps: [Int]
    let patterns: [[Int]]
    let masks: [Int]
    let capOfSet: [Int]
    /// Cash of patterns whose eligible sources lie inside each set of sources.
    private(set) var need: [Int]
    private(set) var patternCash: [Int]
    let useSubsets: Bool
    /// The kept maximum flow, when there are more than `SolverTuning.maxSubsetSources` sources
    /// and at most `SolverTuning.maxFlowNetworkSources`.
    private(set) var network: FlowNetwork?

    init(caps: [Int], patterns: [[Int]]) {
        self.caps = caps
        self.patterns = patterns
        useSubsets = caps.count <= SolverTuning.maxSubsetSources
        masks = patterns.map { $0.reduce(0) { $0 | (1 << $1) } }
        patternCash = Array(repeating: 0, count: patterns.count)
        if useSubsets {
            let n = 1 << caps.count
            var c = Array(repeating: 0, count: n)
            for q in 1..<n {
                let low = q.trailingZeroBitCount
                c[q] = c[q & (q - 1)] + caps[low]
            }
            capOfSet = c
            need = Array(repeating: 0, count: n)
        } else {
            capOfSet = []
            need = []
            if caps.count <= SolverTuning.maxFlowNetworkSources { network = FlowNetwork(caps: caps, patterns: patterns) }
        }
    }

    /// How much more cash pattern `p` could take with everything else unchanged.
    ///
    /// By Hall's condition: the least of `caps(Q) - need(Q)` over the sets Q holding `p`'s
    /// sources, at least 0 (with many sources at most `Int32.max`, the probe of the max-flow).
    /// - Complexity: O(2^sources); with many sources O(1) when `FlowNetwork.Memo` knows it, else
    ///   an augmenting search from `p` over what it reaches (`FlowNetwork.extra`), or a whole
    ///   max-flow while the caps fall short.
    func headroom(_ p: Int) -> Int {
        if useSubsets {
            let m = masks[p], full = (1 << caps.count) - 1
            var best = Int.max
            var rest = full & ~m
            // Enumerate supersets of m: m | sub for every subset sub of rest.
            var sub = rest
            while true {
                let q = m | sub
                best = min(best, capOfSet[q] - need[q])
                if sub == 0 { break }
                sub = (sub - 1) & rest
            }
            rest = 0
            return max(0, best)
        }
        // Optional chaining reads the network in place (a copy would retain its arrays).
        if network?.deficit == 0, let h = network?.headroom(p) { return h }
        var probe = patternCash
        let total = probe.reduce(0, +)
        probe[p] += Int(Int32.max)
        return max(0, Funding.maxFlow(caps: caps, patterns: patterns, cash: probe) - total)
    }

    /// Whether pattern `p` can take `cash` more: `headroom(p) >= cash`.
    ///
    /// - Complexity: as `headroom`; with many sources the search stops once `cash` is found.
    func canAdd(_ cash: Int, to p: Int) -> Bool {
        if cash <= 0 { return true }
        if cash <= Int(Int32.max), network?.deficit == 0, let ok = network?.canAdd(cash, to: p) { return ok }
        return headroom(p) >= cash
    }

    /// Adds `cash` to pattern `p` (removes it when negative), whether or not the caps can pay.
    ///
    /// - Complexity: O(2^sources); with many sources one augmentation from `p` (`FlowNetwork.add`).
    mutating func add(_ cash: Int, to p: Int) {
        patternCash[p] += cash
        if cash != 0 { network?.add(cash, to: p) }
        guard useSubsets, cash != 0 else { return }
        let m = masks[p], rest = ((1 << caps.count) - 1) & ~m
        var sub = rest
        while true {
            need[m | sub] += cash
            if sub == 0 { break }
            sub = (sub - 1) & rest
        }
    }

    /// A maximum allocation: `flow[p][k]` is what source `patterns[p][k]` pays for pattern `p`.
    ///
    /// Each pattern's flows add up to its cash exactly when the caps can pay for everything
    /// (`allocate()`); otherwise some pattern is paid less than its cash.
    /// - Complexity: one max-flow over patterns and sources.
    func allocation() -> [[Int]] {
        var g = FlowGraph(caps: caps, patterns: patterns, cash: patternCash)
        _ = g.run()
        return g.patternFlows()
    }

    /// Exact allocation (see `allocation()`); nil if the caps cannot pay for every pattern's cash.
    func allocate() -> [[Int]]? {
        let flows = allocation()
        return flows.map { $0.reduce(0, +) } == patternCash ? flows : nil
    }

    static func maxFlow(caps: [Int], patterns: [[Int]], cash: [Int]) -> Int {
        var g = FlowGraph(caps: caps, patterns: patterns, cash: cash)
        return g.run()
    }
}

/// A small max-flow network: source → pattern (its cash) → eligible funding source (unbounded) → sink (cap).
struct FlowGraph {
    var to: [Int] = [], cap: [Int] = [], head: [Int], next: [Int] = []
    let n: Int, sink: Int, pCount: Int, sCount: Int
    var patternEdges: [[Int]] = []

    init(caps: [Int], patterns: [[Int]], cash: [Int]) {
        pCount = patterns.count; sCount = caps.count
        n = 2 + pCount + sCount; sink = n - 1
        head = Array(repeating: -1, count: n)
        for (p, c) in cash.enumerated() { addEdge(0, 1 + p, c) }
        for (p, srcs) in patterns.enumerated() {
            var es: [Int] = []
            for s in srcs { es.append(to.count); addEdge(1 + p, 1 + pCount + s, Int(Int32.max) * 1024) }
            patternEdges.append(es)
        }
        for (s, c) in caps.enumerated() { addEdge(1 + pCount + s, sink, c) }
    }

    mutating func addEdge(_ a: Int, _ b: Int, _ c: Int) {
        to.append(b); cap.append(c); next.append(head[a]); head[a] = to.count - 1
        to.append(a); cap.append(0); next.append(head[b]); head[b] = to.count - 1
    }

    /// Dinic's algorithm.
    mutating func run() -> Int {
        var flow = 0
        while true {
            var level = Array(repeating: -1, count: n)
            level[0] = 0
            var queue = [0], qi = 0
            while qi < queue.count {
                let v = queue[qi]; qi += 1
                var e = head[v]
                while e >= 0 {
                    if cap[e] > 0 && level[to[e]] < 0 { level[to[e]] = level[v] + 1; queue.append(to[e]) }
                    e = next[e]
                }
            }
            if level[sink] < 0 { return flow }
            var it = head
            while true {
                let f = push(0, Int.max, &level, &it)
                if f == 0 { break }
                flow += f
            }
        }
    }

    mutating func push(_ v: Int, _ f: Int, _ level: inout [Int], _ it: inout [Int]) -> Int {
        if v == sink { return f }
        while it[v] >= 0 {
            let e = it[v]
            if cap[e] > 0 && level[to[e]] == level[v] + 1 {
                let d = push(to[e], min(f, cap[e]), &level, &it)
                if d > 0 { cap[e] -= d; cap[e ^ 1] += d; return d }
            }
            it[v] = next[e]
        }
        return 0
    }

    func patternFlows() -> [[Int]] {
        patternEdges.map { es in es.map { cap[$0 ^ 1] } }
    }
}
