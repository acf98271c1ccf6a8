extension FlowNetwork {
    /// The network's fixed shape: which edges each pattern and each source has.
    ///
    /// Owns its memory; searches read it through `Shape`, plain pointers that cost no reference
    /// counting on the hot paths. Never written after `init`, so sharing it between threads is
    /// safe (hence `@unchecked Sendable`).
    final class Topology: @unchecked Sendable {
        let shape: Shape
        private let ints: UnsafeMutableBufferPointer<Int>
        private let masks: UnsafeMutableBufferPointer<UInt64>

        init(caps: [Int], patterns: [[Int]]) {
            // Each pattern's edges run from its most particular source to its most general one
            // (fewest patterns eligible first), so cash fills particular sources first and the
            // money left stays where most patterns can reach it without moving others' flows.
            var eligible = Array(repeating: 0, count: caps.count)
            for srcs in patterns { for s in srcs { eligible[s] += 1 } }
            var start = [0], src: [Int] = [], pat: [Int] = []
            for (p, srcs) in patterns.enumerated() {
                for s in srcs.sorted(by: { (eligible[$0], $0) < (eligible[$1], $1) }) {
                    src.append(s)
                    pat.append(p)
                }
                start.append(src.count)
            }
            var bySource = Array(repeating: [Int](), count: caps.count)
            for (e, s) in src.enumerated() { bySource[s].append(e) }
            var sStart = [0]
            for l in bySource { sStart.append(sStart[sStart.count - 1] + l.count) }
            let words = (patterns.count + 63) / 64
            var edgeOf = Array(repeating: -1, count: patterns.count * caps.count)
            var patternsOf = Array(repeating: UInt64(0), count: caps.count * words)
            for (e, s) in src.enumerated() {
                edgeOf[pat[e] * caps.count + s] = e
                patternsOf[s * words + pat[e] / 64] |= 1 << UInt64(pat[e] % 64)
            }
            let parts = [start, src, pat, sStart, bySource.flatMap { $0 }, edgeOf]
            ints = .allocate(capacity: parts.reduce(0) { $0 + $1.count })
            var views: [UnsafeBufferPointer<Int>] = []
            var at = 0
            for part in parts {
                let view = UnsafeMutableBufferPointer(rebasing: ints[at..<at + part.count])
                _ = view.initialize(from: part)
                views.append(UnsafeBufferPointer(view))
                at += part.count
            }
            masks = .allocate(capacity: patterns.count + patternsOf.count)
            let patternMask = patterns.map { $0.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) } }
            _ = masks.initialize(from: patternMask + patternsOf)
            shape = Shape(
                patternStart: views[0], edgeSource: views[1], edgePattern: views[2], sourceStart: views[3], sourceEdges: views[4],
                edgeOf: views[5], patternMask: UnsafeBufferPointer(rebasing: masks[0..<patterns.count]),
                patternsOf: UnsafeBufferPointer(rebasing: masks[patterns.count...]), sources: caps.count, words: words)
        }

        deinit {
            ints.deallocate()
            masks.deallocate()
        }
    }

    /// Read-only views of a `Topology`'s arrays, valid while the topology lives.
    ///
    /// Edges of pattern `p` are `patternStart[p] ..< patternStart[p + 1]`, its most particular
    /// source first; the edges into source `s` are `sourceEdges[sourceStart[s] ..< sourceStart[s + 1]]`;
    /// `edgeOf[p * sources + s]` is pattern `p`'s edge to source `s` (-1 if it has none). Sets of
    /// patterns are bit sets of `words` words: `patternsOf[s * words ..< (s + 1) * words]` holds
    /// the patterns source `s` may pay for.
    struct Shape: @unchecked Sendable {
        let patternStart: UnsafeBufferPointer<Int>
        let edgeSource: UnsafeBufferPointer<Int>
        let edgePattern: UnsafeBufferPointer<Int>
        let sourceStart: UnsafeBufferPointer<Int>
        let sourceEdges: UnsafeBufferPointer<Int>
        let edgeOf: UnsafeBufferPointer<Int>
        /// The sources of each pattern as a bit mask.
        let patternMask: UnsafeBufferPointer<UInt64>
        let patternsOf: UnsafeBufferPointer<UInt64>
        let sources: Int
        let words: Int
    }
}
