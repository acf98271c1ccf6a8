import Foundation
import GRDB
import RioModel

/// One session of one recorded plan version (`planSession`), filled from the plan file when
/// the version is recorded: what records point at, and what the indicators read instead of
/// decoding plan files.
public struct StoredSession: Sendable, Hashable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "planSession"

    /// The table's columns, for queries.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let planRunId = Column(CodingKeys.planRunId)
        public static let position = Column(CodingKeys.position)
        public static let session = Column(CodingKeys.session)
    }

    public var id: Int64
    public var planRunId: Int64
    /// The session's place in the plan file (0-based).
    public var position: Int
    /// The plan session id, e.g. `jlg-2027/d-af-01`.
    public var session: String
    public var module: String
    public var region: String
    /// nil online.
    public var venue: String?
    public var language: String
    /// Planned dates, ISO.
    public var startDay: String
    public var endDay: String
    public var days: Int
    /// Planned participants.
    public var participants: Int
    /// Planned cash.
    public var cash: Int
    /// JSON arrays of convention and theme ids, as in the plan file.
    public var conventions: String
    public var themes: String

    /// The convention ids.
    public var conventionIDs: [String] { StoredSession.ids(conventions) }
    /// The theme ids.
    public var themeIDs: [String] { StoredSession.ids(themes) }
    public var plannedStart: Day? { Day(iso: startDay) }
    public var plannedEnd: Day? { Day(iso: endDay) }

    /// The strings of a JSON array (empty for anything else).
    static func ids(_ json: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }
}
