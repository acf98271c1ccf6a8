import RioModel
import Testing

@testable import RioStore

/// FTS5 search: ranking, matched words, and queries that must never reach SQLite as syntax.
@Suite struct SearchTests {
    @Test func titleMatchesRankFirstAndShowTheMatchedWords() throws {
        let hits = try StoreFixture.store().search("land tenure", limit: 5)
        #expect(hits.first?.id == "mod-01")
        #expect(hits.first?.title == "Securing land tenure for restoration")
        #expect(hits.first?.snippet == "Securing [land] [tenure] for restoration")
        #expect(hits.map(\.rank) == [1, 2, 3, 4, 5])
        #expect(hits.allSatisfy { $0.matched == ["land", "tenure"] && $0.matchesAll })
    }

    @Test func hitsWithEveryWordComeBeforeHitsWithSome() throws {
        let hits = try StoreFixture.store().search("gender tenure", limit: 50)
        let firstPartial = hits.firstIndex { !$0.matchesAll } ?? hits.count
        #expect(firstPartial > 0)
        #expect(hits[firstPartial...].allSatisfy { !$0.matchesAll })
        #expect(hits[..<firstPartial].allSatisfy { $0.matched == ["gender", "tenure"] })
        #expect(hits.contains { $0.id == "mod-10" && $0.matchesAll })  // Women's land rights in gender action plans
        #expect(Set(hits.map { "\($0.kind) \($0.id)" }).count == hits.count)
    }

    @Test func themeLabelsAreSearchedAndMarked() throws {
        let hits = try StoreFixture.store().search("observation", limit: 50)
        let mandate = try #require(hits.first { $0.id == "unccd-m01" })
        #expect(mandate.kind == .mandate)
        #expect(mandate.conventions == ["UNCCD"])
        #expect(mandate.symbol == "S1/UNCCD")
        #expect(mandate.snippet.contains("[observation]"))
    }

    @Test func themeTermsOfEachConventionAreSearched() throws {
        let store = try StoreFixture.store(folder: StoreFixture.folder(StoreFixture.gapCatalog).path)
        let hits = try store.search("governance")
        #expect(Set(hits.map(\.id)) == ["u1", "c1", "u-tenure", "c-tenure"])
    }

    @Test func lastWordMatchesAsPrefix() throws {
        let hits = try StoreFixture.store().search("restor", limit: 3)
        #expect(hits.first?.id == "mod-04")
        #expect(hits.first?.snippet == "Monitoring ecosystem [restoration]")
        #expect(hits.first?.matched == ["restor"])
    }

    @Test func decisionSymbolsMatchAsAPhrase() throws {
        let hits = try StoreFixture.store().search("S1/UNCCD")
        #expect(hits.map(\.id) == ["unccd-m01"])
        #expect(hits.first?.matched == ["S1/UNCCD"])
    }

    @Test func rankingIsDeterministic() throws {
        let store = try StoreFixture.store()
        let a = try store.search("capacity building", limit: 100)
        let b = try store.search("capacity building", limit: 100)
        #expect(a == b)
        #expect(a.count == 26)
    }

    /// A hostile query finds exactly what the same text finds with every FTS5 operator character replaced
    /// by `/` and lower-cased (`AND`, `OR`, `NEAR` are operators only in capitals): its quotes, brackets,
    /// column filters, `-`, `^`, `*` and keywords are searched as words, never run as FTS5 syntax (which
    /// would throw, or match other entries). `minimum` hits are expected where the text holds catalog words.
    @Test(arguments: [
        ("gender \"finance", 1), ("AND OR (", 1), ("NEAR(gender finance, 2)", 1), ("title:gender", 0), ("-gender", 1),
        ("^gender", 1), ("gender*", 1), ("a\"b\"c", 0), ("(((finance)))", 1), ("{title}: x", 0), ("ümlaut café", 0), ("日本語", 0),
        ("'; DROP TABLE mandate; --", 1),
    ])
    func hostileQueriesNeverReachSQLiteAsSyntax(_ text: String, minimum: Int) throws {
        let store = try StoreFixture.store()
        let neutral = String(text.lowercased().map { "\"'()[]{}*^:,;+-".contains($0) ? "/" : $0 })
        let hostile = try store.search(text, limit: 100)
        let plain = try store.search(neutral, limit: 100)
        #expect(hostile.map { "\($0.kind) \($0.id)" } == plain.map { "\($0.kind) \($0.id)" }, "\(text) vs \(neutral)")
        #expect(hostile.count >= minimum, "\(text): \(hostile.count) hits")
        // The hits' matched words come from the query's own words.
        let words = Set(SearchQuery.words(of: text))
        for hit in hostile {
            #expect(hit.matched.allSatisfy { !Set(SearchQuery.words(of: $0)).isDisjoint(with: words) }, "\(text): \(hit.id) \(hit.matched)")
        }
    }

    @Test(arguments: ["", "   ", "\"", "( ) * ^", "--"])
    func queryWithoutWordsIsAUsageError(_ text: String) throws {
        #expect {
            try SearchQuery(text)
        } throws: { error in
            (error as? RioError)?.exitStatus == .usage
        }
    }

    @Test func queryIsTokenisedIntoQuotedPhrases() throws {
        let q = try SearchQuery("Gender \"finance AND 2/COP.16 fin")
        #expect(q.terms.map(\.text) == ["Gender", "finance", "AND", "2/COP.16", "fin"])
        #expect(q.allTerms == "\"gender\" AND \"finance\" AND \"and\" AND \"2 cop 16\" AND \"fin\"*")
        #expect(q.anyTerm == "\"gender\" OR \"finance\" OR \"and\" OR \"2 cop 16\" OR \"fin\"*")
    }

    @Test func diacriticsAndCaseAreFolded() throws {
        let q = try SearchQuery("Écosystème")
        #expect(q.terms.first?.words == ["ecosysteme"])
    }
}
