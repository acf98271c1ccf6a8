import GRDB
import RioModel

/// A follow-up answer as stored (`followUp`): one per session and participant.
public struct StoredFollowUp: Sendable, Hashable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "followUp"

    /// The table's columns, for queries.
    public enum Columns {
        public static let session = Column(CodingKeys.session)
        public static let participant = Column(CodingKeys.participant)
    }

    /// The row id (nil before insertion).
    public var id: Int64?
    /// The plan session id and its `planSession` row.
    public var session: String
    public var planSessionId: Int64
    /// As the session's attendance stores it (a name, an id or a keyed hash).
    public var participant: String
    /// Whether the participant applied what they learned, when asked (ISO), and a note.
    public var applied: Bool
    public var date: String
    public var note: String?

    /// The stored form of a follow-up.
    public init(_ f: FollowUpRecord, planSessionId: Int64) {
        session = f.session; self.planSessionId = planSessionId; participant = f.participant; applied = f.applied; date = f.date.iso
        note = f.note
    }

    /// Takes the row id SQLite gave.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
