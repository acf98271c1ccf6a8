import RioModel

/// What more money would buy, as the co-financing workbook's Asks sheet shows it for finance
/// staff: the same lines as `rioplan asks`, each already checked by re-planning.
public struct AsksTable: Sendable, Hashable {
    /// One line: the money to add to one of `sources` and what re-planning then gave.
    public struct Line: Sendable, Hashable {
        public var demand: String
        public var value: Int
        public var amount: Int
        public var sources: [String]
        public var planValue: Int
        public var cumulativeValue: Int
        public var cumulativeMoney: Int
        public var confirmed: Bool
        public init(
            demand: String, value: Int, amount: Int, sources: [String], planValue: Int, cumulativeValue: Int, cumulativeMoney: Int,
            confirmed: Bool
        ) {
            self.demand = demand; self.value = value; self.amount = amount; self.sources = sources; self.planValue = planValue
            self.cumulativeValue = cumulativeValue; self.cumulativeMoney = cumulativeMoney; self.confirmed = confirmed
        }
    }

    /// What one more `step` on one source buys.
    public struct Margin: Sendable, Hashable {
        public var source: String
        public var step: Int
        public var value: Int
        public var added: [String]
        public init(source: String, step: Int, value: Int, added: [String]) {
            self.source = source; self.step = step; self.value = value; self.added = added
        }
    }

    public var lines: [Line]
    public var margins: [Margin]

    public init(lines: [Line], margins: [Margin]) { self.lines = lines; self.margins = margins }

    /// The Asks sheet: the lines, a blank row, then the per-source margins under their own
    /// bold header.
    func sheet() -> Workbook.Sheet {
        var rows: [[Workbook.Cell]] = lines.enumerated().map { k, l in
            [
                .count(k + 1), .text(l.demand), .count(l.value), .money(l.amount), .text(l.sources.joined(separator: " or ")),
                .count(l.planValue), .count(l.cumulativeValue), .money(l.cumulativeMoney), .text(l.confirmed ? "yes" : "no"),
            ]
        }
        if lines.isEmpty { rows.append([.empty, .text("no left-out demand is held back by money alone")]) }
        rows.append([])
        rows.append([.text("Source", bold: true), .text("One more", bold: true), .text("Value gained", bold: true), .text("Sessions added", bold: true)])
        for m in margins { rows.append([.text(m.source), .money(m.step), .count(m.value), .text(m.added.joined(separator: ", "))]) }
        return Workbook.Sheet(
            name: "Asks",
            header: ["Line", "Demand", "Value", "Money to add", "On any one of", "Re-planned value", "Value gained", "Money added", "Re-plan admits it"],
            rows: rows)
    }
}
