import Foundation
import RioModel
import ZIPFoundation

/// The zip container of a workbook, opened in memory with limits against hostile files.
///
/// Refuses what is not a zip (with what it is instead when that can be told: an `.xls` or an
/// encrypted workbook, both OLE compound files), more than `maxEntries` entries, and parts whose
/// declared or actual uncompressed size would take the total read past `maxTotalBytes` (a zip
/// bomb). Parts are looked up by name ignoring case, as Open Packaging names are.
final class XLSXPackage {
    /// At most this many entries in the zip.
    static let maxEntries = 10_000
    /// At most this many bytes uncompressed, over all the parts read (200 MB).
    static let maxTotalBytes = 200 * 1024 * 1024

    private let archive: Archive
    private let entries: [String: Entry]
    private var bytesRead = 0
    let file: String

    /// Opens `data`, the workbook shown as `file`.
    init(data: Data, file: String) throws {
        self.file = file
        if let refusal = XLSXPackage.refusal(of: data) { throw XLSXPackage.error(file, refusal.0, hint: refusal.1) }
        let declared = XLSXPackage.declaredEntryCount(data)
        if let declared, declared > XLSXPackage.maxEntries {
            throw XLSXPackage.error(file, "the zip holds \(declared) entries, more than a workbook has", hint: "save it again as .xlsx")
        }
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw XLSXPackage.error(file, "the file is a damaged or truncated zip, not a readable workbook", hint: "save it again as .xlsx")
        }
        var found: [String: Entry] = [:]
        var count = 0
        for entry in archive {
            count += 1
            if count > XLSXPackage.maxEntries { break }
            found[entry.path.lowercased()] = entry
        }
        if count > XLSXPackage.maxEntries {
            throw XLSXPackage.error(file, "the zip holds more entries than a workbook has", hint: "save it again as .xlsx")
        }
        if let declared, count < declared {
            throw XLSXPackage.error(
                file, "the zip has encrypted or unreadable entries (\(declared - count) of \(declared))",
                hint: "remove the password and save it again as .xlsx")
        }
        entries = found
    }

    /// Whether the package has a part at `path`.
    func has(_ path: String) -> Bool { entries[path.lowercased()] != nil }

    /// The bytes of the part at `path`, or nil when there is none.
    ///
    /// Throws when the part would take the total past `maxTotalBytes`, or is damaged.
    func part(_ path: String) throws -> [UInt8]? {
        guard let entry = entries[path.lowercased()], entry.type == .file else { return nil }
        let budget = XLSXPackage.maxTotalBytes - bytesRead
        guard entry.uncompressedSize <= UInt64(budget) else { throw tooLarge(path) }
        var out: [UInt8] = []
        out.reserveCapacity(Int(min(entry.uncompressedSize, 64 * 1024 * 1024)))
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry) { chunk in
                guard out.count + chunk.count <= budget else { throw XLSXPackage.Overflow() }
                out.append(contentsOf: chunk)
            }
        } catch is Overflow {
            throw tooLarge(path)
        } catch {
            throw XLSXPackage.error(file, "the part \(path) is damaged (\(error))", hint: "save the workbook again as .xlsx")
        }
        guard checksum == entry.checksum else {
            throw XLSXPackage.error(file, "the part \(path) is damaged (its checksum does not match)", hint: "save the workbook again as .xlsx")
        }
        bytesRead += out.count
        return out
    }

    /// Thrown from the extract consumer when a part grows past the budget.
    private struct Overflow: Error {}

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

    /// The entry count of the end-of-central-directory record, when it can be found (nil for
    /// ZIP64 archives and damaged ones; ZIPFoundation then decides).
    static func declaredEntryCount(_ data: Data) -> Int? {
        let bytes = [UInt8](data.suffix(65_557))
        guard bytes.count >= 22 else { return nil }
        var i = bytes.count - 22
        while i >= 0 {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x05, bytes[i + 3] == 0x06 {
                let n = Int(bytes[i + 10]) | Int(bytes[i + 11]) << 8
                return n == 0xFFFF ? nil : n
            }
            i -= 1
        }
        return nil
    }
}
