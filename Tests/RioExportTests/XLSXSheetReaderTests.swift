import Foundation
import RioModel
import Testing

@testable import RioExport

/// Runs the real readers and writers the sheet tests compare against (python3 with openpyxl,
/// LibreOffice), and finds the scripts under `Tests/readers/`.
enum SheetTools {
    /// The package root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let readers = root.appendingPathComponent("Tests/readers")
    static let fixtures = root.appendingPathComponent("Tests/Fixtures/sheets")

    /// A new empty temporary folder.
    static func tempDir(_ name: String) throws -> URL {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }

    /// Runs `exe args` through `/usr/bin/env`; returns exit status and the output (stdout then stderr).
    static func run(_ exe: String, _ args: [String], cwd: URL? = nil) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [exe] + args
        if let cwd { p.currentDirectoryURL = cwd }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("sheet-tool-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        p.standardOutput = handle
        p.standardError = handle
        try p.run()
        p.waitUntilExit()
        try handle.close()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: log)
        return (p.terminationStatus, output)
    }

    /// Runs `Tests/readers/script args` with python3.
    static func python(_ script: String, _ args: [String]) throws -> (status: Int32, output: String) {
        try run("python3", [readers.appendingPathComponent(script).path] + args)
    }

    /// Converts `file` with headless LibreOffice (its own profile, so parallel runs do not clash)
    /// into `outdir`; `filter` is `--convert-to`'s argument.
    static func soffice(_ file: URL, to filter: String, outdir: URL, infilter: String? = nil) throws -> (status: Int32, output: String) {
        let profile = try tempDir("rioplan-lo-profile")
        var args = ["-env:UserInstallation=file://\(profile.path)", "--headless"]
        if let infilter { args += ["--infilter=\(infilter)"] }
        args += ["--convert-to", filter, "--outdir", outdir.path, file.path]
        return try run("soffice", args)
    }

    /// The workbooks of `make_sheets.py`, made once per test run.
    static let made: Result<URL, Error> = Result(catching: {
        let dir = try tempDir("rioplan-sheets")
        let r = try python("make_sheets.py", [dir.path])
        guard r.status == 0 else { throw ToolFailed(output: r.output) }
        return dir
    })

    /// The bytes of one workbook made by `make_sheets.py`.
    static func madeFile(_ name: String) throws -> Data {
        try Data(contentsOf: made.get().appendingPathComponent(name))
    }

    /// A tool that exited with an error.
    struct ToolFailed: Error, CustomStringConvertible {
        var output: String
        var description: String { "tool failed: \(output)" }
    }
}

/// The texts of a sheet's rows, for comparing values whatever their type.
func texts(_ sheet: Sheet) -> [[String]] { sheet.rows.map { $0.map(\.value.text) } }

/// The single diagnostic of an `invalidInput` error, as printed.
func diagnostic(of body: () throws -> Sheet) -> String {
    do {
        _ = try body()
        return "no error"
    } catch let error as RioError {
        guard case .invalidInput(let ds) = error else { return "not invalidInput: \(error)" }
        return ds.map(\.description).joined(separator: "\n")
    } catch {
        return "unexpected \(error)"
    }
}

@Suite("XLSXSheetReader: workbooks of openpyxl, LibreOffice and hand-made parts read back exactly")
struct XLSXSheetReaderTests {
    typealias V = Sheet.Value

    func day(_ iso: String) -> V { .date(Day(iso: iso) ?? Day(number: .min)) }

