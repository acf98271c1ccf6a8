import Foundation
import RioModel

/// A one-page, self-contained HTML report of a plan: figures, timeline, coverage, money, gaps.
///
/// Styles and charts (SVG) are inline; the page fetches nothing from the network and runs no
/// scripts, so it opens offline, prints well and can be mailed as one file. Sections are
/// written by `HTMLReport+Timeline`, `+Coverage`, `+Funding` and, with delivery records, `+Monitoring`.
public struct HTMLReport: Sendable {
    public var context: ExportContext
    public var figures: Cofinancing
    /// What the delivery records say (`HTMLReport+Monitoring`); the section is shown only when it has records.
    public var monitoring: MonitoringSummary?

    /// The report of `context`'s plan; with a `monitoring` summary that has records, also the monitoring section.
    public init(context: ExportContext, monitoring: MonitoringSummary? = nil) {
        self.context = context
        self.figures = Cofinancing(context)
        self.monitoring = monitoring
    }

    /// The monitoring summary when it holds any record, else nil (no section, no extra styles).
    var shownMonitoring: MonitoringSummary? { monitoring?.hasRecords == true ? monitoring : nil }

    /// The page, UTF-8.
    public func render() -> Data { Data(html().utf8) }

    /// The page as text.
    public func html() -> String {
        let plan = context.plan
        let title = context.request.title.isEmpty ? plan.name : context.request.title
        var h = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
        h +=
            "<title>\(esc(title)) — RioPlan \(esc(plan.name))</title>\n<style>\(HTMLReport.css)\(shownMonitoring == nil ? "" : HTMLReport.monitoringCSS)</style>\n</head>\n<body>\n"
        h += "<header><p class=\"kicker\">RioPlan · joint capacity-building plan</p>"
        h += "<h1>\(esc(title))</h1>"
        h += "<p class=\"sub\">Plan <b>\(esc(plan.name))</b> · \(esc(plan.horizon.start)) to \(esc(plan.horizon.end)) · amounts in \(esc(plan.currency))</p></header>\n"
        h += headline()
        h += section("Timeline", "Sessions by region over the plan's horizon; colour shows how many conventions a session serves. Hover a bar for details.", timeline())
        h += section("Mandate coverage", "Mandates served by at least one scheduled session, out of the catalog's mandates, per convention and theme.", coverage())
        h += section(
            "Co-financing",
            "Cash allocated from each funding source against its cap, and each convention's share: attribution splits every session's cash and in-kind equally over its conventions; contribution is the cash of the convention's own sources plus its trainers' time.",
            funding())
        h += section("Demands left out", unscheduledIntro, unscheduled())
        if let m = shownMonitoring { h += monitoringSection(m) }
        h +=
            "<footer>Written by <code>rioplan report</code> from \(esc((context.planPath as NSString).lastPathComponent)). Figures are the plan's own, to the unit.</footer>\n"
        h += "</body>\n</html>\n"
        return h
    }

    func section(_ title: String, _ intro: String, _ body: String) -> String {
        "<section><h2>\(esc(title))</h2><p class=\"intro\">\(esc(intro))</p>\n\(body)\n</section>\n"
    }

    /// The big figures: value, cash, in-kind, sessions scheduled of demands, joint sessions.
    func headline() -> String {
        let plan = context.plan, s = plan.score
        let joint = plan.sessions.filter { $0.conventions.count >= 2 }.count
        let regions = Set(plan.sessions.map(\.region)).count
        let cards: [(String, String, String)] = [
            ("Value", Money.text(s.value), valueNote),
            ("Cash", Money.amount(s.cash, plan.currency), "funded by \(figures.sources.filter { $0.allocated > 0 }.count) sources"),
            ("In-kind", Money.amount(s.inKind, plan.currency), "trainer time given"),
            ("Scheduled", "\(s.scheduled) / \(s.demands)", "demands (\(plan.unscheduled.count) left out)"),
            ("Joint sessions", "\(joint)", "serving 2 or more conventions"),
            ("Regions", "\(regions)", "with at least one session"),
        ]
        var h = "<div class=\"cards\">"
        for (label, value, note) in cards {
            h += "<div class=\"card\"><div class=\"label\">\(esc(label))</div><div class=\"value\">\(esc(value))</div><div class=\"note\">\(esc(note))</div></div>"
        }
        return h + "</div>\n"
    }

    /// The value card's note: what value means, and the gap to the plan's proven bound if recorded.
    var valueNote: String {
        guard let bound = context.plan.solver.bound else { return "priority × conventions served" }
        let gap = String(format: "%.1f", (context.plan.solver.gap ?? 0) * 100)
        return "priority × conventions served; at most \(Money.text(bound)) (gap \(gap)%)"
    }

    var unscheduledIntro: String {
        context.plan.unscheduled.isEmpty
            ? "Every demand of the request is scheduled."
            : "Each demand the plan does not schedule, with the limit that kept it out."
    }

    /// The unscheduled demands with their reasons, in plan order.
    func unscheduled() -> String {
        let list = context.plan.unscheduled
        guard !list.isEmpty else { return "" }
        var h = "<table class=\"data\"><thead><tr><th>Demand</th><th>Module</th><th>Region</th><th>Reason</th><th>Details</th></tr></thead><tbody>"
        for u in list {
            let d = context.request.demand(u.demand)
            let module = d.map { context.moduleTitle($0.module) } ?? ""
            let region = d.map { context.regionName($0.region) } ?? ""
            let codes = u.reasons.map { "<span class=\"badge\">\(esc($0.code))</span>" }.joined(separator: " ")
            let messages = u.reasons.map { esc($0.message) }.joined(separator: "<br>")
            h += "<tr><td class=\"mono\">\(esc(u.demand))</td><td>\(esc(module))</td><td>\(esc(region))</td><td>\(codes)</td><td>\(messages)</td></tr>"
        }
        return h + "</tbody></table>"
    }

    /// Escapes text for HTML element content and attribute values.
    func esc(_ s: String) -> String { HTMLReport.escape(s) }

    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if u.value < 0x20 && u != "\n" && u != "\t" { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Colours of sessions serving 1, 2 and 3+ conventions (colour-blind safe, Okabe–Ito).
    static let jointColours = ["#56B4E9", "#009E73", "#D55E00"]
    static func jointColour(_ n: Int) -> String { jointColours[min(max(n, 1), 3) - 1] }
}
