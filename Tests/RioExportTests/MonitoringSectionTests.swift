import Foundation
import RioModel
import Testing

@testable import RioExport

/// A hand-made `MonitoringSummary` of the golden tiny plan (five sessions in Africa and WEOG).
enum MonitoringFixture {
    static let tinyPlan = ExternalTool.root.appendingPathComponent("Tests/Fixtures/golden/tiny/tiny.plan.json").path
    static let goldenReport = ExternalTool.root.appendingPathComponent("Tests/Fixtures/golden/exports/tiny-report.html")

    /// The tiny plan with its request and catalog.
    static func context() throws -> ExportContext { try ExportContext.load(planPath: tinyPlan) }

    /// The day of an ISO date written in the test.
    static func day(_ iso: String) -> Day { NationalReportFixture.day(iso) }

    /// A session line; `actual` defaults to the planned dates.
    static func line(
        _ id: String, _ region: String, _ module: String, _ start: String, _ end: String, _ status: DeliveryStatus?,
        actual: (String, String)? = nil, participants: Int = 0, women: Int = 0, disclosed: Int = 0
    ) -> MonitoringSummary.SessionLine {
        let a = status == .delivered ? (actual ?? (start, end)) : nil
        return MonitoringSummary.SessionLine(
            session: id, region: region, module: module, conventions: [], plannedStart: day(start), plannedEnd: day(end), status: status,
            actualStart: a.map { day($0.0) }, actualEnd: a.map { day($0.1) }, participants: participants, women: women, disclosed: disclosed)
    }

    /// d1 delivered a day late with 3 women of 8 who disclosed (37.5%, under 40%); d4 delivered, 6 of 12
    /// (50.0%); d2 cancelled; d3 not recorded; d5 delivered, 1 of 4 (25.0%, under 40%).
    static let summary = MonitoringSummary(
        sessions: [
            line("tiny/d1", "africa", "joint-3d", "2027-03-01", "2027-03-03", .delivered, actual: ("2027-03-02", "2027-03-04"), participants: 10, women: 3, disclosed: 8),
            line("tiny/d4", "weog", "pair-2d", "2027-03-01", "2027-03-02", .delivered, participants: 12, women: 6, disclosed: 12),
            line("tiny/d2", "africa", "online-1d", "2027-03-08", "2027-03-08", .cancelled),
            line("tiny/d3", "weog", "online-1d", "2027-03-08", "2027-03-08", nil),
            line("tiny/d5", "africa", "advanced", "2027-03-09", "2027-03-10", .delivered, participants: 4, women: 1, disclosed: 4),
        ],
        regions: [
            MonitoringSummary.RegionLine(region: "africa", planned: 3, delivered: 2, cancelled: 1),
            MonitoringSummary.RegionLine(region: "weog", planned: 2, delivered: 1, cancelled: 0),
        ],
        outcomes: [
            MonitoringSummary.ConventionOutcomes(convention: "UNCCD", counts: [0, 1, 0, 0, 0]),
            MonitoringSummary.ConventionOutcomes(convention: "CBD", counts: [1, 0, 0, 1, 0]),
            MonitoringSummary.ConventionOutcomes(convention: "UNFCCC", counts: [0, 0, 0, 0, 0]),
        ])

    /// The same plan with nothing recorded: every session planned only, no outcome.
    static let nothingRecorded = MonitoringSummary(
        sessions: summary.sessions.map { s in
            line(s.session, s.region, s.module, s.plannedStart.iso, s.plannedEnd.iso, nil)
        },
        regions: summary.regions.map { MonitoringSummary.RegionLine(region: $0.region, planned: $0.planned, delivered: 0, cancelled: 0) },
        outcomes: summary.outcomes.map { MonitoringSummary.ConventionOutcomes(convention: $0.convention, counts: [0, 0, 0, 0, 0]) })
}

@Suite("HTML report: the monitoring section")
struct MonitoringSectionTests {
    @Test func reportWithoutRecordsIsTheGoldenFile() throws {
        let ctx = try MonitoringFixture.context()
        let golden = try Data(contentsOf: MonitoringFixture.goldenReport)
        #expect(HTMLReport(context: ctx).render() == golden)
        #expect(HTMLReport(context: ctx, monitoring: MonitoringFixture.nothingRecorded).render() == golden)
        #expect(!MonitoringFixture.nothingRecorded.hasRecords)
    }

