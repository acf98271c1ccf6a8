/// Cash flowing from eligibility patterns to funding sources within their caps, grown one push
/// at a time by augmenting paths (pattern → source, or back through a source to another
/// pattern that can move its cash to a source with room).
///
/// The breadth-first search keeps its marks in arrays held between pushes (the Lagrangian bound
/// makes thousands of pushes): on src40-v101 the bound took about 0.75 s with a dictionary and a
/// set per search, a time when the portfolio's second core waits.
struct PatternNetwork {
    /// Room left per source.
    private(set) var room: [Int]
    let patterns: [[Int]]
    /// The patterns holding each source, in index order: the only ones that can route cash to it.
    private let holders: [[Int]]
    /// flow[pattern][source] already routed.
    private var flow: [[Int]]
    /// The search's marks: each pattern's predecessor pattern and the source between them
    /// (`unseen` when not reached; the start's source is `unseen`), and the sources seen.
    private var cameFromPattern: [Int]
    private var cameViaSource: [Int]
    private var seenSource: [Bool]
    private var queue: [Int] = []
    private static let unseen = -1

    init(caps: [Int], patterns: [[Int]]) {
        room = caps
        self.patterns = patterns
        var holders = [[Int]](repeating: [], count: caps.count)
        for (p, sources) in patterns.enumerated() { for s in sources where !holders[s].contains(p) { holders[s].append(p) } }
        self.holders = holders
        flow = Array(repeating: Array(repeating: 0, count: caps.count), count: patterns.count)
        cameFromPattern = Array(repeating: PatternNetwork.unseen, count: patterns.count)
        cameViaSource = cameFromPattern
        seenSource = Array(repeating: false, count: caps.count)
    }

    /// Routes up to `cash` more from pattern `p`; returns how much was routed.
    mutating func push(_ cash: Int, from p: Int) -> Int {
        var left = cash
        while left > 0, let path = augmentingPath(from: p) {
            let amount = min(left, bottleneck(path))
            apply(path, amount)
            left -= amount
        }
        return cash - left
    }

    /// A path p0 → s0 ← p1 → s1 … → sk (sk with room), as (pattern, source) steps; nil if none.
    private mutating func augmentingPath(from start: Int) -> [(pattern: Int, source: Int)]? {
        defer { clearMarks() }
        cameFromPattern[start] = start
        queue.append(start)
        var head = 0
        while head < queue.count {
            let q = queue[head]
            head += 1
            for s in patterns[q] where !seenSource[s] {
                seenSource[s] = true
                if room[s] > 0 { return trace(end: (q, s)) }
                // Another pattern routing cash to s could move it elsewhere.
                for r in holders[s] where cameFromPattern[r] == PatternNetwork.unseen && flow[r][s] > 0 {
                    cameFromPattern[r] = q
                    cameViaSource[r] = s
                    queue.append(r)
                }
            }
        }
        return nil
    }

    /// Unmarks what the last search reached (the queue holds every pattern it marked).
    private mutating func clearMarks() {
        for q in queue {
            cameFromPattern[q] = PatternNetwork.unseen
            cameViaSource[q] = PatternNetwork.unseen
            for s in patterns[q] { seenSource[s] = false }
        }
        queue.removeAll(keepingCapacity: true)
    }

    private func trace(end: (Int, Int)) -> [(pattern: Int, source: Int)] {
        var path = [(pattern: end.0, source: end.1)]
        var q = end.0
        while cameViaSource[q] != PatternNetwork.unseen {
            path.append((cameFromPattern[q], cameViaSource[q]))
            q = cameFromPattern[q]
        }
        return path.reversed()
    }

    /// How much the path can carry: room at its last source, and each reversed flow on the way.
    private func bottleneck(_ path: [(pattern: Int, source: Int)]) -> Int {
        var b = room[path[path.count - 1].source]
        for k in 1..<path.count { b = min(b, flow[path[k].pattern][path[k - 1].source]) }
        return b
    }

    private mutating func apply(_ path: [(pattern: Int, source: Int)], _ amount: Int) {
        for k in path.indices {
            flow[path[k].pattern][path[k].source] += amount
            if k > 0 { flow[path[k].pattern][path[k - 1].source] -= amount }
        }
        room[path[path.count - 1].source] -= amount
    }
}
