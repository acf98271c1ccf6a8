import GRDB

/// One recorded `rioplan plan` run: the plan file and the figures to compare versions by.
///
/// A GRDB record of the `planRun` table: fetched and inserted by its `Columns`, never by
/// hand-mapped rows.
public struct PlanRun: Sendable, Hashable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "planRun"

    /// The table's columns, for queries.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let name = Column(CodingKeys.name)
        public static let version = Column(CodingKeys.version)
        public static let createdAt = Column(CodingKeys.createdAt)
    }

    /// The row id (nil before insertion).
    public var id: Int64?
    /// The plan's name (from the request).
    public var name: String
    /// 1, 2, 3... per name, in the order runs were recorded.
    public var version: Int
    /// ISO 8601, UTC.
    public var createdAt: String
    public var requestSha256: String
    public var catalogSha256: String
    public var value: Int
    public var cash: Int
    public var scheduled: Int
    public var demands: Int
    /// The plan file (`rioplan-plan/1` JSON) as written.
    public var planJSON: String

    public init(
        id: Int64? = nil, name: String, version: Int, createdAt: String, requestSha256: String, catalogSha256: String,
        value: Int, cash: Int, scheduled: Int, demands: Int, planJSON: String
    ) {
        self.id = id; self.name = name; self.version = version; self.createdAt = createdAt
        self.requestSha256 = requestSha256; self.catalogSha256 = catalogSha256
        self.value = value; self.cash = cash; self.scheduled = scheduled; self.demands = demands; self.planJSON = planJSON
    }

    /// Takes the row id SQLite gave the inserted run.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
