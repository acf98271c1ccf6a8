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

    /// The row id.
    public var id: Int64
    /// The recorded version (`planRun`) this session belongs to.
    public var planRunId: Int64
    /// The session's place in the plan file (0-based).
    public var position: Int
    /// The plan session id, e.g. `jlg-2027/d-af-01`.
    public var session: String
    /// Module and region ids, as planned.
    public var module: String
    public var region: String
    /// nil online.
    public var venue: String?
    /// The planned language.
    public var language: String
    /// Planned dates, ISO.
    public var startDay: String
    public var endDay: String
    /// Planned days of training.
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
    /// The planned dates as days (nil when not ISO dates).
    public var plannedStart: Day? { Day(iso: startDay) }
    public var plannedEnd: Day? { Day(iso: endDay) }

    /// The strings of a JSON array of ids (empty for anything else).
    ///
    /// Ids hold no quotes or escapes, so the array is split directly; only text with a
    /// backslash goes through `JSONDecoder` (the indicators read this once per session).
    static func ids(_ json: String) -> [String] {
        guard json.contains("\\") else {
            let inner = json.trimmingCharacters(in: .whitespaces).dropFirst().dropLast()
            return inner.split(separator: ",").compactMap { part in
                let t = part.trimmingCharacters(in: .whitespaces)
                guard t.count >= 2, t.hasPrefix("\""), t.hasSuffix("\"") else { return nil }
                return String(t.dropFirst().dropLast())
            }
        }
        return (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }
}
