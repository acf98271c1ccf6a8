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

    @Test(arguments: [
        "gender \"finance", "AND OR (", "NEAR(gender finance, 2)", "title:gender", "-gender", "^gender",
        "gender*", "a\"b\"c", "(((finance)))", "{title}: x", "ümlaut café", "日本語", "'; DROP TABLE mandate; --",
    ])
    func hostileQueriesNeverReachSQLiteAsSyntax(_ text: String) throws {
        let store = try StoreFixture.store()
        _ = try store.search(text)
        #expect(try store.database.scalar("SELECT COUNT(*) FROM mandate") == "26")
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
