import Foundation
import Testing

/// The workbook side of the records, end to end through the binary: the sign-in template as
/// `record template` writes it, a sign-in sheet saved by LibreOffice as XLSX imported, and the
/// report's monitoring section once records exist.
@Suite struct RecordWorkbookTests {
    typealias Scratch = RecordCommandTests.Scratch

    @Test func theTemplateIsAValidWorkbookWithTheSessionAndTheHeaders() throws {
        let s = try Scratch()
        let out = s.dir.appendingPathComponent("signin.xlsx").path
        let r = try s.run(["record", "template", "tiny/d1", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let read = try Rioplan.tool(
            "python3",
            [
                "-c",
                "import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); ws=wb.worksheets[0]; print(ws['B1'].value); print([c.value for c in ws[9]][:9]); print(len(ws.data_validations.dataValidation) >= 5)",
                out,
            ])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout == "tiny/d1\n['Participant', 'Country', 'Sex', 'Organisation', 'FocalPoint', 'Completed', 'Pre', 'Post', 'Reaction']\nTrue\n")
    }

    @Test func aSheetSavedByLibreOfficeImports() throws {
        let s = try Scratch()
        let csv = s.dir.appendingPathComponent("d1.csv")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: s.fixture("d1.csv")), to: csv)
        // As a person does it: open the CSV in LibreOffice as UTF-8 text (filter options 44,34,76:
        // comma, double quote, UTF-8) and save it as a workbook.
        let convert = try Rioplan.tool(
            "soffice", ["--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", s.dir.path, csv.path], cwd: s.dir)
        #expect(convert.status == 0, "\(convert.stderr)")
        let xlsx = s.dir.appendingPathComponent("d1.xlsx").path
        #expect(FileManager.default.fileExists(atPath: xlsx))
        let fromXLSX = try s.run(["record", "attendance", "tiny/d1", xlsx])
        #expect(fromXLSX.status == 0, "\(fromXLSX.stderr)")
        // The same rows as CSV are then already recorded: nothing new.
        let again = try s.run(["record", "attendance", "tiny/d1", csv.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(fromXLSX.stdout == "recorded 4 attendance rows for tiny/d1\n")
        #expect(again.stdout == "recorded 0 attendance rows for tiny/d1 (4 already recorded, left as they were)\n")
    }

    @Test func theReportGainsItsMonitoringSectionOnceRecordsExist() throws {
        let s = try Scratch()
        let before = s.dir.appendingPathComponent("before.html").path
        #expect(try s.run(["report", "tiny.plan.json", "--out", before]).status == 0)
        try s.recordAll()
        let after = s.dir.appendingPathComponent("after.html").path
        let r = try s.run(["report", "tiny.plan.json", "--out", after])
        #expect(r.status == 0, "\(r.stderr)")
        let a = try String(contentsOfFile: before, encoding: .utf8), b = try String(contentsOfFile: after, encoding: .utf8)
        #expect(!a.contains("id=\"monitoring-regions\"") && b.contains("id=\"monitoring-regions\""))
        for name in RecordCommandTests.names { #expect(!b.contains(name), "\(name) in the report") }
    }

    @Test func nationalReportsCarryFiguresAndNoNames() throws {
        let s = try Scratch()
        try s.recordAll()
        let md = s.dir.appendingPathComponent("ken.md").path, xlsx = s.dir.appendingPathComponent("ken.xlsx").path
        let a = try s.run(["national-report", "KEN", "--out", md])
        let b = try s.run(["national-report", "ken", "--plan", "tiny", "--out", xlsx])
        #expect(a.status == 0 && b.status == 0, "\(a.stderr) \(b.stderr)")
        let text = try String(contentsOfFile: md, encoding: .utf8)
        #expect(text.contains("UNFCCC") && text.contains("CBD") && text.contains("UNCCD"))
        let parts = try Rioplan.tool(
            "python3", ["-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print('\\n'.join(z.read(n).decode() for n in z.namelist()))", xlsx])
        #expect(parts.status == 0 && parts.stdout.contains("Kenya"))
        for name in RecordCommandTests.names {
            #expect(!text.contains(name) && !parts.stdout.contains(name), "\(name) in a national report")
        }
        let unknown = try s.run(["national-report", "KEY", "--out", md])
        #expect(unknown.status == 64 && unknown.stderr.contains("did you mean `KEN`?"), "\(unknown.stderr)")
    }
}
