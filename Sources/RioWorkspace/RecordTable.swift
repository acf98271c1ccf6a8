import RioModel

/// A record sheet read through its header row: each data row's cells by field, with where they
/// are, and every problem found reported to one bag.
struct RecordTable {
    /// One non-empty data row.
    struct Row {
        /// The sheet's row number (the header is row 1).
        let number: Int
        let cells: [String: Sheet.Cell]
        /// The column number of each field, for empty cells' positions.
        let columns: [String: Int]
    }

    let sheet: Sheet
    let rows: [Row]
    let bag: DiagnosticBag

    /// How many rows from the top may hold the header: a template puts the session's details
    /// above it.
    static let headerSearchRows = 20

    /// Reads the header and the data rows below it; nil (with diagnostics in `bag`) when a
    /// required column is missing.
    ///
    /// The header is the first of the top rows naming every required column (else the one
    /// naming most columns, else row 1), so a sheet may carry a title block above it.
    init?(_ sheet: Sheet, columns: [RecordColumn], bag: DiagnosticBag) {
        self.sheet = sheet; self.bag = bag
        let lookup = RecordColumn.lookup(columns)
        var candidates: [[String: Int]] = []
        for row in sheet.rows.prefix(RecordTable.headerSearchRows) {
            candidates.append(RecordTable.match(row, lookup))
            if let last = candidates.last, columns.allSatisfy({ !$0.required || last[$0.key] != nil }) { break }
        }
        let complete = candidates.firstIndex { found in columns.allSatisfy { !$0.required || found[$0.key] != nil } }
        let most = candidates.indices.max { a, b in (candidates[a].count, b) < (candidates[b].count, a) }
        let h = complete ?? (most.map { candidates[$0].isEmpty ? 0 : $0 } ?? 0)
        let headerRow = sheet.rows.indices.contains(h) ? (sheet.rows[h].first?.row ?? h + 1) : 1
        var found: [String: Int] = [:]
        for cell in sheet.rows.indices.contains(h) ? sheet.rows[h] : [] where !cell.value.isEmpty {
            let text = RecordTable.trim(cell.value.text)
            guard let col = lookup[RecordColumn.normal(text)] else { continue }
            if let first = found[col.key] {
                bag.add(
                    sheet.location(row: headerRow, column: cell.column), "columns \(first) and \(cell.column) are both read as \(col.label)",
                    hint: "keep one of them, or rename the other")
            } else {
                found[col.key] = cell.column
            }
        }
        for col in columns where col.required && found[col.key] == nil {
            bag.add(sheet.location(row: headerRow, column: 1), "no \(col.label) column", hint: "add a header named \(col.accepted) to row \(headerRow)")
        }
        guard columns.allSatisfy({ !$0.required || found[$0.key] != nil }) else {
            rows = []
            return nil
        }
        let byColumn = Dictionary(found.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
        var out: [Row] = []
        for (i, r) in sheet.rows.enumerated().dropFirst(h + 1) where r.contains(where: { !$0.value.isEmpty }) {
            var cells: [String: Sheet.Cell] = [:]
            for c in r { if let key = byColumn[c.column] { cells[key] = c } }
            out.append(Row(number: r.first?.row ?? i + 1, cells: cells, columns: found))
        }
        rows = out
    }

    /// The fields a row's cells name as headers (field key → column).
    static func match(_ row: [Sheet.Cell], _ lookup: [String: RecordColumn]) -> [String: Int] {
        var found: [String: Int] = [:]
        for cell in row where !cell.value.isEmpty {
            if let col = lookup[RecordColumn.normal(cell.value.text)], found[col.key] == nil {
                found[col.key] = cell.column
            }
        }
        return found
    }

    /// Where a field of a row is.
    func location(_ row: Row, _ key: String) -> SourceLocation {
        sheet.location(row: row.cells[key]?.row ?? row.number, column: row.cells[key]?.column ?? row.columns[key] ?? 1)
    }

    /// The trimmed text of a field, nil when empty.
    func text(_ row: Row, _ key: String) -> String? {
        guard let c = row.cells[key], !c.value.isEmpty else { return nil }
        return RecordTable.trim(c.value.text)
    }

    /// The text of a required field; a diagnostic when it is empty.
    func required(_ row: Row, _ key: String, _ what: String, label: String) -> String? {
        guard let t = text(row, key) else {
            bag.add(location(row, key), "no \(what)", hint: "fill in the \(label) cell, or delete the row")
            return nil
        }
        return t
    }

    /// `text` without leading and trailing white space (the common untouched case costs two
    /// scalar checks; sheets have hundreds of thousands of cells).
    static func trim(_ text: String) -> String {
        let u = text.unicodeScalars
        guard let first = u.first, let last = u.last else { return text }
        if !isSpace(first) && !isSpace(last) { return text }
        guard let f = u.firstIndex(where: { !isSpace($0) }), let l = u.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(u[f...l])
    }

    /// White space, with an ASCII fast path (`Character.isWhitespace` looks up Unicode tables).
    @inline(__always) static func isSpace(_ u: Unicode.Scalar) -> Bool {
        if u.value < 128 { return u == " " || u == "\t" || u == "\n" || u == "\r" || u.value == 11 || u.value == 12 }
        return u.properties.isWhitespace
    }
}
