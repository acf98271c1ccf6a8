import Foundation
import RioExport
import RioModel
import RioStore

/// A published plan's calendar feed, ready to serve: the `.ics` bytes and their validators.
///
/// The bytes are a pure function of the published versions and the filter (every `DTSTAMP` is
/// the latest publication's time), so a cache keyed by name, latest version and filter never
/// serves stale content, and the `ETag` changes only when a publication does.
public struct PublishedFeed: Sendable, Hashable {
    /// The `.ics`: `SEQUENCE` and `STATUS:CANCELLED` over the *published* versions only.
    public var data: Data
    /// Strong validator: the quoted hex SHA-256 of `data`.
    public var etag: String
    /// When the latest version was published.
    public var lastModified: Date
    /// The latest published version.
    public var version: Int
}

/// The latest published version of a name, loaded and verified once, with the calendar history
/// of its published versions (what every feed of the name starts from).
struct PublishedState: Sendable {
    var publication: Publication
    var context: PlanContext
    var history: ICalendar.History
}

extension Workspace {
    /// The calendar of the latest published version of `name`, filtered.
    ///
    /// - Returns: nil when nothing is published under that name.
    /// - Throws: the verifier's violations (exit 65) when the published plan no longer passes
    ///   `check` against its inputs; `RioError.data` when a published version cannot be read.
    public func publishedFeed(name: String, filter: CalendarFilter) throws -> PublishedFeed? {
        guard let state = try publishedState(name: name) else { return nil }
        try state.context.requireValid()
        let calendar = ICalendar(
            context: state.context.exportContext, filter: filter, stamp: state.publication.publishedAt, history: state.history)
        let data = calendar.render()
        return PublishedFeed(
            data: data, etag: "\"" + Fingerprint.of(data) + "\"", lastModified: state.publication.publishedAt, version: state.publication.version)
    }

    /// The latest published version of `name`, from the cache unless a newer one was published.
    func publishedState(name: String) throws -> PublishedState? {
        guard let db = try existingDatabase() else { return nil }
        let published = try db.publications(name: name)
        guard let latest = published.last else { return nil }
        if let cached = cache.withLock({ $0.published[name] }), cached.publication.version == latest.version,
            cached.publication.publishedAt == Publication(latest).publishedAt
        {
            return cached
        }
        let context = try self.context(PlanReference("\(name)@\(latest.version)"))
        var plans: [Plan] = []
        for p in published {
            guard let run = try db.planRun(name: name, version: p.version) else {
                throw RioError.data("published plan \(name)@\(p.version) is missing from the workspace database; publish a newer version")
            }
            plans.append(try run.decodedPlan())
        }
        let state = PublishedState(publication: Publication(latest), context: context, history: ICalendar.History(versions: plans))
        cache.withLock { $0.published[name] = state }
        return state
    }
}
