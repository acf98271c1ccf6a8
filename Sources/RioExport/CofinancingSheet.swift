import Foundation
import RioModel

/// The co-financing export (exports.md): the four-sheet XLSX workbook and the Sessions-only CSV.
///
/// Both come from one `Cofinancing` computation, so the workbook, the CSV and the report agree
/// to the unit with each other and with the plan.
public struct CofinancingSheet: Sendable {
    public var context: ExportContext
    public var figures: Cofinancing
    /// What more money would buy (the Asks sheet); nil leaves the sheet out.
    public var asks: AsksTable?

    public init(context: ExportContext, asks: AsksTable? = nil) {
        self.context = context
        self.figures = Cofinancing(context)
        self.asks = asks
    }

    /// Headers of the Sessions sheet (and the CSV): fixed columns, then one per funding source.
    public var sessionHeader: [String] {
        ["Session", "Module", "Region", "Start", "End", "Conventions", "Cash", "In-kind"] + figures.sources.map(\.id)
    }
    static let firstMoneyColumn = 6

    /// The workbook with sheets Sessions, Sources, Conventions and In-kind, then Asks when known.
    public func workbook() -> Workbook {
        Workbook(
            title: "Co-financing of \(context.plan.name)", currency: context.plan.currency,
            sheets: [sessionsSheet(), sourcesSheet(), conventionsSheet(), inKindSheet()] + (asks.map { [$0.sheet()] } ?? []))
    }

    /// `.xlsx` bytes.
    public func xlsxData() throws -> Data { try workbook().data() }

    func sessionsSheet() -> Workbook.Sheet {
        let plan = context.plan
        var rows: [[Workbook.Cell]] = []
        rows.reserveCapacity(plan.sessions.count + 1)
        for (i, s) in plan.sessions.enumerated() {
            var row: [Workbook.Cell] = [
                .text(s.id), .text(context.moduleTitle(s.module)), .text(context.regionName(s.region)),
                s.startDay.map(Workbook.Cell.date) ?? .text(s.start),
                s.endDay.map(Workbook.Cell.date) ?? .text(s.end),
                .text(s.conventions.joined(separator: ", ")),
                .money(s.cost.cash), .money(s.cost.inKind),
            ]
            for a in figures.sessionAmounts[i] { row.append(a.map { .money($0) } ?? .empty) }
            rows.append(row)
        }
        var total: [Workbook.Cell] = [.text("Total", bold: true)] + Array(repeating: .empty, count: CofinancingSheet.firstMoneyColumn - 1)
        let cached = [Cofinancing.totalCash(plan), Cofinancing.totalInKind(plan)] + figures.sources.map(\.allocated)
        for (k, v) in cached.enumerated() {
            total.append(sum(column: CofinancingSheet.firstMoneyColumn + k, rows: plan.sessions.count, cached: v))
        }
        rows.append(total)
        return Workbook.Sheet(name: "Sessions", header: sessionHeader, rows: rows)
    }

    func sourcesSheet() -> Workbook.Sheet {
        var rows: [[Workbook.Cell]] = figures.sources.enumerated().map { i, s in
            [
                .text(s.id), .text(s.name), .text(s.owner), .text(s.type), .money(s.cap), .money(s.allocated),
                .formula("E\(i + 2)-F\(i + 2)", cached: s.remaining),
            ]
        }
        let n = figures.sources.count
        rows.append([
            .text("Total", bold: true), .empty, .empty, .empty,
            sum(column: 4, rows: n, cached: figures.sources.reduce(0) { $0 + $1.cap }),
            sum(column: 5, rows: n, cached: figures.sources.reduce(0) { $0 + $1.allocated }),
            sum(column: 6, rows: n, cached: figures.sources.reduce(0) { $0 + $1.remaining }),
        ])
        return Workbook.Sheet(name: "Sources", header: ["Source", "Name", "Owner", "Type", "Cap", "Allocated", "Remaining"], rows: rows)
    }

    func conventionsSheet() -> Workbook.Sheet {
        let rows: [[Workbook.Cell]] = figures.conventions.enumerated().map { i, c in
            let r = i + 2
            return [
                .text(c.id), .money(c.attributedCash), .money(c.attributedInKind), .money(c.contributedCash),
                .money(c.contributedInKind), .formula("D\(r)+E\(r)-B\(r)-C\(r)", cached: c.balance),
            ]
        }
        return Workbook.Sheet(
            name: "Conventions",
            header: ["Convention", "Attributed cash", "Attributed in-kind", "Contributed cash", "Contributed in-kind", "Balance"],
            rows: rows)
    }

    func inKindSheet() -> Workbook.Sheet {
        let rows: [[Workbook.Cell]] = figures.inKind.map { [.text($0.organisation), .count($0.trainerDays), .money($0.inKind)] }
        return Workbook.Sheet(name: "In-kind", header: ["Organisation", "Trainer days", "In-kind"], rows: rows)
    }

    /// A bold `SUM` over the data rows of a column with its cached value; a plain number when there are no rows.
    private func sum(column: Int, rows: Int, cached: Int) -> Workbook.Cell {
        guard rows > 0 else { return .money(cached, bold: true) }
        let c = Workbook.columnName(column)
        return .formula("SUM(\(c)2:\(c)\(rows + 1))", cached: cached, bold: true)
    }

    /// The Sessions sheet as CSV (RFC 4180): UTF-8 with a byte-order mark, CRLF, fields quoted when
    /// needed with quotes doubled, text neutralised against formula injection, and a last `Total`
    /// row of plain numbers.
    ///
    /// - Complexity: O(cells).
    public func csvData() -> Data {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        out.reserveCapacity(160 * (context.plan.sessions.count + 2))
        func field(_ s: String, isNumber: Bool) {
            let text = isNumber ? s : SpreadsheetText.neutralised(s)
            out.append(contentsOf: CSVText.field(text).utf8)
        }
        /// Text fields first, then number fields (the money columns come last in every row).
        func row(_ texts: [String], _ numbers: [Int?]) {
            for (i, f) in texts.enumerated() {
                if i > 0 { out.append(44) }
                field(f, isNumber: false)
            }
            for n in numbers {
                out.append(44)
                field(n.map(String.init) ?? "", isNumber: true)
            }
            out.append(13); out.append(10)
        }
        row(sessionHeader, [])
        for (i, s) in context.plan.sessions.enumerated() {
            row(
                [
                    s.id, context.moduleTitle(s.module), context.regionName(s.region), s.start, s.end,
                    s.conventions.joined(separator: ", "),
                ],
                ([s.cost.cash, s.cost.inKind] as [Int?]) + figures.sessionAmounts[i])
        }
        let plan = context.plan
        row(
            ["Total", "", "", "", "", ""],
            ([Cofinancing.totalCash(plan), Cofinancing.totalInKind(plan)] + figures.sources.map(\.allocated)).map { Optional($0) })
        return Data(out)
    }
}
