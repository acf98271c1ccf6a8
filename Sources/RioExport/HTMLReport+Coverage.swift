import RioModel

/// Mandate coverage: for each theme and convention, how many of the catalog's mandates the
/// scheduled sessions serve.
extension HTMLReport {
    /// (served, total) mandates per theme (catalog order) and convention (catalog order).
    public func coverageCounts() -> [(theme: String, cells: [(served: Int, total: Int)])] {
        let served = Set(context.plan.sessions.flatMap(\.mandates))
        let conventions = context.catalog.conventions.map(\.id)
        return context.catalog.themes.map { t in
            let cells = conventions.map { c -> (Int, Int) in
                let ms = context.catalog.mandates.filter { $0.convention == c && $0.themes.contains(t.id) }
                return (ms.filter { served.contains($0.id) }.count, ms.count)
            }
            return (t.id, cells)
        }
    }

    /// The coverage table as a heatmap: darker cells serve a larger share of the theme's mandates.
    func coverage() -> String {
        let conventions = context.catalog.conventions
        guard !conventions.isEmpty, !context.catalog.themes.isEmpty else { return "<p>The catalog has no conventions or themes.</p>" }
        let rows = coverageCounts()
        var h = "<table class=\"data heat\"><thead><tr><th>Theme</th>"
        for c in conventions { h += "<th class=\"num\" style=\"text-align:center\" title=\"\(esc(c.name))\">\(esc(c.id))</th>" }
        h += "<th class=\"num\" style=\"text-align:center\">All</th></tr></thead><tbody>"
        var colTotals = [(Int, Int)](repeating: (0, 0), count: conventions.count)
        for row in rows {
            let rowServed = row.cells.reduce(0) { $0 + $1.served }, rowTotal = row.cells.reduce(0) { $0 + $1.total }
            if rowTotal == 0 { continue }
            h += "<tr><td>\(esc(context.themeLabel(row.theme)))</td>"
            for (i, cell) in row.cells.enumerated() {
                colTotals[i].0 += cell.served; colTotals[i].1 += cell.total
                h += heatCell(cell.served, cell.total)
            }
            h += heatCell(rowServed, rowTotal) + "</tr>"
        }
        // A mandate with several themes counts once per theme above; the last row counts each mandate once.
        let served = Set(context.plan.sessions.flatMap(\.mandates))
        h += "<tr class=\"total\"><td>All mandates (each once)</td>"
        var allServed = 0, allTotal = 0
        for c in conventions {
            let ms = context.catalog.mandates.filter { $0.convention == c.id }
            let s = ms.filter { served.contains($0.id) }.count
            allServed += s; allTotal += ms.count
            h += heatCell(s, ms.count)
        }
        h += heatCell(allServed, allTotal) + "</tr></tbody></table>"
        return h
    }

    /// One heatmap cell: `served / total` on a blue tint proportional to the share; grey when empty.
    func heatCell(_ served: Int, _ total: Int) -> String {
        guard total > 0 else { return "<td class=\"cell\" style=\"color:#9aa6b2\">—</td>" }
        let share = Double(served) / Double(total)
        // Interpolate from #eef4fa (none) to #0b5cad (all).
        func mix(_ a: Int, _ b: Int) -> Int { Int((Double(a) + (Double(b) - Double(a)) * share).rounded()) }
        let bg = "rgb(\(mix(0xEE, 0x0B)),\(mix(0xF4, 0x5C)),\(mix(0xFA, 0xAD)))"
        let fg = share > 0.55 ? "#ffffff" : "#1d2733"
        let pct = Int((share * 100).rounded())
        return "<td class=\"cell\" style=\"background:\(bg);color:\(fg)\">\(served) / \(total)<small style=\"color:\(fg);opacity:.85\">\(pct)%</small></td>"
    }
}
