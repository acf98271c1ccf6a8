import Foundation
import RioModel
import RioStore

/// A plan as a person names it: a plan file, or a recorded version `NAME@N`, `NAME@latest`,
/// `@N` or `latest` (the last two with the name of the plan at hand).
public struct PlanReference: Sendable, Hashable, CustomStringConvertible {
    /// What was written, e.g. `jlg-2027@2` or `Plans/jlg-2027.plan.json`.
    public let text: String

    public init(_ text: String) { self.text = text }

    public var description: String { text }

    /// Whether `text` names a history version rather than a file.
    public var isHistory: Bool {
        if text == "latest" { return true }
        return !FileManager.default.fileExists(atPath: text) && text.contains("@") && !text.hasSuffix(".json")
    }

    /// The name and version a history reference names (`version` nil for latest).
    ///
    /// - Throws: `RioError.usage` when the name is missing or the version is not a number.
    public func nameAndVersion(defaultName: String?) throws -> (name: String, version: Int?) {
        var name = defaultName ?? ""
        var version = "latest"
        if text != "latest", let at = text.lastIndex(of: "@") {
            if at != text.startIndex { name = String(text[..<at]) }
            version = String(text[text.index(after: at)...])
        }
        guard !name.isEmpty else {
            throw RioError.usage("\(text): name the plan as NAME@VERSION (e.g. jlg-2027@2) or give a plan file")
        }
        if version == "latest" { return (name, nil) }
        guard let v = Int(version) else { throw RioError.usage("\(text): the version after @ must be a number or `latest`") }
        return (name, v)
    }
}

/// A plan read from a file or the history, with the name to show for it.
public struct ReferencedPlan: Sendable {
    public var plan: Plan
    /// `NAME@N` for a recorded version, else the file's path.
    public var label: String
    /// The recorded version, nil for a file.
    public var version: Int?
    /// The plan file, nil for a recorded version.
    public var path: String?
    /// When it was written: the file's modification time, or the version's recording time.
    public var writtenAt: Date?

    public init(plan: Plan, label: String, version: Int?, path: String?, writtenAt: Date?) {
        self.plan = plan; self.label = label; self.version = version; self.path = path; self.writtenAt = writtenAt
    }

    /// A recorded version, named `NAME@N`.
    ///
    /// - Throws: `RioError.data` when its JSON cannot be read.
    init(recorded run: PlanRun) throws {
        self.init(plan: try run.decodedPlan(), label: "\(run.name)@\(run.version)", version: run.version, path: nil, writtenAt: run.recordedDate)
    }
}

extension Workspace {
    /// Reads the plan `reference` names.
    ///
    /// - Parameter defaultName: fills `@N` and `latest` forms without a name.
    /// - Throws: `RioError.unreadable` for a missing file or database, `.usage` for an unknown
    ///   version (listing the recorded ones), `.data` for a file or version that cannot be read.
    public func plan(_ reference: PlanReference, defaultName: String? = nil) throws -> ReferencedPlan {
        guard reference.isHistory else {
            let plan = try PlanFile.read(reference.text)
            return ReferencedPlan(plan: plan, label: reference.text, version: nil, path: reference.text, writtenAt: PlanFile.modificationDate(reference.text))
        }
        let (name, version) = try reference.nameAndVersion(defaultName: defaultName)
        let db = try requireDatabase("no workspace database yet; run `rioplan plan` first or give a plan file")
        let run = try version.map { try db.planRun(name: name, version: $0) } ?? db.latestPlanRun(name: name)
        guard let run else {
            let have = try db.planRuns(name: name).map { "\($0.version)" }
            let shown = version.map(String.init) ?? "latest"
            throw RioError.usage(
                "no recorded plan \(name)@\(shown)"
                    + (have.isEmpty ? "; `rioplan history \(name)` lists none" : "; recorded versions: \(have.joined(separator: ", "))"))
        }
        return try ReferencedPlan(recorded: run)
    }
}

extension PlanRun {
    /// The recorded plan file.
    ///
    /// - Throws: `RioError.data` (exit 65) naming the version when its JSON cannot be read.
    public func decodedPlan() throws -> Plan {
        do {
            return try JSONDecoder().decode(Plan.self, from: Data(planJSON.utf8))
        } catch {
            throw RioError.data(
                "recorded plan \(name)@\(version) in the workspace database cannot be read as a plan file; re-plan with `rioplan plan`, or give a plan file instead"
            )
        }
    }

    /// `createdAt` as a date, nil when it is not ISO 8601.
    public var recordedDate: Date? { ISO8601DateFormatter().date(from: createdAt) }
}
