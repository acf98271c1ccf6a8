/// The co-financing network kept as a maximum flow from move to move, for many sources.
///
/// Nodes are the patterns (each with its cash as supply) and the sources (each with its cap
/// towards the sink); edge `e` runs from pattern `edgePattern[e]` to source `edgeSource[e]`,
/// unbounded, and carries `flow[e]`. `residual[s]` is what source `s` has left and
/// `unrouted[p]` the cash of pattern `p` no source pays for. While nothing is unrouted the
/// flow pays for every session, so it is maximum, and the headroom of a pattern is the most
/// extra cash an augmenting search from that pattern alone can route: augmenting paths run
/// pattern → its sources → patterns paid by those sources (pushing their flow elsewhere) → …
/// → a source with money left, so a search sees only what the pattern can reach.
///
/// Sets of sources are bit masks (at most `SolverTuning.maxFlowNetworkSources`, 64):
/// `moves[s]` is the union of the sources of the patterns source `s` pays, where its money
/// could move, `carrying` the patterns each source pays (bit sets over patterns) and `money`
/// the sources with something left, so a search levels the sources by
/// a few word operations per source and reads the edges only along the paths it pushes on.
struct FlowNetwork: Sendable {
    let topology: Topology
    /// The network's state: flows, residuals, `moves`, `money` (see `State`).
    private(set) var flow: [Int]
    private(set) var residual: [Int]
    private(set) var moves: [UInt64]
    private(set) var carrying: [UInt64]
    private(set) var money: UInt64 = 0
    /// Sources whose `moves` is stale (see `State.moves(of:)`): none between moves, as every
    /// change ends with `State.refreshMoves`.
    private var stale: UInt64 = 0
    private(set) var unrouted: [Int]
    /// Cash no source pays for, over all patterns (0 when the caps pay for everything).
    private(set) var deficit = 0
    /// Headrooms known for the current cash (see `Memo`).
    private var memo: Memo

    /// An empty network (no cash) over `caps.count` ≤ 64 sources.
    init(caps: [Int], patterns: [[Int]]) {
        topology = Topology(caps: caps, patterns: patterns)
        flow = Array(repeating: 0, count: topology.shape.edgeSource.count)
        residual = caps
        moves = Array(repeating: 0, count: caps.count)
        carrying = Array(repeating: 0, count: caps.count * topology.shape.words)
        for (s, c) in caps.enumerated() where c > 0 { money |= 1 << UInt64(s) }
        unrouted = Array(repeating: 0, count: patterns.count)
        memo = Memo(patterns: patterns.count)
    }

    /// Adds `cash` to pattern `p` (removes it when negative) and routes what it can.
    ///
    /// Added cash is routed by augmenting from `p`; removed cash comes off `p`'s unrouted cash
    /// first, then off its flows, last source first. While some cash is unrouted, every
    /// pattern short of money is offered the network again. The memo keeps what still holds.
    /// - Complexity: one augmentation from `p` (see `State.augment`), plus O(patterns).
    mutating func add(_ cash: Int, to p: Int) {
        if cash == 0 { return }
        if !isKnownUniquelyReferenced(&memo) { memo = memo.copy() }
        let before = deficit == 0 ? memo.lookup(p) : nil
        change(cash, p)
        if deficit > 0 {
            memo.clear()
        } else if cash > 0 {
            memo.gained(cash, mask: topology.shape.patternMask[p], before: before)
        } else {
            memo.lost(mask: topology.shape.patternMask[p])
        }
    }

    /// The flow part of `add`.
    private mutating func change(_ cash: Int, _ p: Int) {
        if cash > 0 {
            unrouted[p] += cash
            deficit += cash
            route(p)
        } else if cash < 0 {
            let fromUnrouted = min(-cash, unrouted[p])
            unrouted[p] -= fromUnrouted
            deficit -= fromUnrouted
            let left = -cash - fromUnrouted
            if left > 0 { withState { $0.release(left, from: p) } }
            if deficit > 0 { rerouteShortPatterns() }
        }
    }

    /// Runs `body` on the network's own state.
    private mutating func withState<R>(_ body: (inout State) -> R) -> R {
        let t = topology.shape
        var m = money, st = stale
        let r = flow.withUnsafeMutableBufferPointer { f in
            residual.withUnsafeMutableBufferPointer { res in
                moves.withUnsafeMutableBufferPointer { mv in
                    carrying.withUnsafeMutableBufferPointer { c in
                        var state = State(topology: t, flow: f, residual: res, moves: mv, carrying: c, money: m, stale: st)
                        defer {
                            state.refreshMoves()
                            m = state.money
                            st = state.stale
                        }
                        return withExtendedLifetime(topology) { body(&state) }
                    }
                }
            }
        }
        money = m
        stale = st
        return r
    }

