/// Text that is safe to put in a spreadsheet cell.
///
/// OWASP's CSV-injection advice: a text cell that begins with `=`, `+`, `-`, `@`, tab, CR or LF
/// may be run as a formula when a person opens or edits it. Such text gets a leading `'`, in CSV
/// and XLSX alike; numbers the tool writes are numbers and are never touched.
public enum SpreadsheetText {
    /// The first characters that make a spreadsheet treat text as a formula.
    static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\n"]

    /// `text`, prefixed with `'` when it could be taken for a formula.
    public static func neutralised(_ text: String) -> String {
        needsPrefix(text) ? "'" + text : text
    }

    /// Whether `text` begins with a formula trigger.
    public static func needsPrefix(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return triggers.contains(first)
    }
}
