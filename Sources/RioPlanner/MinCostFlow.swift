/// A minimum-cost flow on a small directed network with integer capacities and costs.
///
/// Successive shortest paths: each augmentation sends the bottleneck along a cheapest path of
/// the residual network, found by a queue-based Bellman–Ford (residual costs may be negative).
/// Deterministic: nodes are scanned in insertion order, edges in the order they were added.
///
/// - Complexity: O(augmentations × nodes × edges) in the worst case, near O(augmentations ×
///   edges) on the bipartite networks the solver builds.
struct MinCostFlow {
    private var to: [Int] = []
    private var capacity: [Int] = []
    private var cost: [Int] = []
    private var edges: [[Int]]

    init(nodes: Int) {
        edges = Array(repeating: [], count: nodes)
    }

    /// Adds an edge from `u` to `v`; returns its number, for `flow(on:)`.
    @discardableResult
    mutating func addEdge(from u: Int, to v: Int, capacity c: Int, cost w: Int) -> Int {
        let e = to.count
        to.append(v); capacity.append(c); cost.append(w); edges[u].append(e)
        to.append(u); capacity.append(0); cost.append(-w); edges[v].append(e + 1)
        return e
    }

    /// The flow on edge `e` (what its reverse edge may send back).
    func flow(on e: Int) -> Int { capacity[e ^ 1] }

    /// Sends as much flow as possible from `source` to `sink` at least cost; returns the flow sent.
    @discardableResult
    mutating func solve(from source: Int, to sink: Int) -> Int {
        var sent = 0
        while let path = cheapestPath(from: source, to: sink) {
            var bottleneck = Int.max
            for e in path { bottleneck = min(bottleneck, capacity[e]) }
            for e in path {
                capacity[e] -= bottleneck
                capacity[e ^ 1] += bottleneck
            }
            sent += bottleneck
        }
        return sent
    }

    /// The edges of a cheapest residual path from `source` to `sink`, nil when none is left.
    private func cheapestPath(from source: Int, to sink: Int) -> [Int]? {
        let n = edges.count
        var dist = [Int](repeating: Int.max, count: n)
        var via = [Int](repeating: -1, count: n)
        var queued = [Bool](repeating: false, count: n)
        var queue = [source]
        var head = 0
        dist[source] = 0
        queued[source] = true
        while head < queue.count {
            let u = queue[head]
            head += 1
            queued[u] = false
            for e in edges[u] where capacity[e] > 0 && dist[u] + cost[e] < dist[to[e]] {
                let v = to[e]
                dist[v] = dist[u] + cost[e]
                via[v] = e
                if !queued[v] {
                    queued[v] = true
                    queue.append(v)
                }
            }
        }
        guard dist[sink] != Int.max else { return nil }
        var path: [Int] = []
        var v = sink
        while v != source {
            path.append(via[v])
            v = to[via[v] ^ 1]
        }
        return path.reversed()
    }
}
