extension FlowNetwork {
    /// One phase of Dinic's algorithm from a single pattern on the funding network.
    ///
    /// Levels: the start pattern's sources are level 0; a pattern paid by a source of level d
    /// (and not seen before) is level d + 1, its other unseen sources level d + 2, and so on
    /// until a level holds a source with money left, the `last` level. The blocking flow then
    /// pushes along level-increasing paths only, each edge tried once (`arcSource`, `arcPattern`).
    struct Phase {
        let t: Topology
        let flow: UnsafeMutableBufferPointer<Int>
        let residual: UnsafeMutableBufferPointer<Int>
        let levelSource: UnsafeMutableBufferPointer<Int>
        let levelPattern: UnsafeMutableBufferPointer<Int>
        let arcSource: UnsafeMutableBufferPointer<Int>
        let arcPattern: UnsafeMutableBufferPointer<Int>
        let queue: UnsafeMutableBufferPointer<Int>
        var last = 0

        /// Splits `scratch` (4 × sources + 2 × patterns integers) into the phase's arrays.
        init(
            topology: Topology, flow: UnsafeMutableBufferPointer<Int>, residual: UnsafeMutableBufferPointer<Int>,
            scratch: UnsafeMutableBufferPointer<Int>, patterns: Int
        ) {
            let n = residual.count
            func slice(_ from: Int, _ count: Int) -> UnsafeMutableBufferPointer<Int> {
                UnsafeMutableBufferPointer(rebasing: scratch[from..<from + count])
            }
            t = topology
            self.flow = flow
            self.residual = residual
            levelSource = slice(0, n)
            arcSource = slice(n, n)
            queue = slice(2 * n, 2 * n)
            levelPattern = slice(4 * n, patterns)
            arcPattern = slice(4 * n + patterns, patterns)
        }

        /// Levels the nodes reachable from pattern `p` up to the first level with money left;
        /// false when no source `p` reaches has money.
        ///
        /// - Complexity: O(edges reachable from `p` through edges that carry flow).
        mutating func levels(from p: Int) -> Bool {
            levelSource.update(repeating: -1)
            levelPattern.update(repeating: -1)
            levelPattern[p] = -2
            var tail = 0, found = false
            last = 0
            for e in t.patternStart[p]..<t.patternStart[p + 1] where levelSource[t.edgeSource[e]] < 0 {
                let s = t.edgeSource[e]
                levelSource[s] = 0
                arcSource[s] = t.sourceStart[s]
                found = found || residual[s] > 0
                queue[tail] = s
                tail += 1
            }
            var head = 0
            while head < tail {
                let s = queue[head]
                head += 1
                let d = levelSource[s]
                if found && d >= last { break }
                for i in t.sourceStart[s]..<t.sourceStart[s + 1] {
                    let e = t.sourceEdges[i], y = t.edgePattern[e]
                    if flow[e] == 0 || levelPattern[y] != -1 { continue }
                    levelPattern[y] = d + 1
                    arcPattern[y] = t.patternStart[y]
                    for e2 in t.patternStart[y]..<t.patternStart[y + 1] where levelSource[t.edgeSource[e2]] < 0 {
                        let s2 = t.edgeSource[e2]
                        levelSource[s2] = d + 2
                        arcSource[s2] = t.sourceStart[s2]
                        if residual[s2] > 0 && !found { found = true; last = d + 2 }
                        queue[tail] = s2
                        tail += 1
                    }
                }
            }
            return found
        }

        /// Pushes a blocking flow of at most `limit` from pattern `p` along the levels.
        ///
        /// - Complexity: O(levelled edges + paths × levels).
        mutating func blockingFlow(from p: Int, limit: Int) -> Int {
            var pushed = 0
            for e in t.patternStart[p]..<t.patternStart[p + 1] where pushed < limit {
                let s = t.edgeSource[e]
                if levelSource[s] != 0 { continue }
                let d = fromSource(s, limit - pushed)
                flow[e] += d
                pushed += d
            }
            return pushed
        }

        /// Pushes at most `f` through source `s`: to the sink on the last level, else by moving
        /// flow of the patterns it pays to their sources one level further.
        mutating func fromSource(_ s: Int, _ f: Int) -> Int {
            let d = levelSource[s]
            if d == last {
                let x = min(f, residual[s])
                residual[s] -= x
                return x
            }
            var pushed = 0
            while arcSource[s] < t.sourceStart[s + 1] {
                let e = t.sourceEdges[arcSource[s]], y = t.edgePattern[e]
                if flow[e] > 0 && levelPattern[y] == d + 1 {
                    let x = fromPattern(y, min(f - pushed, flow[e]))
                    flow[e] -= x
                    pushed += x
                    if pushed == f { return pushed }
                }
                arcSource[s] += 1
            }
            return pushed
        }

        /// Pushes at most `f` through pattern `y` to its sources one level further.
        mutating func fromPattern(_ y: Int, _ f: Int) -> Int {
            let d = levelPattern[y]
            var pushed = 0
            while arcPattern[y] < t.patternStart[y + 1] {
                let e = arcPattern[y], s = t.edgeSource[e]
                if levelSource[s] == d + 1 {
                    let x = fromSource(s, f - pushed)
                    flow[e] += x
                    pushed += x
                    if pushed == f { return pushed }
                }
                arcPattern[y] += 1
            }
            return pushed
        }
    }
}