    /// Routes as much of pattern `p`'s unrouted cash as the network admits.
    private mutating func route(_ p: Int) {
        let want = unrouted[p]
        var cut: UInt64?
        let pushed = withState { $0.augment(from: p, limit: want, cut: &cut) }
        unrouted[p] -= pushed
        deficit -= pushed
    }

    /// Offers every pattern with unrouted cash the network again until none gains.
    private mutating func rerouteShortPatterns() {
        var progress = true
        while progress && deficit > 0 {
            progress = false
            for p in unrouted.indices where unrouted[p] > 0 {
                let before = unrouted[p]
                route(p)
                if unrouted[p] < before { progress = true }
            }
        }
    }

    /// Pattern `p`'s headroom while the caps pay for everything: the most extra cash it could
    /// route, at most `Int32.max` (the probe of the whole max-flow method).
    ///
    /// - Complexity: O(1) when the memo knows it, else see `State.augment`.
    func headroom(_ p: Int) -> Int {
        if let h = memo.lookup(p) { return min(h, Int(Int32.max)) }
        return extra(p, limit: Int(Int32.max))
    }

    /// Whether pattern `p` can take `cash` > 0 more while the caps pay for everything.
    ///
    /// - Complexity: O(1) when the memo knows it, else a search that stops at `cash`.
    func canAdd(_ cash: Int, to p: Int) -> Bool {
        if let h = memo.lookup(p) { return h >= cash }
        return extra(p, limit: cash) >= cash
    }

    /// The most extra cash pattern `p` could route, at most `limit`, everything else unchanged;
    /// remembered when the search ran out of paths.
    ///
    /// Augments on copies of the flows, residuals and masks, so the network is left as it was;
    /// when `p`'s own sources' money is all it can get, without copying (`directOnly`).
    /// - Complexity: see `State.augment`; O(edges + sources × words) to copy.
    func extra(_ p: Int, limit: Int) -> Int {
        if let (h, cut) = directOnly(p, limit: limit) {
            if let cut { memo.store(p, h, cut: cut) }
            return h
        }
        var cut: UInt64?
        let h = withUnsafeTemporaryAllocation(of: Int.self, capacity: flow.count) { f in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: residual.count) { r in
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: moves.count + carrying.count) { m in
                    _ = f.initialize(from: flow)
                    _ = r.initialize(from: residual)
                    let mv = UnsafeMutableBufferPointer(rebasing: m[0..<moves.count])
                    let c = UnsafeMutableBufferPointer(rebasing: m[moves.count...])
                    _ = mv.initialize(from: moves)
                    _ = c.initialize(from: carrying)
                    var state = State(topology: topology.shape, flow: f, residual: r, moves: mv, carrying: c, money: money, stale: stale)
                    return withExtendedLifetime(topology) { state.augment(from: p, limit: limit, cut: &cut) }
                }
            }
        }
        if let cut, deficit == 0 { memo.store(p, h, cut: cut) }
        return h
    }

    /// `State.augment`'s answer when no path beyond `p`'s own sources has money, worked out
    /// on the network as it is: the money of `p`'s sources (up to `limit`), with the cut when
    /// the search would have run out of paths; nil when there may be more.
    ///
    /// Paying from `p`'s sources only adds `p` to the patterns they pay, which moves money
    /// among `p`'s sources only, so the reachable sources are those of the network as it is.
    /// - Complexity: O(sources) word operations.
    func directOnly(_ p: Int, limit: Int) -> (Int, UInt64?)? {
        let t = topology.shape
        var pushed = 0, left = money
        for e in t.patternStart[p]..<t.patternStart[p + 1] where pushed < limit {
            let s = t.edgeSource[e]
            let x = min(residual[s], limit - pushed)
            pushed += x
            if x == residual[s] { left &= ~(1 << UInt64(s)) }
        }
        if pushed >= limit { return (pushed, nil) }
        var seen = t.patternMask[p], frontier = seen
        while frontier != 0 {
            var next: UInt64 = 0, f = frontier
            while f != 0 {
                next |= moves[f.trailingZeroBitCount]
                f &= f - 1
            }
            next &= ~seen
            if next & left != 0 { return nil }
            seen |= next
            frontier = next
        }
        return (pushed, seen)
    }
}
