import Foundation
import RioModel

/// The zip container of a workbook, read in memory with limits against hostile files.
///
/// The central directory is read here (ZIP64 included) with every offset and size checked
/// against the file, and entries are inflated with ZIPFoundation's `Data.decompress` from a
/// provider that never reads past an entry's compressed bytes (so a truncated or crafted
/// deflate stream ends in an error, never in a loop or a read out of bounds). Refuses what is
/// not a zip (saying what it is when that can be told: an `.xls` or an encrypted workbook, both
/// OLE compound files), encrypted entries, more than `maxEntries` entries, and parts whose
/// declared or actual size would take the total read past `maxTotalBytes` (a zip bomb). Parts
/// are looked up by name ignoring case, as Open Packaging names are.
final class XLSXPackage {
    /// At most this many entries in the zip.
    static let maxEntries = 10_000
    /// At most this many bytes uncompressed, over all the parts read (200 MB).
    static let maxTotalBytes = 200 * 1024 * 1024

    private let bytes: [UInt8]
    private let entries: [String: XLSXZipEntry]
    private var bytesRead = 0
    let file: String

    /// Opens `data`, the workbook shown as `file`.
    init(data: Data, file: String) throws {
        self.file = file
        if let refusal = XLSXPackage.refusal(of: data) { throw XLSXPackage.error(file, refusal.0, hint: refusal.1) }
        bytes = [UInt8](data)
        let list: [XLSXZipEntry]
        do {
            list = try XLSXZipEntry.directory(of: bytes, maxEntries: XLSXPackage.maxEntries)
        } catch let problem as XLSXZipEntry.Problem {
            throw XLSXPackage.error(file, problem.message, hint: problem.hint)
        }
        var found: [String: XLSXZipEntry] = [:]
        for entry in list where !entry.name.hasSuffix("/") { found[entry.name.lowercased()] = entry }
        entries = found
    }

    /// Whether the package has a part at `path`.
    func has(_ path: String) -> Bool { entries[path.lowercased()] != nil }

    /// The bytes of the part at `path`, or nil when there is none.
    ///
    /// Throws when the part is encrypted or damaged, or would take the total past `maxTotalBytes`.
    func part(_ path: String) throws -> [UInt8]? {
        guard let entry = entries[path.lowercased()] else { return nil }
        let budget = XLSXPackage.maxTotalBytes - bytesRead
        guard entry.uncompressedSize <= UInt64(budget) else { throw tooLarge(path) }
        let out: [UInt8]
        do {
            out = try entry.contents(in: bytes, budget: budget)
        } catch XLSXZipEntry.Failure.overflow {
            throw tooLarge(path)
        } catch XLSXZipEntry.Failure.encrypted {
            throw XLSXPackage.error(file, "the part \(path) is encrypted", hint: "remove the password and save the workbook again as .xlsx")
        } catch {
            throw XLSXPackage.error(file, "the part \(path) is damaged (\(error))", hint: "save the workbook again as .xlsx")
        }
        bytesRead += out.count
        return out
    }

    /// The error for a part that unpacks past the budget.
    private func tooLarge(_ path: String) -> RioError {
        XLSXPackage.error(
            file, "the part \(path) unpacks to more than 200 MB (a zip bomb, or far more than a sign-in sheet)",
            hint: "save only the sheet you need as .xlsx, or as CSV UTF-8")
    }

    /// A located error for the workbook as a whole (`file:1:1`).
    static func error(_ file: String, _ message: String, hint: String) -> RioError {
        .invalidInput([Diagnostic(SourceLocation(file: file, line: 1, column: 1), message, hint: hint)])
    }

    /// What a file that is not a zip is, judged by its first bytes.
    static func refusal(of data: Data) -> (String, String)? {
        let head = [UInt8](data.prefix(8))
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return nil }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return (
                "this is an Excel 97-2003 workbook (.xls) or a password-protected workbook, not an .xlsx file",
                "open it, remove any password, and save it as .xlsx (Excel Workbook)"
            )
        }
        if data.isEmpty { return ("the file is empty", "save the workbook again as .xlsx") }
        return ("this is not an .xlsx workbook (an .xlsx file is a zip archive)", "save it as .xlsx, or as CSV UTF-8 and use the .csv file")
    }
}
