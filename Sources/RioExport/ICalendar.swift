import Foundation
import RioModel

/// An iCalendar feed (RFC 5545 with RFC 7986 names) of a plan's sessions, one all-day event each.
///
/// Output is a pure function of the plan, its inputs, the filter, the stamp and the history:
/// exporting the same plan twice gives the same bytes. Each event's `UID` is
/// `<session id>@rioplan`, stable across re-plans, so subscribed calendars update in place.
public struct ICalendar: Sendable {
    /// What is known of earlier versions of the plan (issue 5 fills it from plan history).
    public struct History: Sendable, Hashable {
        /// `SEQUENCE` per session id; sessions not listed get 0.
        public var sequence: [String: Int]
        /// Sessions of an earlier version that this plan dropped: exported with `STATUS:CANCELLED`
        /// (their sequence from `sequence`, which the caller raises), so clients remove them.
        public var cancelled: [PlanSession]

        public init(sequence: [String: Int] = [:], cancelled: [PlanSession] = []) {
            self.sequence = sequence; self.cancelled = cancelled
        }
    }

    public var context: ExportContext
    public var filter: CalendarFilter
    /// `DTSTAMP` and `LAST-MODIFIED` of every event: when the plan was made, not the export clock.
    public var stamp: Date
    public var history: History

    public init(context: ExportContext, filter: CalendarFilter = CalendarFilter(), stamp: Date, history: History = History()) {
        self.context = context; self.filter = filter; self.stamp = stamp; self.history = history
    }

    /// The sessions the calendar shows, in plan order.
    public var sessions: [PlanSession] { context.plan.sessions.filter(filter.matches) }

    /// The calendar's name: the plan, then the filter in words.
    public var name: String {
        let base = "RioPlan \(context.plan.name)"
        return filter.isEmpty ? base : "\(base) (\(filter.label))"
    }

