import Foundation
import GRDB
import RioModel

extension AppDatabase {
    /// A published plan version, as stored (`publication`).
    public struct PublicationRecord: Sendable, Hashable, Codable, FetchableRecord, MutablePersistableRecord {
        public static let databaseTableName = "publication"

        /// The table's columns, for queries.
        public enum Columns {
            public static let id = Column(CodingKeys.id)
            public static let name = Column(CodingKeys.name)
            public static let version = Column(CodingKeys.version)
        }

        /// The row id (nil before insertion).
        public var id: Int64?
        /// The recorded run published.
        public var planRunId: Int64
        public var name: String
        public var version: Int
        /// ISO 8601, UTC, whole seconds.
        public var publishedAt: String
        /// Who published it: a person's access name, or the user who ran `rioplan publish`.
        public var publishedBy: String

        /// A new publication of `run` (no id yet).
        public init(planRunId: Int64, name: String, version: Int, publishedAt: String, publishedBy: String) {
            self.planRunId = planRunId; self.name = name; self.version = version
            self.publishedAt = publishedAt; self.publishedBy = publishedBy
        }

        /// Takes the row id SQLite gave the inserted publication.
        public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
    }

    /// What `insertPublication` did.
    public enum PublicationInsert: Sendable, Hashable {
        /// The version is published now.
        case published(PublicationRecord)
        /// The version was published before; nothing changed.
        case alreadyPublished(PublicationRecord)
        /// A later version of the name is published; nothing changed (calendars never go back).
        case laterPublished(PublicationRecord)
    }

    /// Publishes a recorded version in one transaction, unless it or a later version of its
    /// name is published already.
    public func insertPublication(_ record: PublicationRecord) throws -> PublicationInsert {
        try write { db in
            let same = PublicationRecord.filter(PublicationRecord.Columns.name == record.name)
            if let existing = try same.filter(PublicationRecord.Columns.version == record.version).fetchOne(db) {
                return .alreadyPublished(existing)
            }
            if let later = try same.filter(PublicationRecord.Columns.version > record.version).order(PublicationRecord.Columns.version.desc)
                .fetchOne(db)
            {
                return .laterPublished(later)
            }
            var inserted = record
            try inserted.insert(db)
            return .published(inserted)
        }
    }

    /// Every publication of `name`, oldest (lowest version) first.
    public func publications(name: String) throws -> [PublicationRecord] {
        try read { db in
            try PublicationRecord.filter(PublicationRecord.Columns.name == name).order(PublicationRecord.Columns.version).fetchAll(db)
        }
    }

    /// The latest publication of each published name, by name.
    public func latestPublications() throws -> [PublicationRecord] {
        try read { db in
            try PublicationRecord.fetchAll(
                db,
                sql: """
                    SELECT p.* FROM publication p
                    WHERE p.version = (SELECT max(q.version) FROM publication q WHERE q.name = p.name)
                    ORDER BY p.name
                    """)
        }
    }
}
