import Foundation
import Hummingbird
import RioWorkspace

/// `/signin` and `/signout`: a person pastes their sign-in token once and gets a session
/// cookie (`HttpOnly; SameSite=Strict; Path=/`, `Secure` behind HTTPS).
struct SignInController {
    let workspace: Workspace
    let pages: PageRenderer
    let options: ServerOptions

    func addRoutes(to router: Router<PlatformContext>) {
        router.get("/signin", use: form)
        router.post("/signin", use: signIn)
        router.get("/signout", use: signOutForm)
        router.post("/signout", use: signOut)
    }

    struct SignInView {
        var layout: PageLayout
        var message: String?
    }

    @Sendable func form(_ request: Request, context: PlatformContext) async throws -> Response {
        pages.page("signin", SignInView(layout: PageLayout(title: "Sign in", caller: context.caller), message: nil))
    }

    @Sendable func signIn(_ request: Request, context: PlatformContext) async throws -> Response {
        let form = try await SubmittedForm.read(request, limit: options.maxBodyBytes)
        let token = form.value("token") ?? ""
        let lifetime = options.sessionLifetime
        guard let (cookie, _) = try workspace.openWebSession(signInToken: token, lifetime: lifetime) else {
            throw PlatformFailure.unauthorized("that sign-in token is unknown, mistyped or revoked; paste the rps_… token from `rioplan access add`")
        }
        let secure = options.secureCookies || context.viaHTTPS
        var response = Response.redirect(to: "/")
        response.headers[.setCookie] = SessionCookie.setting(cookie, maxAge: lifetime, secure: secure)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    @Sendable func signOutForm(_ request: Request, context: PlatformContext) async throws -> Response {
        pages.page("signout", SignInView(layout: PageLayout(title: "Sign out", caller: context.caller), message: nil))
    }

    /// Ends the session (CSRF-checked, so that another site cannot sign a person out).
    @Sendable func signOut(_ request: Request, context: PlatformContext) async throws -> Response {
        let form = try await SubmittedForm.read(request, limit: options.maxBodyBytes)
        if let caller = context.caller {
            try form.verifyCSRF(caller)
            if case .session(let cookie, _) = caller.credential { try workspace.closeWebSession(cookie: cookie) }
        }
        var response = Response.redirect(to: "/signin")
        response.headers[.setCookie] = SessionCookie.clearing(secure: options.secureCookies || context.viaHTTPS)
        return response
    }
}
