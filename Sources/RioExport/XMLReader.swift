import Foundation

/// A small non-validating XML 1.0 reader for the parts of a workbook: start tags, end tags and
/// text, delivered in document order to a handler.
///
/// It knows what workbooks hold and nothing more: elements and attributes (names given without
/// their namespace prefix, since writers differ in prefixes: `x:row` and `row` are the same),
/// the five predefined entities and character references, CDATA sections, comments and
/// processing instructions (skipped). Line ends are normalised to LF as XML requires, and tab, CR
/// and LF written literally in attribute values become spaces. A document type declaration is
/// refused: no workbook part has one, and entity definitions are how XML bombs work. Text is
/// passed on exactly as written otherwise; `xml:space` needs no handling because nothing is
/// trimmed.
struct XMLReader {
    /// A start tag: its local name and attributes (local names, decoded values).
    struct Element {
        var name: String
        var attributes: [(name: String, value: String)]

        /// The value of the attribute whose local name is `name`.
        func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    }

    /// What the reader meets, in order.
    enum Event {
        case start(Element)
        case end(String)
        case text(String)
    }

    /// Why a part is not well-formed, with the 1-based line where it was found.
    struct Failure: Error {
        var message: String
        var line: Int
    }

    private let bytes: [UInt8]
    private var index = 0

    /// A reader positioned at the start of `bytes`.
    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// Reads `data` from start to end, calling `handler` for every event.
    ///
    /// Throws `Failure` when the part is not well-formed enough to read, and rethrows what the
    /// handler throws.
    ///
    /// - Complexity: O(bytes).
    static func parse(_ data: [UInt8], _ handler: (Event) throws -> Void) throws {
        var reader = XMLReader(bytes: XMLReader.utf8(data))
        try reader.run(handler)
    }

