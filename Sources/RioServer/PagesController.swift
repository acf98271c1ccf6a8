import Foundation
import Hummingbird
import RioModel
import RioWorkspace

/// `/` and `/plans/NAME…`: the published plans, each as the visual report with the platform's
/// header, its region pages, and the calendar links a subscriber makes from their feed path.
struct PagesController {
    let workspace: Workspace
    let pages: PageRenderer
    let limit: Int

    func addRoutes(to router: Router<PlatformContext>) {
        router.get("/", use: home)
        router.get("/plans/:name", use: plan)
        router.get("/plans/:name/regions/:region", use: region)
        router.post("/plans/:name/subscribe", use: subscribe)
    }

    struct HomeView {
        struct Row { var name: String; var version: Int; var publishedAt: String; var publishedBy: String }
        var layout: PageLayout
        var plans: [Row]
    }

    @Sendable func home(_ request: Request, context: PlatformContext) async throws -> Response {
        let caller = try context.require(.pages)
        let rows = try workspace.publishedPlanNames().map {
            HomeView.Row(name: $0.name, version: $0.version, publishedAt: RouteInput.display($0.publishedAt), publishedBy: $0.publishedBy)
        }
        return pages.page("home", HomeView(layout: PageLayout(title: "Published plans", caller: caller), plans: rows))
    }

    /// The latest publication of a name and its plan; 404 when nothing is published under it.
    func published(_ context: PlatformContext) throws -> (Publication, PlanContext) {
        let name = try RouteInput.slug(context, "name")
        guard let plan = try workspace.publishedContext(name: name), let publication = try workspace.publications(name: name).last else {
            throw PlatformFailure.notFound("no plan named \(name) is published")
        }
        return (publication, plan)
    }

    struct PlanHeaderView {
        struct RegionLink { var id: String; var label: String }
        var name: String
        var version: Int
        var publishedAt: String
        var publishedBy: String
        var regions: [RegionLink]
        var canWorkbooks: Bool
        var csrf: String
        var regionId: String?
        var layout: PageLayout
    }

    @Sendable func plan(_ request: Request, context: PlatformContext) async throws -> Response {
        let caller = try context.require(.pages)
        let (publication, plan) = try published(context)
        let workspace = self.workspace
        let report = try await Blocking.run { try workspace.report(plan) }
        let layout = PageLayout(title: plan.plan.name, caller: caller)
        let regions = Set(plan.plan.sessions.map(\.region)).sorted().map {
            PlanHeaderView.RegionLink(id: $0, label: plan.catalog.region($0)?.name ?? $0)
        }
        let header = PlanHeaderView(
            name: publication.name, version: publication.version, publishedAt: RouteInput.display(publication.publishedAt),
            publishedBy: publication.publishedBy, regions: regions, canWorkbooks: layout.canWorkbooks, csrf: layout.csrf, regionId: nil,
            layout: layout)
        return PageRenderer.html(PagesController.inject(pages.render("planHeader", header), into: String(decoding: report, as: UTF8.self)))
    }

    /// The report's page with `header` at the top of its body.
    static func inject(_ header: String, into page: String) -> String {
        guard let body = page.range(of: "<body"), let close = page[body.upperBound...].firstIndex(of: ">") else { return header + page }
        let at = page.index(after: close)
        return String(page[..<at]) + "\n" + header + String(page[at...])
    }

    struct RegionView {
        struct Row {
            var id: String; var module: String; var start: String; var end: String; var venue: String; var language: String; var participants: Int;
            var conventions: String
        }
        var layout: PageLayout
        var name: String
        var version: Int
        var regionId: String
        var regionLabel: String
        var csrf: String
        var sessions: [Row]
    }

    @Sendable func region(_ request: Request, context: PlatformContext) async throws -> Response {
        let caller = try context.require(.pages)
        let (publication, plan) = try published(context)
        let id = try RouteInput.slug(context, "region")
        guard let region = plan.catalog.region(id) else { throw PlatformFailure.notFound("the catalog has no region \(id)") }
        let rows = plan.plan.sessions.filter { $0.region == id }.map { s in
            RegionView.Row(
                id: s.id, module: plan.catalog.module(s.module)?.title ?? s.module, start: s.start, end: s.end,
                venue: s.venue.flatMap { plan.catalog.venue($0) }.map { "\($0.name), \($0.city)" } ?? "Online", language: s.language,
                participants: s.participants, conventions: s.conventions.joined(separator: ", "))
        }
        let layout = PageLayout(title: "\(region.name) — \(plan.plan.name)", caller: caller)
        let view = RegionView(
            layout: layout, name: publication.name, version: publication.version, regionId: id, regionLabel: region.name, csrf: layout.csrf,
            sessions: rows)
        return pages.page("region", view)
    }

    struct SubscribeView {
        var layout: PageLayout
        var name: String
        var regionId: String?
        var https: String
        var webcal: String
    }

    /// Makes the calendar links from the feed path the signed-in person pasted, after checking
    /// that it is a live feed token of theirs (the server keeps only its hash).
    @Sendable func subscribe(_ request: Request, context: PlatformContext) async throws -> Response {
        let caller = try context.require(.pages)
        let form = try await SubmittedForm.read(request, limit: limit)
        try form.verifyCSRF(caller)
        let (publication, plan) = try published(context)
        let token = PagesController.feedToken(fromPasted: form.value("feed") ?? "")
        guard let token, let owner = try workspace.principal(feedToken: token), owner.name == caller.principal.name else {
            throw PlatformFailure(
                status: .unprocessableContent,
                message: "that is not your live feed path; paste the /feeds/rpf_…/ path that `rioplan access add` printed for you, or ask the coordinator for a new one")
        }
        let region = form.value("region").flatMap { plan.catalog.region($0)?.id }
        let (scheme, host) = RouteInput.origin(request, context: context)
        let path = "/feeds/\(token)/\(publication.name).ics" + (region.map { "?region=\($0)" } ?? "")
        let view = SubscribeView(
            layout: PageLayout(title: "Calendar links", caller: caller), name: publication.name, regionId: region,
            https: "\(scheme == "https" ? "https" : scheme)://\(host)\(path)", webcal: "webcal://\(host)\(path)")
        return pages.page("subscribe", view)
    }

    /// The token inside a pasted `/feeds/TOKEN/`, a whole feed URL, or the bare token.
    static func feedToken(fromPasted text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let segments = trimmed.split(separator: "/").map(String.init)
        if let i = segments.firstIndex(of: "feeds"), i + 1 < segments.count { return segments[i + 1] }
        return segments.count == 1 && !trimmed.contains(":") ? segments[0] : nil
    }
}
