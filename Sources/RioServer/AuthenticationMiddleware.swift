import Foundation
import Hummingbird
import RioWorkspace

/// Finds the caller of a request: `Authorization: Bearer TOKEN` (scripts) or the session
/// cookie (people), checked against the workspace on every request so that a revocation
/// holds at once.
///
/// It never refuses a request itself: routes call `context.require(area)`, which answers 401
/// when there is no caller (with the reason found here) and 403 when the role may not.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = PlatformContext
    let workspace: Workspace
    let log: @Sendable (String) -> Void

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.viaHTTPS = request.headers[AuthenticationMiddleware.forwardedProto]?.lowercased() == "https"
        do {
            if let authorization = request.headers[.authorization] {
                guard let token = AuthenticationMiddleware.bearerToken(authorization), let principal = try workspace.principal(signInToken: token) else {
                    context.credentialProblem = .unauthorized("the bearer token is unknown, malformed or revoked; ask the coordinator for a new one")
                    return try await next(request, context)
                }
                context.caller = Caller(principal: principal, credential: .bearer)
            } else if let cookie = SessionCookie.value(in: request), let session = try workspace.webSession(cookie: cookie) {
                context.caller = Caller(principal: session.principal, credential: .session(cookie: cookie, session: session))
            }
        } catch {
            log("error: credential lookup failed: \(String(reflecting: type(of: error)))")
            context.credentialProblem = .internalError
        }
        return try await next(request, context)
    }

    /// The token of `Bearer TOKEN` (scheme case-insensitive); nil for any other form.
    static func bearerToken(_ header: String) -> String? {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    static let forwardedProto = HTTPFields.Element.Name("X-Forwarded-Proto")!
}