    /// The part as UTF-8: without a UTF-8 byte-order mark, or converted from UTF-16.
    static func utf8(_ data: [UInt8]) -> [UInt8] {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(data.dropFirst(3)) }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            if let s = String(data: Data(data), encoding: .utf16) { return Array(s.utf8) }
        }
        return data
    }

    /// Reads every node, keeping the element depth, and checks that all elements close.
    private mutating func run(_ handler: (Event) throws -> Void) throws {
        var depth = 0
        while index < bytes.count {
            if bytes[index] != UInt8(ascii: "<") {
                let text = try readText()
                if depth > 0 { try handler(.text(text)) }
                continue
            }
            if starts("<?") {
                try skip(past: "?>")
            } else if starts("<!--") {
                try skip(past: "-->")
            } else if starts("<![CDATA[") {
                index += 9
                let from = index
                try skip(past: "]]>")
                if depth > 0 { try handler(.text(XMLReader.lineEnds(bytes[from..<(index - 3)]))) }
            } else if starts("<!") {
                throw fail("a document type declaration (<!DOCTYPE>), which workbooks never hold")
            } else if starts("</") {
                index += 2
                let name = readName()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { throw fail("an end tag that is not closed") }
                index += 1
                depth -= 1
                guard depth >= 0 else { throw fail("an end tag </\(name)> without a start tag") }
                try handler(.end(name))
            } else {
                let (element, empty) = try readStartTag()
                try handler(.start(element))
                if empty { try handler(.end(element.name)) } else { depth += 1 }
            }
        }
        guard depth == 0 else { throw fail("the part ends before its elements are closed") }
    }

    /// Whether the bytes at `index` spell `prefix`.
    private func starts(_ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard index + n <= bytes.count else { return false }
        let p = prefix.utf8Start
        for k in 0..<n where bytes[index + k] != p[k] { return false }
        return true
    }

    /// Moves `index` past the next `end`.
    private mutating func skip(past end: StaticString) throws {
        while index < bytes.count {
            if starts(end) {
                index += end.utf8CodeUnitCount
                return
            }
            index += 1
        }
        throw fail("a comment, CDATA section or instruction that never ends")
    }

    /// Moves `index` past white space.
    private mutating func skipSpace() {
        while index < bytes.count, XMLReader.isSpace(bytes[index]) { index += 1 }
    }

    /// Whether `b` is XML white space.
    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// A name, without its namespace prefix.
    private mutating func readName() -> String {
        let from = index
        var colon = from - 1
        while index < bytes.count {
            let b = bytes[index]
            if XMLReader.isSpace(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: ">") || b == UInt8(ascii: "=") { break }
            if b == UInt8(ascii: ":") { colon = index }
            index += 1
        }
        return String(decoding: bytes[(colon + 1)..<index], as: UTF8.self)
    }

    /// A start tag from its `<`: the element and whether it is empty (`/>`).
    private mutating func readStartTag() throws -> (Element, Bool) {
        index += 1
        let name = readName()
        guard !name.isEmpty else { throw fail("a `<` that starts no element (write it as &lt;)") }
        var attributes: [(name: String, value: String)] = []
        while true {
            skipSpace()
            guard index < bytes.count else { throw fail("a start tag <\(name)> that is not closed") }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                return (Element(name: name, attributes: attributes), false)
            }
            if starts("/>") {
                index += 2
                return (Element(name: name, attributes: attributes), true)
            }
            let attribute = readName()
            skipSpace()
            guard !attribute.isEmpty, index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                throw fail("an attribute without a value in <\(name)>")
            }
            index += 1
            skipSpace()
            attributes.append((attribute, try readAttributeValue()))
        }
    }

    /// A quoted attribute value, decoded, with literal tab, CR and LF as spaces.
    private mutating func readAttributeValue() throws -> String {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
            throw fail("an attribute value that is not quoted")
        }
        let quote = bytes[index]
        index += 1
        var out: [UInt8] = []
        while index < bytes.count, bytes[index] != quote {
            let b = bytes[index]
            if b == UInt8(ascii: "&") {
                try readReference(into: &out)
            } else if b == UInt8(ascii: "<") {
                throw fail("a `<` inside an attribute value")
            } else {
                out.append(XMLReader.isSpace(b) ? 0x20 : b)
                index += 1
            }
        }
        guard index < bytes.count else { throw fail("an attribute value that never ends") }
        index += 1
        return String(decoding: out, as: UTF8.self)
    }

    /// Text up to the next `<`, with references decoded and line ends normalised.
    private mutating func readText() throws -> String {
        var out: [UInt8] = []
        while index < bytes.count, bytes[index] != UInt8(ascii: "<") {
            let b = bytes[index]
            if b == UInt8(ascii: "&") {
                try readReference(into: &out)
            } else if b == 0x0D {
                out.append(0x0A)
                index += 1
                if index < bytes.count, bytes[index] == 0x0A { index += 1 }
            } else {
                out.append(b)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// An entity or character reference from its `&`, appended as UTF-8.
    private mutating func readReference(into out: inout [UInt8]) throws {
        let from = index + 1
        var end = from
        while end < bytes.count, end - from < 12, bytes[end] != UInt8(ascii: ";") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";") else { throw fail("an `&` that starts no reference (write it as &amp;)") }
        let name = String(decoding: bytes[from..<end], as: UTF8.self)
        index = end + 1
        let scalar: Unicode.Scalar?
        switch name {
        case "lt": scalar = "<"
        case "gt": scalar = ">"
        case "amp": scalar = "&"
        case "quot": scalar = "\""
        case "apos": scalar = "'"
        default:
            if name.hasPrefix("#x") {
                scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if name.hasPrefix("#") {
                scalar = UInt32(name.dropFirst(1), radix: 10).flatMap(Unicode.Scalar.init)
            } else {
                throw fail("the unknown entity &\(name);")
            }
        }
        guard let scalar, scalar.value != 0 else { throw fail("the character reference &\(name); names no character") }
        UTF8.encode(scalar) { out.append($0) }
    }

    /// CDATA text with line ends normalised.
    private static func lineEnds(_ raw: ArraySlice<UInt8>) -> String {
        String(decoding: raw, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// A failure at the current line.
    private func fail(_ what: String) -> Failure {
        let line = 1 + bytes[..<min(index, bytes.count)].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return Failure(message: "not well-formed XML: \(what)", line: line)
    }
}
