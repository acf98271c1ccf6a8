import RioModel

/// The monitoring section (`monitoring.md`): planned against delivered sessions on a timeline and
/// per region, the women's share of each session against a 40% line, and outcomes per convention.
/// Shown only when delivery records exist; counts and shares only, no participant appears.
extension HTMLReport {
    /// What became of a planned session, as the timeline draws it.
    enum DeliveryState {
        case delivered, cancelled, notRecorded

        /// The state of a session with this recorded status (nil: none recorded).
        init(_ status: DeliveryStatus?) {
            switch status {
            case .delivered?: self = .delivered
            case .cancelled?: self = .cancelled
            case nil: self = .notRecorded
            }
        }

        /// The bar's SVG paint: solid for delivered, red-outlined hatching for cancelled, pale and dashed when not recorded.
        var paint: String {
            switch self {
            case .delivered: return "fill=\"#0b5cad\" stroke=\"#ffffff\" stroke-width=\"0.6\""
            case .cancelled: return "fill=\"url(#rio-hatch)\" stroke=\"#b3261e\" stroke-width=\"1.4\""
            case .notRecorded: return "fill=\"#e3eaf1\" stroke=\"#8a97a5\" stroke-width=\"0.8\" stroke-dasharray=\"3 2\""
            }
        }

        /// How the tooltip names the state.
        var label: String {
            switch self {
            case .delivered: return "delivered"
            case .cancelled: return "cancelled"
            case .notRecorded: return "not yet recorded"
            }
        }
    }

    /// One bar of the delivery timeline: the session and the days it is drawn over (actual when delivered).
    typealias DeliveryBar = (line: MonitoringSummary.SessionLine, first: Int, last: Int)

    /// The section: intro, timeline, region table, women's share, outcomes.
    func monitoringSection(_ m: MonitoringSummary) -> String {
        let intro =
            "What the delivery records say: each planned session on the timeline (at its actual dates once delivered), sessions per region, "
            + "the women's share of each session against the 40% line (the UNCCD Gender Action Plan aims at parity by 2030), and outcomes per convention "
            + "(an outcome of a joint session counts once for each of its conventions)."
        var body = "<h3>Planned against delivered</h3>\n" + deliveryTimeline(m) + "\n" + regionTable(m) + "\n"
        body += "<h3>Women's share per session</h3>\n" + womenShare(m) + "\n"
        body += "<h3>Outcomes per convention</h3>\n" + outcomesTable(m)
        return section("Delivery and outcomes", intro, "<div class=\"mon\">" + body + "</div>")
    }

    /// Regions in the summary's (catalog) order, then any others its sessions name (sorted).
    func monitoringRegions(_ m: MonitoringSummary) -> [String] {
        let known = m.regions.map(\.region)
        let extra = Set(m.sessions.map(\.region)).subtracting(known).sorted()
        return known + extra
    }

    /// The bar of a session: actual dates when delivered and known, else planned.
    static func deliveryBar(_ s: MonitoringSummary.SessionLine) -> DeliveryBar {
        if s.status == .delivered, let a = s.actualStart {
            return (s, a.number, max(a.number, (s.actualEnd ?? a).number))
        }
        return (s, s.plannedStart.number, max(s.plannedStart.number, s.plannedEnd.number))
    }

    /// Greedy lanes so that no two bars of a region overlap.
    ///
    /// - Complexity: O(bars × lanes).
    static func deliveryLanes(_ bars: [DeliveryBar]) -> [[DeliveryBar]] {
        var lanes: [[DeliveryBar]] = [], lastEnd: [Int] = []
        for b in bars.sorted(by: { ($0.first, $0.line.session) < ($1.first, $1.line.session) }) {
            if let i = lastEnd.firstIndex(where: { $0 < b.first }) {
                lanes[i].append(b); lastEnd[i] = b.last
            } else {
                lanes.append([b]); lastEnd.append(b.last)
            }
        }
        return lanes
    }

