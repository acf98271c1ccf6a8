/// A calendar date as a day number (days since 1970-01-01), with ISO 8601 text form.
///
/// Arithmetic on plain integers keeps the solver fast and free of time zones:
/// weekday and week follow from the number alone (1970-01-01 was a Thursday).
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var number: Int

    public init(number: Int) { self.number = number }

    /// Creates a day from year, month (1...12) and day of month; nil when no such date exists.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        number = era * 146097 + doe - 719468
    }

    /// Parses `YYYY-MM-DD` strictly; nil for anything else or an impossible date.
    public init?(iso text: String) {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == 45, u[7] == 45 else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard u[i] >= 48, u[i] <= 57 else { return nil }
                v = v * 10 + Int(u[i] - 48)
            }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// (year, month, day) of this date.
    public var components: (year: Int, month: Int, day: Int) {
        let z = number + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Monday = 0 ... Sunday = 6.
    public var weekday: Int { ((number + 3) % 7 + 7) % 7 }

    /// A number identifying the Monday-to-Sunday (ISO) week this day lies in.
    public var weekIndex: Int { (number + 3 >= 0 ? (number + 3) / 7 : (number + 3 - 6) / 7) }

    public var iso: String {
        let c = components
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    public var description: String { iso }

    public func adding(days: Int) -> Day { Day(number: number + days) }

    public static func < (a: Day, b: Day) -> Bool { a.number < b.number }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let d = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

/// An inclusive range of days.
public struct DayRange: Sendable, Hashable, Codable {
    public var start: Day
    public var end: Day
    public init(start: Day, end: Day) { self.start = start; self.end = end }
    public func contains(_ d: Day) -> Bool { start <= d && d <= end }
    /// True when any day of `first...last` lies in this range.
    public func overlaps(first: Day, last: Day) -> Bool { first <= end && start <= last }
    public var description: String { "\(start.iso)..\(end.iso)" }
}
