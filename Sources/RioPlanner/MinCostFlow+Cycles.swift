/// The cycles of a change of flow: how a solved flow differs from a base flow, as cycles of
/// edges, each with its cost per unit.
///
/// The difference of two flows of equal value is a circulation; taking each edge whose flow
/// grew forward and each whose flow fell backward (at minus its cost), it splits into cycles
/// (flow decomposition). Each cycle is one exchange on its own: on a trainer network, sessions
/// passing trainer-days round. Its cost is what the exchange saves (negative) or costs.
extension MinCostFlow {
    /// One cycle of the difference: its edges (forward edge numbers, as `addEdge` returned
    /// them), the units it carries and the cost per unit (negative when it saves).
    struct Cycle {
        let edges: [Int]
        let units: Int
        let cost: Int
    }

    /// The cycles of the difference between this flow and `base`.
    ///
    /// - Parameter base: the base flow on the edges that leave the source's layer (at least the
    ///   edges of one kind, each with its units). An edge of the source keeps its solved flow
    ///   (both flows fill it); of the edges of a node with one edge out not in `base`, that edge
    ///   carries what flows into the node (nodes are taken in order, so every node's edges in
    ///   come from nodes before it, but the sink's); any other edge carries nothing.
    /// - Returns: the cycles, in order of the edge each was found from.
    func cycles(against base: [Int: Int], source: Int, sink: Int) -> [Cycle] {
        let n = edges.count
        var f0 = [Int](repeating: 0, count: to.count)
        var inflow = [Int](repeating: 0, count: n)
        for u in 0..<n where u != sink {
            let out = edges[u].filter { $0 & 1 == 0 }
            for e in out {
                let units = u == source ? flow(on: e) : base[e] ?? (out.count == 1 ? inflow[u] : 0)
                f0[e] = units
                inflow[to[e]] += units
            }
        }
        // The arcs of the difference.
        var arcsOut = [[Int]](repeating: [], count: n)
        var arcs: [(tail: Int, head: Int, left: Int, cost: Int, edge: Int)] = []
        for e in stride(from: 0, to: to.count, by: 2) {
            let d = flow(on: e) - f0[e], u = to[e ^ 1], v = to[e]
            guard d != 0 else { continue }
            arcsOut[d > 0 ? u : v].append(arcs.count)
            arcs.append((d > 0 ? u : v, d > 0 ? v : u, abs(d), d > 0 ? cost[e] : -cost[e], e))
        }
        var out: [Cycle] = []
        var next = [Int](repeating: 0, count: n)
        for start in arcs.indices {
            while arcs[start].left > 0 {
                // Walk from the arc's head until a node repeats; the loop closed is a cycle.
                var path = [start], seen = [arcs[start].tail: -1, arcs[start].head: 0]
                var node = arcs[start].head
                var closed: Int?
                while closed == nil {
                    while next[node] < arcsOut[node].count && arcs[arcsOut[node][next[node]]].left == 0 { next[node] += 1 }
                    // Every node the walk reaches has an arc out (a circulation); a base flow that
                    // breaks conservation ends the split here.
                    guard next[node] < arcsOut[node].count else { return out }
                    let a = arcsOut[node][next[node]]
                    path.append(a)
                    node = arcs[a].head
                    if let at = seen[node] { closed = at + 1 } else { seen[node] = path.count - 1 }
                }
                let loop = Array(path[closed!...])
                let units = loop.map { arcs[$0].left }.min() ?? 0
                for a in loop { arcs[a].left -= units }
                out.append(Cycle(edges: loop.map { arcs[$0].edge }, units: units, cost: loop.reduce(0) { $0 + arcs[$1].cost }))
            }
        }
        return out
    }
}
