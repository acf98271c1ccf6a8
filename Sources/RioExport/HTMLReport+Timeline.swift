import RioModel

/// The Gantt timeline: one band per region, sessions packed into lanes so none overlap.
extension HTMLReport {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Regions in catalog order that have sessions, then any others the plan names (sorted).
    func regionOrder() -> [String] {
        let used = Set(context.plan.sessions.map(\.region))
        let known = context.catalog.regions.map(\.id).filter(used.contains)
        let extra = used.subtracting(known).sorted()
        return known + extra
    }

    /// Greedy lanes: each session goes to the first lane whose last session ended before it starts.
    ///
    /// - Complexity: O(sessions × lanes).
    static func lanes(_ sessions: [PlanSession]) -> [[PlanSession]] {
        var lanes: [[PlanSession]] = []
        var lastEnd: [Int] = []
        for s in sessions.sorted(by: { ($0.start, $0.id) < ($1.start, $1.id) }) {
            guard let a = s.startDay?.number else { continue }
            let b = s.endDay?.number ?? a
            if let i = lastEnd.firstIndex(where: { $0 < a }) {
                lanes[i].append(s); lastEnd[i] = b
            } else {
                lanes.append([s]); lastEnd.append(b)
            }
        }
        return lanes
    }

    /// Horizontal placement of days on the timeline, and the number format of its coordinates.
    struct TimelineScale {
        let start: Day
        let span: Double
        let labelWidth: Double
        let plotWidth: Double

        /// The x coordinate of the left edge of day number `d`.
        func x(_ d: Int) -> Double { labelWidth + Double(d - start.number) / span * plotWidth }

        /// A coordinate with one decimal.
        static func f(_ v: Double) -> String { String(Int((v * 10).rounded())).withDecimal }
    }

    /// One region's band of the timeline: its label lines, its lanes of sessions, its place.
    typealias TimelineBand = (region: String, name: [String], lanes: [[PlanSession]], y: Double, h: Double)

    static let timelineWidth = 1260.0, timelineTop = 26.0, laneHeight = 13.0, laneGap = 3.0, bandPadding = 7.0

    /// The timeline as inline SVG with month gridlines and a tooltip (`<title>`) on every bar.
    func timeline() -> String {
        let plan = context.plan
        guard !plan.sessions.isEmpty else { return "<p>No sessions are scheduled.</p>" }
        let firstSession = plan.sessions.compactMap(\.startDay).min()
        let lastSession = plan.sessions.compactMap { $0.endDay ?? $0.startDay }.max()
        guard let h0 = Day(iso: plan.horizon.start) ?? firstSession, let h1 = Day(iso: plan.horizon.end) ?? lastSession else {
            return "<p>The plan's dates cannot be read.</p>"
        }
        let start = min(h0, firstSession ?? h0), end = max(h1, lastSession ?? h1)
        let width = HTMLReport.timelineWidth, labelW = 250.0, top = HTMLReport.timelineTop
        let scale = TimelineScale(start: start, span: Double(end.number - start.number + 1), labelWidth: labelW, plotWidth: width - labelW - 10)
        let f = TimelineScale.f
        let bands = timelineBands()
        let y = bands.last.map { $0.y + $0.h } ?? top
        let height = y + 8
        var svg =
            "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height.rounded(.up)))\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Timeline of sessions by region\">"
        for (i, b) in bands.enumerated() where i % 2 == 0 {
            svg += "<rect x=\"0\" y=\"\(f(b.y))\" width=\"\(Int(width))\" height=\"\(f(b.h))\" fill=\"#f3f6f9\"/>"
        }
        svg += monthGrid(scale, end: end, bottom: y)
        svg += "<line x1=\"\(f(scale.x(start.number)))\" y1=\"\(f(top - 6))\" x2=\"\(f(scale.x(start.number)))\" y2=\"\(f(y))\" stroke=\"#c9d3dd\"/>"
        svg += "<line x1=\"\(f(scale.x(end.number + 1)))\" y1=\"\(f(top - 6))\" x2=\"\(f(scale.x(end.number + 1)))\" y2=\"\(f(y))\" stroke=\"#c9d3dd\"/>"
        for b in bands { svg += bandSVG(b, scale) }
        svg += "</svg>"
        let legend = (1...3).map { n in
            "<span style=\"--c:\(HTMLReport.jointColour(n))\">\(n == 1 ? "one convention" : n == 2 ? "two conventions" : "all three conventions")</span>"
        }.joined()
        return "<div class=\"legend\">\(legend)</div>" + svg
    }

