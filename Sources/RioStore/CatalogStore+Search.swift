import GRDB
import RioModel

extension CatalogStore {
    /// Full-text search over mandates and modules (title, symbol, summary, theme labels and terms).
    ///
    /// Entries holding every term come first, then entries holding some; each group is ranked by
    /// FTS5's bm25 (title weighs most, then symbol, summary, themes), ties broken by kind and id.
    /// - Throws: `RioError.usage` for a query without words.
    public func search(_ text: String, limit: Int = 20) throws -> [SearchHit] {
        let query = try SearchQuery(text)
        return try search(query, limit: limit)
    }

    /// Searches with an already parsed query.
    public func search(_ query: SearchQuery, limit: Int = 20) throws -> [SearchHit] {
        guard limit > 0 else { return [] }
        return try database.read { db in
            var hits = try CatalogStore.fetch(db, match: query.allTerms, excluding: [], limit: limit, query: query)
            if hits.count < limit, query.terms.count > 1 {
                hits += try CatalogStore.fetch(db, match: query.anyTerm, excluding: hits.map { $0.kind.rawValue + " " + $0.id }, limit: limit - hits.count, query: query)
            }
            for i in hits.indices { hits[i].rank = i + 1 }
            return hits
        }
    }

    private static let open = "\u{2}", close = "\u{3}"

    private static func fetch(_ db: Database, match: String, excluding: [String], limit: Int, query: SearchQuery) throws -> [SearchHit] {
        // Over-fetch by the excluded count so that the exclusion (done in Swift) cannot starve the page.
        let sql = """
            SELECT entryId, kind, conventions, title, symbol,
                   highlight(searchEntry, 3, ?1, ?2) || ' ' || highlight(searchEntry, 4, ?1, ?2) || ' ' ||
                   highlight(searchEntry, 5, ?1, ?2) || ' ' || highlight(searchEntry, 6, ?1, ?2) AS marked,
                   snippet(searchEntry, -1, '[', ']', '…', 14) AS excerpt
            FROM searchEntry
            WHERE searchEntry MATCH ?3
            ORDER BY bm25(searchEntry, 0.0, 0.0, 0.0, 10.0, 5.0, 2.0, 1.0), kind, entryId
            LIMIT ?4
            """
        let skip = Set(excluding)
        let rows = try Row.fetchAll(db, sql: sql, arguments: [open, close, match, limit + skip.count])
        var hits: [SearchHit] = []
        for row in rows {
            let id: String = row["entryId"]
            let kind = SearchHit.Kind(rawValue: row["kind"]) ?? .module
            if skip.contains(kind.rawValue + " " + id) { continue }
            let symbol: String = row["symbol"]
            let matched = query.matched(by: markedWords(row["marked"]))
            let conventions: String = row["conventions"]
            hits.append(
                SearchHit(
                    rank: 0, kind: kind, id: id, title: row["title"], symbol: symbol.isEmpty ? nil : symbol,
                    conventions: conventions.split(separator: " ").map(String.init), matched: matched,
                    matchesAll: matched.count == query.terms.count, snippet: row["excerpt"]))
            if hits.count == limit { break }
        }
        return hits
    }

    /// The normalised words FTS5 put between the markers.
    private static func markedWords(_ text: String) -> Set<String> {
        var out: Set<String> = []
        var rest = Substring(text)
        while let a = rest.range(of: open), let b = rest[a.upperBound...].range(of: close) {
            for w in SearchQuery.words(of: String(rest[a.upperBound..<b.lowerBound])) { out.insert(w) }
            rest = rest[b.upperBound...]
        }
        return out
    }
}

/// A theme's words in each convention's own vocabulary, for the crosswalk `search` prints.
public struct ThemeVocabulary: Sendable, Hashable, Codable {
    public var theme: String
    public var label: String
    /// Per convention in catalog order: its own terms, empty for "no own term".
    public var terms: [Terms]

    public struct Terms: Sendable, Hashable, Codable {
        public var convention: String
        public var terms: [String]
    }

    /// `Terms for sand-and-dust-storms (Sand and dust storms): UNCCD: …; CBD: no own term`.
    public var line: String {
        "Terms for \(theme) (\(label)): "
            + terms.map { "\($0.convention): " + ($0.terms.isEmpty ? "no own term" : $0.terms.joined(separator: ", ")) }.joined(separator: "; ")
    }
}

extension CatalogStore {
    /// The themes whose label or one of whose terms holds every word of `query`, with each
    /// convention's own terms (only conventions the catalog gives terms, or no own term, for).
    public func vocabulary(_ query: SearchQuery) throws -> [ThemeVocabulary] {
        let wanted = query.terms.flatMap(\.words)
        guard !wanted.isEmpty else { return [] }
        return try database.read { db in
            let own = try CatalogStore.ownTerms(db)
            let conventions = try String.fetchAll(db, sql: "SELECT id FROM convention ORDER BY position")
            var out: [ThemeVocabulary] = []
            for t in try CatalogStore.themes(db) {
                let terms = conventions.compactMap { c in own[CatalogStore.key(t.id, c)].map { ThemeVocabulary.Terms(convention: c, terms: $0) } }
                let texts = [t.label, t.id.replacingOccurrences(of: "-", with: " ")] + terms.flatMap(\.terms)
                let matches = texts.contains { text in
                    let words = Set(SearchQuery.words(of: text))
                    return wanted.allSatisfy { w in words.contains(w) }
                }
                if matches && !terms.isEmpty { out.append(ThemeVocabulary(theme: t.id, label: t.label, terms: terms)) }
            }
            return out
        }
    }
}
