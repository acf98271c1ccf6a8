import Foundation
import RioModel

@testable import RioWorkspace

/// A throw-away workspace: a copy of the planner fixture catalog, a small request and a
/// database, all in a new temporary folder.
///
/// The request has five demands with one feasible slot each (the planner tests' base request),
/// so every solver finds the same, all-scheduled plan.
struct WorkspaceFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let dir: URL
    var catalog: String { dir.appendingPathComponent("catalog").path }
    var request: String { dir.appendingPathComponent("plans/t.yaml").path }
    var plansFolder: String { dir.appendingPathComponent("plans").path }
    var database: String { dir.appendingPathComponent("db/rioplan.sqlite").path }

    static let requestYAML = """
        name: t
        title: Test plan
        currency: USD
        horizon: {start: 2027-03-01, end: 2027-03-26}
        demand:
          - {id: d1, module: joint-3d, region: africa, participants: 10, priority: 4, earliest: 2027-03-01, latest: 2027-03-03}
          - {id: d2, module: online-1d, region: africa, participants: 50, earliest: 2027-03-08, latest: 2027-03-08}
          - {id: d3, module: online-1d, region: weog, participants: 20, earliest: 2027-03-08, latest: 2027-03-08}
          - {id: d4, module: pair-2d, region: weog, participants: 20, priority: 2, earliest: 2027-03-01, latest: 2027-03-02}
          - {id: d5, module: advanced, region: africa, participants: 10, earliest: 2027-03-09, latest: 2027-03-10}
        staff:
          - {id: t1, name: T One, org: UNCCD, home: weog, languages: [en, fr], modules: [joint-3d], dayRate: 500}
          - {id: t2, name: T Two, org: CBD, home: weog, languages: [fr], modules: [pair-2d], dayRate: 500}
          - {id: t3, name: T Three, org: UNFCCC, home: weog, languages: [en, fr], modules: [pair-2d], dayRate: 450}
          - {id: t4, name: T Four, org: UNCCD, home: africa, languages: [en], modules: [advanced], dayRate: 300}
          - {id: v1, name: V One, org: FAO, home: africa, languages: [en], modules: [online-1d], dayRate: 0}
          - {id: v2, name: V Two, org: FAO, home: africa, languages: [en, es], modules: [online-1d], dayRate: 0}
          - {id: v3, name: V Three, org: FAO, home: africa, languages: [en], modules: [online-1d], dayRate: 0}
        funding:
          - {id: core, name: Core budget, owner: UNCCD, type: core, cap: 1000000}

        """

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("rio-workspace-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("plans"), withIntermediateDirectories: true)
        try fm.copyItem(at: WorkspaceFixture.root.appendingPathComponent("Tests/Fixtures/planner/catalog"), to: dir.appendingPathComponent("catalog"))
        try Data(WorkspaceFixture.requestYAML.utf8).write(to: URL(fileURLWithPath: request))
    }

    /// A new workspace over the fixture's folders (a new process, as far as caches go).
    func workspace() -> Workspace { Workspace(catalogFolder: catalog, databasePath: database, plansFolder: plansFolder) }

    /// Reproducible search settings.
    static let search = SearchSettings(iterations: 300, seed: 1)

    /// Plans the request and returns what was written.
    func plan(_ ws: Workspace? = nil, record: Bool = true) throws -> PlannedRequest {
        guard case .planned(let p) = try (ws ?? workspace()).plan(request: request, record: record, search: WorkspaceFixture.search) else {
            throw RioError.data("the fixture's pins conflict")
        }
        return p
    }

    /// The file's text.
    func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
}
