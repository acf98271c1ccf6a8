import Foundation

/// HTTP dates (RFC 9110 IMF-fixdate): `Sun, 06 Nov 1994 08:49:37 GMT`.
enum HTTPDate {
    static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static var utc: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "GMT") ?? .current
        return c
    }

    static func format(_ date: Date) -> String {
        let c = utc.dateComponents([.weekday, .year, .month, .day, .hour, .minute, .second], from: date)
        let day = days[((c.weekday ?? 1) - 1 + 7) % 7], month = months[((c.month ?? 1) - 1 + 12) % 12]
        let clock = String(format: "%02d:%02d:%02d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
        return "\(day), \(String(format: "%02d", c.day ?? 1)) \(month) \(String(format: "%04d", c.year ?? 1970)) \(clock) GMT"
    }

    /// An IMF-fixdate; nil for anything else (the obsolete forms are not accepted: a client
    /// sending one gets the full feed, which is always correct).
    static func parse(_ text: String) -> Date? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]), let month = months.firstIndex(of: String(parts[2])),
            let year = Int(parts[3])
        else { return nil }
        let time = parts[4].split(separator: ":").compactMap { Int($0) }
        guard time.count == 3 else { return nil }
        let components = DateComponents(year: year, month: month + 1, day: day, hour: time[0], minute: time[1], second: time[2])
        return utc.date(from: components)
    }
}
