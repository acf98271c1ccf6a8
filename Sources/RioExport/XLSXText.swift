/// Text as SpreadsheetML stores it: the shared-string table and the `_xHHHH_` escapes.
enum XLSXText {
    /// The strings of `xl/sharedStrings.xml`: each `<si>`'s `<t>`, or its rich-text runs' `<t>`
    /// joined, leaving out phonetic runs (`<rPh>`), escapes decoded by the cell reader.
    static func sharedStrings(_ xml: [UInt8], book: XLSXWorkbook, part: String) throws -> [String] {
        var strings: [String] = []
        var current = ""
        var inItem = false, inText = false, phonetic = false
        try book.parse(xml, part: part) { event in
            switch event {
            case .start(let e):
                switch e.name {
                case "si": inItem = true; current = ""
                case "t": inText = inItem
                case "rPh": phonetic = true
                default: break
                }
            case .end(let name):
                switch name {
                case "si":
                    strings.append(current); inItem = false
                case "t": inText = false
                case "rPh": phonetic = false
                default: break
                }
            case .text(let text):
                if inText && !phonetic { current += text }
            }
        }
        return strings
    }

    /// `raw` with `_xHHHH_` (a UTF-16 code unit written as hex) decoded, as Excel writes control
    /// characters and a literal `_x` (`_x005F_`).
    static func unescaped(_ raw: String) -> String {
        guard raw.contains("_x") else { return raw }
        let u = Array(raw.utf16)
        var out: [UInt16] = []
        out.reserveCapacity(u.count)
        var i = 0
        while i < u.count {
            if u[i] == 0x5F, i + 6 < u.count, u[i + 1] == 0x78, u[i + 6] == 0x5F,
                let code = UInt16(String(decoding: u[(i + 2)..<(i + 6)], as: UTF16.self), radix: 16)
            {
                out.append(code)
                i += 7
            } else {
                out.append(u[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF16.self)
    }

    /// `text` without leading and trailing spaces, tabs and line ends.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        /// Whether `u` is XML white space.
        func isSpace(_ u: Unicode.Scalar) -> Bool { u == " " || u == "\t" || u == "\r" || u == "\n" }
        guard let a = scalars.firstIndex(where: { !isSpace($0) }), let b = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[a...b])
    }
}
