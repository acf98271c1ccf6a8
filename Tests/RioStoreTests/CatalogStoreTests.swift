import Foundation
import RioModel
import Testing

@testable import RioStore

/// Building the catalog database and keeping it in step with the files.
@Suite struct CatalogStoreTests {
    @Test func migrationsApplyOnAFreshDatabase() throws {
        let db = try AppDatabase()
        #expect(try db.appliedMigrations() == ["v1-catalog", "v2-history", "v3-countries-and-own-terms", "v4-records", "v5-publishing-and-access", "v6-needs"])
        #expect(try db.scalar("PRAGMA foreign_keys") == "1")
        #expect(try db.scalar("SELECT COUNT(*) FROM catalogInfo") == "0")
        #expect(try CatalogStore(database: db).storedFingerprint() == nil)
    }

    @Test func onDiskDatabaseIsCreatedInItsFolderInWALMode() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rio-db-\(UUID().uuidString)")
        let path = dir.appendingPathComponent(".rioplan/rioplan.sqlite").path
        let db = try AppDatabase(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try db.scalar("PRAGMA journal_mode") == "wal")
        // Readers of the pool wait at least as long as the writer's 5 s (GRDB gives them 10 s).
        #expect(Int(try db.scalar("PRAGMA busy_timeout") ?? "") ?? 0 >= 5000)
        // Opening again applies no migration twice.
        #expect(
            try AppDatabase(path: path).appliedMigrations() == [
                "v1-catalog", "v2-history", "v3-countries-and-own-terms", "v4-records", "v5-publishing-and-access", "v6-needs",
            ])
    }

    @Test func notADatabaseIsACannotWriteError() throws {
        let dir = try StoreFixture.folder(["junk.sqlite": String(repeating: "this is not sqlite\n", count: 200)])
        #expect {
            _ = try AppDatabase(path: dir.appendingPathComponent("junk.sqlite").path)
        } throws: { error in
            (error as? RioError)?.exitStatus == .cannotCreate
        }
    }

    @Test func buildFillsEveryTableAndTheSearchIndex() throws {
        let store = try StoreFixture.store()
        let db = store.database
        #expect(try db.scalar("SELECT COUNT(*) FROM convention") == "3")
        #expect(try db.scalar("SELECT COUNT(*) FROM theme") == "12")
        #expect(try db.scalar("SELECT COUNT(*) FROM mandate") == "26")
        #expect(try db.scalar("SELECT COUNT(*) FROM module") == "22")
        #expect(try db.scalar("SELECT COUNT(*) FROM region") == "6")
        #expect(try db.scalar("SELECT COUNT(*) FROM venue") == "17")
        #expect(try db.scalar("SELECT COUNT(*) FROM travel") == "15")
        #expect(try db.scalar("SELECT COUNT(*) FROM searchEntry") == "48")
        #expect(try db.scalar("SELECT COUNT(*) FROM moduleMandate WHERE moduleId = 'mod-02'") == "4")
        #expect(try db.scalar("SELECT COUNT(*) FROM pragma_foreign_key_check") == "0")
        #expect(try store.storedFingerprint() == CatalogLoader.fingerprint(of: StoreFixture.pubS))
    }

    @Test func buildReplacesThePreviousCatalog() throws {
        let store = try StoreFixture.store()
        let small = try StoreFixture.folder(StoreFixture.gapCatalog)
        #expect(try store.ensureFresh(folder: small.path))
        #expect(try store.database.scalar("SELECT COUNT(*) FROM mandate") == "4")
        #expect(try store.database.scalar("SELECT COUNT(*) FROM searchEntry") == "7")
        #expect(try store.database.scalar("SELECT COUNT(*) FROM catalogInfo") == "1")
    }

    @Test func rebuildsOnlyWhenACatalogFileChanges() throws {
        let folder = try StoreFixture.copyOfPubS()
        let store = CatalogStore(database: try AppDatabase())
        #expect(try store.ensureFresh(folder: folder.path))
        #expect(try store.ensureFresh(folder: folder.path) == false)
        #expect(try store.search("zanzibar").isEmpty)

        let file = folder.appendingPathComponent("modules/modules.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(
            text.replacingOccurrences(
                of: "title: Securing land tenure for restoration",
                with: "title: Securing land tenure in Zanzibar"
            ).utf8
        ).write(to: file)
        #expect(try store.ensureFresh(folder: folder.path))
        #expect(try store.search("zanzibar").map(\.id) == ["mod-01"])
        #expect(try store.ensureFresh(folder: folder.path) == false)
    }

    @Test func anInvalidCatalogLeavesTheDatabaseAsItWas() throws {
        let folder = try StoreFixture.copyOfPubS()
        let store = CatalogStore(database: try AppDatabase())
        try store.ensureFresh(folder: folder.path)
        let before = try store.storedFingerprint()
        try Data("themes:\n  - id: broken\n".utf8).write(to: folder.appendingPathComponent("broken.yaml"))
        #expect(throws: RioError.self) { try store.ensureFresh(folder: folder.path) }
        #expect(try store.storedFingerprint() == before)
        #expect(try store.database.scalar("SELECT COUNT(*) FROM mandate") == "26")
    }

    @Test func missingFolderIsNoInput() throws {
        let store = CatalogStore(database: try AppDatabase())
        #expect {
            try store.ensureFresh(folder: "/nonexistent/catalog")
        } throws: { error in
            (error as? RioError)?.exitStatus == .noInput
        }
    }
}
