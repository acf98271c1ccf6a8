extension FlowNetwork {
    /// The network's fixed shape: pattern edges, their sources and patterns, and edges by source.
    typealias Topology = (patternStart: [Int], edgeSource: [Int], edgePattern: [Int], sourceStart: [Int], sourceEdges: [Int])

    /// Pushes up to `limit` more cash from pattern `p` to the sinks along augmenting paths and
    /// returns how much it pushed: the maximum possible when that is below `limit`.
    ///
    /// Pays first from `p`'s own sources' residuals, then runs Dinic's phases from `p` alone
    /// (`Phase`): a source is left by the edge of a pattern it pays, whose flow may move to any
    /// other source of that pattern, and paths end at a source with money left.
    /// - Complexity: O(sources of `p`) when they have the money, else O(edges reachable from
    ///   `p`) per phase, with at most as many phases as sources.
    static func augment(
        from p: Int, limit: Int, topology t: Topology, flow: UnsafeMutableBufferPointer<Int>, residual: UnsafeMutableBufferPointer<Int>,
        patterns: Int
    ) -> Int {
        var pushed = 0
        for e in t.patternStart[p]..<t.patternStart[p + 1] where pushed < limit {
            let s = t.edgeSource[e]
            let x = min(residual[s], limit - pushed)
            if x > 0 {
                flow[e] += x
                residual[s] -= x
                pushed += x
            }
        }
        if pushed >= limit || t.patternStart[p] == t.patternStart[p + 1] { return pushed }
        let sources = residual.count
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 4 * sources + 2 * patterns) { buf in
            var phase = Phase(topology: t, flow: flow, residual: residual, scratch: buf, patterns: patterns)
            while pushed < limit && phase.levels(from: p) {
                pushed += phase.blockingFlow(from: p, limit: limit - pushed)
            }
            return pushed
        }
    }
}
