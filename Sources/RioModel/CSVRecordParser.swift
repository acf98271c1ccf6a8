/// The byte-level state machine behind `CSVSheetReader`: RFC 4180 fields and records.
///
/// Works on bytes, since every byte that structures CSV (quote, separator, CR, LF) is ASCII and
/// never part of a multi-byte UTF-8 character; each field is then decoded as UTF-8 on its own, so
/// a bad byte is reported at its row and column.
struct CSVRecordParser {
    /// How a field ended.
    enum End { case separator, record, file }

    let bytes: [UInt8]
    var index: Int
    let separator: UInt8
    let file: String
    /// Problems found so far that do not stop the parse (the first field that is not UTF-8).
    private var problems: [Diagnostic] = []

    /// Spreadsheets hold at most this many rows.
    static let maxRows = 1_048_576
    static let quote = UInt8(ascii: "\""), cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

    /// A parser of `bytes` from `start` (after any byte-order mark).
    init(bytes: [UInt8], start: Int, separator: UInt8, file: String) {
        self.bytes = bytes; self.index = start; self.separator = separator; self.file = file
    }

    /// Every record as a row of cells; an empty line is an empty row.
    ///
    /// Throws `RioError.invalidInput` with every problem found (text that is not UTF-8 is
    /// reported once, at its first field; an unterminated quote or a NUL byte ends the parse).
    ///
    /// - Complexity: O(bytes).
    mutating func rows() throws -> [[Sheet.Cell]] {
        var rows: [[Sheet.Cell]] = []
        while index < bytes.count {
            let row = rows.count + 1
            guard row <= CSVRecordParser.maxRows else {
                fail(row: row, column: 1, "the file has more than 1,048,576 rows, the most a spreadsheet holds", hint: "split it into smaller files")
                break
            }
            var cells: [Sheet.Cell] = []
            var end = End.separator
            while end == .separator {
                let column = cells.count + 1
                let (raw, ended) = try field(row: row, column: column)
                end = ended
                cells.append(Sheet.Cell(decode(raw, row: row, column: column), row: row, column: column))
            }
            if cells.count == 1, cells[0].value == .empty { cells = [] }
            rows.append(cells)
        }
        if !problems.isEmpty { throw RioError.invalidInput(problems) }
        return rows
    }

    /// Reads one field from `index` and says what ended it; quotes are removed and doubled
    /// quotes undoubled; a CRLF inside quotes becomes LF, as in a spreadsheet cell.
    private mutating func field(row: Int, column: Int) throws -> ([UInt8], End) {
        var out: [UInt8] = []
        if index < bytes.count, bytes[index] == CSVRecordParser.quote {
            index += 1
            try quoted(into: &out, row: row, column: column)
        }
        // Unquoted text, or text after a closing quote (kept as written, as spreadsheets do).
        while index < bytes.count {
            let b = bytes[index]
            index += 1
            switch b {
            case separator: return (out, .separator)
            case CSVRecordParser.lf: return (out, .record)
            case CSVRecordParser.cr:
                if index < bytes.count, bytes[index] == CSVRecordParser.lf { index += 1 }
                return (out, .record)
            case 0: try binary(row: row, column: column)
            default: out.append(b)
            }
        }
        return (out, .file)
    }

    /// The inside of a quoted field, up to and past its closing quote.
    private mutating func quoted(into out: inout [UInt8], row: Int, column: Int) throws {
        while index < bytes.count {
            let b = bytes[index]
            let next: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
            if b == CSVRecordParser.quote {
                if next == CSVRecordParser.quote {
                    out.append(b); index += 2; continue
                }
                index += 1
                return
            }
            if b == 0 { try binary(row: row, column: column) }
            if b == CSVRecordParser.cr, next == CSVRecordParser.lf {
                out.append(CSVRecordParser.lf); index += 2; continue
            }
            out.append(b); index += 1
        }
        fail(
            row: row, column: column, "a quoted field starts here and is never closed",
            hint: "end it with a closing \" (a quote inside a quoted field is written twice: \"\")")
        throw RioError.invalidInput(problems)
    }

    /// The field's text; for bytes that are not UTF-8, records the problem (once) and gives `.empty`.
    private mutating func decode(_ raw: [UInt8], row: Int, column: Int) -> Sheet.Value {
        if raw.isEmpty { return .empty }
        if let text = String(validating: raw, as: UTF8.self) { return .text(text) }
        if !problems.contains(where: { $0.message.hasPrefix("this field is not UTF-8") }) {
            fail(
                row: row, column: column, "this field is not UTF-8 text (the file is saved in another encoding, such as Windows-1252)",
                hint: "save it as CSV UTF-8 (Excel: File > Save As > CSV UTF-8 (Comma delimited))")
        }
        return .empty
    }

    /// Stops at a NUL byte: the file is binary, or UTF-16 without a byte-order mark.
    private mutating func binary(row: Int, column: Int) throws -> Never {
        fail(
            row: row, column: column, "the file holds a NUL byte: it is a binary file or UTF-16 text, not UTF-8 CSV",
            hint: "save it as CSV UTF-8")
        throw RioError.invalidInput(problems)
    }

    /// Records a problem at `row`:`column`.
    private mutating func fail(row: Int, column: Int, _ message: String, hint: String) {
        problems.append(Diagnostic(SourceLocation(file: file, line: row, column: column), message, hint: hint))
    }
}
