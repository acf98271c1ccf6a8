import Foundation
import GRDB
import RioModel

/// The workspace SQLite database: one connection per process, migrations applied when it opens.
///
/// Follows GRDB's `AppDatabase` pattern: WAL journal, a 5 s busy timeout so that two `rioplan`
/// processes wait for each other instead of failing, and foreign keys enforced. A file database
/// is a `DatabasePool` (one writer, concurrent readers: the server's requests read side by
/// side); the in-memory one of tests a `DatabaseQueue`.
public final class AppDatabase: Sendable {
    /// The writer, and the readers of a pool.
    let writer: any DatabaseWriter
    /// Where the database lives (`:memory:` for an in-memory one).
    public let path: String

    /// Opens (and creates, with its parent folder such as `.rioplan/`) the database at `path`.
    ///
    /// - Throws: `RioError.cannotWrite` (exit 73) when the folder or the file cannot be created,
    ///   or the file is not a RioPlan database.
    public init(path: String) throws {
        self.path = path
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw RioError.cannotWrite(path: dir.path, reason: "cannot create the database folder")
        }
        do {
            writer = try AppDatabase.open(path)
        } catch let e as DatabaseError {
            throw RioError.cannotWrite(path: path, reason: AppDatabase.describe(e) + " (delete the file to start a fresh workspace database)")
        }
    }

    /// Opens the file and applies the migrations, retrying while another process holds the lock.
    ///
    /// Switching a fresh file to WAL, or two processes migrating one fresh file at once, can fail
    /// with "database is locked" or "table already exists" without waiting for the busy timeout;
    /// trying again shortly after succeeds once the other process is done (about 6 s at most).
    static func open(_ path: String) throws -> DatabasePool {
        var attempt = 0
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: AppDatabase.configuration(wal: true))
                try migrator.migrate(pool)
                return pool
            } catch let e as DatabaseError where attempt < 30 && AppDatabase.isContention(e) {
                attempt += 1
                usleep(UInt32(min(400_000, 10_000 * attempt * attempt)))
            }
        }
    }

    static func isContention(_ e: DatabaseError) -> Bool {
        e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED
            || (e.message ?? "").contains("already exists") || (e.message ?? "").contains("locked")
    }

    /// A private in-memory database with the full schema (tests).
    public init() throws {
        path = ":memory:"
        do {
            writer = try DatabaseQueue(configuration: AppDatabase.configuration(wal: false))
            try AppDatabase.migrator.migrate(writer)
        } catch let e as DatabaseError {
            throw RioError.cannotWrite(path: path, reason: AppDatabase.describe(e))
        }
    }

    static func configuration(wal: Bool) -> Configuration {
        var c = Configuration()
        c.foreignKeysEnabled = true
        c.busyMode = .timeout(5)
        if wal { c.journalMode = .wal }
        c.label = "RioPlan"
        return c
    }

    /// The names of the migrations applied so far, in order.
    public func appliedMigrations() throws -> [String] {
        try read { db in try AppDatabase.migrator.appliedMigrations(db) }
    }

    /// Runs `body` in one write transaction, mapping database failures to `RioError`.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.write(body)
        } catch let e as DatabaseError {
            throw RioError.cannotWrite(path: path, reason: AppDatabase.describe(e))
        }
    }

    /// Runs `body` with read access, mapping database failures to `RioError`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch let e as DatabaseError {
            throw RioError.data("the workspace database \(path) could not be read: \(AppDatabase.describe(e)); run `rioplan catalog build`")
        }
    }

    static func describe(_ e: DatabaseError) -> String {
        e.message ?? e.resultCode.description
    }
}