    @Test(arguments: ["openpyxl.xlsx", "shared.xlsx"])
    func openpyxlValuesTypesDatesAndGaps(_ name: String) throws {
        let sheet = try XLSXSheetReader.read(data: SheetTools.madeFile(name), file: "op.xlsx")
        #expect(sheet.name == "People")
        let values = sheet.rows.map { $0.map(\.value) }
        let want: [[V]] = [
            [.text("participant"), .text("country"), .text("score"), .text("joined"), .text("ok")],
            [.text("Amina Diallo"), .text("SEN"), .number(85), day("2027-03-01"), .bool(true)],
            [.text("Côte & <Ivoire>"), .text("CIV"), .number(72.5), day("2027-03-02"), .bool(false)],
            [],
            [.text("  spaced  "), .empty, .empty, day("1900-02-28"), .number(0)],
            [.text("Bold and plain"), .number(0.5), .number(1.5), day("2027-12-31"), .text("line one\nline two")],
        ]
        #expect(values == want)
        for (r, row) in sheet.rows.enumerated() {
            for (c, cell) in row.enumerated() { #expect(cell.row == r + 1 && cell.column == c + 1, "\(cell)") }
        }
    }

    @Test func namedSecondSheetKeepsItsGaps() throws {
        let data = try SheetTools.madeFile("openpyxl.xlsx")
        let sheet = try XLSXSheetReader.read(data: data, file: "op.xlsx", sheet: "second")
        #expect(sheet.name == "Second")
        #expect(sheet.rows.map { $0.map(\.value) } == [[], [.empty, .text("only cell")], [.empty, .empty, .number(-3)]])
        #expect(sheet.rows[2][2].row == 3 && sheet.rows[2][2].column == 3)
        #expect(try XLSXSheetReader.sheetNames(data: data, file: "op.xlsx") == ["People", "Second"])
    }

    @Test func unknownSheetNameListsTheSheets() throws {
        let data = try SheetTools.madeFile("openpyxl.xlsx")
        let message = diagnostic { try XLSXSheetReader.read(data: data, file: "op.xlsx", sheet: "Attendance") }
        #expect(message == "op.xlsx:1:1: the workbook has no sheet named `Attendance`; name one of its sheets: `People`, `Second`")
    }

    @Test func handMadePartsAsOtherWritersWriteThem() throws {
        let sheet = try XLSXSheetReader.read(data: SheetTools.madeFile("handmade.xlsx"), file: "h.xlsx")
        #expect(sheet.name == "Data & more")
        let base = try #require(Day(iso: "1904-01-01"))
        let want: [[V]] = [
            [.text("name"), .text("東京"), .text("Run two")],
            [.text("Inline "), .text("Inline x"), .text("#N/A"), .date(base.adding(days: 45_000)), .date(base)],
            [.text("a\rb_x0041_"), .text("<raw & cdata>"), .text("☺A\"'"), .bool(true)],
            [.empty, .number(1000), .empty, .text("   ")],
            [],
            [.empty, .empty, .text("after a gap")],
        ]
        #expect(sheet.rows.map { $0.map(\.value) } == want)
        let hidden = try XLSXSheetReader.read(data: SheetTools.madeFile("handmade.xlsx"), file: "h.xlsx", sheet: "Notes")
        #expect(texts(hidden) == [["hidden"]])
    }

    @Test func dateFormatCodes() {
        for code in ["yyyy-mm-dd", "d mmm yyyy", "[$-409]d\\-mmm\\-yy;@", "mm/dd/yy h:mm", "mmm", "dd/mm/yyyy", "[Red]d/m/y"] {
            #expect(XLSXStyles.isDateFormat(code), "\(code)")
        }
        for code in ["General", "0.00", "h:mm", "[h]:mm:ss", "mm:ss", "#,##0 [$USD]", "\"day\" 0", "0.0%", "h:mm:ss AM/PM", "[mm]:ss"] {
            #expect(!XLSXStyles.isDateFormat(code), "\(code)")
        }
    }

    @Test func serialDaysIn1900And1904() {
        #expect(XLSXDates.value(serial: 1, date1904: false) == day("1900-01-01"))
        #expect(XLSXDates.value(serial: 59, date1904: false) == day("1900-02-28"))
        #expect(XLSXDates.value(serial: 60, date1904: false) == .text("1900-02-29"))
        #expect(XLSXDates.value(serial: 61, date1904: false) == day("1900-03-01"))
        #expect(XLSXDates.value(serial: 46_447.75, date1904: false) == day("2027-03-01"))
        #expect(XLSXDates.value(serial: 0, date1904: true) == day("1904-01-01"))
        #expect(XLSXDates.value(serial: 0.25, date1904: false) == .number(0.25))
        #expect(XLSXDates.value(serial: -1, date1904: false) == .number(-1))
    }

    @Test func libreOfficeSavedFromCSVImportsTheSameValues() throws {
        let dir = try SheetTools.tempDir("rioplan-lo-sheet")
        let csv = dir.appendingPathComponent("attendance.csv")
        try FileManager.default.copyItem(at: SheetTools.fixtures.appendingPathComponent("attendance.csv"), to: csv)
        let r = try SheetTools.soffice(csv, to: "xlsx", outdir: dir, infilter: "CSV:44,34,76,1")
        let xlsx = dir.appendingPathComponent("attendance.xlsx")
        #expect(r.status == 0 && FileManager.default.fileExists(atPath: xlsx.path), "\(r.output)")
        let fromCSV = try CSVSheetReader.read(data: Data(contentsOf: csv), file: "attendance.csv")
        let fromXLSX = try XLSXSheetReader.read(data: Data(contentsOf: xlsx), file: "attendance.xlsx")
        func trimmed(_ rows: [[String]]) -> [[String]] {
            rows.map { row in Array(row.reversed().drop { $0.isEmpty }.reversed()) }
        }
        #expect(fromXLSX.rows.count == fromCSV.rows.count)
        #expect(trimmed(texts(fromXLSX)) == trimmed(texts(fromCSV)))
        #expect(fromXLSX.rows[1][6].value == .number(40), "LibreOffice stores scores as numbers")
    }
}

@Suite("XLSXSheetReader refuses hostile and wrong files with a located error")
struct XLSXSheetReaderRefusalTests {
    func refusal(_ name: String) throws -> String {
        let data = try SheetTools.madeFile(name)
        return diagnostic { try XLSXSheetReader.read(data: data, file: name) }
    }

