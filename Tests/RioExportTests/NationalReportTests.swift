import Foundation
import RioModel
import Testing

@testable import RioExport

/// Runs the programs the export tests read files with (python3, soffice, chromium).
enum ExternalTool {
    /// The package root (three levels above this file).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let readers = root.appendingPathComponent("Tests/readers")

    /// Runs `exe args` through `/usr/bin/env`; stderr is read on another thread so a full pipe never blocks.
    static func run(_ exe: String, _ args: [String], cwd: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [exe] + args
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let box = ErrorOutput()
        let reader = Thread {
            box.data = err.fileHandleForReading.readDataToEndOfFile(); box.done.signal()
        }
        reader.start()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        box.done.wait()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: box.data, as: UTF8.self))
    }

    /// A new empty temporary folder.
    static func tempDir(_ name: String) throws -> URL {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }
}

/// The stderr of a child process, filled by a reader thread.
private final class ErrorOutput: @unchecked Sendable {
    var data = Data()
    let done = DispatchSemaphore(value: 0)
}

/// A small hand-written `CountryReceived` for Kenya: a delivered joint session with hostile text, a
/// delivered CBD session, a cancelled UNCCD-UNFCCC session, and three outcomes (one of a session
/// that is not among the activities). No participant name exists anywhere in it.
enum NationalReportFixture {
    /// The day of an ISO date written in the test (day 0 if mistyped, which then fails the figures).
    static func day(_ iso: String) -> Day { Day(iso: iso) ?? Day(number: 0) }

    /// `Country` has no public memberwise initialiser; it is Codable.
    static func kenya() throws -> Country {
        let json = #"{"code":"KEN","name":"Kenya","annex":"africa","ldc":false,"sids":false,"nonMember":false,"location":{"file":"countries.yaml","line":1,"column":1}}"#
        return try JSONDecoder().decode(Country.self, from: Data(json.utf8))
    }

    static let hostileDescription = "=1+2 and | pipes <b>bold</b>"

    /// The three activities and three outcomes.
    static func received() throws -> CountryReceived {
        let joint = CountryReceived.Activity(
            session: "jlg-2027/d-af-01", title: "Land restoration and climate finance", description: hostileDescription,
            conventions: ["UNCCD", "CBD", "UNFCCC"], themes: ["land", "finance"], region: "africa", location: "UNON, Nairobi",
            start: day("2027-03-01"), end: day("2027-03-03"), status: .delivered, implementers: ["UNCCD secretariat", "UNFCCC secretariat"],
            participants: 10, women: 6, disclosed: 8, youth: 2, iplc: 1, completed: 9, focalPoints: ["UNFCCC": 1, "CBD": 1])
        let cbd = CountryReceived.Activity(
            session: "jlg-2027/d-af-02", title: "Biodiversity data for national reports", description: "Two online days on indicator data.",
            conventions: ["CBD"], themes: ["data"], region: "africa", location: "Online",
            start: day("2027-05-10"), end: day("2027-05-11"), status: .delivered, implementers: ["CBD secretariat"],
            participants: 5, women: 1, disclosed: 5, youth: 0, iplc: 3, completed: 5, focalPoints: [:])
        let cancelled = CountryReceived.Activity(
            session: "jlg-2027/d-af-03", title: "Drought early warning", description: "Cancelled for lack of a venue.",
            conventions: ["UNCCD", "UNFCCC"], themes: ["drought"], region: "africa", location: "Online",
            start: day("2027-06-07"), end: day("2027-06-08"), status: .cancelled, implementers: ["UNCCD secretariat"],
            participants: 0, women: 0, disclosed: 0, youth: 0, iplc: 0, completed: 0, focalPoints: [:])
        let outcomes = [
            OutcomeRecord(
                country: "KEN", sessions: ["jlg-2027/d-af-01"], kind: .policy, description: "National restoration strategy adopted",
                date: day("2027-09-01"), evidence: "https://example.org/strategy"),
            OutcomeRecord(
                country: "KEN", sessions: ["jlg-2027/d-af-02"], kind: .reporting, description: "Seventh national report used the new data",
                date: day("2027-11-15")),
            OutcomeRecord(country: "KEN", sessions: ["other/s9"], kind: .other, description: "@SUM(1+1) unrelated", date: day("2027-12-01")),
        ]
        return CountryReceived(country: try kenya(), activities: [joint, cbd, cancelled], outcomes: outcomes)
    }

