import Foundation
import RioWorkspace

/// The person behind a request and how they proved it.
public struct Caller: Sendable {
    /// How the request was authenticated.
    public enum Credential: Sendable {
        /// `Authorization: Bearer TOKEN` (scripts): no CSRF token needed.
        case bearer
        /// The session cookie (browsers): state-changing requests must carry its CSRF token.
        case session(cookie: String, session: WebSession)
    }

    public var principal: Principal
    public var credential: Credential

    public init(principal: Principal, credential: Credential) {
        self.principal = principal
        self.credential = credential
    }

    /// The CSRF token forms must carry; empty for bearer callers, who need none.
    public var csrfToken: String {
        if case .session(_, let session) = credential { return session.csrfToken }
        return ""
    }

    /// Checks the CSRF token a state-changing request presented (the workspace's constant-time
    /// comparison, `WebSession.accepts`).
    ///
    /// - Throws: `PlatformFailure.forbidden` (403) for a session caller whose request carries no
    ///   token or another one; bearer callers always pass.
    public func verifyCSRF(_ presented: String?) throws {
        guard case .session(_, let session) = credential else { return }
        guard session.accepts(csrfToken: presented) else {
            throw PlatformFailure.forbidden("this form is missing its security token or the token is out of date; reload the page and send it again")
        }
    }
}
