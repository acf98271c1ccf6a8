import RioModel

/// The co-financing summary: sources against their caps, and each convention's balance.
extension HTMLReport {
    func funding() -> String {
        let cur = context.plan.currency
        func money(_ v: Int) -> String { esc(Money.text(v)) }
        var h = "<div class=\"two\"><div><h3>Funding sources (\(esc(cur)))</h3><table class=\"data\"><thead><tr>"
        h +=
            "<th>Source</th><th>Name</th><th>Owner</th><th class=\"num\">Cap</th><th class=\"num\">Allocated</th><th class=\"num\">Remaining</th><th style=\"width:22%\">Use of cap</th></tr></thead><tbody>"
        for s in figures.sources {
            let share = s.cap > 0 ? min(1, max(0, Double(s.allocated) / Double(s.cap))) : (s.allocated > 0 ? 1 : 0)
            let pct = Int((share * 100).rounded())
            h += "<tr><td><span class=\"mono\">\(esc(s.id))</span></td><td>\(esc(s.name))</td><td>\(esc(s.owner))</td>"
            h += "<td class=\"num\">\(money(s.cap))</td><td class=\"num\">\(money(s.allocated))</td>"
            h += "<td class=\"num\">\(money(s.remaining))</td>"
            h += "<td><div class=\"bar\" title=\"\(pct)% of cap\"><i style=\"width:\(pct)%\"></i></div><small>\(pct)%</small></td></tr>"
        }
        let cap = figures.sources.reduce(0) { $0 + $1.cap }, alloc = figures.sources.reduce(0) { $0 + $1.allocated }
        h +=
            "<tr class=\"total\"><td>Total</td><td></td><td></td><td class=\"num\">\(money(cap))</td><td class=\"num\">\(money(alloc))</td><td class=\"num\">\(money(cap - alloc))</td><td></td></tr>"
        h += "</tbody></table></div>"

        h += "<div><h3>Conventions (\(esc(cur)))</h3><table class=\"data\"><thead><tr><th>Convention</th>"
        h += "<th class=\"num\">Attributed</th><th class=\"num\">Contributed</th><th class=\"num\">Balance</th><th style=\"width:22%\"></th></tr></thead><tbody>"
        let maxAbs = max(1, figures.conventions.map { abs($0.balance) }.max() ?? 1)
        for c in figures.conventions {
            let attributed = c.attributedCash + c.attributedInKind
            let contributed = c.contributedCash + c.contributedInKind
            let cls = c.balance >= 0 ? "pos" : "neg"
            let half = Double(abs(c.balance)) / Double(maxAbs) * 50
            let left = c.balance >= 0 ? 50.0 : 50 - half
            let colour = c.balance >= 0 ? "#0a7a3d" : "#b3261e"
            let name = context.catalog.convention(c.id)?.name ?? c.id
            h += "<tr><td><b>\(esc(c.id))</b> <small>\(esc(name))</small></td>"
            h +=
                "<td class=\"num\" title=\"cash \(money(c.attributedCash)) + in-kind \(money(c.attributedInKind))\">\(money(attributed))<br><small>cash \(money(c.attributedCash)) · in-kind \(money(c.attributedInKind))</small></td>"
            h +=
                "<td class=\"num\" title=\"cash \(money(c.contributedCash)) + in-kind \(money(c.contributedInKind))\">\(money(contributed))<br><small>cash \(money(c.contributedCash)) · in-kind \(money(c.contributedInKind))</small></td>"
            h += "<td class=\"num \(cls)\"><b>\(c.balance > 0 ? "+" : "")\(money(c.balance))</b></td>"
            h +=
                "<td><div class=\"bar\" style=\"background:#fff\"><i style=\"left:\(Int(left.rounded()))%;width:\(max(1, Int(half.rounded())))%;background:\(colour)\"></i>"
            h += "<i style=\"left:50%;width:1px;background:#5b6875\"></i></div></td></tr>"
        }
        h +=
            "</tbody></table><p class=\"intro\" style=\"margin-top:8px\">Balance = contribution − attribution. Sources owned by others (donors, funds) are contributions of no convention, so balances need not add up to zero.</p></div></div>"
        return h
    }
}