    /// The timeline as inline SVG: one band per region, month gridlines, a tooltip on every bar.
    func deliveryTimeline(_ m: MonitoringSummary) -> String {
        let bars = m.sessions.map(HTMLReport.deliveryBar)
        guard let first = bars.map(\.first).min(), let last = bars.map(\.last).max() else { return "<p>No session is planned.</p>" }
        let start = Day(number: first), end = Day(number: last)
        let width = HTMLReport.timelineWidth, labelW = 250.0, top = HTMLReport.timelineTop
        let scale = TimelineScale(start: start, span: Double(last - first + 1), labelWidth: labelW, plotWidth: width - labelW - 10)
        let f = TimelineScale.f, laneH = HTMLReport.laneHeight, gap = HTMLReport.laneGap, pad = HTMLReport.bandPadding
        var y = top, bands = ""
        for (i, r) in monitoringRegions(m).enumerated() {
            let lanes = HTMLReport.deliveryLanes(bars.filter { $0.line.region == r })
            let h = max(pad * 2 + Double(max(lanes.count, 1)) * (laneH + gap) - gap, 34)
            if i % 2 == 0 { bands += "<rect x=\"0\" y=\"\(f(y))\" width=\"\(Int(width))\" height=\"\(f(h))\" fill=\"#f3f6f9\"/>" }
            bands += "<text class=\"region\" x=\"8\" y=\"\(f(y + h / 2 + 4))\">\(esc(context.regionName(r)))</text>"
            for (li, lane) in lanes.enumerated() {
                let ly = y + pad + Double(li) * (laneH + gap)
                for b in lane {
                    let bx = scale.x(b.first), bw = max(scale.x(b.last + 1) - bx, 2.5)
                    let state = DeliveryState(b.line.status)
                    bands += "<rect class=\"\(state)\" x=\"\(f(bx))\" y=\"\(f(ly))\" width=\"\(f(bw))\" height=\"\(f(laneH))\" rx=\"2\" \(state.paint)>"
                    bands += "<title>\(esc(deliveryTooltip(b.line, state)))</title></rect>"
                }
            }
            y += h
        }
        var svg =
            "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int((y + 8).rounded(.up)))\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Planned and delivered sessions by region\">"
        svg +=
            "<defs><pattern id=\"rio-hatch\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"5\" height=\"5\" fill=\"#fdecea\"/><rect width=\"2\" height=\"5\" fill=\"#b3261e\"/></pattern></defs>"
        svg += monthGrid(scale, end: end, bottom: y) + bands + "</svg>"
        let legend =
            "<div class=\"legend mon-legend\"><span style=\"--c:#0b5cad\">delivered</span><span class=\"cancel\">cancelled</span><span class=\"pale\">not yet recorded</span></div>"
        return legend + svg
    }

    /// `Module — Region`, planned and actual dates, status, participants and women's share.
    func deliveryTooltip(_ s: MonitoringSummary.SessionLine, _ state: DeliveryState) -> String {
        var t = "\(context.moduleTitle(s.module)) — \(context.regionName(s.region))\nPlanned \(s.plannedStart.iso) to \(s.plannedEnd.iso)"
        if let a = s.actualStart { t += " · actual \(a.iso) to \((s.actualEnd ?? a).iso)" }
        t += "\n\(state.label)"
        if s.participants > 0 { t += " · \(s.participants) participants · women \(NationalReport.percent(s.women, of: s.disclosed))" }
        return t
    }

    /// Planned, delivered, cancelled and not yet recorded sessions per region, with a total row.
    func regionTable(_ m: MonitoringSummary) -> String {
        var h = "<table class=\"data\" id=\"monitoring-regions\"><thead><tr><th>Region</th><th class=\"num\">Planned</th><th class=\"num\">Delivered</th>"
        h += "<th class=\"num\">Cancelled</th><th class=\"num\">Not yet recorded</th><th class=\"num\">Delivered of planned</th></tr></thead><tbody>"
        var total = MonitoringSummary.RegionLine(region: "", planned: 0, delivered: 0, cancelled: 0)
        /// One row; `cls` is the `tr` element's class attribute, if any.
        func row(_ name: String, _ r: MonitoringSummary.RegionLine, _ cls: String) -> String {
            let open = max(r.planned - r.delivered - r.cancelled, 0)
            return "<tr\(cls)><td>\(esc(name))</td><td class=\"num\">\(r.planned)</td><td class=\"num\">\(r.delivered)</td><td class=\"num\">\(r.cancelled)</td>"
                + "<td class=\"num\">\(open)</td><td class=\"num\">\(NationalReport.percent(r.delivered, of: r.planned))</td></tr>"
        }
        for r in m.regions {
            total.planned += r.planned; total.delivered += r.delivered; total.cancelled += r.cancelled
            h += row(context.regionName(r.region), r, "")
        }
        h += row("All regions", total, " class=\"total\"")
        return h + "</tbody></table>"
    }

