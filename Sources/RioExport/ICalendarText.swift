/// The text rules of iCalendar content lines (RFC 5545 §3.1 and §3.3.11).
public enum ICalendarText {
    /// Escapes a TEXT value: `\` first, then `;`, `,`, and every CR, LF or CRLF as `\n`.
    ///
    /// Other control characters (which RFC 5545 does not allow in TEXT) are dropped and a tab
    /// becomes a space, so a value can never end its content line early: a title holding CRLF
    /// and `BEGIN:VEVENT` stays one line of text. Works on UTF-8 bytes: every byte it changes
    /// is ASCII, and bytes of multi-byte characters (all 0x80 and above) pass through.
    public static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        var previousCR = false
        for b in text.utf8 {
            if b == 10 && previousCR { previousCR = false; continue }
            previousCR = false
            switch b {
            case 92: out.append(92); out.append(92)  // \
            case 59: out.append(92); out.append(59)  // ;
            case 44: out.append(92); out.append(44)  // ,
            case 13: out.append(92); out.append(110); previousCR = true
            case 10: out.append(92); out.append(110)
            case 9: out.append(32)
            case 0..<32, 127: continue
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
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
        var afterBackslash = false
        var line = line
        line.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                // The whole character (lead byte and its continuation bytes) goes on one line.
                var width = 1
                while i + width < bytes.count && bytes[i + width] & 0xC0 == 0x80 { width += 1 }
                // A `\` travels with the character after it: reserve room for both.
                let escapes = b == 92 && !afterBackslash
                var need = width
                if escapes, i + 1 < bytes.count {
                    need += 1
                    while i + need < bytes.count && bytes[i + need] & 0xC0 == 0x80 { need += 1 }
                }
                if used + need > limit && !afterBackslash {
                    out.append(13); out.append(10); out.append(32)
                    used = 1
                }
                for k in i..<(i + width) { out.append(bytes[k]) }
                used += width
                afterBackslash = escapes
                i += width
            }
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
