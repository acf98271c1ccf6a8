/// A minimum-cost flow on a directed network with integer capacities and non-negative costs.
///
/// Successive shortest paths: Dijkstra's algorithm on costs reduced by node potentials (Johnson's
/// reweighting: after each search a node's potential grows by its distance, so every residual
/// edge keeps a non-negative reduced cost), then a blocking flow along every cheapest path.
/// Deterministic: of equally near nodes the lowest-numbered is settled first, edges are scanned
/// in the order they were added.
///
/// - Complexity: O(path lengths × (edges × log nodes + blocking flow)), where path lengths is
///   the number of distinct costs of cheapest paths met.
struct MinCostFlow {
    private(set) var to: [Int] = []
    private var capacity: [Int] = []
    private(set) var cost: [Int] = []
    private(set) var edges: [[Int]]
    /// Node potentials: each residual edge's `cost + potential[u] - potential[v]` is non-negative.
    private var potential: [Int]

    init(nodes: Int) {
        edges = Array(repeating: [], count: nodes)
        potential = Array(repeating: 0, count: nodes)
    }

    /// Adds an edge from `u` to `v` at cost `w` (at least 0); returns its number, for `flow(on:)`.
    @discardableResult
    mutating func addEdge(from u: Int, to v: Int, capacity c: Int, cost w: Int) -> Int {
        precondition(w >= 0, "MinCostFlow takes non-negative costs")
        let e = to.count
        to.append(v); capacity.append(c); cost.append(w); edges[u].append(e)
        to.append(u); capacity.append(0); cost.append(-w); edges[v].append(e + 1)
        return e
    }

    /// The flow on edge `e` (what its reverse edge may send back).
    func flow(on e: Int) -> Int { capacity[e ^ 1] }

    /// Sends as much flow as possible from `source` to `sink` at least cost; returns the flow sent.
    ///
    /// Primal-dual: after each shortest-path search, a blocking flow (Dinic's phases) over the
    /// edges of zero reduced cost sends every path of that length at once, so the searches number
    /// the distinct path lengths rather than the paths.
    @discardableResult
    mutating func solve(from source: Int, to sink: Int) -> Int {
        var sent = 0
        while shortestDistances(from: source, to: sink) {
            while let level = admissibleLevels(from: source, to: sink) {
                var next = [Int](repeating: 0, count: edges.count)
                while case let f = push(from: source, to: sink, limit: Int.max, level: level, next: &next), f > 0 { sent += f }
            }
        }
        return sent
    }

    /// Dijkstra's search on reduced costs from `source`, stopped once `sink` is settled; moves
    /// each node's potential on by its distance, or by the sink's when that is less (or the node
    /// is out of reach), so that the cheapest paths are those of zero reduced cost and every
    /// residual edge keeps a non-negative reduced cost. Returns whether `sink` is reached.
    ///
    /// Stopping at the sink changes no path found: an edge of zero reduced cost on a path to the
    /// sink joins nodes no farther than it, whose potentials move by their distances as before.
    private mutating func shortestDistances(from source: Int, to sink: Int) -> Bool {
        let n = edges.count
        var dist = [Int](repeating: Int.max, count: n)
        var heap = MinHeap()
        dist[source] = 0
        heap.push((0, source))
        while let (d, u) = heap.pop() {
            guard d == dist[u] else { continue }
            if u == sink { break }
            for e in edges[u] where capacity[e] > 0 {
                let v = to[e]
                let nd = d + cost[e] + potential[u] - potential[v]
                if nd < dist[v] {
                    dist[v] = nd
                    heap.push((nd, v))
                }
            }
        }
        let reach = dist[sink]
        guard reach != Int.max else { return false }
        for v in 0..<n { potential[v] += min(dist[v], reach) }
        return true
    }

    /// Breadth-first levels over the residual edges of zero reduced cost; nil when `sink` is out of reach.
    private func admissibleLevels(from source: Int, to sink: Int) -> [Int]? {
        var level = [Int](repeating: -1, count: edges.count)
        var queue = [source]
        var head = 0
        level[source] = 0
        while head < queue.count {
            let u = queue[head]
            head += 1
            for e in edges[u] where capacity[e] > 0 && level[to[e]] < 0 && cost[e] + potential[u] == potential[to[e]] {
                level[to[e]] = level[u] + 1
                queue.append(to[e])
            }
        }
        return level[sink] < 0 ? nil : level
    }

    /// Sends up to `limit` from `u` to `sink` along admissible edges one level apart (each
    /// node's edges from `next[u]` on); returns the amount sent.
    private mutating func push(from u: Int, to sink: Int, limit: Int, level: [Int], next: inout [Int]) -> Int {
        if u == sink { return limit }
        while next[u] < edges[u].count {
            let e = edges[u][next[u]], v = to[e]
            if capacity[e] > 0 && level[v] == level[u] + 1 && cost[e] + potential[u] == potential[v] {
                let f = push(from: v, to: sink, limit: min(limit, capacity[e]), level: level, next: &next)
                if f > 0 {
                    capacity[e] -= f
                    capacity[e ^ 1] += f
                    return f
                }
            }
            next[u] += 1
        }
        return 0
    }
}

/// A binary min-heap of (distance, node) pairs, ordered by distance, then node.
private struct MinHeap {
    private var items: [(Int, Int)] = []

    mutating func push(_ x: (Int, Int)) {
        items.append(x)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard items[i] < items[parent] else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> (Int, Int)? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        guard !items.isEmpty else { return top }
        items[0] = last
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < items.count && items[l] < items[m] { m = l }
            if r < items.count && items[r] < items[m] { m = r }
            guard m != i else { return top }
            items.swapAt(i, m)
            i = m
        }
    }
}
