import GRDB

extension AppDatabase {
    /// The first column of the first row of `sql`, as text (tests and troubleshooting).
    func scalar(_ sql: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: sql) }
    }
}