    /// The report of `received()` for plan `jlg-2027`, without a catalog (ids shown).
    static func report() throws -> NationalReport {
        NationalReport(received: try received(), catalog: nil, currency: "USD", plans: ["jlg-2027"])
    }
}

@Suite("National reports: UNFCCC CTF III.11, CBD Target 20, UNCCD PRAIS 4 SO5")
struct NationalReportTests {
    @Test func headersAreExactlyEachReportsColumns() throws {
        let r = try NationalReportFixture.report()
        let byName = Dictionary(uniqueKeysWithValues: r.layouts.map { ($0.sheetName, $0.header) })
        #expect(r.layouts.map(\.sheetName) == ["UNFCCC CTF III.11", "CBD Target 20", "UNCCD SO5"])
        #expect(
            byName["UNFCCC CTF III.11"] == [
                "Activity No.", "Name of Activity", "Activity description", "Sector", "Subsector", "Type of support", "Recipient entity",
                "National implementing entity", "International implementing entity", "Status of activity", "Start year", "End year",
                "Additional information",
            ])
        #expect(
            byName["CBD Target 20"] == [
                "Activity No.", "Activity", "Themes", "Start", "End", "Status", "Participants", "Sex disclosed", "Women",
                "Women (% of disclosed)", "Indigenous peoples and local communities", "Youth", "Completed",
            ])
        #expect(
            byName["UNCCD SO5"] == [
                "Activity No.", "Year", "Recipient/beneficiary", "Channel", "Title of project, initiative or activity, or other", "Theme",
                "Start", "End", "Status", "Capacity building", "Participants", "Women", "Women (%)", "Youth", "Youth (%)",
                "Indigenous people and local community members", "Indigenous people and local community members (%)",
            ])
        #expect(r.coverSheet().header == ["Item", "Value"])
    }

    @Test func percentagesAreRoundedInIntegers() {
        #expect(NationalReport.percent(7, of: 13) == "53.8%")
        #expect(NationalReport.percent(6, of: 8) == "75.0%")
        #expect(NationalReport.percent(2, of: 3) == "66.7%")
        #expect(NationalReport.percent(1, of: 8) == "12.5%")
        #expect(NationalReport.percent(0, of: 5) == "0.0%")
        #expect(NationalReport.percent(3, of: 0) == "n/a")
    }

    @Test func unfcccListsDeliveredActivitiesOnly() throws {
        let rows = try NationalReportFixture.report().unfcccLayout().rows
        #expect(rows.count == 1, "the cancelled session is no support received")
        let row = try #require(rows.first)
        #expect(row[0] == .text("jlg-2027/d-af-01") && row[1] == .text("Land restoration and climate finance"))
        #expect(row[3] == .text("Cross-cutting") && row[4] == .text("land; finance") && row[5] == .text("Cross-cutting"))
        #expect(row[6] == .text("Kenya") && row[7] == .empty && row[8] == .text("UNCCD secretariat; UNFCCC secretariat"))
        #expect(row[9] == .text("Completed") && row[10] == .text("2027") && row[11] == .text("2027"))
        #expect(
            row[12]
                == .text(
                    "Region: africa; UNON, Nairobi; 2027-03-01 to 2027-03-03. 10 participants from Kenya: 6 women of 8 who disclosed their sex (75.0%), 2 youth, 1 from Indigenous peoples and local communities. UNFCCC national focal points: 1. Outcomes: Policy, 2027-09-01: National restoration strategy adopted (evidence: https://example.org/strategy)"
                ))
    }

    @Test func cbdFiguresAreHandComputed() throws {
        let layout = try NationalReportFixture.report().cbdLayout()
        #expect(layout.rows.count == 3)
        // Two activities: 10 + 5 participants, 8 + 5 disclosed, 6 + 1 women (7 / 13 = 53.8%), 1 + 3 IPLC, 2 + 0 youth, 9 + 5 completed.
        #expect(
            layout.rows[2] == [
                .text("Total", bold: true), .empty, .empty, .empty, .empty, .text("2 activities", bold: true), .count(15, bold: true),
                .count(13, bold: true), .count(7, bold: true), .text("53.8%", bold: true), .count(4, bold: true), .count(2, bold: true),
                .count(14, bold: true),
            ])
        #expect(layout.rows[1][9] == .text("20.0%"))
        #expect(
            layout.notes.map(\.label) == [
                "GBF binary indicator", "Binary indicator question", "Participation (20.2)", "Outcome (summary of progress)", "Outcome (summary of progress)",
            ])
        #expect(
            layout.notes[2].text
                == "Women and girls: 7 of 13 who disclosed their sex (53.8%); children and youth: 2 of 15 participants (13.3%); indigenous peoples and local communities: 4 of 15 participants (26.7%)."
        )
    }

    @Test func unccdFiguresAreHandComputed() throws {
        let layout = try NationalReportFixture.report().unccdLayout()
        #expect(layout.rows.count == 3)
        let first = layout.rows[0]
        #expect(first[1] == .text("2027") && first[3] == .text("UNCCD secretariat") && first[9] == .text("Yes"))
        #expect(Array(first[10...]) == [.count(10), .count(6), .text("75.0%"), .count(2), .text("20.0%"), .count(1), .text("10.0%")])
        #expect(layout.rows[1][8] == .text("Cancelled") && layout.rows[1][12] == .text("n/a"))
        let total = layout.rows[2]
        #expect(total[0] == .text("Total", bold: true) && total[8] == .text("2 activities", bold: true))
        #expect(
            Array(total[10...]) == [
                .count(10, bold: true), .count(6, bold: true), .text("75.0%", bold: true), .count(2, bold: true), .text("20.0%", bold: true),
                .count(1, bold: true), .text("10.0%", bold: true),
            ])
    }

    @Test func outcomesAreAttributedPerConvention() throws {
        let r = try NationalReportFixture.report()
        #expect(r.outcomes(for: "UNFCCC").map(\.kind) == [.policy])
        #expect(r.outcomes(for: "CBD").map(\.kind) == [.policy, .reporting])
        #expect(r.outcomes(for: "UNCCD").map(\.kind) == [.policy])
        #expect(r.unattributedOutcomes.map(\.kind) == [.other])
        #expect(r.coverSheet().rows.last == [.text("Outcome not attributed"), .text("Other, 2027-12-01: @SUM(1+1) unrelated")])
    }

    @Test func catalogNamesReplaceIds() throws {
        let catalog = try MonitoringFixture.context().catalog
        let r = NationalReport(received: try NationalReportFixture.received(), catalog: catalog)
        let row = try #require(r.unfcccLayout().rows.first)
        #expect(row[4] == .text("Land; Finance"))
        guard case .text(let info, _) = row[12] else {
            Issue.record("no additional information")
            return
        }
        #expect(info.hasPrefix("Region: Africa; "))
        // A theme the catalog does not know keeps its id.
        #expect(r.cbdLayout().rows[1][2] == .text("data"))
    }

    @Test func workbookIsTheSameBytesEveryTime() throws {
        let r = try NationalReportFixture.report()
        #expect(try r.xlsxData() == r.xlsxData())
    }

    @Test func markdownIsExact() throws {
        let md = try NationalReportFixture.report().markdown()
        #expect(md == NationalReportTests.expectedMarkdown, "got:\n\(md)")
    }

    @Test func nothingNamesAParticipantOrRunsAsMarkup() throws {
        let r = try NationalReportFixture.report()
        let md = r.markdown()
        #expect(!md.contains("Ana Example"))
        #expect(!md.contains("<b>") && md.contains("\\<b\\>bold\\</b\\>") && md.contains("and \\| pipes"))
    }
}

