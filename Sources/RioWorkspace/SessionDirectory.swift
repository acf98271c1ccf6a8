import RioModel
import RioStore

/// The sessions of the recorded plans, looked up by id (the latest version holding each), with
/// "did you mean" help for ids that are in none.
///
/// Limited to a region (a regional office's uploads), it holds that region's sessions only:
/// another region's session is as unknown as one no plan has, and no hint names it.
final class SessionDirectory {
    private let db: AppDatabase
    private var found: [String: StoredSession?] = [:]
    private var allIDs: [String]?
    /// The region whose sessions alone are known; nil for all.
    let region: String?

    init(_ db: AppDatabase, region: String? = nil) { self.db = db; self.region = region }

    /// The latest recorded version's row of `id`, nil when no recorded plan has it (or it is
    /// another region's).
    func session(_ id: String) -> StoredSession? {
        if let hit = found[id] { return hit }
        var s = try? db.latestSession(id)
        if let region, s?.region != region { s = nil }
        found[id] = s
        return s
    }

    /// `did you mean `t/d1`? sessions of t: …`, or the sessions recorded, or how to record one.
    func hint(for id: String) -> String {
        if allIDs == nil {
            allIDs = region.map { r in ((try? db.latestSessions(region: r)) ?? []).map(\.session) } ?? ((try? db.recordedSessionIDs()) ?? [])
        }
        let all = allIDs ?? []
        if let region, all.isEmpty { return "no session of \(region) is recorded yet; use the id of one of your region's sessions once it is planned" }
        guard !all.isEmpty else { return "no plan is recorded yet; record one with `rioplan plan REQUEST.yaml`, then record its sessions" }
        let plan = id.split(separator: "/").first.map(String.init) ?? ""
        let same = all.filter { $0.hasPrefix(plan + "/") }
        let pool = same.isEmpty ? all : same
        let shown = pool.prefix(12).joined(separator: ", ") + (pool.count > 12 ? ", …" : "")
        let list = same.isEmpty ? "recorded sessions: \(shown)" : "sessions of \(plan): \(shown)"
        if let best = Suggestion.closest(to: id, among: all) { return "did you mean `\(best)`? (\(list))" }
        return "use a session id of a recorded plan (\(list))"
    }

    /// The session row, or `RioError.data` (exit 65) with the hint.
    func require(_ id: String) throws -> StoredSession {
        guard let s = session(id) else { throw RioError.data("session `\(id)` is not in any recorded plan; \(hint(for: id))") }
        return s
    }
}
