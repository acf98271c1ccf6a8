import Yams

/// Reads one YAML mapping into typed fields, reporting every problem with its location.
///
/// Each accessor returns nil (and records a diagnostic) when a required field is missing or
/// has the wrong type; `finish()` reports keys no accessor asked for, so typos never pass.
public final class YAMLMap {
    public let file: String
    public let bag: DiagnosticBag
    public let location: SourceLocation
    let what: String
    private var pairs: [(key: String, keyNode: Node, value: Node)] = []
    private var used: Set<String> = []

    /// Wraps `node`, which must be a mapping; otherwise records a diagnostic and returns nil.
    public init?(_ node: Node, file: String, bag: DiagnosticBag, what: String) {
        self.file = file
        self.bag = bag
        self.what = what
        self.location = YAMLMap.loc(node, file)
        guard case let .mapping(m) = node else {
            bag.add(
                location, "\(what) must be a mapping of `key: value` lines, found \(YAMLMap.kind(node))",
                hint: "write it as `key: value` pairs")
            return nil
        }
        var seen: Set<String> = []
        for (k, v) in m {
            guard case let .scalar(ks) = k else {
                bag.add(YAMLMap.loc(k, file), "a key of \(what) is not plain text", hint: "use a simple word as key")
                continue
            }
            if !seen.insert(ks.string).inserted {
                bag.add(YAMLMap.loc(k, file), "key `\(ks.string)` appears twice in \(what)", hint: "keep one of them")
                continue
            }
            pairs.append((ks.string, k, v))
        }
    }

