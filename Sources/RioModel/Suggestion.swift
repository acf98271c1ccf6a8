/// "Did you mean" help for ids a person typed (on the command line or in a file).
public enum Suggestion {
    /// `unknown theme `x`; did you mean `y`? (known themes: ...)`, or the list of known ids.
    ///
    /// - Parameter place: where the id was looked up, e.g. " in the request" (empty by default).
    public static func unknown(_ bad: String, kind: String, known: [String], place: String = "") -> String {
        let shown = known.prefix(12).joined(separator: ", ") + (known.count > 12 ? ", ..." : "")
        if let best = closest(to: bad, among: known) {
            return "unknown \(kind) `\(bad)`\(place); did you mean `\(best)`? (known \(kind)s: \(shown))"
        }
        return "unknown \(kind) `\(bad)`\(place); use one of: \(shown)"
    }

    /// How far a typed id may be from a known one to be suggested: a third of its length, at
    /// least 2 edits. The one threshold of every "did you mean".
    public static func maxDistance(for typed: String) -> Int { max(2, typed.count / 3) }

    /// The known id nearest to `bad` (ties: the first in sorted order), if it is near enough.
    public static func closest(to bad: String, among known: [String]) -> String? {
        let ranked = known.map { (distance($0, bad), $0) }.sorted { $0 < $1 }
        guard let best = ranked.first, best.0 <= maxDistance(for: bad) else { return nil }
        return best.1
    }

    /// Levenshtein distance, case-insensitive.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count)
        for i in 1...x.count {
            var cur = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[y.count]
    }
}
