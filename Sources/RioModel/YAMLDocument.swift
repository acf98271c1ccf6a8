import Foundation
import Yams

/// A YAML file read defensively: size limit, binary detection, nesting and alias-expansion guards.
///
/// Everything a user can put in a file ends as a located diagnostic, never a crash or a hang.
public struct YAMLDocument {
    public let path: String
    public let root: Node?
    /// The bytes that were parsed (nil when the file was refused before reading, e.g. too large).
    public let data: Data?

    /// Files larger than this are refused: catalogs and requests are text of a few megabytes at most.
    public static let maxBytes = 8 * 1024 * 1024
    /// Deepest flow or block nesting accepted.
    public static let maxDepth = 256

    /// Reads and parses `path`; problems go to `bag` and give a nil root.
    public init(path: String, displayPath: String? = nil, bag: DiagnosticBag) throws {
        let shown = displayPath ?? path
        let data: Data
        do {
            let attrs = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attrs[.size] as? Int, size > YAMLDocument.maxBytes {
                bag.add(
                    SourceLocation(file: shown, line: 1, column: 1),
                    "file is \(size / 1_048_576) MB, larger than the \(YAMLDocument.maxBytes / 1_048_576) MB a catalog or request file may be",
                    hint: "split it into several files or check that this is the right file")
                self.init(refused: shown)
                return
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw RioError.unreadable(path: shown, reason: YAMLDocument.reason(error))
        }
        self.init(data: data, displayPath: shown, bag: bag)
    }

    /// Whether the file was read and parsed but holds nothing: only blank lines or comments.
    public var isBlank: Bool {
        guard let data else { return false }
        guard let text = String(data: data, encoding: .utf8) else { return false }
        return text.split(whereSeparator: \.isNewline).allSatisfy { line in
            let t = line.trimmingCharacters(in: .whitespaces)
            return t.isEmpty || t.hasPrefix("#") || t == "---" || t == "..."
        }
    }

    /// Adds "this file holds nothing" to `bag` when the file is blank; `what` says what it must hold.
    ///
    /// - Returns: whether it was blank (then its root is not to be read).
    @discardableResult
    public func reportIfBlank(_ bag: DiagnosticBag, mustHold what: String) -> Bool {
        guard isBlank else { return false }
        bag.add(SourceLocation(file: path, line: 1, column: 1), "the file is empty (only blank lines or comments)", hint: "it must hold \(what)")
        return true
    }

    /// A file refused before reading: no bytes, no root.
    private init(refused path: String) {
        self.path = path
        root = nil
        data = nil
    }

    /// Parses bytes already read from the file shown as `displayPath`; problems go to `bag`.
    public init(data: Data, displayPath: String, bag: DiagnosticBag) {
        path = displayPath
        self.data = data
        if data.count > YAMLDocument.maxBytes {
            bag.add(
                SourceLocation(file: displayPath, line: 1, column: 1),
                "file is \(data.count / 1_048_576) MB, larger than the \(YAMLDocument.maxBytes / 1_048_576) MB a catalog or request file may be",
                hint: "split it into several files or check that this is the right file")
            root = nil
            return
        }
        root = YAMLDocument.parse(data: data, file: displayPath, bag: bag)
    }

    /// Parses YAML text held in memory (used by tests and by `parse(data:)`).
    public static func parse(data: Data, file: String, bag: DiagnosticBag) -> Node? {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if data.contains(0) {
            bag.add(start, "this is a binary file, not YAML text", hint: "point RioPlan at the YAML file itself")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            bag.add(start, "file is not valid UTF-8 text", hint: "save it as UTF-8 (in Excel or a text editor: Save As, encoding UTF-8)")
            return nil
        }
        if let (line, col) = tooDeep(text) {
            bag.add(
                SourceLocation(file: file, line: line, column: col),
                "nesting deeper than \(maxDepth) levels", hint: "flatten the structure; no RioPlan file needs this depth")
            return nil
        }
        // Yams composes recursively; parse on a thread with a generous stack.
        let box = ParseBox(text: text)
        let thread = Thread { box.run() }
        thread.stackSize = 64 << 20
        thread.start()
        box.done.wait()
        switch box.result {
        case .success(let node): return node
        case .failure(let error):
            if let y = error as? YamlError, case let .parser(_, problem, mark, _) = y {
                bag.add(
                    SourceLocation(file: file, line: mark.line, column: mark.column),
                    "YAML syntax error: \(problem)", hint: "fix the indentation or quoting at this place")
            } else if let y = error as? YamlError, case let .scanner(_, problem, mark, _) = y {
                bag.add(
                    SourceLocation(file: file, line: mark.line, column: mark.column),
                    "YAML syntax error: \(problem)", hint: "fix the indentation or quoting at this place (tabs are not allowed for indentation)")
            } else if let y = error as? YamlError, case let .composer(_, problem, mark, _) = y {
                bag.add(
                    SourceLocation(file: file, line: mark.line, column: mark.column),
                    "YAML error: \(problem)", hint: "check anchors and aliases here")
            } else if let y = error as? YamlError, case let .duplicatedKeysInMapping(dups, context) = y {
                bag.add(
                    SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                    "key \(dups.joined(separator: ", ")) appears twice in one mapping", hint: "keep one of them")
            } else if let y = error as? YamlError, case let .reader(problem, offset, value, _) = y {
                let (line, column) = offset.map { YAMLDocument.lineAndColumn(ofCharacter: $0, in: text) } ?? (1, 1)
                let code = value >= 0 ? String(format: " (U+%04X)", value) : ""
                bag.add(
                    SourceLocation(file: file, line: line, column: column), "YAML cannot hold this character\(code): \(problem)",
                    hint: "delete it (text copied from a PDF or a word processor often carries such characters) and save the file as plain UTF-8 text")
            } else {
                let first = String(describing: error).split(whereSeparator: \.isNewline).first.map(String.init) ?? "unknown error"
                bag.add(start, "YAML could not be read: \(first)", hint: "check that the file is well-formed YAML")
            }
            return nil
        case .none:
            return nil
        }
    }

    /// The 1-based line and column of the character at `offset` (in characters) of `text`.
    static func lineAndColumn(ofCharacter offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1
        for (k, ch) in text.enumerated() {
            if k >= offset { break }
            if ch.isNewline { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file"
            case NSFileReadNoPermissionError: return "permission denied"
            default: break
            }
        }
        return ns.localizedDescription
    }

    /// Finds the first place where flow brackets or block sequence dashes nest beyond `maxDepth`.
    static func tooDeep(_ text: String) -> (Int, Int)? {
        var depth = 0, line = 1, col = 0, dashes = 0
        var quote: UInt8 = 0
        var comment = false, lineStart = true
        var prev: UInt8 = 10
        for b in text.utf8 {
            col += 1
            defer { prev = b }
            if b == 10 { line += 1; col = 0; comment = false; lineStart = true; dashes = 0; quote = 0; continue }
            if comment { continue }
            if quote != 0 { if b == quote { quote = 0 }; continue }
            switch b {
            case 34 where [10, 32, 91, 123, 44, 58, 45].contains(prev), 39 where [10, 32, 91, 123, 44, 58, 45].contains(prev): quote = b
            case 35 where prev == 32 || prev == 10: comment = true
            case 91, 123:
                depth += 1
                if depth > maxDepth { return (line, col) }
            case 93, 125: depth = max(0, depth - 1)
            case 45 where lineStart:
                dashes += 1
                if dashes > maxDepth { return (line, col) }
            case 32: break
            default: lineStart = false
            }
        }
        return nil
    }
}

private final class ParseBox: @unchecked Sendable {
    let text: String
    var result: Result<Node?, Error>?
    let done = DispatchSemaphore(value: 0)
    init(text: String) { self.text = text }
    func run() {
        do { result = .success(try Yams.compose(yaml: text)) } catch { result = .failure(error) }
        done.signal()
    }
}
