import Testing

@testable import RioPlanner

/// The minimum-cost flow against a plain reference (successive shortest paths by Bellman-Ford,
/// one path at a time) on random networks: the same flow and the same cost, whatever nodes lie
/// beyond the sink's distance, where the Dijkstra search stops.
@Suite struct MinCostFlowTests {
    /// A random network's edges: (from, to, capacity, cost), source 0, sink 1.
    static func network(seed: UInt64, nodes: Int) -> [(Int, Int, Int, Int)] {
        var g = SeededGenerator(seed: seed)
        var edges: [(Int, Int, Int, Int)] = []
        for _ in 0..<(nodes * 3) {
            let u = g.below(nodes), v = g.below(nodes)
            guard u != v, u != 1, v != 0 else { continue }
            // Some costs far above the rest, so that many nodes are farther than the sink.
            let cost = g.below(4) == 0 ? 50 + g.below(50) : g.below(12)
            edges.append((u, v, 1 + g.below(4), cost))
        }
        return edges
    }

    /// The reference: augments one cheapest path at a time (Bellman-Ford on the residual
    /// network); returns the flow and its cost.
    static func reference(_ edges: [(Int, Int, Int, Int)], nodes: Int) -> (flow: Int, cost: Int) {
        var arcs: [(from: Int, to: Int, cap: Int, cost: Int)] = []
        for (u, v, c, w) in edges {
            arcs.append((u, v, c, w))
            arcs.append((v, u, 0, -w))
        }
        var flow = 0, cost = 0
        while true {
            var dist = [Int](repeating: Int.max, count: nodes), via = [Int](repeating: -1, count: nodes)
            dist[0] = 0
            for _ in 0..<nodes {
                for (k, a) in arcs.enumerated() where a.cap > 0 && dist[a.from] != Int.max && dist[a.from] + a.cost < dist[a.to] {
                    dist[a.to] = dist[a.from] + a.cost
                    via[a.to] = k
                }
            }
            guard dist[1] != Int.max else { return (flow, cost) }
            var push = Int.max, v = 1
            while v != 0 {
                push = min(push, arcs[via[v]].cap)
                v = arcs[via[v]].from
            }
            v = 1
            while v != 0 {
                arcs[via[v]].cap -= push
                arcs[via[v] ^ 1].cap += push
                v = arcs[via[v]].from
            }
            flow += push
            cost += push * dist[1]
        }
    }

    @Test(arguments: Array(UInt64(1)...200))
    func theFlowAndItsCostMatchTheReference(seed: UInt64) {
        let nodes = 6 + Int(seed % 7)
        let edges = Self.network(seed: seed, nodes: nodes)
        var net = MinCostFlow(nodes: nodes)
        let numbers = edges.map { net.addEdge(from: $0.0, to: $0.1, capacity: $0.2, cost: $0.3) }
        let sent = net.solve(from: 0, to: 1)
        let cost = zip(numbers, edges).reduce(0) { $0 + net.flow(on: $1.0) * $1.1.3 }
        let expected = Self.reference(edges, nodes: nodes)
        #expect(sent == expected.flow, "seed \(seed)")
        #expect(cost == expected.cost, "seed \(seed)")
    }
}
