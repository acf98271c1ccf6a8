/// The text rules of iCalendar content lines (RFC 5545 §3.1 and §3.3.11).
public enum ICalendarText {
    /// Escapes a TEXT value: `\` first, then `;`, `,`, and every CR, LF or CRLF as `\n`.
    ///
    /// Other control characters (which RFC 5545 does not allow in TEXT) are dropped, so a
    /// value can never end its content line early: a title holding CRLF and `BEGIN:VEVENT`
    /// stays one line of text.
    public static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for u in text.unicodeScalars {
            if u == "\n" && previousCR { previousCR = false; continue }
            previousCR = false
            switch u {
            case "\\": out.append("\\"); out.append("\\")
            case ";": out.append("\\"); out.append(";")
            case ",": out.append("\\"); out.append(",")
            case "\r": out.append("\\"); out.append("n"); previousCR = true
            case "\n": out.append("\\"); out.append("n")
            case "\t": out.append(" ")
            default:
                if u.value < 0x20 || u.value == 0x7F { continue }
                out.append(u)
            }
        }
        return String(out)
    }

    /// A parameter value (such as `CN`): always double-quoted, with `"` and control characters removed.
    public static func quotedParameter(_ text: String) -> String {
        let kept = text.unicodeScalars.filter { $0 != "\"" && $0.value >= 0x20 && $0.value != 0x7F }
        return "\"" + String(String.UnicodeScalarView(kept)) + "\""
    }

    /// Folds one content line into physical lines of at most 75 octets, each ending in CRLF.
    ///
    /// Continuation lines begin with one space, which counts toward the 75. A fold never falls
    /// inside a UTF-8 character nor between a `\` and the character it escapes.
    ///
    /// - Complexity: O(n) in the line's length.
    public static func fold(_ line: String, into out: inout [UInt8]) {
        let limit = 75
        var used = 0
        var pendingEscape = false
        for u in line.unicodeScalars {
            let width = UTF8.width(u)
            // A `\` travels with the character after it: reserve room for both.
            let need = (u == "\\" && !pendingEscape) ? width + 1 : width
            if used + need > limit {
                out.append(13); out.append(10); out.append(32)
                used = 1
            }
            UTF8.encode(u) { out.append($0) }
            used += width
            pendingEscape = (u == "\\" && !pendingEscape)
        }
        out.append(13); out.append(10)
    }

    /// `fold` for a single line, as a String (tests and small outputs).
    public static func folded(_ line: String) -> String {
        var bytes: [UInt8] = []
        fold(line, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
