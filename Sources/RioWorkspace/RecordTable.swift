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

    /// Reads the header and the data rows; nil (with diagnostics in `bag`) when a required
    /// column is missing.
    init?(_ sheet: Sheet, columns: [RecordColumn], bag: DiagnosticBag) {
        self.sheet = sheet; self.bag = bag
        let header = sheet.rows.first ?? []
        var found: [String: Int] = [:]
        for cell in header where !cell.value.isEmpty {
            let text = cell.value.text.trimmingCharacters(in: .whitespaces)
            guard let col = columns.first(where: { $0.matches(text) }) else { continue }
            if let first = found[col.key] {
                bag.add(
                    sheet.location(row: 1, column: cell.column), "columns \(first) and \(cell.column) are both read as \(col.label)",
                    hint: "keep one of them, or rename the other")
            } else {
                found[col.key] = cell.column
            }
        }
        for col in columns where col.required && found[col.key] == nil {
            bag.add(sheet.location(row: 1, column: 1), "no \(col.label) column", hint: "add a header named \(col.accepted) to row 1")
        }
        guard columns.allSatisfy({ !$0.required || found[$0.key] != nil }) else {
            rows = []
            return nil
        }
        var out: [Row] = []
        for (i, r) in sheet.rows.enumerated().dropFirst() where r.contains(where: { !$0.value.isEmpty }) {
            var cells: [String: Sheet.Cell] = [:]
            for c in r { if let key = found.first(where: { $0.value == c.column })?.key { cells[key] = c } }
            out.append(Row(number: r.first?.row ?? i + 1, cells: cells, columns: found))
        }
        rows = out
    }

    /// Where a field of a row is.
    func location(_ row: Row, _ key: String) -> SourceLocation {
        sheet.location(row: row.cells[key]?.row ?? row.number, column: row.cells[key]?.column ?? row.columns[key] ?? 1)
    }

    /// The trimmed text of a field, nil when empty.
    func text(_ row: Row, _ key: String) -> String? {
        guard let c = row.cells[key], !c.value.isEmpty else { return nil }
        return c.value.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The text of a required field; a diagnostic when it is empty.
    func required(_ row: Row, _ key: String, _ what: String, label: String) -> String? {
        guard let t = text(row, key) else {
            bag.add(location(row, key), "no \(what)", hint: "fill in the \(label) cell, or delete the row")
            return nil
        }
        return t
    }
}
