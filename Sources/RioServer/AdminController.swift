import Foundation
import Hummingbird
import RioWorkspace

/// `/publish` and `/access`: the coordinator publishes a recorded plan version and manages who
/// may use the platform (the same workspace calls as `rioplan publish` and `rioplan access`).
struct AdminController {
    let workspace: Workspace
    let pages: PageRenderer
    let limit: Int

    func addRoutes(to router: Router<PlatformContext>) {
        router.get("/publish", use: publishForm)
        router.post("/publish", use: publish)
        router.get("/access", use: accessList)
        router.post("/access", use: addAccess)
        router.post("/access/revoke", use: revoke)
    }

    struct PublishView {
        var layout: PageLayout
        var notice: String?
    }

    @Sendable func publishForm(_ request: Request, context: PlatformContext) async throws -> Response {
        let caller = try context.require(.publish)
        return pages.page("publish", PublishView(layout: PageLayout(title: "Publish", caller: caller), notice: nil))
    }

    @Sendable func publish(_ request: Request, context: PlatformContext) async throws -> Response {
        let caller = try context.require(.publish)
        let form = try await SubmittedForm.read(request, limit: limit)
        try form.verifyCSRF(caller)
        guard let reference = form.value("plan") else { throw PlatformFailure.badRequest("name the plan to publish: NAME@N or NAME") }
        let workspace = self.workspace
        let publication = try await Blocking.run { try workspace.publish(reference, by: caller.principal.name) }
        return Response.redirect(to: "/plans/\(publication.name)")
    }

    struct AccessView {
        struct Row { var name, role, createdAt, lastSeenAt, csrf: String; var revokedAt: String? }
        struct Issued { var name, role, signInToken, feedPath: String }
        var layout: PageLayout
        var notice: String?
        var issued: Issued?
        var entries: [Row]
    }

    func accessPage(_ caller: Caller, notice: String? = nil, issued: AccessView.Issued? = nil) throws -> Response {
        let rows = try workspace.accessEntries().map { e in
            AccessView.Row(
                name: e.name, role: e.role.description, createdAt: RouteInput.display(e.createdAt), lastSeenAt: e.lastSeenAt.map(RouteInput.display) ?? "",
                csrf: caller.csrfToken, revokedAt: e.revokedAt.map(RouteInput.display))
        }
        let view = AccessView(layout: PageLayout(title: "Access", caller: caller), notice: notice, issued: issued, entries: rows)
        var response = pages.page("access", view)
        if issued != nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    @Sendable func accessList(_ request: Request, context: PlatformContext) async throws -> Response {
        try accessPage(try context.require(.access))
    }

    /// Adds a person and shows their two tokens once (the page is never cached).
    @Sendable func addAccess(_ request: Request, context: PlatformContext) async throws -> Response {
        let caller = try context.require(.access)
        let form = try await SubmittedForm.read(request, limit: limit)
        try form.verifyCSRF(caller)
        guard let name = form.value("name"), let roleText = form.value("role") else { throw PlatformFailure.badRequest("give the person's name and role") }
        let role = try workspace.accessRole(roleText)
        let issued = try workspace.addAccess(name: name, role: role)
        return try accessPage(
            caller, issued: .init(name: issued.name, role: issued.role.description, signInToken: issued.signInToken, feedPath: issued.feedPath))
    }

    @Sendable func revoke(_ request: Request, context: PlatformContext) async throws -> Response {
        let caller = try context.require(.access)
        let form = try await SubmittedForm.read(request, limit: limit)
        try form.verifyCSRF(caller)
        guard let name = form.value("name") else { throw PlatformFailure.badRequest("name the person whose access to revoke") }
        try workspace.revokeAccess(name: name)
        return try accessPage(caller, notice: "Revoked \(name): their sign-in token, feed path and sessions stopped working.")
    }
}