    @Test func sectionIsShownOnlyWithRecords() throws {
        let ctx = try MonitoringFixture.context()
        let with = HTMLReport(context: ctx, monitoring: MonitoringFixture.summary).html()
        let without = HTMLReport(context: ctx, monitoring: MonitoringFixture.nothingRecorded).html()
        #expect(with.contains("<h2>Delivery and outcomes</h2>") && !without.contains("Delivery and outcomes"))
        #expect(with.contains(".mon-legend") && !without.contains(".mon-legend"))
        // After the existing sections, before the footer.
        let demands = try #require(with.range(of: "<h2>Demands left out</h2>")), monitoring = try #require(with.range(of: "<h2>Delivery and outcomes</h2>"))
        let footer = try #require(with.range(of: "<footer>"))
        #expect(demands.upperBound < monitoring.lowerBound && monitoring.upperBound < footer.lowerBound)
        // One bar per planned session, each in its state.
        #expect(with.components(separatedBy: "<rect class=\"delivered\"").count - 1 == 3)
        #expect(with.components(separatedBy: "<rect class=\"cancelled\"").count - 1 == 1)
        #expect(with.components(separatedBy: "<rect class=\"notRecorded\"").count - 1 == 1)
        #expect(!with.contains("<script") && !with.contains("url(http"))
    }

    /// Renders the page with headless Chromium, then reads the tables and the list from the DOM.
    @Test func chromiumShowsTheRegionFiguresAndTheSessionsUnder40() throws {
        let ctx = try MonitoringFixture.context()
        let dir = try ExternalTool.tempDir("rioplan-monitoring")
        let page = dir.appendingPathComponent("report.html")
        try HTMLReport(context: ctx, monitoring: MonitoringFixture.summary).render().write(to: page)
        let dom = try ExternalTool.run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.absoluteString])
        #expect(dom.status == 0, "\(dom.stderr.suffix(500))")
        let domFile = dir.appendingPathComponent("dom.html")
        try Data(dom.stdout.utf8).write(to: domFile)
        let r = try ExternalTool.run("python3", [ExternalTool.readers.appendingPathComponent("read_monitoring_dom.py").path, domFile.path])
        #expect(r.status == 0, "\(r.stderr)")
        /// What the DOM helper prints.
        struct Read: Decodable { var regions, share, outcomes: [[String]]; var under40, sections: [String] }
        let read = try JSONDecoder().decode(Read.self, from: Data(r.stdout.utf8))
        #expect(read.sections.last == "Delivery and outcomes")
        #expect(
            read.regions == [
                ["Region", "Planned", "Delivered", "Cancelled", "Not yet recorded", "Delivered of planned"],
                ["Africa", "3", "2", "1", "0", "66.7%"],
                ["Western Europe and Others", "2", "1", "0", "1", "50.0%"],
                ["All regions", "5", "3", "1", "1", "60.0%"],
            ])
        #expect(
            read.under40 == [
                "tiny/d1 Joint three-day workshop, Africa: 37.5% (3 of 8)",
                "tiny/d5 Advanced land course, Africa: 25.0% (1 of 4)",
            ])
        #expect(read.share.count == 4, "a header and the three sessions with participants: \(read.share)")
        #expect(read.share.dropFirst().map { $0[6] } == ["37.5% under 40%", "50.0%", "25.0% under 40%"])
        #expect(read.outcomes.dropFirst().map { $0.first ?? "" } == ["UNCCD", "CBD", "UNFCCC"])
        #expect(read.outcomes[2] == ["CBD", "1", "0", "0", "1", "0", "2"])
    }

    @Test func chromiumTakesAScreenshot() throws {
        let ctx = try MonitoringFixture.context()
        let dir = try ExternalTool.tempDir("rioplan-monitoring-shot")
        let page = dir.appendingPathComponent("report.html"), png = dir.appendingPathComponent("report.png")
        try HTMLReport(context: ctx, monitoring: MonitoringFixture.summary).render().write(to: page)
        let r = try ExternalTool.run(
            "chromium",
            ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--screenshot=\(png.path)", "--window-size=1400,2400", page.absoluteString])
        #expect(r.status == 0, "\(r.stderr.suffix(500))")
        #expect(try Data(contentsOf: png).prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]), "not a PNG")
        if let keep = ProcessInfo.processInfo.environment["RIOPLAN_KEEP_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(at: png, to: URL(fileURLWithPath: keep))
        }
    }
}
