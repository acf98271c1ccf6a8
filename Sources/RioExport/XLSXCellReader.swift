import RioModel

/// Turns one worksheet part into rows of cells, with the workbook's shared strings, date styles
/// and date system.
struct XLSXCellReader {
    let book: XLSXWorkbook
    let file: String
    let sheetPath: String
    /// Loaded when the first `t="s"` cell needs them.
    private var sharedStrings: [String]?

    /// A reader of `sheetPath` in `book`, the workbook shown as `file`.
    init(book: XLSXWorkbook, file: String, sheetPath: String) {
        self.book = book; self.file = file; self.sheetPath = sheetPath
    }

    /// The cell being read: where it is, its type and style, and the text of `<v>` and `<t>`.
    private struct Pending {
        var row = 0, column = 0, style = 0
        var type = "n"
        var value = "", inline = ""
        var inValue = false, inText = false, phonetic = false
    }

    /// Every row of the sheet, padded so that `rows[r - 1][c - 1]` is row `r`, column `c`.
    ///
    /// - Complexity: O(bytes + cells, gaps included).
    mutating func rows(of xml: [UInt8]) throws -> [[Sheet.Cell]] {
        var values: [Int: [Int: Sheet.Value]] = [:]
        var row = 0, column = 0
        var cell = Pending()
        var inCell = false, stored = 0
        let book = self.book
        try book.parse(xml, part: sheetPath) { event in
            switch event {
            case .start(let e):
                switch e.name {
                case "row":
                    row = e.attribute("r").flatMap { Int($0) } ?? row + 1
                    column = 0
                case "c":
                    let (r, c) = try position(e.attribute("r"), row: row, column: column + 1)
                    row = r; column = c
                    cell = Pending(row: r, column: c, style: e.attribute("s").flatMap { Int($0) } ?? 0, type: e.attribute("t") ?? "n")
                    inCell = true
                case "v" where inCell: cell.inValue = true
                case "t" where inCell: cell.inText = true
                case "rPh" where inCell: cell.phonetic = true
                default: break
                }
            case .end(let name):
                switch name {
                case "c" where inCell:
                    inCell = false
                    let value = try self.value(of: cell)
                    guard value != .empty else { break }
                    values[cell.row, default: [:]][cell.column] = value
                    stored += 1
                    if stored > XLSXSheetReader.maxCells { throw tooLarge() }
                case "v": cell.inValue = false
                case "t": cell.inText = false
                case "rPh": cell.phonetic = false
                default: break
                }
            case .text(let text):
                if cell.inValue { cell.value += text } else if cell.inText && !cell.phonetic { cell.inline += text }
            }
        }
        return try layout(values)
    }

    /// The row and column of a cell reference such as `C7` (or the next place when it has none).
    private func position(_ ref: String?, row: Int, column: Int) throws -> (Int, Int) {
        guard let ref else { return (max(row, 1), column) }
        var c = 0, r = 0, letters = 0, digits = 0
        for u in ref.utf8 {
            if digits == 0, (65...90).contains(u) || (97...122).contains(u) {
                c = c * 26 + Int((u & 0xDF) - 64); letters += 1
            } else if (48...57).contains(u), letters > 0 {
                r = r * 10 + Int(u - 48); digits += 1
            } else {
                letters = 0; break
            }
            if letters > 3 || digits > 7 { letters = 0; break }
        }
        guard letters > 0, digits > 0, (1...1_048_576).contains(r), (1...16_384).contains(c) else {
            throw XLSXPackage.error(file, "the sheet has a cell with the bad reference `\(ref)`", hint: "save the workbook again as .xlsx")
        }
        return (r, c)
    }

    /// The value of a finished cell.
    private mutating func value(of cell: Pending) throws -> Sheet.Value {
        let v = cell.value
        switch cell.type {
        case "s":
            guard let index = Int(XLSXText.trimmed(v)) else { return .empty }
            let strings = try shared(for: cell)
            guard strings.indices.contains(index) else {
                throw XLSXPackage.error(
                    file, "cell \(Workbook.columnName(cell.column - 1))\(cell.row) refers to shared string \(index), which the workbook does not have",
                    hint: "save the workbook again as .xlsx")
            }
            return XLSXCellReader.textValue(strings[index])
        case "inlineStr": return XLSXCellReader.textValue(cell.inline)
        case "str", "e": return XLSXCellReader.textValue(v)
        case "b": return XLSXText.trimmed(v).isEmpty ? .empty : .bool(XLSXText.trimmed(v) == "1" || v.lowercased() == "true")
        case "d": return XLSXDates.iso(XLSXText.trimmed(v)).map(Sheet.Value.date) ?? XLSXCellReader.textValue(v)
        default:
            let trimmed = XLSXText.trimmed(v)
            if trimmed.isEmpty { return .empty }
            guard let number = Double(trimmed), number.isFinite else { return .text(trimmed) }
            if book.styles.isDate(style: cell.style) { return XLSXDates.value(serial: number, date1904: book.date1904) }
            return .number(number)
        }
    }

    /// Text with OOXML's `_xHHHH_` escapes decoded; empty text is `.empty`.
    static func textValue(_ raw: String) -> Sheet.Value {
        let text = XLSXText.unescaped(raw)
        return text.isEmpty ? .empty : .text(text)
    }

    /// The shared strings, read the first time a cell needs them.
    private mutating func shared(for cell: Pending) throws -> [String] {
        if let sharedStrings { return sharedStrings }
        let path = book.sharedStringsPath ?? "xl/sharedStrings.xml"
        guard let xml = try book.package.part(path) else {
            throw RioError.invalidInput([
                Diagnostic(
                    SourceLocation(file: file, line: cell.row, column: cell.column),
                    "this cell refers to the workbook's shared strings, but the part \(path) is missing",
                    hint: "save the workbook again as .xlsx")
            ])
        }
        let strings = try XLSXText.sharedStrings(xml, book: book, part: path)
        sharedStrings = strings
        return strings
    }

    /// Rows padded with empty cells up to each row's last value, and empty rows for gaps.
    private func layout(_ values: [Int: [Int: Sheet.Value]]) throws -> [[Sheet.Cell]] {
        let last = values.keys.max() ?? 0
        let total = values.values.reduce(0) { $0 + ($1.keys.max() ?? 0) }
        guard total <= XLSXSheetReader.maxCells else { throw tooLarge() }
        var rows: [[Sheet.Cell]] = Array(repeating: [], count: last)
        for (r, cells) in values {
            let width = cells.keys.max() ?? 0
            rows[r - 1] = (1...width).map { c in Sheet.Cell(cells[c] ?? .empty, row: r, column: c) }
        }
        return rows
    }

    /// The error for a sheet past `XLSXSheetReader.maxCells`.
    private func tooLarge() -> RioError {
        XLSXPackage.error(
            file, "the sheet has more than \(XLSXSheetReader.maxCells) cells up to its last used ones",
            hint: "save only the rows you need, or split the sheet")
    }
}
