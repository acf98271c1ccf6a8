/// Whole-unit money and counts as text with thousands separators, independent of the locale.
public enum MoneyText {
    /// `1234567` → `1,234,567`; `-1200` → `-1,200`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }

    /// `41400, "USD"` → `41,400 USD`.
    public static func amount(_ value: Int, _ currency: String) -> String {
        currency.isEmpty ? grouped(value) : "\(grouped(value)) \(currency)"
    }
}
