extension Funding {
    /// The sources of pattern `p` each of which, with its cap raised by `extra` alone, would
    /// let `cash` more be paid on `p` beside everything already funded (in pattern order).
    ///
    /// - Complexity: one funding network rebuilt per source of the pattern.
    func sourcesAdmitting(_ cash: Int, to p: Int, raisedBy extra: Int) -> [Int] {
        patterns[p].filter { s in
            var raised = caps
            raised[s] += extra
            var g = Funding(caps: raised, patterns: patterns)
            for (q, c) in patternCash.enumerated() where c != 0 { g.add(c, to: q) }
            return g.canAdd(cash, to: p)
        }
    }
}
