import Foundation
import Hummingbird
import RioExport
import RioWorkspace

/// `/feeds/TOKEN/NAME.ics?region=&trainer=&convention=`: a published plan's calendar for
/// calendar clients, which cannot send credentials, so the feed token in the path is the only
/// one. It is checked on every request (a revoked token stops at once).
///
/// `text/calendar; charset=utf-8`, never compressed, a strong `ETag` and `Last-Modified`;
/// `304` only when `If-None-Match` (else `If-Modified-Since`) matches the current feed.
struct FeedsController {
    let workspace: Workspace
    let cache: FeedCache

    func addRoutes(to router: Router<PlatformContext>) {
        router.get("/feeds/:token/{name}.ics", use: feed)
    }

    @Sendable func feed(_ request: Request, context: PlatformContext) async throws -> Response {
        // The token first: a caller without one learns nothing, not even whether a name is valid.
        let asked = context.parameters.get("name") ?? ""
        guard let token = context.parameters.get("token"), let access = try workspace.feedAccess(feedToken: token, name: asked) else {
            throw PlatformFailure.unauthorized("this feed address is unknown or was revoked; ask the coordinator for a new feed path")
        }
        let name = try RouteInput.slug(context, "name")
        let filter = FeedsController.filter(request)
        guard let latest = access.latest else { throw PlatformFailure.notFound("no plan named \(name) is published") }
        let entry: FeedCache.Entry
        if let hit = cache.entry(FeedCache.Key(name: name, version: latest.version, filter: filter)) {
            entry = hit
        } else {
            let workspace = self.workspace
            guard let feed = try await Blocking.run({ try workspace.publishedFeed(name: name, filter: filter) }) else {
                throw PlatformFailure.notFound("no plan named \(name) is published")
            }
            entry = FeedCache.Entry(
                body: ByteBuffer(bytes: feed.data), etag: feed.etag, lastModified: feed.lastModified,
                lastModifiedHeader: HTTPDate.format(feed.lastModified), version: feed.version)
            cache.store(entry, name: name, filter: filter)
        }
        var headers: HTTPFields = [
            .eTag: entry.etag, .lastModified: entry.lastModifiedHeader, .cacheControl: "private, no-cache",
            .xContentTypeOptions: "nosniff", PageRenderer.referrerPolicy: "no-referrer",
        ]
        if FeedsController.notModified(request.headers, entry) { return Response(status: .notModified, headers: headers) }
        headers[.contentType] = "text/calendar; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: entry.body))
    }

    /// The filter of the query: each of `region`, `trainer`, `convention` repeatable or
    /// comma-separated; values sorted and unique so that one filter has one cache key.
    static func filter(_ request: Request) -> CalendarFilter {
        let query = request.uri.queryParameters
        func values(_ key: Substring) -> [String] {
            let all = query[values: key].flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
            return Array(Set(all.filter { !$0.isEmpty && $0.count <= 100 })).sorted().prefix(50).map { $0 }
        }
        return CalendarFilter(regions: values("region"), trainers: values("trainer"), conventions: values("convention"))
    }

    /// Whether the client's validator matches the current feed: `If-None-Match` when sent
    /// (any listed tag, weak or strong, or `*`), else `If-Modified-Since` at or after
    /// `Last-Modified` (to the second).
    static func notModified(_ headers: HTTPFields, _ entry: FeedCache.Entry) -> Bool {
        let tags = headers[values: .ifNoneMatch]
        if !tags.isEmpty {
            let listed = tags.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
            return listed.contains { $0 == "*" || $0 == entry.etag || $0 == "W/" + entry.etag }
        }
        guard let since = headers[.ifModifiedSince].flatMap(HTTPDate.parse) else { return false }
        return entry.lastModified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
    }
}
