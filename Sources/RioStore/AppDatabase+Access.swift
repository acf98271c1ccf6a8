import Foundation
import GRDB
import RioModel

extension AppDatabase {
    /// A person given access to the platform, as stored (`accessPrincipal`), live or revoked.
    ///
    /// Holds the selectors (the tokens' public halves) and keyed hashes of the tokens, never a
    /// token: a copy of the database opens nothing.
    public struct AccessRecord: Sendable, Hashable, Codable, FetchableRecord, MutablePersistableRecord {
        public static let databaseTableName = "accessPrincipal"

        /// The table's columns, for queries.
        public enum Columns {
            public static let id = Column(CodingKeys.id)
            public static let name = Column(CodingKeys.name)
            public static let signInSelector = Column(CodingKeys.signInSelector)
            public static let feedSelector = Column(CodingKeys.feedSelector)
            public static let createdAt = Column(CodingKeys.createdAt)
            public static let revokedAt = Column(CodingKeys.revokedAt)
            public static let lastSeenAt = Column(CodingKeys.lastSeenAt)
        }

        /// The row id (nil before insertion).
        public var id: Int64?
        public var name: String
        /// `coordinator`, `finance`, `viewer` or `region:ID`.
        public var role: String
        public var signInSelector: String
        /// `h:` and the hex HMAC of the whole sign-in token.
        public var signInMAC: String
        public var feedSelector: String
        /// `h:` and the hex HMAC of the whole feed token.
        public var feedMAC: String
        /// ISO 8601, UTC, whole seconds (as every time of this table).
        public var createdAt: String
        /// When access was revoked; nil while live.
        public var revokedAt: String?
        /// When a token or session of the person was last used (to the minute or so).
        public var lastSeenAt: String?

        /// A new live entry (no id yet).
        public init(
            name: String, role: String, signInSelector: String, signInMAC: String, feedSelector: String, feedMAC: String,
            createdAt: String
        ) {
            self.name = name; self.role = role; self.signInSelector = signInSelector; self.signInMAC = signInMAC
            self.feedSelector = feedSelector; self.feedMAC = feedMAC; self.createdAt = createdAt
        }

        /// Takes the row id SQLite gave the inserted entry.
        public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
    }

    /// The workspace's key for the access tokens' keyed hashes, created (32 random bytes) on
    /// first use.
    public func accessSecret() throws -> Data {
        try write { db in
            if let key = try Data.fetchOne(db, sql: "SELECT key FROM accessSecret WHERE id = 1") { return key }
            let key = KeyedHash.newKey()
            try db.execute(sql: "INSERT INTO accessSecret (id, key) VALUES (1, ?)", arguments: [key])
            return key
        }
    }

    /// The key if one was created, else nil (reading never creates it).
    public func existingAccessSecret() throws -> Data? {
        try read { db in try Data.fetchOne(db, sql: "SELECT key FROM accessSecret WHERE id = 1") }
    }

    /// Inserts a new live entry in one transaction, unless a live entry has the same name.
    ///
    /// - Returns: the entry with its id, or nil when a live entry already has the name.
    public func insertAccess(_ record: AccessRecord) throws -> AccessRecord? {
        try write { db in
            let live = AccessRecord.filter(AccessRecord.Columns.name == record.name && AccessRecord.Columns.revokedAt == nil)
            if try live.fetchCount(db) > 0 { return nil }
            var inserted = record
            try inserted.insert(db)
            return inserted
        }
    }

    /// Every entry, live and revoked, by name, then by when it was created.
    public func accessRecords() throws -> [AccessRecord] {
        try read { db in
            try AccessRecord.order(AccessRecord.Columns.name, AccessRecord.Columns.createdAt, AccessRecord.Columns.id).fetchAll(db)
        }
    }

    /// The live entry whose sign-in selector is `selector`, or nil.
    public func liveAccess(signInSelector selector: String) throws -> AccessRecord? {
        try read { db in
            try AccessRecord.filter(AccessRecord.Columns.signInSelector == selector && AccessRecord.Columns.revokedAt == nil).fetchOne(db)
        }
    }

    /// The live entry whose feed selector is `selector`, or nil.
    public func liveAccess(feedSelector selector: String) throws -> AccessRecord? {
        try read { db in
            try AccessRecord.filter(AccessRecord.Columns.feedSelector == selector && AccessRecord.Columns.revokedAt == nil).fetchOne(db)
        }
    }

