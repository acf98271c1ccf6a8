import Foundation
import Hummingbird
import HummingbirdTesting
import RioModel
import RioServer
import RioWorkspace
import Synchronization

/// A throw-away workspace with a published plan and one person per role, and the platform
/// over it.
///
/// The catalog is the planner fixture's (regions africa and weog) with the record fixture's
/// countries; the request `t` has five
/// demands with one feasible slot each, planned with a fixed seed and few iterations, recorded
/// as t@1 and published.
final class ServerFixture: Sendable {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The people of the fixture, one per role.
    enum Who: String, CaseIterable, Sendable, CustomStringConvertible {
        case coordinator, finance, viewer, africa, weog
        var role: AccessRole {
            switch self {
            case .coordinator: return .coordinator
            case .finance: return .finance
            case .viewer: return .viewer
            case .africa: return .region("africa")
            case .weog: return .region("weog")
            }
        }
        var description: String { rawValue }
    }

    let dir: URL
    let workspace: Workspace
    let access: [Who: IssuedAccess]
    let logLines = Mutex<[String]>([])

    var catalog: String { dir.appendingPathComponent("catalog").path }
    var plansFolder: String { dir.appendingPathComponent("plans").path }
    var request: String { dir.appendingPathComponent("plans/t.yaml").path }
    var database: String { dir.appendingPathComponent("db/rioplan.sqlite").path }

    /// The workspace tests' base request (Tests/Fixtures/planner/workspace-request.yaml).
    static let requestYAML = (try? String(contentsOf: root.appendingPathComponent("Tests/Fixtures/planner/workspace-request.yaml"), encoding: .utf8)) ?? ""

    static let search = SearchSettings(iterations: 200, seed: 1)

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("rio-server-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("plans"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("db"), withIntermediateDirectories: true)
        try fm.copyItem(at: ServerFixture.root.appendingPathComponent("Tests/Fixtures/planner/catalog"), to: dir.appendingPathComponent("catalog"))
        // a few countries, so that sign-in sheets can be recorded
        try fm.copyItem(
            at: ServerFixture.root.appendingPathComponent("Tests/Fixtures/records/catalog/countries.yaml"),
            to: dir.appendingPathComponent("catalog/countries.yaml"))
        try Data(ServerFixture.requestYAML.utf8).write(to: dir.appendingPathComponent("plans/t.yaml"))
        let ws = Workspace(
            catalogFolder: dir.appendingPathComponent("catalog").path, databasePath: dir.appendingPathComponent("db/rioplan.sqlite").path,
            plansFolder: dir.appendingPathComponent("plans").path)
        workspace = ws
        try ServerFixture.planAgain(ws, request: dir.appendingPathComponent("plans/t.yaml").path)
        _ = try ws.publish("t", by: "Coordinator")
        var issued: [Who: IssuedAccess] = [:]
        for who in Who.allCases { issued[who] = try ws.addAccess(name: who.rawValue, role: who.role) }
        access = issued
    }

    /// Plans the request again and records the next version.
    static func planAgain(_ ws: Workspace, request: String) throws {
        guard case .planned = try ws.plan(request: request, record: true, search: ServerFixture.search) else {
            throw RioError.data("the fixture's pins conflict")
        }
    }

    func token(_ who: Who) -> String { access[who]?.signInToken ?? "" }
    func feedToken(_ who: Who) -> String { access[who]?.feedToken ?? "" }

    /// The platform over the fixture's workspace; access-log lines are kept in `logLines`.
    func app(maxBodyBytes: Int = ServerOptions.defaultMaxBodyBytes, secureCookies: Bool = false) throws -> some ApplicationProtocol {
        let options = ServerOptions(maxBodyBytes: maxBodyBytes, secureCookies: secureCookies, log: { [self] line in self.logLines.withLock { $0.append(line) } })
        return Application(router: try PlatformServer(workspace: workspace, options: options).buildRouter())
    }

    /// A web session of `who`: the cookie header value and the CSRF token.
    func session(_ who: Who) throws -> (cookie: String, csrf: String) {
        guard let (cookie, session) = try workspace.openWebSession(signInToken: token(who)) else { throw RioError.data("no session for \(who)") }
        return ("rioplan_session=\(cookie)", session.csrfToken)
    }

    var log: [String] { logLines.withLock { $0 } }
}

/// Headers for a bearer caller.
func bearer(_ token: String, _ more: HTTPFields = [:]) -> HTTPFields {
    var h = more
    h[.authorization] = "Bearer \(token)"
    return h
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
