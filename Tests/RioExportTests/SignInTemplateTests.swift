import Foundation
import RioModel
import Testing

@testable import RioExport

@Suite("SignInTemplate: an empty sign-in sheet that openpyxl, LibreOffice and the readers open")
struct SignInTemplateTests {
    /// 198 codes, as the catalog has, so the list is far past the 255 characters of an inline list.
    static let codes: [String] = (0..<198).map { i in
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return String([letters[i / 26 % 26], letters[i % 26], "X"])
    }

    func template(venue: String? = "UN House") throws -> SignInTemplate {
        SignInTemplate(
            session: "jlg-2027/d-af-01", module: "Land degradation neutrality target setting", region: "africa",
            start: try #require(Day(iso: "2027-03-01")), end: try #require(Day(iso: "2027-03-05")), venue: venue, language: "fr",
            countries: Self.codes)
    }

    /// Writes the template into a new folder; returns the file.
    func write(_ t: SignInTemplate) throws -> URL {
        let dir = try SheetTools.tempDir("rioplan-signin")
        let file = dir.appendingPathComponent("signin.xlsx")
        try t.data().write(to: file)
        return file
    }

    @Test func openpyxlSeesDetailsHeaderFreezeAndValidations() throws {
        let r = try SheetTools.python("read_signin.py", [try write(template()).path])
        #expect(r.status == 0, "\(r.output)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.output.utf8)) as? [String: Any], "\(r.output)")
        #expect(json["sheets"] as? [[String]] == [["Sign-in", "visible"], ["Lists", "hidden"]])
        #expect(json["schemaOrder"] as? Bool == true)
        #expect(json["headerRow"] as? Int == SignInTemplate.headerRow && SignInTemplate.headerRow == 9)
        #expect(json["header"] as? [String] == SignInTemplate.columns)
        #expect(json["headerBold"] as? Bool == true)
        #expect(json["freeze"] as? String == "A10")
        #expect(
            json["details"] as? [[String]] == [
                ["Session", "jlg-2027/d-af-01"], ["Module", "Land degradation neutrality target setting"], ["Region", "africa"],
                ["Start", "2027-03-01"], ["End", "2027-03-05"], ["Venue", "UN House"], ["Language", "fr"],
            ])
        #expect(json["widths"] as? [Double] == [30, 12, 13, 18, 14, 12, 7, 7, 10])
        #expect(json["codes"] as? [String] == Self.codes)
        let rules = try #require(json["validations"] as? [[String: Any]])
        let summary = rules.map { v in
            [v["type"], v["formula1"], v["formula2"], v["sqref"]].map { ($0 as? String) ?? "-" }.joined(separator: " ")
        }
        #expect(
            summary == [
                "list Lists!$A$2:$A$199 - B10:B509",
                "list \"female,male,other,undisclosed\" - C10:C509",
                "list \"government,ngo,academia,iplc,private,youth,intergovernmental,other\" - D10:D509",
                "list \"yes,no\" - F10:F509",
                "whole 0 100 G10:G509",
                "whole 0 100 H10:H509",
                "whole 1 5 I10:I509",
            ])
        #expect(rules.allSatisfy { $0["showDropDown"] as? Bool == false && $0["showErrorMessage"] as? Bool == true })
    }

    @Test func libreOfficeConvertsItToCSVAndPDF() throws {
        let file = try write(template(venue: nil))
        let dir = file.deletingLastPathComponent()
        let csv = try SheetTools.soffice(file, to: "csv", outdir: dir)
        #expect(csv.status == 0, "\(csv.output)")
        let text = try String(contentsOf: dir.appendingPathComponent("signin.csv"), encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map { String($0.reversed().drop { $0 == "," }.reversed()) }
        #expect(lines.first == "Session,jlg-2027/d-af-01", "\(text)")
        #expect(lines.contains("Venue,Online") && lines.contains("Start,2027-03-01"), "\(text)")
        #expect(lines.contains(SignInTemplate.columns.joined(separator: ",")), "\(text)")
        let pdf = try SheetTools.soffice(file, to: "pdf", outdir: dir)
        #expect(pdf.status == 0, "\(pdf.output)")
        let bytes = try Data(contentsOf: dir.appendingPathComponent("signin.pdf"))
        #expect(bytes.starts(with: Array("%PDF".utf8)))
    }

    @Test func ownReaderReadsTheDetailsAndTheHeaderBack() throws {
        let sheet = try XLSXSheetReader.read(data: template().data(), file: "signin.xlsx")
        #expect(sheet.name == "Sign-in")
        #expect(sheet.rows.count == SignInTemplate.headerRow)
        let header = sheet.rows[SignInTemplate.headerRow - 1]
        #expect(header.map(\.value.text) == SignInTemplate.columns)
        #expect(header.allSatisfy { $0.row == 9 })
        #expect(sheet.rows[3][1].value == .date(try #require(Day(iso: "2027-03-01"))))
        #expect(sheet.rows[7].isEmpty)
        let table = sheet.startingAtHeader(containing: ["participant"])
        #expect(table.rows.first?.map(\.value.text) == SignInTemplate.columns && table.rows.first?.first?.row == 9)
        let lists = try XLSXSheetReader.read(data: template().data(), file: "signin.xlsx", sheet: "Lists")
        #expect(lists.rows.dropFirst().map { $0[0].value.text } == Self.codes)
    }

    @Test func sameTemplateSameBytesAndBadCodesRefused() throws {
        #expect(try template().data() == template().data())
        var bad = try template()
        bad.countries.append("Kenya")
        #expect(throws: RioError.self) { try bad.data() }
    }

    @Test func inlineListsPastExcelsLimitAreRefused() {
        let rule = Workbook.DataValidation(
            column: 1, rows: 2...3, rule: .list(SignInTemplateTests.codes), title: "Country", message: "a code")
        #expect(rule.problem?.contains("longer than 255 characters") == true)
    }
}