    /// The regions' bands, top to bottom, each tall enough for its lanes and its label.
    func timelineBands() -> [TimelineBand] {
        var bands: [TimelineBand] = []
        var y = HTMLReport.timelineTop
        for r in regionOrder() {
            let ls = HTMLReport.lanes(context.plan.sessions.filter { $0.region == r })
            let name = HTMLReport.wrap(context.regionName(r), width: 32)
            let lanesH = HTMLReport.bandPadding * 2 + Double(max(ls.count, 1)) * (HTMLReport.laneHeight + HTMLReport.laneGap) - HTMLReport.laneGap
            let labelH = Double(name.count) * 14 + 13 + 10
            let h = max(lanesH, labelH)
            bands.append((r, name, ls, y, h))
            y += h
        }
        return bands
    }

    /// Month gridlines and labels from the first month of the timeline to `end`.
    func monthGrid(_ scale: TimelineScale, end: Day, bottom y: Double) -> String {
        let f = TimelineScale.f, top = HTMLReport.timelineTop, start = scale.start
        var svg = ""
        let c = start.components
        var month = Day(year: c.year, month: c.month, day: 1) ?? start
        while month <= end {
            let next =
                month.components.month == 12
                ? Day(year: month.components.year + 1, month: 1, day: 1) : Day(year: month.components.year, month: month.components.month + 1, day: 1)
            let a = max(month.number, start.number), bEnd = min((next ?? end.adding(days: 1)).number, end.number + 1)
            if month.number >= start.number {
                svg += "<line x1=\"\(f(scale.x(a)))\" y1=\"\(f(top - 6))\" x2=\"\(f(scale.x(a)))\" y2=\"\(f(y))\" stroke=\"#c9d3dd\" stroke-width=\"1\"/>"
            }
            if bEnd - a >= 10 {
                let name = HTMLReport.monthNames[month.components.month - 1] + (month.components.month == 1 ? " \(month.components.year)" : "")
                svg += "<text class=\"month\" x=\"\(f((scale.x(a) + scale.x(bEnd)) / 2))\" y=\"\(f(top - 10))\" text-anchor=\"middle\">\(esc(name))</text>"
            }
            guard let n = next else { break }
            month = n
        }
        return svg
    }

    /// One band: the region's label block (name lines, then the count, centred) and its bars.
    func bandSVG(_ b: TimelineBand, _ scale: TimelineScale) -> String {
        let f = TimelineScale.f, laneH = HTMLReport.laneHeight, laneGap = HTMLReport.laneGap
        var svg = ""
        let count = b.lanes.reduce(0) { $0 + $1.count }
        let blockH = Double(b.name.count) * 14 + 13
        var ty = b.y + (b.h - blockH) / 2 + 11
        for part in b.name {
            svg += "<text class=\"region\" x=\"8\" y=\"\(f(ty))\">\(esc(part))</text>"
            ty += 14
        }
        svg += "<text class=\"month\" x=\"8\" y=\"\(f(ty))\">\(count) session\(count == 1 ? "" : "s")</text>"
        for (li, lane) in b.lanes.enumerated() {
            let lanesH = Double(max(b.lanes.count, 1)) * (laneH + laneGap) - laneGap
            let ly = b.y + (b.h - lanesH) / 2 + Double(li) * (laneH + laneGap)
            for s in lane {
                guard let a = s.startDay?.number else { continue }
                let e = (s.endDay?.number ?? a) + 1
                let bx = scale.x(a), bw = max(scale.x(e) - bx, 2.5)
                svg +=
                    "<rect x=\"\(f(bx))\" y=\"\(f(ly))\" width=\"\(f(bw))\" height=\"\(f(laneH))\" rx=\"2\" fill=\"\(HTMLReport.jointColour(s.conventions.count))\" stroke=\"#ffffff\" stroke-width=\"0.6\">"
                svg += "<title>\(esc(tooltip(s)))</title></rect>"
            }
        }
        return svg
    }

    /// Splits `text` into lines of at most `width` characters at spaces (a longer word gets its own line).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }

    func tooltip(_ s: PlanSession) -> String {
        let trainers = s.trainers.map(context.trainerName).joined(separator: ", ")
        return "\(context.moduleTitle(s.module)) — \(context.regionName(s.region))\n\(s.start) to \(s.end) · \(context.locationText(s)) · \(s.language)\n"
            + "Conventions: \(s.conventions.joined(separator: ", "))\nTrainers: \(trainers)\n"
            + "\(s.participants) participants · cash \(Money.amount(s.cost.cash, context.plan.currency))"
    }
}

private extension String {
    /// `1234` (tenths) → `123.4`.
    var withDecimal: String {
        guard let v = Int(self) else { return self }
        let sign = v < 0 ? "-" : ""
        let m = v.magnitude
        return m % 10 == 0 ? "\(sign)\(m / 10)" : "\(sign)\(m / 10).\(m % 10)"
    }
}
