import Foundation
import RioModel
import Testing

@testable import RioExport

@Suite("Spreadsheet text: formula injection and XML")
struct SpreadsheetTextTests {
    @Test(arguments: ["=SUM(A1)", "+1", "-2+3", "@cmd", "\tx", "\rx", "\nx"])
    func triggersGetAQuote(text: String) {
        #expect(SpreadsheetText.neutralised(text) == "'" + text)
    }

    @Test(arguments: ["Session", "pub-m/d-0001", "a=b", "", "'already", " =spaced"])
    func ordinaryTextIsUnchanged(text: String) {
        #expect(SpreadsheetText.neutralised(text) == text)
    }

    @Test func xmlEscapesAndDropsIllegalCharacters() {
        var x = XMLBuffer()
        x.text("a & b < c > \"d\" \u{01}\u{0B}\u{FFFE}e\tf\ng\r\n")
        #expect(String(decoding: x.bytes, as: UTF8.self) == "a &amp; b &lt; c &gt; &quot;d&quot; e&#9;f&#10;g&#13;&#10;")
    }

    @Test func columnNames() {
        #expect(Workbook.columnName(0) == "A")
        #expect(Workbook.columnName(25) == "Z")
        #expect(Workbook.columnName(26) == "AA")
        #expect(Workbook.columnName(701) == "ZZ")
        #expect(Workbook.columnName(702) == "AAA")
    }

    @Test func excelSerialDays() throws {
        let d = try #require(RioModelDay.make("2027-01-04"))
        #expect(Workbook.serial(d) == 46391)
        #expect(Workbook.serial(try #require(RioModelDay.make("1970-01-01"))) == 25569)
    }

    @Test func moneyText() {
        #expect(Money.text(0) == "0")
        #expect(Money.text(999) == "999")
        #expect(Money.text(1000) == "1,000")
        #expect(Money.text(-1234567) == "-1,234,567")
        #expect(Money.amount(41400, "USD") == "41,400 USD")
    }

    @Test func sheetNamesAreChecked() {
        let bad = Workbook(title: "t", currency: "USD", sheets: [Workbook.Sheet(name: "a/b", header: [], rows: [])])
        #expect(throws: (any Error).self) { try bad.data() }
        let dup = Workbook(
            title: "t", currency: "USD",
            sheets: [
                Workbook.Sheet(name: "Sheet", header: [], rows: []),
                Workbook.Sheet(name: "SHEET", header: [], rows: []),
            ])
        #expect(throws: (any Error).self) { try dup.data() }
    }

    @Test func moneyFormatNeedsALetterCode() {
        #expect(Workbook(title: "", currency: "EUR", sheets: []).moneyFormatCode == "#,##0 [$EUR]")
        #expect(Workbook(title: "", currency: "\"];x", sheets: []).moneyFormatCode == "#,##0")
    }
}
