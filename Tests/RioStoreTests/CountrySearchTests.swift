import Foundation
import RioModel
import Testing

@testable import RioStore

/// Issue 9: countries in the store and in `search`; "no own term" in `map` and `search`.
@Suite struct CountrySearchTests {
    /// A copy of pub-s with three countries and a theme whose CBD term list is empty.
    static func store() throws -> CatalogStore {
        let dir = try StoreFixture.copyOfPubS()
        let countries = """
            countries:
              - {code: KEN, name: Kenya, annex: africa, ldc: false, sids: false}
              - {code: HTI, name: Haiti, annex: none, ldc: true, sids: true}
              - {code: PSE, name: State of Palestine, annex: none, ldc: false, sids: false, nonMember: true}

            """
        try Data(countries.utf8).write(to: dir.appendingPathComponent("countries.yaml"))
        return try StoreFixture.store(folder: dir.path)
    }

    @Test func countriesAreFoundByNameAndByCode() throws {
        let store = try Self.store()
        let byName = try store.search("palestine")
        #expect(byName.first.map { [$0.kind.rawValue, $0.id, $0.title] } == ["country", "PSE", "State of Palestine"])
        let byCode = try store.search("HTI")
        #expect(byCode.first.map { [$0.kind.rawValue, $0.id] } == ["country", "HTI"])
        let facts = try store.search("least developed")
        #expect(facts.map(\.id).contains("HTI") && !facts.map(\.id).contains("KEN"))
        let rows = try store.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM country WHERE ldc = 1 AND sids = 1") }
        #expect(rows == 1)
    }

    @Test func anEmptyTermListIsShownAsNoOwnTerm() throws {
        let store = try Self.store()
        let map = try store.crossMap()
        // pub-s gives no terms: every cell says nothing about terms.
        #expect(map.rows.allSatisfy { r in r.cells.allSatisfy { $0.terms == nil } })
        let dir = try StoreFixture.copyOfPubS()
        let themes = dir.appendingPathComponent("themes.yaml")
        let text = try String(contentsOf: themes, encoding: .utf8)
        let first = try #require(map.rows.first?.theme.id)
        let edited = text.replacingOccurrences(of: "- id: \(first)\n", with: "- id: \(first)\n  terms: {CBD: []}\n", options: [], range: nil)
        try #require(edited != text, "pub-s themes.yaml has no `- id: \(first)` line")
        try Data(edited.utf8).write(to: themes)
        let fresh = try StoreFixture.store(folder: dir.path)
        let row = try #require(try fresh.crossMap(theme: first).rows.first)
        #expect(row.cells.first { $0.convention == "CBD" }?.terms == [])
        #expect(try fresh.crossMap(theme: first).table().contains("  CBD:") && fresh.crossMap(theme: first).table().contains("terms: no own term"))
        let query = try SearchQuery(row.theme.label)
        let words = try fresh.vocabulary(query)
        #expect(words.first?.line.contains("CBD: no own term") == true)
    }
}
