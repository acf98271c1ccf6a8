import Foundation
import RioModel
import Testing

@Suite("CSVSheetReader: RFC 4180 as spreadsheets save it, problems as file:row:column")
struct CSVSheetReaderTests {
    func read(_ text: String, bom: Bool = false) throws -> Sheet {
        try CSVSheetReader.read(data: Data((bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)), file: "s.csv")
    }

    func texts(_ sheet: Sheet) -> [[String]] { sheet.rows.map { $0.map(\.value.text) } }

    /// The printed diagnostics of reading `bytes`, or "no error".
    func problems(_ bytes: [UInt8], file: String = "s.csv") -> String {
        do {
            _ = try CSVSheetReader.read(data: Data(bytes), file: file)
            return "no error"
        } catch let RioError.invalidInput(ds) {
            return ds.map(\.description).joined(separator: "\n")
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func bomIsNotPartOfTheFirstHeader() throws {
        let sheet = try read("participant,country\r\nA,KEN\r\n", bom: true)
        #expect(texts(sheet) == [["participant", "country"], ["A", "KEN"]])
        #expect(sheet.rows[0][0].value == .text("participant"))
        #expect(sheet.name == nil && sheet.file == "s.csv")
    }

    @Test func crlfLfAndCRLineEnds() throws {
        let want = [["a", "b"], ["1", "2"], ["3", "4"]]
        #expect(texts(try read("a,b\r\n1,2\r\n3,4\r\n")) == want)
        #expect(texts(try read("a,b\n1,2\n3,4")) == want)
        #expect(texts(try read("a,b\r1,2\r3,4\r")) == want)
    }

    @Test func quotedFieldsWithDoubledQuotesSeparatorsAndEmptyFields() throws {
        let sheet = try read("name,note,x\n\"Okafor, Chidi\",\"say \"\"hi\"\"\",\n\"\",plain\"quote,\"a\"b\n")
        #expect(texts(sheet) == [["name", "note", "x"], ["Okafor, Chidi", "say \"hi\"", ""], ["", "plain\"quote", "ab"]])
        #expect(sheet.rows[1][2].value == .empty)
        #expect(sheet.rows[2][0].value == .empty)
    }

    @Test func embeddedNewlinesKeepRowsAsSpreadsheetsCountThem() throws {
        let sheet = try read("participant,note\r\nA,\"line 1\r\nline 2\nline 3\"\r\nB,after\r\n")
        #expect(sheet.rows.count == 3)
        #expect(sheet.rows[1][1].value == .text("line 1\nline 2\nline 3"))
        #expect(sheet.rows[2][0].value == .text("B") && sheet.rows[2][0].row == 3 && sheet.rows[2][0].column == 1)
        #expect(sheet.rows[2][1].row == 3 && sheet.rows[2][1].column == 2)
    }

    @Test func semicolonsWhenTheHeaderHasNoComma() throws {
        #expect(texts(try read("participant;country;score\nA;KEN;\"4,5\"\n")) == [["participant", "country", "score"], ["A", "KEN", "4,5"]])
        #expect(texts(try read("\"a;b\",c\n1,2\n")) == [["a;b", "c"], ["1", "2"]])
        #expect(texts(try read("a;b,c\n")) == [["a;b", "c"]])
    }

    @Test func trailingEmptyLinesAreDroppedAndInnerOnesKept() throws {
        let sheet = try read("a,b\n\n1,2\n\n\n,\n")
        #expect(texts(sheet) == [["a", "b"], [], ["1", "2"]])
        #expect(sheet.rows[2][0].row == 3)
        #expect(try read("").rows.isEmpty)
        #expect(try read("", bom: true).rows.isEmpty)
    }

    @Test func fixtureSavedAsExcelWould() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/sheets/attendance.csv")
        let sheet = try CSVSheetReader.read(data: Data(contentsOf: url), file: "attendance.csv")
        #expect(sheet.rows.count == 5)
        #expect(sheet.rows[0].map(\.value.text).prefix(3) == ["participant", "country", "sex"])
        #expect(sheet.rows[2][0].value == .text("Okafor, Chidi") && sheet.rows[2].count == 9)
        #expect(sheet.rows[3][4].value == .text("CBD,UNFCCC"))
        #expect(sheet.rows[4][0].value == .text("Tevite \"Tevi\" Fifita"))
    }

    @Test func headerBelowLinesOfDetailsIsFound() throws {
        let sheet = try read("Session,jlg-2027/d-af-01\nModule,LDN\n\nParticipant,Country\nA,KEN\n")
        let table = sheet.startingAtHeader(containing: ["participant"])
        #expect(texts(table) == [["Participant", "Country"], ["A", "KEN"]])
        #expect(table.rows[1][1].row == 5 && table.rows[1][1].column == 2)
        let plain = try read("participant,country\nA,KEN\n")
        #expect(plain.startingAtHeader(containing: ["participant"]) == plain)
        #expect(sheet.startingAtHeader(containing: ["name"]) == sheet)
    }

    @Test func unterminatedQuoteIsLocatedAtItsField() {
        #expect(
            problems(Array("a,b\n1,\"open\n2,3\n".utf8))
                == "s.csv:2:2: a quoted field starts here and is never closed; end it with a closing \" (a quote inside a quoted field is written twice: \"\")"
        )
    }

    @Test func rowNumbersCountRecordsNotLines() {
        #expect(problems(Array("a,b\n\"x\ny\",1\nz,\"w".utf8)).hasPrefix("s.csv:3:2: a quoted field starts here and is never closed"))
    }

    @Test func notUTF8SaysSaveAsCSVUTF8() {
        let latin1: [UInt8] = Array("participant,country\nA,KEN\nJos".utf8) + [0xE9] + Array(",FRA\nRen".utf8) + [0xE9, 0x0A]
        #expect(
            problems(latin1)
                == "s.csv:3:1: this field is not UTF-8 text (the file is saved in another encoding, such as Windows-1252); save it as CSV UTF-8 (Excel: File > Save As > CSV UTF-8 (Comma delimited))"
        )
    }

    @Test func binaryFilesAreRefused() {
        #expect(problems([0x50, 0x4B, 0x03, 0x04, 0, 0]).hasPrefix("s.csv:1:1: this is a workbook or another zip file, not CSV text; "))
        #expect(problems([0xD0, 0xCF, 0x11, 0xE0, 0xA1]).hasPrefix("s.csv:1:1: this is an Excel 97-2003 (.xls)"))
        #expect(problems([0xFF, 0xFE, 0x61, 0x00]).hasSuffix("not UTF-8; save it as CSV UTF-8 (comma delimited)"))
        #expect(
            problems(Array("a,b\n1,x".utf8) + [0, 0x41])
                == "s.csv:2:2: the file holds a NUL byte: it is a binary file or UTF-16 text, not UTF-8 CSV; save it as CSV UTF-8")
    }

    @Test func filesOver50MBAreRefused() {
        let big = [UInt8](repeating: 0x41, count: CSVSheetReader.maxBytes + 1)
        #expect(problems(big) == "s.csv:1:1: the file is larger than 50 MB, the most a sheet may have; split it into smaller files, one per session")
    }
}
