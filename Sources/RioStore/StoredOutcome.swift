import GRDB
import RioModel

/// An outcome as stored (`outcome`), its sessions in `outcomeSession`.
///
/// An outcome is identified by country, kind, description and date: importing the same file
/// twice records nothing new.
public struct StoredOutcome: Sendable, Hashable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "outcome"

    /// The table's columns, for queries.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let country = Column(CodingKeys.country)
    }

    /// The row id (nil before insertion).
    public var id: Int64?
    /// Country code, kind (`OutcomeKind`), description, date (ISO) and evidence URL.
    public var country: String
    public var kind: String
    public var description: String
    public var date: String
    public var evidence: String?

    /// The stored form of an outcome (its sessions go to `outcomeSession`).
    public init(_ o: OutcomeRecord) {
        country = o.country; kind = o.kind.rawValue; description = o.description; date = o.date.iso; evidence = o.evidence
    }

    /// Takes the row id SQLite gave.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One session an outcome stems from (`outcomeSession`).
public struct StoredOutcomeSession: Sendable, Hashable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "outcomeSession"

    /// The table's columns, for queries.
    public enum Columns {
        public static let outcomeId = Column(CodingKeys.outcomeId)
        public static let position = Column(CodingKeys.position)
    }

    /// The row id (nil before insertion).
    public var id: Int64?
    /// The outcome.
    public var outcomeId: Int64
    /// The plan session id and its `planSession` row.
    public var session: String
    public var planSessionId: Int64
    /// The session's place in the outcome's list.
    public var position: Int

    /// A link of an outcome to one session.
    public init(outcomeId: Int64, session: String, planSessionId: Int64, position: Int) {
        self.outcomeId = outcomeId; self.session = session; self.planSessionId = planSessionId; self.position = position
    }

    /// Takes the row id SQLite gave.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
