import Foundation
import RioModel

/// Reads one worksheet of an `.xlsx` workbook into a `Sheet`: workbooks written by Excel,
/// LibreOffice, openpyxl and RioPlan itself.
///
/// The package's relationships lead from `_rels/.rels` to the workbook part and from its
/// `_rels` to the sheets, shared strings and styles, wherever a writer put them. Cells keep the
/// row and column of their reference (`C7`), so gaps stay gaps; the rows of the `Sheet` are
/// padded so that `rows[r - 1][c - 1]` is the cell at row `r`, column `c` (trailing empty cells
/// and rows left out). Shared strings (rich-text runs joined, phonetic runs left out), inline
/// strings and formula results (`t="str"`) are text; numbers are numbers unless their style is
/// a date format, then `.date` (1900 or 1904 date system, Excel's phantom 1900-02-29 as the
/// text `1900-02-29`); booleans are booleans; error values (`#N/A`) are their text.
public enum XLSXSheetReader {
    /// At most this many cells (counting the gaps up to the last used cell of each row).
    public static let maxCells = 4_000_000

    /// Reads the sheet named `sheet` (matched exactly, else ignoring case), or the first visible
    /// worksheet, from `data`, the workbook shown as `file`.
    ///
    /// Throws `RioError.invalidInput` with a located diagnostic (exit 65) for anything that is
    /// not a readable workbook: not a zip, an `.xls` or encrypted file, a zip bomb, a missing or
    /// malformed part, an unknown sheet name (the message lists the sheets).
    public static func read(data: Data, file: String, sheet: String? = nil) throws -> Sheet {
        let package = try XLSXPackage(data: data, file: file)
        let book = try XLSXWorkbook(package: package)
        let chosen = try book.sheet(named: sheet)
        guard let xml = try package.part(chosen.path) else {
            throw XLSXPackage.error(
                file, "the workbook lists sheet `\(chosen.name)` but has no part \(chosen.path)", hint: "save the workbook again as .xlsx")
        }
        var cells = XLSXCellReader(book: book, file: file, sheetPath: chosen.path)
        let rows = try cells.rows(of: xml)
        return Sheet(file: file, name: chosen.name, rows: rows)
    }

    /// The names of the worksheets in `data`, in tab order (for `--sheet` help and messages).
    public static func sheetNames(data: Data, file: String) throws -> [String] {
        let package = try XLSXPackage(data: data, file: file)
        return try XLSXWorkbook(package: package).sheets.map(\.name)
    }
}
