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

    /// The base request (Tests/Fixtures/planner/workspace-request.yaml), shared with the server tests.
    static let requestYAML = (try? String(contentsOf: root.appendingPathComponent("Tests/Fixtures/planner/workspace-request.yaml"), encoding: .utf8)) ?? ""

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
