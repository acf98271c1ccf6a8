/// RFC 4180 fields and records: the one CSV escaper of RioPlan (catalog reports, co-financing
/// sheets, every `--format csv`).
public enum CSVText {
    /// Whether `text` must be quoted: it holds a comma, a quote, CR or LF.
    public static func needsQuotes(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
    }

    /// `text` as one CSV field: quoted when needed, with quotes doubled.
    public static func field(_ text: String) -> String {
        needsQuotes(text) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// One record: fields joined by commas, ended by CRLF.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }
}
