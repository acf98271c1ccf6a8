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
            let last = try PlanRun.filter(PlanRun.Columns.name == name).select(max(PlanRun.Columns.version), as: Int.self).fetchOne(db) ?? 0
            var run = PlanRun(
                name: name, version: last + 1, createdAt: stamp, requestSha256: requestSha256, catalogSha256: catalogSha256,
                value: score.value, cash: score.cash, scheduled: score.scheduled, demands: score.demands, planJSON: planJSON)
            try run.insert(db)
            return run.version
        }
    }

    /// Every recorded run of `name`, oldest version first.
    public func planRuns(name: String) throws -> [PlanRun] {
        try read { db in try PlanRun.filter(PlanRun.Columns.name == name).order(PlanRun.Columns.version).fetchAll(db) }
    }

    /// One recorded run, or nil.
    public func planRun(name: String, version: Int) throws -> PlanRun? {
        try read { db in
            try PlanRun.filter(PlanRun.Columns.name == name && PlanRun.Columns.version == version).fetchOne(db)
        }
    }

    /// The newest recorded run of `name`, or nil.
    public func latestPlanRun(name: String) throws -> PlanRun? {
        try read { db in
            try PlanRun.filter(PlanRun.Columns.name == name).order(PlanRun.Columns.version.desc).fetchOne(db)
        }
    }
}
