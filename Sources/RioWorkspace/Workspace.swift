import Foundation
import RioModel
import RioStore
import Synchronization

/// A RioPlan workspace: the catalog folder, the workspace database and the plans folder, and
/// the workflow every front end (the `rioplan` command line, the coming server) calls.
///
/// A workspace loads each input once per process and opens one database connection, shared by
/// every step of a command (a `plan --baseline` run reads the baseline and records the new
/// version through the same connection). It is safe to share between threads and concurrent
/// server tasks: its caches sit behind one `Mutex`, and the database is one `AppDatabase`.
public final class Workspace: Sendable {
    /// The catalog folder (default `Catalog`).
    public let catalogFolder: String
    /// The workspace SQLite database (default `.rioplan/rioplan.sqlite`).
    public let databasePath: String
    /// Where plans live; recorded plans (`NAME@N`) resolve their inputs relative to it.
    public let plansFolder: String

    /// What a workspace loads once and keeps: the database connection, the catalog, the access
    /// key and the published plans' contexts.
    struct Cache {
        var database: AppDatabase?
        var catalog: Catalog?
        /// The key of the access tokens' keyed hashes, once read or created.
        var accessKey: KeyedHash?
        /// The latest published version of each name, loaded and verified, with its calendar
        /// history over the published versions.
        var published: [String: PublishedState] = [:]
    }

    /// The caches; every read and write of them holds the lock.
    let cache = Mutex(Cache())

    /// The database path when neither `--db` nor `$RIOPLAN_DB` names one.
    public static let defaultDatabasePath = ".rioplan/rioplan.sqlite"

    /// - Parameter databasePath: nil for `$RIOPLAN_DB`, else `.rioplan/rioplan.sqlite`.
    public init(catalogFolder: String = "Catalog", databasePath: String? = nil, plansFolder: String = "Plans") {
        self.catalogFolder = catalogFolder
        self.databasePath = databasePath ?? Workspace.environmentDatabasePath ?? Workspace.defaultDatabasePath
        self.plansFolder = plansFolder
    }

    /// `$RIOPLAN_DB` when set and not empty.
    public static var environmentDatabasePath: String? {
        guard let env = ProcessInfo.processInfo.environment["RIOPLAN_DB"], !env.isEmpty else { return nil }
        return env
    }

    /// The workspace database, opened (and created) on first use; one connection per workspace.
    public func database() throws -> AppDatabase {
        try cache.withLock { cache in
            if let db = cache.database { return db }
            let db = try AppDatabase(path: databasePath)
            cache.database = db
            return db
        }
    }

    /// The database if its file exists (reading commands never create one), else nil.
    public func existingDatabase() throws -> AppDatabase? {
        if let db = cache.withLock({ $0.database }) { return db }
        guard FileManager.default.fileExists(atPath: databasePath) else { return nil }
        return try database()
    }

    /// The database, which must exist already.
    ///
    /// - Throws: `RioError.unreadable` (exit 66) saying what creates it.
    public func requireDatabase(_ why: String) throws -> AppDatabase {
        guard let db = try existingDatabase() else { throw RioError.unreadable(path: databasePath, reason: why) }
        return db
    }

    /// The workspace's catalog, loaded and validated once.
    ///
    /// Loaded outside the lock, so requests that need only the database never wait for it; two
    /// threads asking at once may both load it, and the first one kept is what every caller sees.
    public func catalog() throws -> Catalog {
        if let c = cache.withLock({ $0.catalog }) { return c }
        let loaded = try CatalogLoader.load(folder: catalogFolder)
        return cache.withLock { cache in
            if let c = cache.catalog { return c }
            cache.catalog = loaded
            return loaded
        }
    }

    /// A catalog folder's catalog: the workspace's own (cached) or another one, loaded once.
    func catalog(folder: String) throws -> Catalog {
        if folder == catalogFolder { return try catalog() }
        return try CatalogLoader.load(folder: folder)
    }
}
