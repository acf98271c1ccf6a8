import RioModel

/// Data validation: drop-down lists and number ranges on a column's cells, written as the
/// worksheet's `dataValidations` element (after `sheetData` and before `pageMargins`, the
/// schema's place).
extension Workbook {
    /// A rule on the cells of one column, rows `rows`.
    public struct DataValidation: Sendable, Hashable {
        /// What the cells may hold.
        public enum Rule: Sendable, Hashable {
            /// One of these values, listed in the rule itself (at most 255 characters joined with
            /// commas, none holding a comma or a quote: Excel's limit on inline lists).
            case list([String])
            /// One of the values in a range, such as `Lists!$A$2:$A$199` (for longer lists, kept
            /// on a hidden sheet).
            case listRange(String)
            /// A whole number in this range.
            case whole(ClosedRange<Int>)
        }

        /// 1-based column.
        public var column: Int
        /// 1-based rows.
        public var rows: ClosedRange<Int>
        public var rule: Rule
        /// Shown as the input prompt's and the error's title (at most 32 characters).
        public var title: String
        /// Shown when a cell is selected and when a value breaks the rule (at most 225 characters).
        public var message: String

        /// A rule on `column`, rows `rows`; `title` and `message` serve as prompt and error.
        public init(column: Int, rows: ClosedRange<Int>, rule: Rule, title: String, message: String) {
            self.column = column; self.rows = rows; self.rule = rule; self.title = title; self.message = message
        }

        /// `B10:B509`.
        var sqref: String {
            let c = Workbook.columnName(column - 1)
            return "\(c)\(rows.lowerBound):\(c)\(rows.upperBound)"
        }

        /// Why Excel would refuse this rule (it offers to repair the file), or nil.
        var problem: String? {
            if title.count > 32 { return "the title `\(title)` is longer than 32 characters" }
            if message.count > 225 { return "a validation message is longer than 225 characters (Excel's limit on error messages)" }
            if column < 1 || rows.lowerBound < 1 { return "a validation starts before row 1 or column A" }
            if case .list(let items) = rule {
                if items.contains(where: { $0.contains(",") || $0.contains("\"") }) { return "an inline list item holds a comma or a quote" }
                if items.joined(separator: ",").count > 255 { return "an inline list is longer than 255 characters; use .listRange" }
            }
            return nil
        }
    }

    /// Throws `RioError.data` for a validation Excel would not open without a repair.
    func validateValidations() throws {
        for s in sheets {
            for v in s.validations {
                if let problem = v.problem { throw RioError.data("sheet `\(s.name)`: \(problem)") }
            }
        }
    }

    /// `<dataValidations>` for `validations` (nothing when there are none).
    func writeValidations(_ validations: [DataValidation], into x: inout XMLBuffer) {
        guard !validations.isEmpty else { return }
        x.raw("<dataValidations count=\"\(validations.count)\">")
        for v in validations {
            let formulas: [String]
            switch v.rule {
            case .list(let items):
                x.raw("<dataValidation type=\"list\"")
                formulas = ["\"" + items.joined(separator: ",") + "\""]
            case .listRange(let range):
                x.raw("<dataValidation type=\"list\"")
                formulas = [range]
            case .whole(let range):
                x.raw("<dataValidation type=\"whole\" operator=\"between\"")
                formulas = [String(range.lowerBound), String(range.upperBound)]
            }
            x.raw(" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" errorTitle=\"")
            x.text(v.title); x.raw("\" error=\""); x.text(v.message); x.raw("\" promptTitle=\"")
            x.text(v.title); x.raw("\" prompt=\""); x.text(v.message); x.raw("\" sqref=\"\(v.sqref)\">")
            for (i, f) in formulas.enumerated() {
                x.raw("<formula\(i + 1)>"); x.text(f); x.raw("</formula\(i + 1)>")
            }
            x.raw("</dataValidation>")
        }
        x.raw("</dataValidations>")
    }
}
