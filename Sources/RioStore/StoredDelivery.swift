import GRDB
import RioModel

/// A delivery record as stored (`delivery`): one per session id.
public struct StoredDelivery: Sendable, Hashable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "delivery"

    /// The table's columns, for queries.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let session = Column(CodingKeys.session)
        public static let planSessionId = Column(CodingKeys.planSessionId)
    }

    /// The row id (nil before insertion).
    public var id: Int64?
    /// The plan session id.
    public var session: String
    /// The latest recorded version's session when this was recorded.
    public var planSessionId: Int64
    /// Actual dates (ISO), venue id (nil online) and language.
    public var startDay: String
    public var endDay: String
    public var venue: String?
    public var language: String
    /// `delivered` or `cancelled`, and why it was cancelled.
    public var status: String
    public var reason: String?
    /// Actual cash, nil: as planned.
    public var cash: Int?
    /// ISO 8601, UTC.
    public var recordedAt: String

    /// - Parameter record: the delivery; `planSessionId` the session row it belongs to.
    public init(_ record: DeliveryRecord, planSessionId: Int64, recordedAt: String) {
        session = record.session; self.planSessionId = planSessionId; startDay = record.start.iso; endDay = record.end.iso
        venue = record.venue; language = record.language; status = record.status.rawValue; reason = record.reason; cash = record.cash
        self.recordedAt = recordedAt
    }

    /// The record value, nil when a stored field is not valid (a hand-edited database).
    public var record: DeliveryRecord? {
        guard let s = Day(iso: startDay), let e = Day(iso: endDay), let st = DeliveryStatus(rawValue: status) else { return nil }
        return DeliveryRecord(session: session, start: s, end: e, venue: venue, language: language, status: st, reason: reason, cash: cash)
    }

    /// Takes the row id SQLite gave.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
