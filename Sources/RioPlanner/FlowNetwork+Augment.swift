extension FlowNetwork {
    /// One phase of Dinic's algorithm from a single pattern on the funding network.
    ///
    /// Levels: the start pattern's sources are level 0; the sources that flows of level-d
    /// sources could move to (`State.moves`), not seen before, are level d + 1; and so on until
    /// a level holds a source with money left, the `last` level. The blocking flow then pushes
    /// along level-increasing paths only, each edge tried once per level (`arcSource`,
    /// `arcTargets`, which restarts when a pattern is entered towards another level).
    struct Phase {
        /// The pattern the phase pushes from.
        let start: Int
        /// Each source's level (-1: not reached).
        let levelSource: UnsafeMutableBufferPointer<Int>
        /// Per source, the first pattern it pays that the blocking flow has not found blocked.
        let arcSource: UnsafeMutableBufferPointer<Int>
        /// Per pattern, the sources on level `arcLevel` it has not found blocked yet.
        let arcTargets: UnsafeMutableBufferPointer<UInt64>
        let arcLevel: UnsafeMutableBufferPointer<Int>
        /// The sources of each level, as masks.
        let levelMask: UnsafeMutableBufferPointer<UInt64>
        /// Per level, the patterns with a source in that level's mask (`Shape.words` words each).
        let levelPatterns: UnsafeMutableBufferPointer<UInt64>
        /// The level of the sources with money the paths end at.
        var last = 0
        /// The sources the last levelling reached.
        var reached: UInt64 = 0

        /// Splits the scratch (`ints`: 2 × sources + patterns, `masks`: (sources + 1) × (1 + words) + patterns).
        init(start p: Int, ints: UnsafeMutableBufferPointer<Int>, masks: UnsafeMutableBufferPointer<UInt64>, topology t: Shape) {
            let n = t.sources, patterns = t.patternMask.count
            func slice(_ from: Int, _ count: Int) -> UnsafeMutableBufferPointer<Int> {
                UnsafeMutableBufferPointer(rebasing: ints[from..<from + count])
            }
            start = p
            levelSource = slice(0, n)
            arcSource = slice(n, n)
            arcLevel = slice(2 * n, patterns)
            levelMask = UnsafeMutableBufferPointer(rebasing: masks[0..<n + 1])
            levelPatterns = UnsafeMutableBufferPointer(rebasing: masks[(n + 1)..<(n + 1) * (1 + t.words)])
            arcTargets = UnsafeMutableBufferPointer(rebasing: masks[((n + 1) * (1 + t.words))...])
        }

        /// Levels the sources reachable from the start pattern up to the first level with money
        /// left; false when no source it reaches has money.
        ///
        /// - Complexity: O(sources) word operations, plus O(sources + patterns) to reset.
        mutating func levels(_ state: inout State) -> Bool {
            let t = state.topology
            levelSource.update(repeating: -1)
            arcLevel.update(repeating: -1)
            var seen = t.patternMask[start], frontier = seen, level = 0
            while true {
                levelMask[level] = frontier
                var f = frontier
                while f != 0 {
                    let s = f.trailingZeroBitCount
                    levelSource[s] = level
                    arcSource[s] = 0
                    f &= f - 1
                }
                if frontier & state.money != 0 {
                    last = level
                    keepUseful(&state)
                    return true
                }
                var next: UInt64 = 0
                f = frontier
                while f != 0 {
                    next |= state.moves(of: f.trailingZeroBitCount)
                    f &= f - 1
                }
                next &= ~seen
                if next == 0 {
                    reached = seen
                    return false
                }
                seen |= next
                frontier = next
                level += 1
            }
        }

        /// Narrows each level's mask to the sources that lead to money on the last level: those
        /// with money there, and below it those whose flows could move to a useful source one
        /// level up. Paths through the others end nowhere, so the blocking flow skips them.
        /// - Complexity: O(sources) word operations.
        ///   Then lists each level's patterns (`levelPatterns`), in O(sources × words).
        func keepUseful(_ state: inout State) {
            levelMask[last] &= state.money
            var level = last - 1
            while level >= 0 {
                var f = levelMask[level], keep: UInt64 = 0
                while f != 0 {
                    let s = f.trailingZeroBitCount
                    if state.moves(of: s) & levelMask[level + 1] != 0 { keep |= 1 << UInt64(s) }
                    f &= f - 1
                }
                levelMask[level] = keep
                level -= 1
            }
            let t = state.topology, w = t.words
            for level in 1...max(1, last) where level <= last {
                let out = UnsafeMutableBufferPointer(rebasing: levelPatterns[level * w..<(level + 1) * w])
                out.update(repeating: 0)
                var f = levelMask[level]
                while f != 0 {
                    let s = f.trailingZeroBitCount
                    for i in 0..<w { out[i] |= t.patternsOf[s * w + i] }
                    f &= f - 1
                }
            }
        }

        /// Pushes a blocking flow of at most `limit` from the start pattern along the levels.
        ///
        /// - Complexity: O(levelled edges + paths × levels).
        mutating func blockingFlow(_ state: inout State, limit: Int) -> Int {
            let t = state.topology
            var pushed = 0
            for e in t.patternStart[start]..<t.patternStart[start + 1] where pushed < limit {
                if levelMask[0] & (1 << UInt64(t.edgeSource[e])) == 0 { continue }
                let x = fromSource(t.edgeSource[e], limit - pushed, &state)
                if x > 0 {
                    state.changeFlow(e, by: x)
                    pushed += x
                }
            }
            return pushed
        }

        /// Pushes at most `f` through source `s`: to the sink on the last level, else by moving
        /// flow of the patterns it pays to their useful sources one level further.
        mutating func fromSource(_ s: Int, _ f: Int, _ state: inout State) -> Int {
            let d = levelSource[s], t = state.topology
            if d == last {
                let x = min(f, state.residual[s])
                if x > 0 { state.changeResidual(s, by: -x) }
                return x
            }
            var pushed = 0
            let w = t.words, patterns = t.patternMask.count
            while arcSource[s] < patterns {
                let y0 = arcSource[s], word = y0 / 64
                let bits = state.carrying[s * w + word] & levelPatterns[(d + 1) * w + word] & (UInt64.max << UInt64(y0 % 64))
                if bits == 0 {
                    arcSource[s] = (word + 1) * 64
                    continue
                }
                let y = word * 64 + bits.trailingZeroBitCount
                arcSource[s] = y
                if y != start {
                    let e = t.edgeOf[y * t.sources + s]
                    let x = fromPattern(y, d + 1, min(f - pushed, state.flow[e]), &state)
                    if x > 0 {
                        state.changeFlow(e, by: -x)
                        pushed += x
                        if pushed == f { return pushed }
                    }
                }
                arcSource[s] = y + 1
            }
            return pushed
        }

        /// Pushes at most `f` through pattern `y` to its useful sources on level `level`.
        mutating func fromPattern(_ y: Int, _ level: Int, _ f: Int, _ state: inout State) -> Int {
            let t = state.topology
            if arcLevel[y] != level {
                arcLevel[y] = level
                arcTargets[y] = t.patternMask[y] & levelMask[level]
            }
            var pushed = 0
            while arcTargets[y] != 0 {
                let s = arcTargets[y].trailingZeroBitCount
                let x = fromSource(s, f - pushed, &state)
                if x > 0 {
                    state.changeFlow(t.edgeOf[y * t.sources + s], by: x)
                    pushed += x
                    if pushed == f { return pushed }
                }
                arcTargets[y] &= arcTargets[y] - 1
            }
            return pushed
        }
    }
}
