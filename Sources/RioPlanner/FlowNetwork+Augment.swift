extension FlowNetwork {
    /// The network's fixed shape: pattern edges, their sources and patterns, and edges by source.
    typealias Topology = (patternStart: [Int], edgeSource: [Int], edgePattern: [Int], sourceStart: [Int], sourceEdges: [Int])

    /// Scratch of one augmenting search, over the sources and patterns.
    ///
    /// `seenSource` and `seenPattern` hold the number of the search that reached a node, so a
    /// new search needs no clearing. `via[s]` is the edge the search entered source `s` by and
    /// `back[s]` the edge whose flow it pushes elsewhere to do so (-1 from the start pattern).
    struct Search {
        var seenSource: UnsafeMutableBufferPointer<Int>
        var seenPattern: UnsafeMutableBufferPointer<Int>
        var via: UnsafeMutableBufferPointer<Int>
        var back: UnsafeMutableBufferPointer<Int>
        var queue: UnsafeMutableBufferPointer<Int>
        var stamp = 0
    }

    /// Pushes up to `limit` more cash from pattern `p` to the sinks along augmenting paths and
    /// returns how much it pushed: the maximum possible when that is below `limit`.
    ///
    /// Pays first from `p`'s own sources' residuals, then searches breadth first: a source is
    /// left by the edge of a pattern it pays, whose flow may move to any other source of that
    /// pattern; the search ends at a source with money left.
    /// - Complexity: O(sources of `p`) when they have the money, else O(edges reachable) per path.
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
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 4 * sources + patterns) { buf in
            buf.initialize(repeating: 0)
            var search = Search(
                seenSource: UnsafeMutableBufferPointer(rebasing: buf[0..<sources]),
                seenPattern: UnsafeMutableBufferPointer(rebasing: buf[sources..<sources + patterns]),
                via: UnsafeMutableBufferPointer(rebasing: buf[sources + patterns..<2 * sources + patterns]),
                back: UnsafeMutableBufferPointer(rebasing: buf[2 * sources + patterns..<3 * sources + patterns]),
                queue: UnsafeMutableBufferPointer(rebasing: buf[3 * sources + patterns..<4 * sources + patterns]))
            while pushed < limit {
                let end = findPath(from: p, topology: t, flow: flow, residual: residual, search: &search)
                if end < 0 { break }
                pushed += pushPath(to: end, limit: limit - pushed, topology: t, flow: flow, residual: residual, search: search)
            }
            return pushed
        }
    }

    /// One breadth-first search from pattern `p` for a source with money left; returns it, or -1.
    ///
    /// - Complexity: O(edges reachable from `p` through edges that carry flow).
    static func findPath(
        from p: Int, topology t: Topology, flow: UnsafeMutableBufferPointer<Int>, residual: UnsafeMutableBufferPointer<Int>,
        search: inout Search
    ) -> Int {
        search.stamp += 1
        let stamp = search.stamp
        var tail = 0
        search.seenPattern[p] = stamp
        for e in t.patternStart[p]..<t.patternStart[p + 1] {
            let s = t.edgeSource[e]
            if search.seenSource[s] == stamp { continue }
            search.seenSource[s] = stamp
            search.via[s] = e
            search.back[s] = -1
            if residual[s] > 0 { return s }
            search.queue[tail] = s
            tail += 1
        }
        var head = 0
        while head < tail {
            let s = search.queue[head]
            head += 1
            for i in t.sourceStart[s]..<t.sourceStart[s + 1] {
                let e = t.sourceEdges[i]
                let y = t.edgePattern[e]
                if flow[e] == 0 || search.seenPattern[y] == stamp { continue }
                search.seenPattern[y] = stamp
                for e2 in t.patternStart[y]..<t.patternStart[y + 1] {
                    let s2 = t.edgeSource[e2]
                    if search.seenSource[s2] == stamp { continue }
                    search.seenSource[s2] = stamp
                    search.via[s2] = e2
                    search.back[s2] = e
                    if residual[s2] > 0 { return s2 }
                    search.queue[tail] = s2
                    tail += 1
                }
            }
        }
        return -1
    }

    /// Pushes along the path `findPath` found to source `end`: as much as the source's money,
    /// the flows moved on the way and `limit` allow. Returns the amount.
    static func pushPath(
        to end: Int, limit: Int, topology t: Topology, flow: UnsafeMutableBufferPointer<Int>, residual: UnsafeMutableBufferPointer<Int>,
        search: Search
    ) -> Int {
        var x = min(residual[end], limit)
        var s = end
        while search.back[s] >= 0 {
            x = min(x, flow[search.back[s]])
            s = t.edgeSource[search.back[s]]
        }
        residual[end] -= x
        s = end
        while true {
            flow[search.via[s]] += x
            let b = search.back[s]
            if b < 0 { break }
            flow[b] -= x
            s = t.edgeSource[b]
        }
        return x
    }
}
