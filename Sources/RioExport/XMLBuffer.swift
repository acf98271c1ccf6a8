/// A growing UTF-8 byte buffer for writing XML quickly, with escaping built in.
///
/// Text is escaped for XML 1.0: `&`, `<`, `>` and `"` become entities, tab, LF and CR character
/// references (so parsers keep them as written), and characters XML 1.0
/// forbids (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF) are dropped.
struct XMLBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    /// Appends markup as is (the caller's own tags and attribute values known to be safe).
    mutating func raw(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends a decimal integer.
    mutating func int(_ v: Int) { raw(String(v)) }

    /// Appends `text` escaped for element content or a double-quoted attribute value.
    mutating func text(_ text: String) {
        for u in text.unicodeScalars {
            switch u {
            case "&": raw("&amp;")
            case "<": raw("&lt;")
            case ">": raw("&gt;")
            case "\"": raw("&quot;")
            // Character references survive XML's line-end and attribute normalisation.
            case "\r": raw("&#13;")
            case "\n": raw("&#10;")
            case "\t": raw("&#9;")
            default:
                if !XMLBuffer.isAllowed(u) { continue }
                UTF8.encode(u) { bytes.append($0) }
            }
        }
    }

    /// Whether XML 1.0 allows `u` in a document (§2.2 Char).
    static func isAllowed(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x20 { return v == 0x09 || v == 0x0A || v == 0x0D }
        return v != 0xFFFE && v != 0xFFFF
    }

    /// `text` with the characters XML 1.0 forbids removed (used before measuring or truncating).
    static func cleaned(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy(isAllowed) { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter(isAllowed)))
    }
}
