extension FlowNetwork {
    /// The network's fixed shape: which edges each pattern and each source has.
    ///
    /// Edges of pattern `p` are `patternStart[p] ..< patternStart[p + 1]`, in the order of its
    /// sources; the edges into source `s` are `sourceEdges[sourceStart[s] ..< sourceStart[s + 1]]`.
    final class Topology: Sendable {
        let patternStart: [Int]
        let edgeSource: [Int]
        let edgePattern: [Int]
        let sourceStart: [Int]
        let sourceEdges: [Int]
        /// The sources of each pattern as a bit mask.
        let patternMask: [UInt64]

        init(caps: [Int], patterns: [[Int]]) {
            var start = [0], src: [Int] = [], pat: [Int] = []
            for (p, srcs) in patterns.enumerated() {
                for s in srcs {
                    src.append(s)
                    pat.append(p)
                }
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
            patternMask = patterns.map { $0.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) } }
        }
    }
}
