/// A place in an input file: path, 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int) {
        self.file = file; self.line = line; self.column = column
    }
    public var description: String { "\(file):\(line):\(column)" }
}

/// One problem found in an input: where, what is wrong, and what to do about it.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String
    public var hint: String

    /// Control characters in `message` or `hint` (a quoted value from the file may hold line
    /// breaks, tabs or worse) are shown escaped, so that a diagnostic is always one line.
    public init(_ location: SourceLocation, _ message: String, hint: String) {
        self.location = location; self.message = Diagnostic.visible(message); self.hint = Diagnostic.visible(hint)
    }

    /// `text` with every control character and line or paragraph separator written as an
    /// escape: `\n`, `\r`, `\t`, `\u{7}`, `\u{2028}`.
    public static func visible(_ text: String) -> String {
        func hidden(_ u: Unicode.Scalar) -> Bool {
            let c = u.properties.generalCategory
            return c == .control || c == .lineSeparator || c == .paragraphSeparator
        }
        guard text.unicodeScalars.contains(where: hidden) else { return text }
        var out = ""
        for u in text.unicodeScalars {
            switch u {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where hidden(u): out += "\\u{\(String(u.value, radix: 16))}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// `file:line:col: what is wrong; what to do`.
    public var description: String { "\(location): \(message); \(hint)" }
}

/// Collects diagnostics across a whole load so that every problem is reported in one run.
public final class DiagnosticBag: @unchecked Sendable {
    public private(set) var items: [Diagnostic] = []
    public init() {}
    /// More diagnostics than this are counted but not kept (alias bombs can multiply errors).
    public static let limit = 1000
    public private(set) var dropped = 0
    public func add(_ d: Diagnostic) {
        if items.count < DiagnosticBag.limit { items.append(d) } else { dropped += 1 }
    }
    public func add(_ loc: SourceLocation, _ message: String, hint: String) {
        add(Diagnostic(loc, message, hint: hint))
    }
    public var isEmpty: Bool { items.isEmpty }
    /// Diagnostics sorted by file, line, column (then message) for stable output, each once
    /// (an aliased node reports the same problem at the same place for every use).
    public var sorted: [Diagnostic] {
        let ordered = items.sorted {
            ($0.location.file, $0.location.line, $0.location.column, $0.message)
                < ($1.location.file, $1.location.line, $1.location.column, $1.message)
        }
        var out: [Diagnostic] = []
        for d in ordered where out.last != d { out.append(d) }
        return out
    }
}

/// The exit codes of sysexits(3) that RioPlan uses.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    case no = 1
    case usage = 64
    case dataError = 65
    case noInput = 66
    case software = 70
    case cannotCreate = 73
    case noPermission = 77
}

/// An error a person can act on, with the exit code it maps to.
public enum RioError: Error, Sendable, CustomStringConvertible {
    /// Invalid input data: one or more located diagnostics (exit 65).
    case invalidInput([Diagnostic])
    /// An input file is missing or unreadable (exit 66).
    case unreadable(path: String, reason: String)
    /// An output cannot be created (exit 73).
    case cannotWrite(path: String, reason: String)
    /// Bad usage detected after argument parsing (exit 64).
    case usage(String)
    /// Invalid data without a file position (exit 65).
    case data(String)
    /// RioPlan broke one of its own invariants (exit 70): a bug to report, never the user's input.
    case internalError(String)
    /// The caller is known but their role does not allow this (exit 77; HTTP 403).
    case forbidden(String)
    /// A thing the caller may not see, or that does not exist (exit 65; HTTP 404): the message
    /// never reveals another region's content.
    case notFound(String)

    public var exitStatus: ExitStatus {
        switch self {
        case .invalidInput, .data, .notFound: return .dataError
        case .unreadable: return .noInput
        case .cannotWrite: return .cannotCreate
        case .usage: return .usage
        case .internalError: return .software
        case .forbidden: return .noPermission
        }
    }

    public var description: String {
        switch self {
        case .invalidInput(let ds):
            let lines = ds.map(\.description)
            let n = ds.count
            return lines.joined(separator: "\n") + "\n\(n) problem\(n == 1 ? "" : "s") found."
        case .unreadable(let p, let r): return "cannot read \(p): \(r); check the path and that the file is readable"
        case .cannotWrite(let p, let r): return "cannot write \(p): \(r); check that the folder exists and is writable"
        case .usage(let m): return m
        case .data(let m), .forbidden(let m), .notFound(let m): return m
        case .internalError(let m):
            return "internal error: \(m); this is a bug in RioPlan, not in your files; please report it with the command you ran"
        }
    }
}