/// The workbook read back by real readers: openpyxl (values and styles) and LibreOffice (a PDF).
@Suite("National report workbook in openpyxl and LibreOffice")
struct NationalReportReaderTests {
    /// One sheet as the Python helper prints it.
    struct SheetDump: Decodable {
        var name: String
        var rows: [[Value?]]
        var quoted: [String]
    }

    /// A cell value: text or a number.
    enum Value: Decodable, Equatable {
        case text(String), number(Int)
        /// A number when the JSON value is one, else text.
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Int.self) { self = .number(n) } else { self = .text(try c.decode(String.self)) }
        }
    }

    /// The helper's whole output.
    struct Dump: Decodable { var sheets: [SheetDump] }

    /// Writes the fixture's workbook to a new folder; returns its path.
    func writeWorkbook() throws -> URL {
        let dir = try ExternalTool.tempDir("rioplan-national")
        let file = dir.appendingPathComponent("KEN.xlsx")
        try NationalReportFixture.report().xlsxData().write(to: file)
        return file
    }

    @Test func openpyxlReadsTheFiguresBack() throws {
        let file = try writeWorkbook()
        let helper = ExternalTool.readers.appendingPathComponent("read_national_report.py").path
        let r = try ExternalTool.run("python3", [helper, file.path, "--forbid", "Ana Example"])
        #expect(r.status == 0, "\(r.stderr)")
        let dump = try JSONDecoder().decode(Dump.self, from: Data(r.stdout.utf8))
        #expect(dump.sheets.map(\.name) == ["Cover", "UNFCCC CTF III.11", "CBD Target 20", "UNCCD SO5"])
        let byName = Dictionary(uniqueKeysWithValues: dump.sheets.map { ($0.name, $0) })
        let cover = try #require(byName["Cover"])
        #expect(cover.rows[1] == [.text("Country"), .text("Kenya (KEN)")])
        #expect(cover.rows[3] == [.text("Activities delivered"), .number(2)])
        #expect(cover.rows[5] == [.text("Participants"), .number(15)])
        #expect(cover.rows[6] == [.text("Women"), .text("7 of 13 who disclosed their sex (53.8%)")])
        let cbd = try #require(byName["CBD Target 20"])
        #expect(cbd.rows[0].first == .text("Activity No.") && cbd.rows[0].count == 13)
        #expect(cbd.rows[1][3] == .text("2027-03-01") && cbd.rows[1][6] == .number(10))
        #expect(
            cbd.rows[3] == [
                .text("Total"), nil, nil, nil, nil, .text("2 activities"), .number(15), .number(13), .number(7), .text("53.8%"), .number(4), .number(2), .number(14),
            ])
        let unfccc = try #require(byName["UNFCCC CTF III.11"])
        #expect(unfccc.rows.count == 2 + 1 + 1, "header, one activity, a blank row, one outcome note")
        // The joint session's description begins with `=`: it comes back as text with a leading quote and the quote-prefix style.
        #expect(unfccc.rows[1][2] == .text("'" + NationalReportFixture.hostileDescription) && unfccc.quoted == ["C2"], "\(unfccc.quoted)")
        #expect(cbd.rows[2][1] == .text("Biodiversity data for national reports") && cbd.quoted.isEmpty)
        let unccd = try #require(byName["UNCCD SO5"])
        #expect(unccd.rows[3][0] == .text("Total") && unccd.rows[3][12] == .text("75.0%"))
        let coverQuoted = cover.rows.last?.last
        #expect(coverQuoted == .text("Other, 2027-12-01: @SUM(1+1) unrelated"), "a note that does not begin with a trigger stays as it is")
    }

    @Test func textThatCouldRunAsAFormulaIsNeutralised() throws {
        var received = try NationalReportFixture.received()
        received.activities[0].title = "=HYPERLINK(\"http://example.org\")"
        received.activities[1].title = "@SUM(A1:A9)"
        let dir = try ExternalTool.tempDir("rioplan-national-hostile")
        let file = dir.appendingPathComponent("h.xlsx")
        try NationalReport(received: received, plans: ["jlg-2027"]).xlsxData().write(to: file)
        let helper = ExternalTool.readers.appendingPathComponent("read_national_report.py").path
        let r = try ExternalTool.run("python3", [helper, file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let dump = try JSONDecoder().decode(Dump.self, from: Data(r.stdout.utf8))
        let cbd = try #require(dump.sheets.first { $0.name == "CBD Target 20" })
        #expect(cbd.rows[1][1] == .text("'=HYPERLINK(\"http://example.org\")"))
        #expect(cbd.rows[2][1] == .text("'@SUM(A1:A9)"))
        #expect(cbd.quoted.contains("B2") && cbd.quoted.contains("B3"), "\(cbd.quoted)")
        let unfccc = try #require(dump.sheets.first { $0.name == "UNFCCC CTF III.11" })
        #expect(unfccc.rows[1][1] == .text("'=HYPERLINK(\"http://example.org\")") && unfccc.quoted.contains("B2"))
    }

    @Test func libreOfficeConvertsTheWorkbookToPDF() throws {
        let file = try writeWorkbook()
        let out = try ExternalTool.tempDir("rioplan-national-pdf")
        let profile = try ExternalTool.tempDir("rioplan-national-lo-profile")
        let r = try ExternalTool.run(
            "soffice", ["-env:UserInstallation=file://\(profile.path)", "--headless", "--convert-to", "pdf", "--outdir", out.path, file.path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let pdf = out.appendingPathComponent("KEN.pdf")
        let head = try Data(contentsOf: pdf).prefix(5)
        #expect(head == Data("%PDF-".utf8), "LibreOffice wrote no PDF: \(r.stdout)\(r.stderr)")
        #expect(!r.stderr.lowercased().contains("error"), "\(r.stderr)")
    }
}

extension NationalReportTests {
    /// The fixture's Markdown, checked by hand against the figures above.
    static let expectedMarkdown = #"""
        # Capacity-building received by Kenya (KEN)

        From the joint capacity-building programme of the Rio conventions (plans: jlg-2027): 2 activities delivered, 15 participants, 7 women of 13 who disclosed their sex (53.8%), 2 youth, 4 from Indigenous peoples and local communities, 3 outcomes recorded. A joint session counts once for each convention it serves, so the convention tables overlap; the totals above count each activity once. Counts and shares only: no participant is named or identified.

        ## UNFCCC biennial transparency report, common tabular format table III.11

        Information on capacity-building support received by developing country Parties under Article 11 of the Paris Agreement.

        | Activity No. | Name of Activity | Activity description | Sector | Subsector | Type of support | Recipient entity | National implementing entity | International implementing entity | Status of activity | Start year | End year | Additional information |
        |---|---|---|---|---|---|---|---|---|---|---|---|---|
        | jlg-2027/d-af-01 | Land restoration and climate finance | =1+2 and \| pipes \<b\>bold\</b\> | Cross-cutting | land; finance | Cross-cutting | Kenya |  | UNCCD secretariat; UNFCCC secretariat | Completed | 2027 | 2027 | Region: africa; UNON, Nairobi; 2027-03-01 to 2027-03-03. 10 participants from Kenya: 6 women of 8 who disclosed their sex (75.0%), 2 youth, 1 from Indigenous peoples and local communities. UNFCCC national focal points: 1. Outcomes: Policy, 2027-09-01: National restoration strategy adopted (evidence: https://example.org/strategy) |

        - **Outcome (additional information)**: Policy, 2027-09-01: National restoration strategy adopted (evidence: https://example.org/strategy)

        ## CBD national report, Target 20 (capacity-building and development)

        Section III, Target 20 of the Kunming-Montreal Global Biodiversity Framework: participation of women, Indigenous peoples and local communities and youth in the capacity-building received. Outcomes answer: Provide a summary of progress towards the target, including the main outcomes achieved.

        | Activity No. | Activity | Themes | Start | End | Status | Participants | Sex disclosed | Women | Women (% of disclosed) | Indigenous peoples and local communities | Youth | Completed |
        |---|---|---|---|---|---|---|---|---|---|---|---|---|
        | jlg-2027/d-af-01 | Land restoration and climate finance | land; finance | 2027-03-01 | 2027-03-03 | Delivered | 10 | 8 | 6 | 75.0% | 1 | 2 | 9 |
        | jlg-2027/d-af-02 | Biodiversity data for national reports | data | 2027-05-10 | 2027-05-11 | Delivered | 5 | 5 | 1 | 20.0% | 3 | 0 | 5 |
        | **Total** |  |  |  |  | **2 activities** | **15** | **13** | **7** | **53.8%** | **4** | **2** | **14** |

        - **GBF binary indicator**: 20.b Number of countries that have taken significant action to strengthen capacity-building and development and access to and transfer of technology, and to promote the development of and access to innovation and technical and scientific cooperation
        - **Binary indicator question**: 20.2 Does your country have measures to ensure the full and effective participation of indigenous peoples and local communities, women and girls, children and youth and people with disabilities in capacity-building and development for the conservation and sustainable use of biodiversity?
        - **Participation (20.2)**: Women and girls: 7 of 13 who disclosed their sex (53.8%); children and youth: 2 of 15 participants (13.3%); indigenous peoples and local communities: 4 of 15 participants (26.7%).
        - **Outcome (summary of progress)**: Policy, 2027-09-01: National restoration strategy adopted (evidence: https://example.org/strategy)
        - **Outcome (summary of progress)**: Reporting, 2027-11-15: Seventh national report used the new data

        ## UNCCD PRAIS 4, strategic objective 5 (capacity-building)

        Activities flagged as capacity-building, with the numbers and shares of participants who were women, youth, or indigenous people and local community members.

        | Activity No. | Year | Recipient/beneficiary | Channel | Title of project, initiative or activity, or other | Theme | Start | End | Status | Capacity building | Participants | Women | Women (%) | Youth | Youth (%) | Indigenous people and local community members | Indigenous people and local community members (%) |
        |---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
        | jlg-2027/d-af-01 | 2027 | Kenya | UNCCD secretariat | Land restoration and climate finance | land; finance | 2027-03-01 | 2027-03-03 | Delivered | Yes | 10 | 6 | 75.0% | 2 | 20.0% | 1 | 10.0% |
        | jlg-2027/d-af-03 | 2027 | Kenya | UNCCD secretariat | Drought early warning | drought | 2027-06-07 | 2027-06-08 | Cancelled | Yes | 0 | 0 | n/a | 0 | n/a | 0 | n/a |
        | **Total** |  |  |  |  |  |  |  | **2 activities** |  | **10** | **6** | **75.0%** | **2** | **20.0%** | **1** | **10.0%** |

        - **PRAIS 4 request**: In reporting on capacity-building, extension services and other activities, if possible indicate the numbers or percentage of participants who were women, youth, indigenous people and/or local community members.
        - **Participants**: 10 participants: women 6 of 8 who disclosed their sex (75.0%); youth 2 (20.0%); indigenous people and local community members 1 (10.0%).
        - **Outcome**: Policy, 2027-09-01: National restoration strategy adopted (evidence: https://example.org/strategy)

        """#
}
