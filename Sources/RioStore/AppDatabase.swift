import Foundation
import GRDB
import RioModel

/// The workspace SQLite database: one connection per process, migrations applied when it opens.
///
/// Follows GRDB's `AppDatabase` pattern: WAL journal, a 5 s busy timeout so that two `rioplan`
/// processes wait for each other instead of failing, and foreign keys enforced.
public final class AppDatabase: Sendable {
    /// The single connection.
    let writer: DatabaseQueue
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
            writer = try DatabaseQueue(path: path, configuration: AppDatabase.configuration(wal: true))
            try AppDatabase.migrate(writer)
        } catch let e as DatabaseError {
            throw RioError.cannotWrite(path: path, reason: AppDatabase.describe(e) + " (delete the file to start a fresh workspace database)")
        }
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

    /// Applies the migrations, tolerating another process applying them at the same time.
    ///
    /// GRDB's migrator reads which migrations are applied before running each one in its own
    /// transaction, so two processes opening a fresh file at once can both try the first
    /// migration; the loser fails ("table already exists") with nothing written. Looking again
    /// then finds it applied.
    static func migrate(_ writer: DatabaseQueue) throws {
        var attempt = 0
        while true {
            do {
                try migrator.migrate(writer)
                return
            } catch is DatabaseError where attempt < 5 {
                attempt += 1
                usleep(UInt32(20_000 * attempt))
            }
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
