import Foundation
import RioModel
import Testing

@Suite("rioplan report: one self-contained page")
struct ReportTests {
    func report(plan: String = ExportFixture.plan, cwd: URL? = nil) throws -> (URL, String) {
        let dir = try cwd ?? Rioplan.tempDir()
        let out = dir.appendingPathComponent("report.html")
        let r = try Rioplan.run(["report", plan, "--out", out.path], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        return (out, try String(contentsOf: out, encoding: .utf8))
    }

    @Test func pageHoldsEverySectionAndTheFigures() throws {
        let (_, html) = try report()
        let plan = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: URL(fileURLWithPath: ExportFixture.plan)))
        for heading in ["Timeline", "Mandate coverage", "Co-financing", "Demands left out"] {
            #expect(html.contains("<h2>\(heading)</h2>"))
        }
        #expect(html.contains("2,185,740 USD"))
        #expect(html.contains("\(plan.score.scheduled) / \(plan.score.demands)"))
        #expect(html.contains("<svg"))
        for region in ["Africa", "Asia-Pacific", "Latin America and the Caribbean", "Northern Mediterranean", "Central and Eastern Europe"] {
            #expect(html.contains(">\(region)</text>"), "\(region) has no row in the timeline")
        }
        // One bar per session, each with a tooltip.
        #expect(html.components(separatedBy: "<title>").count - 1 == plan.sessions.count + 1)
        for u in plan.unscheduled { #expect(html.contains(">\(u.demand)<")) }
    }

    @Test func pageFetchesNothing() throws {
        let (_, html) = try report()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src="))
        #expect(!html.contains("@import"))
        #expect(!html.contains("url("))
        let external = html.components(separatedBy: "://").count - 1
        let svgNamespace = html.components(separatedBy: "http://www.w3.org/2000/svg").count - 1
        #expect(external == svgNamespace, "only the SVG namespace may name a URL")
    }

    @Test func hostileCatalogTextIsEscaped() throws {
        let dir = try ExportFixture.hostileCopy()
        let (_, html) = try report(plan: dir.appendingPathComponent("ref.json").path, cwd: dir)
        #expect(!html.contains("<script>alert(1)</script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func chromiumRendersThePage() throws {
        let (url, _) = try report()
        let png = url.deletingLastPathComponent().appendingPathComponent("report.png")
        let r = try Rioplan.tool(
            "chromium",
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--screenshot=\(png.path)", "--window-size=1400,2400", url.absoluteString,
            ])
        #expect(r.status == 0, "\(r.stderr.suffix(500))")
        let size = (try? FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int) ?? 0
        #expect(size > 50_000, "screenshot of \(size) bytes")
    }
}