    public static func loc(_ node: Node, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    public static func kind(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let s): return s.string.isEmpty ? "nothing" : "`\(s.string.prefix(40))`"
        case .alias: return "an alias"
        }
    }

    /// The raw node of `key`, marking it as used.
    public func node(_ key: String) -> Node? {
        used.insert(key)
        guard let p = pairs.first(where: { $0.key == key }) else { return nil }
        if case let .scalar(s) = p.value,
            s.tag.description == Tag.Name.null.rawValue || (s.string.isEmpty && s.style == .plain)
                || (s.style == .plain && ["null", "~", "Null", "NULL"].contains(s.string))
        {
            return nil
        }
        return p.value
    }

    public func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }

    public func location(of key: String) -> SourceLocation {
        if let p = pairs.first(where: { $0.key == key }) { return YAMLMap.loc(p.value, file) }
        return location
    }

    func missing(_ key: String, _ hint: String?) {
        bag.add(location, "\(what) has no `\(key)`", hint: hint ?? "add `\(key): ...`")
    }

    func wrongType(_ key: String, _ node: Node, expected: String) {
        bag.add(
            YAMLMap.loc(node, file), "`\(key)` of \(what) must be \(expected), found \(YAMLMap.kind(node))",
            hint: "write \(expected) here")
    }

    /// A required or optional text value.
    public func string(_ key: String, required: Bool = true, hint: String? = nil) -> String? {
        guard let n = node(key) else {
            if required { missing(key, hint) }
            return nil
        }
        guard case let .scalar(s) = n else { wrongType(key, n, expected: "text"); return nil }
        return s.string
    }

    /// An identifier matching `[A-Za-z0-9][A-Za-z0-9._/-]*`.
    public func id(_ key: String = "id", required: Bool = true) -> String? {
        guard let s = string(key, required: required) else { return nil }
        if !YAMLMap.isValidID(s) {
            bag.add(location(of: key), "`\(s)` is not a valid id", hint: "use letters, digits and . _ / - only, starting with a letter or digit")
            return nil
        }
        return s
    }

    public static func isValidID(_ s: String) -> Bool {
        guard let f = s.utf8.first, isAlnum(f) else { return false }
        return s.utf8.allSatisfy { isAlnum($0) || $0 == 46 || $0 == 95 || $0 == 47 || $0 == 45 }
    }

    private static func isAlnum(_ b: UInt8) -> Bool { (48...57).contains(b) || (65...90).contains(b) || (97...122).contains(b) }

    /// A whole number within `range`.
    public func int(_ key: String, required: Bool = true, range: ClosedRange<Int> = 0...Int(Int32.max) * 1000, rangeText: String = "a whole number, 0 or more") -> Int? {
        guard let n = node(key) else {
            if required { missing(key, nil) }
            return nil
        }
        guard case let .scalar(s) = n, s.style == .plain, let v = Int(s.string.replacingOccurrences(of: "_", with: "")) else {
            wrongType(key, n, expected: rangeText)
            return nil
        }
        guard range.contains(v) else {
            bag.add(YAMLMap.loc(n, file), "`\(key)` is \(v); it must be \(rangeText)", hint: "correct the number")
            return nil
        }
        return v
    }

    /// `true` or `false` (plain, as YAML 1.2 writes them); nil and an error for anything else.
    public func bool(_ key: String, required: Bool = true) -> Bool? {
        guard let n = node(key) else {
            if required { missing(key, "add `\(key): true` or `\(key): false`") }
            return nil
        }
        guard case let .scalar(s) = n, s.style == .plain, s.string == "true" || s.string == "false" else {
            wrongType(key, n, expected: "true or false")
            return nil
        }
        return s.string == "true"
    }

    /// A calendar date `YYYY-MM-DD` (quoted or not).
    public func day(_ key: String, required: Bool = true) -> Day? {
        guard let n = node(key) else {
            if required { missing(key, "add `\(key): YYYY-MM-DD`") }
            return nil
        }
        guard case let .scalar(s) = n, let d = Day(iso: s.string) else {
            bag.add(
                YAMLMap.loc(n, file), "`\(key)` of \(what) is not a date: \(YAMLMap.kind(n))",
                hint: "write a real calendar date as YYYY-MM-DD, e.g. 2027-03-01")
            return nil
        }
        return d
    }

    /// A list of scalars (texts).
    public func strings(_ key: String, required: Bool = false) -> [String]? {
        guard let n = node(key) else {
            if required { missing(key, "add `\(key): [ ... ]` with at least one entry") }
            return nil
        }
        guard case let .sequence(seq) = n else { wrongType(key, n, expected: "a list like [a, b]"); return nil }
        var out: [String] = []
        for item in seq {
            guard case let .scalar(s) = item else { wrongType(key, item, expected: "a list of words"); continue }
            out.append(s.string)
        }
        return out
    }

    /// Located list entries: each value with where it is.
    public func locatedStrings(_ key: String, required: Bool = false) -> [Located<String>]? {
        guard let n = node(key) else {
            if required { missing(key, "add `\(key): [ ... ]` with at least one entry") }
            return nil
        }
        guard case let .sequence(seq) = n else { wrongType(key, n, expected: "a list like [a, b]"); return nil }
        var out: [Located<String>] = []
        for item in seq {
            guard case let .scalar(s) = item else { wrongType(key, item, expected: "a list of words"); continue }
            out.append(Located(s.string, YAMLMap.loc(item, file)))
        }
        return out
    }

    /// A sequence of nodes.
    public func list(_ key: String) -> [Node]? {
        guard let n = node(key) else { return nil }
        guard case let .sequence(seq) = n else { wrongType(key, n, expected: "a list of entries (lines starting with `-`)"); return nil }
        return Array(seq)
    }

    /// A nested mapping.
    public func map(_ key: String, required: Bool = true, what: String? = nil) -> YAMLMap? {
        guard let n = node(key) else {
            if required { missing(key, nil) }
            return nil
        }
        return YAMLMap(n, file: file, bag: bag, what: what ?? "`\(key)`")
    }

    /// The keys present, in file order.
    public var keys: [(String, SourceLocation)] { pairs.map { ($0.key, YAMLMap.loc($0.keyNode, file)) } }

    /// Reports every key that no accessor asked for.
    public func finish() {
        for p in pairs where !used.contains(p.key) {
            let known = used.sorted()
            let close = Suggestion.closest(to: p.key, among: known)
            let hint = close.map { "did you mean `\($0)`?" } ?? "remove it; \(what) takes: \(known.joined(separator: ", "))"
            bag.add(YAMLMap.loc(p.keyNode, file), "unknown key `\(p.key)` in \(what)", hint: hint)
        }
    }
}

/// A value with the place it was read from.
public struct Located<T: Sendable & Hashable>: Sendable, Hashable {
    public var value: T
    public var location: SourceLocation
    public init(_ value: T, _ location: SourceLocation) { self.value = value; self.location = location }
}
