import Foundation
import RioModel
import RioStore

/// A plan named on the command line: a plan file, or a recorded version `NAME@N` / `NAME@latest`.
struct PlanReference {
    let text: String

    /// Whether `text` names a history version rather than a file.
    var isHistory: Bool { !FileManager.default.fileExists(atPath: text) && text.contains("@") && !text.hasSuffix(".json") }

    /// Loads the plan; `defaultName` fills `@N` / `latest` forms without a name.
    func load(databasePath: String, defaultName: String? = nil) throws -> (plan: Plan, label: String, version: Int?) {
        if !isHistory && text != "latest" {
            return (try PlanFile.read(text), text, nil)
        }
        var name = defaultName ?? ""
        var version: String = "latest"
        if text == "latest" {
            version = "latest"
        } else if let at = text.lastIndex(of: "@") {
            if at != text.startIndex { name = String(text[..<at]) }
            version = String(text[text.index(after: at)...])
        }
        guard !name.isEmpty else {
            throw RioError.usage("\(text): name the plan as NAME@VERSION (e.g. jlg-2027@2) or give a plan file")
        }
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw RioError.unreadable(path: databasePath, reason: "no workspace database yet; run `rioplan plan` first or give a plan file")
        }
        let db = try AppDatabase(path: databasePath)
        let run: PlanRun?
        if version == "latest" {
            run = try db.latestPlanRun(name: name)
        } else if let v = Int(version) {
            run = try db.planRun(name: name, version: v)
        } else {
            throw RioError.usage("\(text): the version after @ must be a number or `latest`")
        }
        guard let run else {
            let have = try db.planRuns(name: name).map { "\($0.version)" }
            throw RioError.usage(
                "no recorded plan \(name)@\(version)" + (have.isEmpty ? "; `rioplan history \(name)` lists none" : "; recorded versions: \(have.joined(separator: ", "))")
            )
        }
        let plan: Plan
        do {
            plan = try JSONDecoder().decode(Plan.self, from: Data(run.planJSON.utf8))
        } catch {
            throw RioError.data("recorded plan \(name)@\(run.version) cannot be read; re-plan with `rioplan plan`")
        }
        return (plan, "\(name)@\(run.version)", run.version)
    }
}
