import Foundation
import RioModel

/// A user's search text turned into a safe FTS5 query.
///
/// The text is split at white space into terms; each term keeps only its letters and digits
/// (so quotes, brackets, `AND`/`OR`/`NEAR` operators and `*` can never reach FTS5 as syntax)
/// and becomes a quoted FTS5 phrase: `2/COP.16` becomes `"2 cop 16"`. The last term also
/// matches as a prefix, so `finan` finds `finance`.
public struct SearchQuery: Sendable, Hashable {
    /// One term: the words of one white-space-separated piece of the query, normalised.
    public struct Term: Sendable, Hashable {
        /// Lower-cased, diacritics removed, as FTS5's `unicode61 remove_diacritics 2` tokeniser sees them.
        public var words: [String]
        /// Whether the last word matches as a prefix.
        public var prefix: Bool
        /// The term as the user typed it, without surrounding quotes or brackets (`2/COP.16`).
        public var text: String
        /// The FTS5 phrase: `"w1 w2"` or `"w1 w2"*`.
        var phrase: String { "\"" + words.joined(separator: " ") + "\"" + (prefix ? "*" : "") }
    }

    public let terms: [Term]

    /// The most terms a query keeps; more are ignored.
    public static let maxTerms = 32

    /// Parses `text`.
    ///
    /// - Throws: `RioError.usage` (exit 64) when the text holds no letter or digit.
    public init(_ text: String) throws {
        var terms: [Term] = []
        for piece in text.split(whereSeparator: { $0.isWhitespace }) {
            let words = SearchQuery.words(of: String(piece))
            guard !words.isEmpty else { continue }
            let shown = piece.trimmingCharacters(in: CharacterSet(charactersIn: "\"'()[]{}*^:,;+-"))
            let t = Term(words: words, prefix: false, text: shown.isEmpty ? words.joined(separator: " ") : shown)
            if !terms.contains(where: { $0.words == words }) { terms.append(t) }
            if terms.count == SearchQuery.maxTerms { break }
        }
        guard !terms.isEmpty else {
            throw RioError.usage("the search query holds no word to look for; give one or more words, e.g. rioplan search gender finance")
        }
        terms[terms.count - 1].prefix = true
        self.terms = terms
    }

    /// Letters-and-digits runs of `s`, lower-cased and without diacritics.
    public static func words(of s: String) -> [String] {
        normalise(s).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    static func normalise(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }

    /// An FTS5 expression matching entries holding every term.
    var allTerms: String { terms.map(\.phrase).joined(separator: " AND ") }
    /// An FTS5 expression matching entries holding at least one term.
    var anyTerm: String { terms.map(\.phrase).joined(separator: " OR ") }

    /// The terms whose words all appear among `highlighted` (normalised words FTS5 marked in a hit).
    func matched(by highlighted: Set<String>) -> [String] {
        terms.filter { t in
            t.words.enumerated().allSatisfy { i, w in
                if highlighted.contains(w) { return true }
                return t.prefix && i == t.words.count - 1 && highlighted.contains { $0.hasPrefix(w) }
            }
        }.map(\.text)
    }
}
