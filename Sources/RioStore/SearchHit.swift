/// One search result: a mandate or a module, with the words that matched.
public struct SearchHit: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case mandate, module, country
    }

    /// 1-based place in the ranking.
    public var rank: Int
    public var kind: Kind
    public var id: String
    public var title: String
    /// The decision symbol of a mandate (`2/COP.16`), a country's ISO code; nil for modules.
    public var symbol: String?
    /// A mandate's convention, or the conventions a module serves, in catalog order.
    public var conventions: [String]
    /// The query terms found in this entry, in query order.
    public var matched: [String]
    /// Whether every query term was found (such hits rank first).
    public var matchesAll: Bool
    /// A short excerpt with the matching words between `[` and `]`.
    public var snippet: String

    public init(
        rank: Int, kind: Kind, id: String, title: String, symbol: String?, conventions: [String],
        matched: [String], matchesAll: Bool, snippet: String
    ) {
        self.rank = rank; self.kind = kind; self.id = id; self.title = title; self.symbol = symbol
        self.conventions = conventions; self.matched = matched; self.matchesAll = matchesAll; self.snippet = snippet
    }
}
