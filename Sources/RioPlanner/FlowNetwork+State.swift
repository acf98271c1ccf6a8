extension FlowNetwork {
    /// Flows, residuals and masks of a network, in buffers: the network's own or a query's copies.
    ///
    /// Keeps `moves` and `money` in step with every change of a flow or a residual.
    struct State {
        let topology: Shape
        let flow: UnsafeMutableBufferPointer<Int>
        let residual: UnsafeMutableBufferPointer<Int>
        let moves: UnsafeMutableBufferPointer<UInt64>
        /// The patterns each source pays, `Shape.words` words per source.
        let carrying: UnsafeMutableBufferPointer<UInt64>
        var money: UInt64
        /// Sources whose `moves` may be stale: worked out again when next read (`moves(of:)`).
        var stale: UInt64 = 0

        /// Changes the flow on edge `e` by `x`, and its source's `moves` when the edge starts or
        /// stops carrying flow.
        /// - Complexity: O(1); a source's `moves` is only marked stale when an edge stops.
        mutating func changeFlow(_ e: Int, by x: Int) {
            let before = flow[e], t = topology
            flow[e] = before + x
            let s = t.edgeSource[e], y = t.edgePattern[e], w = t.words
            if before == 0 && x > 0 {
                moves[s] |= t.patternMask[y]
                carrying[s * w + y / 64] |= 1 << UInt64(y % 64)
            } else if before > 0 && before + x == 0 {
                carrying[s * w + y / 64] &= ~(1 << UInt64(y % 64))
                stale |= 1 << UInt64(s)
            }
        }

        /// Where source `s`'s money could move: the union of the sources of the patterns it pays.
        /// - Complexity: O(1), or O(patterns it pays) after one of them stopped.
        mutating func moves(of s: Int) -> UInt64 {
            if stale & (1 << UInt64(s)) == 0 { return moves[s] }
            let t = topology, w = t.words
            var m: UInt64 = 0
            for i in 0..<w {
                var bits = carrying[s * w + i]
                while bits != 0 {
                    m |= t.patternMask[i * 64 + bits.trailingZeroBitCount]
                    bits &= bits - 1
                }
            }
            moves[s] = m
            stale &= ~(1 << UInt64(s))
            return m
        }

        /// Works out every stale `moves` again, so copies of the state start with none stale.
        mutating func refreshMoves() {
            while stale != 0 { _ = moves(of: stale.trailingZeroBitCount) }
        }

        /// Changes what source `s` has left by `x`, and `money`.
        mutating func changeResidual(_ s: Int, by x: Int) {
            residual[s] += x
            if residual[s] > 0 { money |= 1 << UInt64(s) } else { money &= ~(1 << UInt64(s)) }
        }

        /// Takes `amount` of pattern `p`'s flow off its sources, last source first.
        mutating func release(_ amount: Int, from p: Int) {
            var left = amount, e = topology.patternStart[p + 1] - 1
            while left > 0 && e >= topology.patternStart[p] {
                let x = min(left, flow[e])
                if x > 0 {
                    changeFlow(e, by: -x)
                    changeResidual(topology.edgeSource[e], by: x)
                    left -= x
                }
                e -= 1
            }
        }

        /// Pushes up to `limit` more cash from pattern `p` to the sinks along augmenting paths and
        /// returns how much it pushed: the maximum possible when that is below `limit`.
        ///
        /// Pays first from `p`'s own sources' residuals, then runs Dinic's phases from `p` alone
        /// (`Phase`): a source is left by the edge of a pattern it pays, whose flow may move to
        /// any other source of that pattern, and paths end at a source with money left. When the
        /// search runs out of paths, `cut` is set to the sources it still reaches: a set Q holding
        /// `p`'s sources whose `caps(Q) - need(Q)` (before the push) is the amount pushed, the
        /// least over all such sets.
        /// - Complexity: O(sources of `p`) when they have the money; else per phase O(sources)
        ///   word operations to level and O(levelled edges + paths × levels) to push, with at
        ///   most as many phases as sources.
        mutating func augment(from p: Int, limit: Int, cut: inout UInt64?) -> Int {
            let t = topology
            var pushed = 0
            for e in t.patternStart[p]..<t.patternStart[p + 1] where pushed < limit {
                let s = t.edgeSource[e]
                let x = min(residual[s], limit - pushed)
                if x > 0 {
                    changeFlow(e, by: x)
                    changeResidual(s, by: -x)
                    pushed += x
                }
            }
            if pushed >= limit { return pushed }
            let reach = reachable(p)
            if reach & money == 0 {
                cut = reach
                return pushed
            }
            let sources = residual.count, patterns = t.patternMask.count
            return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * sources + patterns) { ints in
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: (sources + 1) * (1 + t.words) + patterns) { masks in
                    var phase = Phase(start: p, ints: ints, masks: masks, topology: t)
                    while pushed < limit {
                        if !phase.levels(&self) {
                            cut = phase.reached
                            break
                        }
                        let x = phase.blockingFlow(&self, limit: limit - pushed)
                        if x == 0 { break }
                        pushed += x
                    }
                    return pushed
                }
            }
        }

        /// The sources reachable from pattern `p`'s sources by moving flows (the levelling of
        /// `Phase` without recording the levels).
        /// - Complexity: O(sources) word operations.
        mutating func reachable(_ p: Int) -> UInt64 {
            var seen = topology.patternMask[p], frontier = seen
            while frontier != 0 {
                var next: UInt64 = 0, f = frontier
                while f != 0 {
                    next |= moves(of: f.trailingZeroBitCount)
                    f &= f - 1
                }
                next &= ~seen
                seen |= next
                frontier = next
            }
            return seen
        }
    }
}
