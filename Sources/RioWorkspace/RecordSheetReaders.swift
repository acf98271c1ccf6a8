import Foundation
import RioModel

// TEMPORARY (records branch): until the readers branch (CSVSheetReader in RioModel,
// XLSXSheetReader in RioExport) is merged, this file holds a minimal CSV splitter and refuses
// XLSX. At merge, replace the two function bodies with
//     try CSVSheetReader.read(data: data, file: file)
//     try XLSXSheetReader.read(data: data, file: file, sheet: sheet)
// and delete `TemporaryCSVSplitter`.

/// Where the sheet readers plug into the record importers.
enum RecordSheetReaders {
    /// A CSV file's table (RFC 4180, UTF-8 with or without BOM).
    static func csv(data: Data, file: String) throws -> Sheet {
        try TemporaryCSVSplitter.read(data: data, file: file)
    }

    /// One sheet of an XLSX workbook (the first, or `sheet`).
    static func xlsx(data: Data, file: String, sheet: String?) throws -> Sheet {
        throw RioError.usage("\(file): XLSX sheets are not yet available in this build; save the sheet as CSV (UTF-8) and import that")
    }
}

/// TEMPORARY minimal RFC 4180 splitter (quoted fields, doubled quotes, CRLF or LF, BOM); the
/// readers branch's `CSVSheetReader` replaces it.
enum TemporaryCSVSplitter {
    static func read(data: Data, file: String) throws -> Sheet {
        guard var text = String(data: data, encoding: .utf8) else {
            throw RioError.invalidInput([Diagnostic(SourceLocation(file: file, line: 1, column: 1), "the file is not UTF-8 text", hint: "save it as CSV UTF-8")])
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var rows: [[Sheet.Cell]] = [], row: [Sheet.Cell] = [], field = "", quoted = false, wasQuoted = false
        func endField() {
            let v: Sheet.Value = field.isEmpty && !wasQuoted ? .empty : .text(field)
            row.append(Sheet.Cell(v, row: rows.count + 1, column: row.count + 1))
            field = ""; wasQuoted = false
        }
        func endRow() { endField(); rows.append(row); row = [] }
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { chars.removeFirst(); field.unicodeScalars.append(c) } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true; wasQuoted = true
            } else if c == "," {
                endField()
            } else if c == "\r" || c == "\n" {
                if c == "\r", chars.first == "\n" { chars.removeFirst() }
                endRow()
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || wasQuoted || !row.isEmpty { endRow() }
        return Sheet(file: file, rows: rows)
    }
}
