import Foundation

/// Reads a CSV file (RFC 4180) into a `Sheet`: the sign-in sheets and record lists people send.
///
/// Accepts what spreadsheets save: UTF-8 with or without a byte-order mark, CRLF, LF or CR line
/// ends, quoted fields with doubled quotes and embedded line breaks, and `;` as the separator
/// (as Excel saves "CSV" in locales whose decimal mark is a comma) when the header line holds `;`
/// and no `,` outside quotes. Row N is the Nth record, as a spreadsheet shows it, however many
/// line breaks the records before it hold; column N is the Nth field. Empty lines in the middle
/// are kept as empty rows (so that row numbers stay right), trailing empty lines are dropped.
/// Every cell is `.text`, or `.empty` for an empty field.
public enum CSVSheetReader {
    /// Files larger than this are refused before anything is read (50 MB).
    public static let maxBytes = 50 * 1024 * 1024

    /// Parses `data` as the CSV file shown as `file`.
    ///
    /// Throws `RioError.invalidInput` with `file:row:column: what; what to do` for an unterminated
    /// quote, text that is not UTF-8, a binary file (a workbook, a NUL byte) or a file over
    /// `maxBytes`.
    ///
    /// - Complexity: O(bytes).
    public static func read(data: Data, file: String) throws -> Sheet {
        let bytes = [UInt8](data)
        let start = SourceLocation(file: file, line: 1, column: 1)
        if bytes.count > maxBytes {
            throw RioError.invalidInput([
                Diagnostic(
                    start, "the file is larger than 50 MB, the most a sheet may have",
                    hint: "split it into smaller files, one per session")
            ])
        }
        if let problem = refusal(of: bytes) {
            throw RioError.invalidInput([Diagnostic(start, problem.message, hint: problem.hint)])
        }
        let body = hasBOM(bytes) ? 3 : 0
        let separator = detectSeparator(bytes, from: body)
        var parser = CSVRecordParser(bytes: bytes, start: body, separator: separator, file: file)
        return Sheet(file: file, rows: trimmed(try parser.rows()))
    }

    /// Whether `bytes` begin with the UTF-8 byte-order mark.
    static func hasBOM(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// What is wrong with a file that is plainly not UTF-8 CSV, judged by its first bytes.
    static func refusal(of bytes: [UInt8]) -> (message: String, hint: String)? {
        /// Whether the file begins with `magic`.
        func starts(_ magic: [UInt8]) -> Bool { bytes.count >= magic.count && Array(bytes.prefix(magic.count)) == magic }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            return ("this is a workbook or another zip file, not CSV text", "give it the .xlsx extension, or save it as CSV UTF-8")
        }
        if starts([0xD0, 0xCF, 0x11, 0xE0]) {
            return ("this is an Excel 97-2003 (.xls) or password-protected file, not CSV text", "open it and save it as CSV UTF-8")
        }
        if starts([0xFF, 0xFE]) || starts([0xFE, 0xFF]) {
            return ("the file is UTF-16 text (Excel's \"Unicode Text\"), not UTF-8", "save it as CSV UTF-8 (comma delimited)")
        }
        return nil
    }

    /// `;` when the header line (up to the first line break outside quotes) holds `;` and no `,`.
    static func detectSeparator(_ bytes: [UInt8], from start: Int) -> UInt8 {
        var quoted = false, semicolon = false
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if !quoted {
                if b == UInt8(ascii: ",") { return UInt8(ascii: ",") }
                if b == UInt8(ascii: ";") { semicolon = true }
                if b == 0x0A || b == 0x0D { break }
            }
            i += 1
        }
        return semicolon ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// `rows` without its trailing empty rows (empty lines, or lines of empty fields, at the end).
    static func trimmed(_ rows: [[Sheet.Cell]]) -> [[Sheet.Cell]] {
        var rows = rows
        while let last = rows.last, last.allSatisfy(\.value.isEmpty) { rows.removeLast() }
        return rows
    }
}
