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

    /// The page's text as Chromium renders it (`--dump-dom`, after parsing and layout), one line per
    /// text node, white space collapsed.
    func renderedText(_ url: URL) throws -> [String] {
        let dom = try Rioplan.tool("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", url.absoluteString])
        #expect(dom.status == 0, "\(dom.stderr.suffix(500))")
        #expect(dom.stdout.hasPrefix("<html") || dom.stdout.hasPrefix("<!DOCTYPE"), "not a DOM: \(dom.stdout.prefix(200))")
        let script = """
            import sys
            from html.parser import HTMLParser
            class Text(HTMLParser):
                skip = 0
                def handle_starttag(self, tag, attrs):
                    if tag in ("style", "script", "title"): self.skip += 1
                def handle_endtag(self, tag):
                    if tag in ("style", "script", "title"): self.skip -= 1
                def handle_data(self, data):
                    t = " ".join(data.split())
                    if t and not self.skip: print(t)
            Text().feed(open(sys.argv[1], encoding="utf-8").read())
            """
        let dir = try Rioplan.tempDir("rioplan-dom")
        let file = dir.appendingPathComponent("dom.html")
        try Data(dom.stdout.utf8).write(to: file)
        let text = try Rioplan.tool("python3", ["-c", script, file.path])
        #expect(text.status == 0, "\(text.stderr)")
        return text.stdout.split(separator: "\n").map(String.init)
    }

    /// `n` with a comma between thousands, as the report prints amounts.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    @Test func renderedHeadlineShowsThePlansFigures() throws {
        let (url, _) = try report()
        let plan = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: URL(fileURLWithPath: ExportFixture.plan)))
        let lines = try renderedText(url)
        let s = plan.score
        // Each headline figure is rendered right after its label.
        for (label, value) in [
            ("Value", Self.grouped(s.value)), ("Cash", "\(Self.grouped(s.cash)) \(plan.currency)"),
            ("In-kind", "\(Self.grouped(s.inKind)) \(plan.currency)"), ("Scheduled", "\(s.scheduled) / \(s.demands)"),
        ] {
            let at = lines.indices.filter { lines[$0] == label && $0 + 1 < lines.count && lines[$0 + 1] == value }
            #expect(!at.isEmpty, "the rendered page shows no \"\(label)\" followed by \"\(value)\"; its first lines: \(lines.prefix(30))")
        }
        #expect(["510", "2,185,740 USD", "73 / 100"].allSatisfy(lines.contains), "pub-m's own figures")
        #expect(lines.contains("Demands left out"))
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
        let png8 = try Data(contentsOf: png).prefix(8)
        #expect(png8 == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "not a PNG")
        let size = (try? FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int) ?? 0
        #expect(size > 50_000, "screenshot of \(size) bytes")
        // Keep the last screenshot where a person can look at it.
        if let keep = ProcessInfo.processInfo.environment["RIOPLAN_KEEP_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(at: png, to: URL(fileURLWithPath: keep))
        }
    }
}
