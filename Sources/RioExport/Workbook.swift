import Foundation
import RioModel
import ZIPFoundation

/// A small XLSX (Office Open XML SpreadsheetML) writer: sheets of text, money, counts, dates
/// and SUM-style formulas with cached values, bold frozen header rows and fitted column widths.
///
/// The parts are written by hand (`Workbook+Parts.swift`) and zipped in memory with
/// ZIPFoundation, every entry with a fixed date, so the same workbook is the same bytes.
public struct Workbook: Sendable {
    /// One cell. Text is neutralised against formula injection when written.
    public enum Cell: Sendable, Hashable {
        case empty
        case text(String, bold: Bool = false)
        /// An amount of money: a number with the workbook's currency format.
        case money(Int, bold: Bool = false)
        /// A count (days, sessions): a number with a thousands separator.
        case count(Int, bold: Bool = false)
        /// A real date cell (serial day number with a date format).
        case date(Day)
        /// A formula (no leading `=`) with its computed value cached for readers that do not calculate.
        case formula(String, cached: Int, money: Bool = true, bold: Bool = false)
    }

    /// One worksheet: an optional details block, a header row (bold, frozen) and data rows.
    public struct Sheet: Sendable, Hashable {
        public var name: String
        public var header: [String]
        public var rows: [[Cell]]
        /// Rows above the header (a form's details), followed by one blank row; the header then
        /// sits at row `details.count + 2` and everything above it stays frozen with it.
        public var details: [[Cell]]
        /// Data-validation rules of the sheet's cells.
        public var validations: [DataValidation]
        /// Column widths in characters; nil: fitted to the header and rows.
        public var columnWidths: [Int]?
        /// Hidden sheets hold lists that validations refer to; the first sheet cannot be hidden.
        public var hidden: Bool

        /// A sheet; the details, validations, widths and hidden state are optional.
        public init(
            name: String, header: [String], rows: [[Cell]], details: [[Cell]] = [], validations: [DataValidation] = [],
            columnWidths: [Int]? = nil, hidden: Bool = false
        ) {
            self.name = name; self.header = header; self.rows = rows; self.details = details
            self.validations = validations; self.columnWidths = columnWidths; self.hidden = hidden
        }

        /// The row number of the header: 1, or below the details and a blank row.
        public var headerRow: Int { details.isEmpty ? 1 : details.count + 2 }
    }

    public var title: String
    /// ISO 4217 code shown in the money format (letters only; anything else shows plain numbers).
    public var currency: String
    public var sheets: [Sheet]

    public init(title: String, currency: String, sheets: [Sheet]) {
        self.title = title; self.currency = currency; self.sheets = sheets
    }

    /// Excel's longest cell text.
    static let maxCellLength = 32_767
    /// Zip entries carry this date (1980-01-01, the start of the DOS calendar), so output is reproducible.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    /// The `.xlsx` file's bytes.
    ///
    /// Throws `RioError.data` if a sheet name is unusable and `.cannotWrite` if zipping fails.
    public func data() throws -> Data {
        try validateSheetNames()
        try validateValidations()
        let parts = self.parts()
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw RioError.cannotWrite(path: title, reason: "cannot create the workbook archive in memory: \(error)")
        }
        for (path, bytes) in parts {
            let payload = Data(bytes)
            do {
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(payload.count),
                    modificationDate: Workbook.entryDate, permissions: 0o644,
                    compressionMethod: .deflate
                ) { position, size in
                    let start = Int(position)
                    return payload.subdata(in: start..<min(start + size, payload.count))
                }
            } catch {
                throw RioError.cannotWrite(path: path, reason: "cannot add this part to the workbook: \(error)")
            }
        }
        guard let data = archive.data else {
            throw RioError.cannotWrite(path: title, reason: "the workbook archive came out empty")
        }
        return data
    }

    /// Sheet names: 1 to 31 characters, none of `[ ] : * ? / \`, unique ignoring case.
    func validateSheetNames() throws {
        if sheets.first?.hidden == true { throw RioError.data("the first sheet of a workbook cannot be hidden") }
        var seen = Set<String>()
        for s in sheets {
            let bad = s.name.contains { "[]:*?/\\".contains($0) }
            guard !s.name.isEmpty, s.name.count <= 31, !bad, seen.insert(s.name.lowercased()).inserted else {
                throw RioError.data("sheet name `\(s.name)` is not allowed in a workbook (1 to 31 characters, none of [ ] : * ? / \\, unique)")
            }
        }
    }

    /// `A`, `B`, …, `Z`, `AA`, … for a zero-based column index.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var out: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(out.reversed())
    }

    /// Excel's serial day number (days since 1899-12-30) of a date from 1900-03-01 on.
    static func serial(_ day: Day) -> Int { day.number + 25_569 }

    /// Column widths (in characters) that fit the widest content of each column, within 8 to 60.
    func widths(_ sheet: Sheet) -> [Int] {
        if let given = sheet.columnWidths { return given }
        let cols = max(sheet.header.count, sheet.rows.map(\.count).max() ?? 0)
        var w = [Int](repeating: 0, count: cols)
        for (i, h) in sheet.header.enumerated() { w[i] = Int((Double(h.count) * 1.15).rounded(.up)) }
        let moneyExtra = moneyFormatCode == "#,##0" ? 0 : currency.count + 1
        for row in sheet.rows {
            for (i, cell) in row.enumerated() {
                let len: Int
                switch cell {
                case .empty: len = 0
                case .text(let s, _): len = min(s.count + (SpreadsheetText.needsPrefix(s) ? 1 : 0), 200)
                case .money(let v, _): len = Money.text(v).count + moneyExtra
                case .count(let v, _): len = Money.text(v).count
                case .date: len = 10
                case .formula(_, let v, let money, _): len = Money.text(v).count + (money ? moneyExtra : 0)
                }
                if len > w[i] { w[i] = len }
            }
        }
        return w.map { min(60, max(8, $0 + 2)) }
    }

    /// The number format of money cells, e.g. `#,##0 [$USD]`.
    var moneyFormatCode: String {
        let ok = !currency.isEmpty && currency.count <= 8 && currency.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
        return ok ? "#,##0 [$\(currency)]" : "#,##0"
    }
}