    @Test func notAZip() throws {
        let message = try refusal("not-a-zip.xlsx")
        #expect(
            message == "not-a-zip.xlsx:1:1: this is not an .xlsx workbook (an .xlsx file is a zip archive); save it as .xlsx, or as CSV UTF-8 and use the .csv file"
        )
    }

    @Test func oldXLSOrEncrypted() throws {
        let message = try refusal("old.xls")
        #expect(
            message
                == "old.xls:1:1: this is an Excel 97-2003 workbook (.xls) or a password-protected workbook, not an .xlsx file; "
                + "open it, remove any password, and save it as .xlsx (Excel Workbook)")
    }

    @Test func truncatedZip() throws {
        let message = try refusal("truncated.xlsx")
        #expect(message.hasPrefix("truncated.xlsx:1:1: the file is a damaged or truncated zip"))
    }

    @Test func everyTruncationIsRefusedWithoutACrash() throws {
        let data = try SheetTools.madeFile("openpyxl.xlsx")
        for cut in stride(from: 0, to: data.count, by: 97) {
            let message = diagnostic { try XLSXSheetReader.read(data: data.prefix(cut), file: "cut.xlsx") }
            #expect(message.hasPrefix("cut.xlsx:"), "cut at \(cut): \(message)")
        }
    }

    @Test func hugeEntryIsAZipBomb() throws {
        let message = try refusal("huge-entry.xlsx")
        #expect(message.contains(":1:1: the part xl/worksheets/data.xml unpacks to more than 200 MB"))
    }

    @Test func entryThatLiesAboutItsSize() throws {
        let message = try refusal("lying-entry.xlsx")
        #expect(message.contains(":1:1: the part xl/worksheets/data.xml unpacks to more than 200 MB"))
    }

    @Test func tooManyEntries() throws {
        let message = try refusal("many-entries.xlsx")
        #expect(
            message == "many-entries.xlsx:1:1: the zip holds 10001 entries, more than a workbook has; save it again as .xlsx")
    }

    @Test func missingSharedStringsIsLocatedAtTheFirstCellNeedingThem() throws {
        let message = try refusal("no-shared-strings.xlsx")
        #expect(
            message
                == "no-shared-strings.xlsx:1:2: this cell refers to the workbook's shared strings, but the part xl/strings.xml is missing; "
                + "save the workbook again as .xlsx")
    }

    @Test func malformedXMLNamesThePart() throws {
        let message = try refusal("bad-xml.xlsx")
        #expect(
            message == "bad-xml.xlsx:1:1: the part xl/worksheets/data.xml is not well-formed XML: the unknown entity &unknown; (line 1); save the workbook again as .xlsx"
        )
    }

    @Test func deflateStreamThatNeverEndsStops() throws {
        let message = try refusal("endless-deflate.xlsx")
        #expect(
            message
                == "endless-deflate.xlsx:1:1: the part xl/worksheets/data.xml is damaged (its compressed data is cut short); "
                + "save the workbook again as .xlsx")
    }

    @Test func encryptedEntry() throws {
        let message = try refusal("encrypted-entry.xlsx")
        #expect(
            message
                == "encrypted-entry.xlsx:1:1: the part xl/worksheets/data.xml is encrypted; remove the password and save the workbook again as .xlsx")
    }

    @Test func uncompressedEntriesAreRead() throws {
        let stored = try XLSXSheetReader.read(data: SheetTools.madeFile("stored.xlsx"), file: "s.xlsx")
        let deflated = try XLSXSheetReader.read(data: SheetTools.madeFile("handmade.xlsx"), file: "s.xlsx")
        #expect(stored.rows == deflated.rows && stored.rows.count == 6)
    }

    /// Random byte changes to a good workbook: each read gives a sheet or a located error, never a
    /// crash, a hang or another error.
    @Test func mutatedWorkbooksNeverCrash() throws {
        let good = [UInt8](try SheetTools.madeFile("shared.xlsx"))
        let seed: UInt64 = 20_271_201
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var refused = 0
        for round in 0..<400 {
            var bytes = good
            // Half the rounds change the central directory and end record (the last 1,000 bytes).
            let from = round % 2 == 0 ? 0 : bytes.count - 1000
            for _ in 0..<(1 + Int(next() % 8)) {
                bytes[from + Int(next() % UInt64(bytes.count - from))] = UInt8(truncatingIfNeeded: next())
            }
            do {
                _ = try XLSXSheetReader.read(data: Data(bytes), file: "m.xlsx")
            } catch RioError.invalidInput(let ds) {
                refused += 1
                #expect(ds.allSatisfy { $0.location.file == "m.xlsx" }, "seed \(seed) round \(round)")
            } catch {
                Issue.record("seed \(seed) round \(round): \(error)")
            }
        }
        #expect(refused > 100, "seed \(seed): only \(refused) of 400 mutations refused")
    }

    @Test func documentTypeDeclarationsAreRefused() {
        #expect(throws: XMLReader.Failure.self) {
            try XMLReader.parse(Array("<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>".utf8)) { _ in }
        }
    }
}
