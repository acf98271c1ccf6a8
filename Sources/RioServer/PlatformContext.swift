import Hummingbird
import RioWorkspace

/// The request context of every route: Hummingbird's core storage and the caller, once the
/// authentication middleware has found one.
public struct PlatformContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Who sent the request (a bearer token or a session cookie); nil when neither was sent.
    public var caller: Caller?
    /// Why credentials that were sent did not make a caller (a bad bearer token, a failed
    /// lookup); `require` answers with it.
    public var credentialProblem: PlatformFailure?
    /// Whether the request came through HTTPS (`X-Forwarded-Proto: https` from the proxy).
    public var viaHTTPS = false

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        caller = nil
        credentialProblem = nil
    }

    /// The caller, whatever their role: for needs and records, where the workspace applies the
    /// role and region rules itself.
    ///
    /// - Throws: `PlatformFailure.unauthorized` (401) without a caller.
    public func signedIn() throws -> Caller {
        guard let caller else { throw credentialProblem ?? PlatformFailure.unauthorized(PlatformContext.signInHint) }
        return caller
    }

    static let signInHint = "sign in first: open /signin and paste the sign-in token from `rioplan access add`"

    /// The caller, who must hold a role that may use `area`.
    ///
    /// - Throws: `PlatformFailure.unauthorized` (401) without a caller, `.forbidden` (403) when
    ///   the role may not use the area.
    public func require(_ area: PlatformArea) throws -> Caller {
        let caller = try signedIn()
        guard AccessPolicy.allows(caller.principal.role, area) else {
            throw PlatformFailure.forbidden("\(caller.principal.role) may not use \(area.description); ask the coordinator for access")
        }
        return caller
    }
}
