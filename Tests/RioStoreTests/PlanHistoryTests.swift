import Foundation
import RioModel
import Testing

@testable import RioStore

/// The plan-run history kept for `rioplan diff` and friends.
@Suite struct PlanHistoryTests {
    @Test func runsGetIncreasingVersionsPerName() throws {
        let db = try AppDatabase()
        let score = Plan.Score(value: 72, cash: 331_450, inKind: 0, scheduled: 28, demands: 30)
        #expect(try db.recordPlanRun(name: "jlg-2027", requestSha256: "r1", catalogSha256: "c1", score: score, planJSON: "{}") == 1)
        #expect(try db.recordPlanRun(name: "other", requestSha256: "r9", catalogSha256: "c1", score: score, planJSON: "{}") == 1)
        var better = score
        better.value = 80
        #expect(try db.recordPlanRun(name: "jlg-2027", requestSha256: "r2", catalogSha256: "c1", score: better, planJSON: "{\"v\":2}") == 2)

        let runs = try db.planRuns(name: "jlg-2027")
        #expect(runs.map(\.version) == [1, 2])
        #expect(runs.map(\.value) == [72, 80])
        #expect(runs.first?.cash == 331_450)
        #expect(runs.first?.scheduled == 28)
        #expect(runs.first?.demands == 30)
        #expect(try db.latestPlanRun(name: "jlg-2027")?.planJSON == "{\"v\":2}")
        #expect(try db.planRun(name: "jlg-2027", version: 1)?.requestSha256 == "r1")
        #expect(try db.planRun(name: "jlg-2027", version: 3) == nil)
        #expect(try db.latestPlanRun(name: "none") == nil)
    }
}