    /// The whole `.ics` file: UTF-8, CRLF line ends, folded at 75 octets.
    ///
    /// - Complexity: O(total text), about 1 KB per session.
    public func render() -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(1200 * (context.plan.sessions.count + 4))
        func line(_ s: String) { ICalendarText.fold(s, into: &out) }
        let organizer = organizerProperty
        line("BEGIN:VCALENDAR")
        line("VERSION:2.0")
        line("PRODID:-//RioPlan//rioplan export ics//EN")
        line("CALSCALE:GREGORIAN")
        if organizer != nil { line("METHOD:PUBLISH") }
        line("NAME:" + ICalendarText.escape(name))
        line("X-WR-CALNAME:" + ICalendarText.escape(name))
        let title = context.request.title.isEmpty ? context.plan.name : context.request.title
        line("DESCRIPTION:" + ICalendarText.escape("\(title): sessions of plan \(context.plan.name)"))
        line("X-WR-CALDESC:" + ICalendarText.escape("\(title): sessions of plan \(context.plan.name)"))
        line("REFRESH-INTERVAL;VALUE=DURATION:PT12H")
        line("X-PUBLISHED-TTL:PT12H")
        let stampText = ICalendar.utcStamp(stamp)
        for s in sessions {
            event(s, status: "CONFIRMED", stamp: stampText, organizer: organizer, line)
        }
        for s in history.cancelled where filter.matches(s) {
            event(s, status: "CANCELLED", stamp: stampText, organizer: organizer, line)
        }
        line("END:VCALENDAR")
        return Data(out)
    }

    /// `ORGANIZER;CN="Name":mailto:email`, or nil when the request names no organizer.
    var organizerProperty: String? {
        guard let o = context.request.organizer else { return nil }
        let email = String(
            String.UnicodeScalarView(
                o.email.unicodeScalars.filter {
                    $0.value > 0x20 && $0.value != 0x7F && $0 != "\"" && $0 != ";" && $0 != ","
                }))
        guard email.contains("@") else { return nil }
        return "ORGANIZER;CN=" + ICalendarText.quotedParameter(o.name) + ":mailto:" + email
    }

    private func event(_ s: PlanSession, status: String, stamp: String, organizer: String?, _ line: (String) -> Void) {
        let esc = ICalendarText.escape
        line("BEGIN:VEVENT")
        line("UID:" + esc(s.id + "@rioplan"))
        line("DTSTAMP:" + stamp)
        line("LAST-MODIFIED:" + stamp)
        if let first = s.startDay {
            line("DTSTART;VALUE=DATE:" + ICalendar.basicDate(first))
            // DTEND is exclusive: the day after the last day.
            let last = s.endDay ?? first.adding(days: max(s.days, 1) - 1)
            line("DTEND;VALUE=DATE:" + ICalendar.basicDate(last.adding(days: 1)))
        }
        line("SUMMARY:" + esc("\(context.moduleTitle(s.module)) — \(context.regionName(s.region))"))
        line("LOCATION:" + esc(context.locationText(s)))
        line("DESCRIPTION:" + esc(description(of: s)))
        let labels = s.themes.map { esc(context.themeLabel($0)) }
        if !labels.isEmpty { line("CATEGORIES:" + labels.joined(separator: ",")) }
        if let organizer { line(organizer) }
        line("STATUS:" + status)
        line("SEQUENCE:\(max(0, history.sequence[s.id] ?? 0))")
        line("TRANSP:OPAQUE")
        line("END:VEVENT")
    }

    /// The event's description: what a liaison office needs to know, one fact a line.
    func description(of s: PlanSession) -> String {
        let cur = context.plan.currency
        var lines: [String] = []
        lines.append("\(context.moduleTitle(s.module)) (\(s.module)) in \(context.regionName(s.region))")
        lines.append("Language: \(s.language)")
        let trainers = s.trainers.map { t -> String in
            guard let tr = context.request.trainer(t) else { return t }
            return "\(tr.name) (\(tr.org))"
        }
        lines.append("Trainers: " + (trainers.isEmpty ? "none" : trainers.joined(separator: ", ")))
        lines.append("Conventions: " + s.conventions.joined(separator: ", "))
        if !s.mandates.isEmpty {
            lines.append("Mandates:")
            for m in s.mandates {
                if let man = context.catalog.mandate(m) {
                    // "UNCCD decision 3/COP.15", unless the symbol names its convention already.
                    let symbol = man.symbol.contains(man.convention) ? man.symbol : "\(man.convention) \(man.symbol)"
                    lines.append("- \(symbol): \(man.title)")
                } else {
                    lines.append("- \(m)")
                }
            }
        }
        lines.append("Participants: \(s.participants)")
        let funding = s.funding.map { "\($0.source) \(Money.text($0.amount))" }.joined(separator: "; ")
        lines.append("Cash: \(Money.amount(s.cost.cash, cur))" + (funding.isEmpty ? "" : " (\(funding))"))
        lines.append("In-kind: \(Money.amount(s.cost.inKind, cur))")
        lines.append("Session: \(s.id)")
        return lines.joined(separator: "\n")
    }

    /// `20270302` for 2027-03-02.
    static func basicDate(_ d: Day) -> String {
        let c = d.components
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
        }
        return pad(c.year, 4) + pad(c.month, 2) + pad(c.day, 2)
    }

    /// `20270302T101500Z`: a UTC date-time of whole seconds.
    public static func utcStamp(_ date: Date) -> String {
        let secs = Int(date.timeIntervalSince1970.rounded(.down))
        let dayNumber = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400
        let rest = secs - dayNumber * 86400
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return basicDate(Day(number: dayNumber)) + "T" + two(rest / 3600) + two(rest / 60 % 60) + two(rest % 60) + "Z"
    }

    /// Parses `--dtstamp`: `20270101T000000Z`, `2027-01-01T00:00:00Z` or `2027-01-01` (midnight UTC).
    public static func parseStamp(_ text: String) -> Date? {
        let digits = text.filter(\.isNumber)
        let shapeOK = text.count == 10 ? digits.count == 8 : (text.hasSuffix("Z") && digits.count == 14)
        guard shapeOK else { return nil }
        let d = Array(digits)
        func num(_ r: Range<Int>) -> Int { Int(String(d[r])) ?? -1 }
        guard let day = Day(year: num(0..<4), month: num(4..<6), day: num(6..<8)) else { return nil }
        var secs = day.number * 86400
        if d.count == 14 {
            let h = num(8..<10), m = num(10..<12), s = num(12..<14)
            guard (0..<24).contains(h), (0..<60).contains(m), (0..<60).contains(s) else { return nil }
            secs += h * 3600 + m * 60 + s
        }
        return Date(timeIntervalSince1970: TimeInterval(secs))
    }
}
