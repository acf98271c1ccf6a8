import Foundation
import RioModel
import RioStore

@testable import RioWorkspace

/// A workspace over the records catalog (`Tests/Fixtures/records/catalog`) whose database holds
/// the checked-in tiny plan as `tiny@1`, and the record fixtures of `Tests/Fixtures/records`.
///
/// Sessions: tiny/d1 (joint-3d, africa, 3 days, UNCCD+CBD+UNFCCC, planned cash 11,100),
/// tiny/d4 (pair-2d, weog, 2 days, UNCCD+UNFCCC), tiny/d2 and tiny/d3 (online-1d, CBD, 1 day),
/// tiny/d5 (advanced, africa, 2 days, UNCCD, planned cash 8,250).
struct RecordFixture {
    static let folder = WorkspaceFixture.root.appendingPathComponent("Tests/Fixtures/records")
    static let catalog = folder.appendingPathComponent("catalog").path
    static let tinyPlan = WorkspaceFixture.root.appendingPathComponent("Tests/Fixtures/golden/tiny/tiny.plan.json").path
    /// Every participant name of the fixtures (made up), for the privacy checks.
    static let names = ["Ana Zorvelli", "Bo Quintarro", "Cy Marduvek", "Di Olventra", "Eli Varnosk", "Fa Tembrulo", "Gu Helmarik", "Hu Pelvantor"]

    let dir: URL
    var database: String { dir.appendingPathComponent("ws.sqlite").path }

    /// A new folder and database with tiny@1 recorded.
    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("rio-records-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let json = try String(contentsOfFile: RecordFixture.tinyPlan, encoding: .utf8)
        let plan = try PlanFile.read(RecordFixture.tinyPlan)
        try workspace().database().recordPlanRun(name: "tiny", requestSha256: "r", catalogSha256: "c", score: plan.score, planJSON: json)
    }

    /// A new workspace (a new process, as far as caches go).
    func workspace() -> Workspace { Workspace(catalogFolder: RecordFixture.catalog, databasePath: database, plansFolder: dir.path) }

    /// A fixture file's path.
    static func file(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Writes `text` to a new file in the fixture's folder and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Records every fixture: deliveries (d4 cash 16,000; d2 cancelled; d5 actually 2027-03-10..12),
    /// the sheets of d1, d4 and d5, the follow-ups and the outcomes.
    func recordAll(_ ws: Workspace) throws {
        try ws.recordDelivery(session: "tiny/d4", DeliveryChange(cash: 16000))
        try ws.recordDelivery(session: "tiny/d2", DeliveryChange(status: .cancelled, reason: "no platform"))
        try ws.recordDelivery(session: "tiny/d5", DeliveryChange(start: Day(iso: "2027-03-10"), end: Day(iso: "2027-03-12")))
        _ = try ws.recordAttendance([SignInSheet(session: "tiny/d1", file: RecordFixture.file("d1.csv"))])
        _ = try ws.recordAttendance([
            SignInSheet(session: "tiny/d4", file: RecordFixture.file("d4.csv")), SignInSheet(session: "tiny/d5", file: RecordFixture.file("d5.csv")),
        ])
        _ = try ws.recordFollowUps(file: RecordFixture.file("followup.csv"))
        _ = try ws.recordOutcomes(file: RecordFixture.file("outcomes.yaml"))
    }

    /// The diagnostics of a refused import, as printed.
    static func problems(_ body: () throws -> Void) -> [String] {
        do {
            try body()
            return []
        } catch RioError.invalidInput(let ds) {
            return ds.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }
}
