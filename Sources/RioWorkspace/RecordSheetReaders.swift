import Foundation
import RioExport
import RioModel

/// Where the sheet readers plug into the record importers.
enum RecordSheetReaders {
    /// A CSV file's table (RFC 4180, UTF-8 with or without BOM).
    static func csv(data: Data, file: String) throws -> Sheet {
        try CSVSheetReader.read(data: data, file: file)
    }

    /// One sheet of an XLSX workbook (the first, or `sheet`).
    static func xlsx(data: Data, file: String, sheet: String?) throws -> Sheet {
        try XLSXSheetReader.read(data: data, file: file, sheet: sheet)
    }
}