    /// What every feed request asks, in one read: the live entry whose feed selector is
    /// `feedSelector`, and the latest published version of `name` (nil for either when there is
    /// none). The statements are prepared once per connection.
    public func feedLookup(feedSelector: String, name: String) throws -> (access: AccessRecord?, latest: PublicationRecord?) {
        try read { db in
            let access = try AccessRecord.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM accessPrincipal WHERE feedSelector = ? AND revokedAt IS NULL"), arguments: [feedSelector])
            let latest = try PublicationRecord.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM publication WHERE name = ? ORDER BY version DESC LIMIT 1"), arguments: [name])
            return (access, latest)
        }
    }

    /// Revokes the live entry named `name` and deletes every web session of it, in one
    /// transaction: from then on neither token nor any session of the person opens anything.
    ///
    /// - Parameter at: the revocation time, ISO 8601.
    /// - Returns: the revoked entry, or nil when no live entry has the name.
    public func revokeAccess(name: String, at: String) throws -> AccessRecord? {
        try write { db in
            let live = AccessRecord.filter(AccessRecord.Columns.name == name && AccessRecord.Columns.revokedAt == nil)
            guard var record = try live.fetchOne(db), let id = record.id else { return nil }
            record.revokedAt = at
            try record.update(db)
            try WebSessionRecord.filter(WebSessionRecord.Columns.principalId == id).deleteAll(db)
            return record
        }
    }

    /// Notes that entry `id` was seen at `at`, unless it was seen after `staleBefore` already
    /// (so a busy feed does not write on every request).
    public func touchAccess(id: Int64, at: String, staleBefore: String) throws {
        try write { db in
            try db.execute(
                sql: "UPDATE accessPrincipal SET lastSeenAt = ? WHERE id = ? AND (lastSeenAt IS NULL OR lastSeenAt < ?)",
                arguments: [at, id, staleBefore])
        }
    }
}

extension AppDatabase {
    /// A signed-in browser, as stored (`webSession`): the keyed hash of its cookie value, never
    /// the value.
    public struct WebSessionRecord: Sendable, Hashable, Codable, FetchableRecord, MutablePersistableRecord {
        public static let databaseTableName = "webSession"

        /// The table's columns, for queries.
        public enum Columns {
            public static let id = Column(CodingKeys.id)
            public static let cookieMAC = Column(CodingKeys.cookieMAC)
            public static let principalId = Column(CodingKeys.principalId)
            public static let expiresAt = Column(CodingKeys.expiresAt)
        }

        /// The row id (nil before insertion).
        public var id: Int64?
        /// `h:` and the hex HMAC of the cookie value.
        public var cookieMAC: String
        /// The `accessPrincipal` row of the person signed in.
        public var principalId: Int64
        /// ISO 8601, UTC, whole seconds.
        public var createdAt: String
        public var expiresAt: String

        /// A new session (no id yet).
        public init(cookieMAC: String, principalId: Int64, createdAt: String, expiresAt: String) {
            self.cookieMAC = cookieMAC; self.principalId = principalId; self.createdAt = createdAt; self.expiresAt = expiresAt
        }

        /// Takes the row id SQLite gave the inserted session.
        public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
    }

    /// Stores a new session for a live entry, deleting every session expired at `now`, in one
    /// transaction.
    ///
    /// - Returns: the session with its id, or nil when the entry was revoked meanwhile.
    public func insertWebSession(_ session: WebSessionRecord, now: String) throws -> WebSessionRecord? {
        try write { db in
            try WebSessionRecord.filter(WebSessionRecord.Columns.expiresAt <= now).deleteAll(db)
            let live = AccessRecord.filter(AccessRecord.Columns.id == session.principalId && AccessRecord.Columns.revokedAt == nil)
            guard try live.fetchCount(db) == 1 else { return nil }
            var inserted = session
            try inserted.insert(db)
            return inserted
        }
    }

    /// The session whose cookie hashes to `cookieMAC`, with its person's live entry; nil when
    /// there is none or the person was revoked. Expiry is the caller's to check.
    public func webSession(cookieMAC: String) throws -> (session: WebSessionRecord, principal: AccessRecord)? {
        try read { db in
            guard let session = try WebSessionRecord.filter(WebSessionRecord.Columns.cookieMAC == cookieMAC).fetchOne(db) else { return nil }
            let live = AccessRecord.filter(AccessRecord.Columns.id == session.principalId && AccessRecord.Columns.revokedAt == nil)
            guard let principal = try live.fetchOne(db) else { return nil }
            return (session, principal)
        }
    }

    /// Deletes the session whose cookie hashes to `cookieMAC` (nothing when there is none).
    public func deleteWebSession(cookieMAC: String) throws {
        try write { db in
            _ = try WebSessionRecord.filter(WebSessionRecord.Columns.cookieMAC == cookieMAC).deleteAll(db)
        }
    }
}
