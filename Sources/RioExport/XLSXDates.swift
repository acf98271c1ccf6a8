import RioModel

/// Excel's serial day numbers as days.
///
/// In the 1900 date system serial 1 is 1900-01-01 and serial 60 is 1900-02-29, a day that never
/// was (Lotus 1-2-3's leap-year bug, kept by Excel): from serial 61 (1900-03-01) on, day =
/// 1899-12-30 + serial. In the 1904 system (old Mac workbooks, `date1904`) serial 0 is 1904-01-01.
/// A time of day is dropped (the day is the serial's whole part).
enum XLSXDates {
    /// 1899-12-30 and 1904-01-01 as day numbers.
    static let epoch1900 = -25_569, epoch1904 = -24_107
    /// Serial numbers past this (9999-12-31) are not dates.
    static let maxSerial = 2_958_465.0

    /// The value of a number cell with a date style: a date, the text `1900-02-29`, or the number
    /// itself when it is no day (negative, under 1 in the 1900 system, or past year 9999).
    static func value(serial: Double, date1904: Bool) -> Sheet.Value {
        let whole = serial.rounded(.down)
        guard whole >= 0, whole <= maxSerial else { return .number(serial) }
        let n = Int(whole)
        if date1904 { return .date(Day(number: epoch1904 + n)) }
        if n == 0 { return .number(serial) }
        if n == 60 { return .text("1900-02-29") }
        return .date(Day(number: epoch1900 + n + (n < 60 ? 1 : 0)))
    }

    /// A `t="d"` cell's ISO 8601 date (`2027-03-01` or `2027-03-01T09:30:00`).
    static func iso(_ text: String) -> Day? {
        Day(iso: String(text.prefix(10)))
    }
}
