import Foundation
import RioModel
import RioStore

/// A recorded plan version made visible on the platform (`rioplan publish`).
public struct Publication: Sendable, Hashable {
    public var name: String
    public var version: Int
    public var publishedAt: Date
    /// Who published it: the signed-in person's name, or the user who ran `rioplan publish`.
    public var publishedBy: String

    public init(name: String, version: Int, publishedAt: Date, publishedBy: String) {
        self.name = name; self.version = version; self.publishedAt = publishedAt; self.publishedBy = publishedBy
    }

    /// `NAME@N`.
    public var label: String { "\(name)@\(version)" }

    init(_ r: AppDatabase.PublicationRecord) {
        self.init(
            name: r.name, version: r.version, publishedAt: Workspace.date(stamp: r.publishedAt) ?? Date(timeIntervalSince1970: 0),
            publishedBy: r.publishedBy)
    }
}

/// What `rioplan publish` reports: the publication, how many sessions it shows, and whether it
/// was published before (then nothing changed).
public struct PublicationOutcome: Sendable {
    public var publication: Publication
    public var sessions: Int
    public var alreadyPublished: Bool
    /// Inputs that changed since the plan was made, for stderr.
    public var warnings: [String]
}

extension Workspace {
    /// Publishes a recorded version: `NAME@N`, or `NAME` for the latest recorded one.
    ///
    /// Publishing a version published before changes nothing and returns its publication.
    /// Versions are published in order: once `NAME@N` is published, an older version is refused,
    /// since subscribed calendars cannot go back.
    ///
    /// - Throws: the verifier's violations (exit 65) for a plan `check` rejects;
    ///   `RioError.data` for an unknown name or version (naming `rioplan history NAME`) or an
    ///   older version than the published one; `RioError.usage` for a plan file or a malformed
    ///   reference.
    public func publish(_ reference: String, by: String) throws -> Publication {
        try publishPlan(reference, by: by).publication
    }

    /// `publish`, with what `rioplan publish` prints.
    ///
    /// - Parameter now: the publication time (whole seconds are kept).
    public func publishPlan(_ reference: String, by: String, at now: Date = Date()) throws -> PublicationOutcome {
        let (name, version) = try Workspace.publishTarget(reference)
        let db = try requireDatabase("no workspace database yet; `rioplan plan` records the plan versions to publish")
        guard let run = try version.map({ try db.planRun(name: name, version: $0) }) ?? db.latestPlanRun(name: name), let runID = run.id else {
            let have = try db.planRuns(name: name).map { "\($0.version)" }
            throw RioError.data(
                "no recorded plan \(version.map { "\(name)@\($0)" } ?? name)"
                    + (have.isEmpty ? "" : " (recorded versions: \(have.joined(separator: ", ")))")
                    + "; `rioplan history \(name)` lists the recorded versions, and `rioplan plan` records a new one")
        }
        let context = try self.context(PlanReference("\(name)@\(run.version)"))
        try context.requireValid()
        let record = AppDatabase.PublicationRecord(
            planRunId: runID, name: name, version: run.version, publishedAt: Workspace.stamp(now), publishedBy: by)
        let outcome = { (r: AppDatabase.PublicationRecord, again: Bool) in
            PublicationOutcome(publication: Publication(r), sessions: context.plan.sessions.count, alreadyPublished: again, warnings: context.warnings)
        }
        switch try db.insertPublication(record) {
        case .published(let r): return outcome(r, false)
        case .alreadyPublished(let r): return outcome(r, true)
        case .laterPublished(let later):
            throw RioError.data(
                "\(name)@\(later.version) is published already, and subscribed calendars cannot go back to the older \(name)@\(run.version); "
                    + "to show that plan again, re-plan so that it is recorded as a newer version, then publish that")
        }
    }

    /// Every publication of `name`, oldest first; empty without a workspace database.
    public func publications(name: String) throws -> [Publication] {
        guard let db = try existingDatabase() else { return [] }
        return try db.publications(name: name).map(Publication.init)
    }

    /// The latest publication of each published plan, by name.
    public func publishedPlanNames() throws -> [Publication] {
        guard let db = try existingDatabase() else { return [] }
        return try db.latestPublications().map(Publication.init)
    }

    /// The latest published version of `name`, loaded and verified (loaded once per version);
    /// nil when nothing is published under that name.
    public func publishedContext(name: String) throws -> PlanContext? {
        try publishedState(name: name)?.context
    }

    /// The name and version a `publish` reference names (version nil: the latest recorded).
    ///
    /// - Throws: `RioError.usage` for a plan file, an empty name or a version that is no number.
    static func publishTarget(_ text: String) throws -> (name: String, version: Int?) {
        guard !text.isEmpty, !text.hasSuffix(".json"), !text.contains("/") else {
            throw RioError.usage(
                "\(Diagnostic.visible(text)): publish names a recorded plan as NAME or NAME@N (e.g. jlg-2027@3); `rioplan history NAME` lists the versions")
        }
        guard text.contains("@") else { return (text, nil) }
        return try PlanReference(text).nameAndVersion(defaultName: nil)
    }
}
