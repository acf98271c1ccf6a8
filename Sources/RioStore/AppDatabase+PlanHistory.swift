import Foundation
import GRDB
import RioModel

extension AppDatabase {
    /// Records a plan run as the next version of `name`, in one transaction.
    ///
    /// - Returns: the version given (1 for the first run of a name).
    @discardableResult
    public func recordPlanRun(
        name: String, requestSha256: String, catalogSha256: String, score: Plan.Score,
        planJSON: String, createdAt: Date = Date()
    ) throws -> Int {
        let stamp = ISO8601DateFormatter().string(from: createdAt)
        return try write { db in
            let last = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM planRun WHERE name = ?", arguments: [name]) ?? 0
            let version = last + 1
            try db.execute(
                sql: """
                    INSERT INTO planRun (name, version, createdAt, requestSha256, catalogSha256, value, cash, scheduled, demands, planJSON)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    name, version, stamp, requestSha256, catalogSha256,
                    score.value, score.cash, score.scheduled, score.demands, planJSON,
                ])
            return version
        }
    }

    /// Every recorded run of `name`, oldest version first.
    public func planRuns(name: String) throws -> [PlanRun] {
        try read { db in try Row.fetchAll(db, sql: "\(AppDatabase.planRunSelect) WHERE name = ? ORDER BY version", arguments: [name]).map(AppDatabase.planRun) }
    }

    /// One recorded run, or nil.
    public func planRun(name: String, version: Int) throws -> PlanRun? {
        try read { db in
            try Row.fetchOne(db, sql: "\(AppDatabase.planRunSelect) WHERE name = ? AND version = ?", arguments: [name, version]).map(AppDatabase.planRun)
        }
    }

    /// The newest recorded run of `name`, or nil.
    public func latestPlanRun(name: String) throws -> PlanRun? {
        try read { db in
            try Row.fetchOne(db, sql: "\(AppDatabase.planRunSelect) WHERE name = ? ORDER BY version DESC LIMIT 1", arguments: [name]).map(AppDatabase.planRun)
        }
    }

    private static let planRunSelect = """
        SELECT id, name, version, createdAt, requestSha256, catalogSha256, value, cash, scheduled, demands, planJSON FROM planRun
        """

    private static func planRun(_ r: Row) -> PlanRun {
        PlanRun(
            id: r["id"], name: r["name"], version: r["version"], createdAt: r["createdAt"],
            requestSha256: r["requestSha256"], catalogSha256: r["catalogSha256"], value: r["value"], cash: r["cash"],
            scheduled: r["scheduled"], demands: r["demands"], planJSON: r["planJSON"])
    }
}
