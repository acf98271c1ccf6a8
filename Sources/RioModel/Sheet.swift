/// A table read from a CSV file or one sheet of a workbook: what the record importers read.
///
/// Rows and columns are 1-based as a spreadsheet shows them (row 1 is the header), so that a
/// problem is reported as `file:row:column`.
public struct Sheet: Sendable, Hashable {
    /// The file as shown to people.
    public var file: String
    /// The sheet's name in a workbook; nil for CSV.
    public var name: String?
    /// Every row, header first; trailing empty cells may be missing.
    public var rows: [[Cell]]

    public init(file: String, name: String? = nil, rows: [[Cell]]) { self.file = file; self.name = name; self.rows = rows }

    /// One cell: its value and where it is.
    public struct Cell: Sendable, Hashable {
        public var value: Value
        public var row: Int
        public var column: Int
        public init(_ value: Value, row: Int, column: Int) { self.value = value; self.row = row; self.column = column }
    }

    /// A cell's value as the file holds it (a workbook's dates are dates, its numbers numbers).
    public enum Value: Sendable, Hashable {
        case empty
        case text(String)
        case number(Double)
        case bool(Bool)
        case date(Day)

        /// The value as text, as a person would type it (`12`, not `12.0`; dates as ISO).
        public var text: String {
            switch self {
            case .empty: return ""
            case .text(let s): return s
            case .bool(let b): return b ? "TRUE" : "FALSE"
            case .date(let d): return d.iso
            case .number(let n):
                if n.rounded() == n, abs(n) < 1e15 { return String(Int(n)) }
                return String(n)
            }
        }

        public var isEmpty: Bool {
            if case .empty = self { return true }
            if case .text(let s) = self { return s.allSatisfy(\.isWhitespace) }
            return false
        }
    }

    /// The place of a cell as `file:row:column` (column as a number, as diagnostics print it).
    public func location(row: Int, column: Int) -> SourceLocation { SourceLocation(file: file, line: row, column: column) }
}
