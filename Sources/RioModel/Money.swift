/// Whole-unit money and counts as text with thousands separators, independent of the locale.
///
/// The one money formatter of RioPlan: the command line, the calendars, the workbooks and the
/// report all print amounts through it. Money is always an integer number of currency units.
public enum Money {
    /// `1234567` → `1,234,567`; `-1200` → `-1,200`; `Int.min` is printed, not trapped on.
    public static func text(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3 + 1)
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }

    /// `41400, "USD"` → `41,400 USD` (the amount alone when the currency is empty).
    public static func amount(_ value: Int, _ currency: String) -> String {
        currency.isEmpty ? text(value) : "\(text(value)) \(currency)"
    }
}
