/// The co-financing network kept as a maximum flow from move to move, for many sources.
///
/// Nodes are the patterns (each with its cash as supply) and the sources (each with its cap
/// towards the sink); edge `e` runs from pattern `edgePattern[e]` to source `edgeSource[e]`,
/// unbounded, and carries `flow[e]`. `residual[s]` is what source `s` has left and
/// `unrouted[p]` the cash of pattern `p` no source pays for. While nothing is unrouted the
/// flow pays for every session, so it is maximum, and the headroom of a pattern is the most
/// extra cash an augmenting search from that pattern alone can route: augmenting paths run
/// pattern → its sources → patterns paid by those sources (pushing their flow elsewhere) → …
/// → a source with money left, so a search sees only what the pattern can reach.
struct FlowNetwork: Sendable {
    /// Edges of pattern `p`: `patternStart[p] ..< patternStart[p + 1]`, in the order of its sources.
    let patternStart: [Int]
    let edgeSource: [Int]
    let edgePattern: [Int]
    /// Edges into source `s`: `sourceEdges[sourceStart[s] ..< sourceStart[s + 1]]`.
    let sourceStart: [Int]
    let sourceEdges: [Int]
    private(set) var flow: [Int]
    private(set) var residual: [Int]
    private(set) var unrouted: [Int]
    /// Cash no source pays for, over all patterns (0 when the caps pay for everything).
    private(set) var deficit = 0

    init(caps: [Int], patterns: [[Int]]) {
        var start = [0], src: [Int] = [], pat: [Int] = []
        for (p, srcs) in patterns.enumerated() {
            for s in srcs { src.append(s); pat.append(p) }
            start.append(src.count)
        }
        var bySource = Array(repeating: [Int](), count: caps.count)
        for (e, s) in src.enumerated() { bySource[s].append(e) }
        var sStart = [0]
        for l in bySource { sStart.append(sStart[sStart.count - 1] + l.count) }
        patternStart = start
        edgeSource = src
        edgePattern = pat
        sourceStart = sStart
        sourceEdges = bySource.flatMap { $0 }
        flow = Array(repeating: 0, count: src.count)
        residual = caps
        unrouted = Array(repeating: 0, count: patterns.count)
    }

    /// Adds `cash` to pattern `p` (removes it when negative) and routes what it can.
    ///
    /// Added cash is routed by augmenting from `p`; removed cash comes off `p`'s unrouted cash
    /// first, then off its flows. While some cash is unrouted, every pattern short of money is
    /// offered the freed capacity again.
    /// - Complexity: one augmenting search from `p` per path found (see `augment`).
    mutating func add(_ cash: Int, to p: Int) {
        if cash > 0 {
            unrouted[p] += cash
            deficit += cash
            route(p)
        } else if cash < 0 {
            var left = -cash
            let fromUnrouted = min(left, unrouted[p])
            unrouted[p] -= fromUnrouted
            deficit -= fromUnrouted
            left -= fromUnrouted
            var e = patternStart[p + 1] - 1
            while left > 0 && e >= patternStart[p] {
                let x = min(left, flow[e])
                flow[e] -= x
                residual[edgeSource[e]] += x
                left -= x
                e -= 1
            }
            if deficit > 0 { rerouteShortPatterns() }
        }
    }

    /// Routes as much of pattern `p`'s unrouted cash as the network admits.
    private mutating func route(_ p: Int) {
        let want = unrouted[p]
        let topology = (patternStart, edgeSource, edgePattern, sourceStart, sourceEdges)
        let patterns = unrouted.count
        let pushed = flow.withUnsafeMutableBufferPointer { f in
            residual.withUnsafeMutableBufferPointer { r in
                FlowNetwork.augment(from: p, limit: want, topology: topology, flow: f, residual: r, patterns: patterns)
            }
        }
        unrouted[p] -= pushed
        deficit -= pushed
    }

    /// Offers every pattern with unrouted cash the network again until none gains.
    private mutating func rerouteShortPatterns() {
        var progress = true
        while progress && deficit > 0 {
            progress = false
            for p in unrouted.indices where unrouted[p] > 0 {
                let before = unrouted[p]
                route(p)
                if unrouted[p] < before { progress = true }
            }
        }
    }

    /// The most extra cash pattern `p` could route, at most `limit`, everything else unchanged.
    ///
    /// Works on copies of the flows, so the network is left as it was.
    /// - Complexity: O(paths × edges reachable from `p`), edges being (pattern, source) pairs.
    func extra(_ p: Int, limit: Int) -> Int {
        let topology = (patternStart, edgeSource, edgePattern, sourceStart, sourceEdges)
        let patterns = unrouted.count
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: flow.count) { f in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: residual.count) { r in
                _ = f.initialize(from: flow)
                _ = r.initialize(from: residual)
                return FlowNetwork.augment(from: p, limit: limit, topology: topology, flow: f, residual: r, patterns: patterns)
            }
        }
    }
}
