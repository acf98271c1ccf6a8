import Foundation

extension FlowNetwork {
    /// Headrooms already worked out for the network's state, kept across moves where they hold.
    ///
    /// An entry holds pattern `p`'s headroom `h` and a set of sources `cut[p]` holding `p`'s
    /// sources with `caps(cut) - need(cut) = h`, the least over such sets (see
    /// `State.augment`). Headroom depends on the cash only, so after pattern `q` gains `c`:
    /// an entry whose cut holds `q`'s sources loses exactly `c` (that set lost `c`, no set lost
    /// more); one whose cut does not keep its value when `headroom(q) - c >= h` (every set
    /// holding both patterns' sources had at least `headroom(q)`). After `q` loses cash, an
    /// entry whose cut does not hold `q`'s sources keeps its value (that set kept its value, no
    /// set lost any). Every other entry is forgotten. Copies of a network share a memo until
    /// one of them moves; the lock makes sharing between threads safe.
    final class Memo: @unchecked Sendable {
        private let lock = NSLock()
        private var value: [Int]
        private var cut: [UInt64]
        private var known: [Bool]

        init(patterns: Int) {
            value = Array(repeating: 0, count: patterns)
            cut = Array(repeating: 0, count: patterns)
            known = Array(repeating: false, count: patterns)
        }

        /// A memo of its own with the same entries.
        func copy() -> Memo {
            lock.lock()
            defer { lock.unlock() }
            let m = Memo(patterns: value.count)
            m.value = value
            m.cut = cut
            m.known = known
            return m
        }

        /// Pattern `p`'s headroom, if known.
        func lookup(_ p: Int) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            return known[p] ? value[p] : nil
        }

        /// Records pattern `p`'s headroom `h` and its least set `cut`.
        func store(_ p: Int, _ h: Int, cut c: UInt64) {
            lock.lock()
            defer { lock.unlock() }
            value[p] = h
            cut[p] = c
            known[p] = true
        }

        /// Forgets every entry.
        func clear() {
            lock.lock()
            defer { lock.unlock() }
            for p in known.indices { known[p] = false }
        }

        /// Updates the entries after pattern `q` (sources `mask`) gained `c` > 0; `before` is
        /// `q`'s headroom before, if known.
        /// - Complexity: O(patterns).
        func gained(_ c: Int, mask: UInt64, before: Int?) {
            lock.lock()
            defer { lock.unlock() }
            for p in known.indices where known[p] {
                if cut[p] & mask == mask {
                    value[p] -= c
                } else if let hq = before, hq - c >= value[p] {
                    continue
                } else {
                    known[p] = false
                }
            }
        }

        /// Updates the entries after a pattern with sources `mask` lost cash.
        /// - Complexity: O(patterns).
        func lost(mask: UInt64) {
            lock.lock()
            defer { lock.unlock() }
            for p in known.indices where known[p] && cut[p] & mask == mask { known[p] = false }
        }
    }
}