    /// A table of the sessions with participants: counts, a share bar with the 40% line, and a flag
    /// under 40%; then the list of sessions under 40%.
    func womenShare(_ m: MonitoringSummary) -> String {
        let attended = m.sessions.filter { $0.participants > 0 }
        guard !attended.isEmpty else { return "<p>No attendance is recorded yet.</p>" }
        var h = "<table class=\"data\" id=\"womens-share\"><thead><tr><th>Session</th><th>Module</th><th>Region</th><th class=\"num\">Participants</th>"
        h += "<th class=\"num\">Disclosed</th><th class=\"num\">Women</th><th class=\"num\">Share</th><th>Against 40%</th></tr></thead><tbody>"
        var under: [MonitoringSummary.SessionLine] = []
        for s in attended {
            let low = s.womenShare.map { $0 < 0.4 } ?? false
            if low { under.append(s) }
            h += "<tr\(low ? " class=\"under\"" : "")><td class=\"mono\">\(esc(s.session))</td><td>\(esc(context.moduleTitle(s.module)))</td>"
            h += "<td>\(esc(context.regionName(s.region)))</td><td class=\"num\">\(s.participants)</td><td class=\"num\">\(s.disclosed)</td>"
            h +=
                "<td class=\"num\">\(s.women)</td><td class=\"num\">\(NationalReport.percent(s.women, of: s.disclosed))\(low ? " <span class=\"flag\">under 40%</span>" : "")</td>"
            h += "<td class=\"share\">\(HTMLReport.shareBar(s.womenShare))</td></tr>"
        }
        h += "</tbody></table>"
        guard !under.isEmpty else { return h + "<p id=\"under-40-none\">No session is under 40%.</p>" }
        h += "<p class=\"flag\">Sessions under 40% women (of participants who disclosed their sex):</p><ul id=\"under-40\">"
        for s in under {
            h += "<li><span class=\"mono\">\(esc(s.session))</span> \(esc(context.moduleTitle(s.module))), \(esc(context.regionName(s.region))): "
            h += "\(NationalReport.percent(s.women, of: s.disclosed)) (\(s.women) of \(s.disclosed))</li>"
        }
        return h + "</ul>"
    }

    /// A 200 × 12 bar: the share filled (red under 40%), a dark line at 40%; `no one disclosed` without a share.
    static func shareBar(_ share: Double?) -> String {
        guard let share else { return "<span class=\"muted\">no one disclosed</span>" }
        let w = Int((min(max(share, 0), 1) * 200).rounded())
        let colour = share < 0.4 ? "#b3261e" : "#009E73"
        return "<svg width=\"200\" height=\"12\" viewBox=\"0 0 200 12\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"women's share\">"
            + "<rect width=\"200\" height=\"12\" fill=\"#f3f6f9\" stroke=\"#d9e0e7\"/><rect width=\"\(w)\" height=\"12\" fill=\"\(colour)\"/>"
            + "<line x1=\"80\" y1=\"0\" x2=\"80\" y2=\"12\" stroke=\"#1d2733\" stroke-width=\"1.5\"/></svg>"
    }

    /// Outcomes per convention by kind (`OutcomeKind.allCases` order), with totals.
    func outcomesTable(_ m: MonitoringSummary) -> String {
        let kinds = OutcomeKind.allCases
        var h = "<table class=\"data\" id=\"monitoring-outcomes\"><thead><tr><th>Convention</th>"
        for k in kinds { h += "<th class=\"num\">\(esc(k.rawValue.prefix(1).uppercased() + k.rawValue.dropFirst()))</th>" }
        h += "<th class=\"num\">Total</th></tr></thead><tbody>"
        for c in m.outcomes {
            let counts = kinds.indices.map { $0 < c.counts.count ? c.counts[$0] : 0 }
            let name = context.catalog.convention(c.convention)?.name ?? c.convention
            h += "<tr><td title=\"\(esc(name))\">\(esc(c.convention))</td>"
            for n in counts { h += "<td class=\"num\">\(n)</td>" }
            h += "<td class=\"num\"><b>\(counts.reduce(0, +))</b></td></tr>"
        }
        return h + "</tbody></table>"
    }
}
