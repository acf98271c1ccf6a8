import Foundation
import RioModel
import RioStore

/// A signed-in browser: who it is, the CSRF token its forms must carry, and when it ends.
public struct WebSession: Sendable, Hashable {
    public var principal: Principal
    /// The token every form of the session carries (a hidden field) and the server compares
    /// with the session's own; derived from the cookie under the workspace key, so it is never
    /// stored and no other session's token is ever the same.
    public var csrfToken: String
    public var expiresAt: Date

    /// Whether a form's CSRF field is this session's token, compared in constant time (every
    /// byte, no early exit); an empty or missing field never matches.
    public func accepts(csrfToken candidate: String?) -> Bool {
        guard let candidate, !candidate.isEmpty else { return false }
        return AccessToken.equalInConstantTime(candidate, csrfToken)
    }
}

extension Workspace {
    /// Signs a person in with their sign-in token: a new session, stored as the keyed hash of
    /// its cookie value. Sessions expired by now are deleted in the same transaction.
    ///
    /// - Parameter lifetime: how long the session lasts (default 8 hours).
    /// - Returns: the cookie value to set (`rpw_` and 56 hex digits) and the session; nil when
    ///   the token is unknown, malformed or revoked.
    public func openWebSession(signInToken: String, lifetime: TimeInterval = 8 * 3600, now: Date = Date()) throws -> (
        cookie: String, session: WebSession
    )? {
        guard let (record, principal) = try liveAccess(signInToken, .signIn, now: now), let id = record.id else { return nil }
        let hash = try accessHash()
        let cookie = AccessToken.random(.webSession)
        let expires = Date(timeIntervalSince1970: (now.timeIntervalSince1970 + max(0, lifetime)).rounded(.down))
        let stored = AppDatabase.WebSessionRecord(
            cookieMAC: cookie.mac(hash), principalId: id, createdAt: Workspace.stamp(now), expiresAt: Workspace.stamp(expires))
        guard try database().insertWebSession(stored, now: Workspace.stamp(now)) != nil else { return nil }
        return (cookie.text, WebSession(principal: principal, csrfToken: Workspace.csrfToken(cookie, hash), expiresAt: expires))
    }

    /// The session a cookie value opens; nil when it is unknown, malformed, expired (then it is
    /// deleted) or its person was revoked. Never throws on the cookie's text.
    public func webSession(cookie: String, now: Date = Date()) throws -> WebSession? {
        guard let token = AccessToken(parsing: cookie, kind: .webSession), let db = try existingDatabase(),
            let hash = try existingAccessHash(db)
        else { return nil }
        let mac = token.mac(hash)
        guard let (session, record) = try db.webSession(cookieMAC: mac), let role = AccessRole(stored: record.role) else { return nil }
        guard let expires = Workspace.date(stamp: session.expiresAt), expires > now else {
            try db.deleteWebSession(cookieMAC: mac)
            return nil
        }
        try noteSeen(record, now: now, in: db)
        return WebSession(principal: Principal(name: record.name, role: role), csrfToken: Workspace.csrfToken(token, hash), expiresAt: expires)
    }

    /// Signs a browser out: deletes its session (nothing for an unknown or malformed cookie).
    public func closeWebSession(cookie: String) throws {
        guard let token = AccessToken(parsing: cookie, kind: .webSession), let db = try existingDatabase(),
            let hash = try existingAccessHash(db)
        else { return }
        try db.deleteWebSession(cookieMAC: token.mac(hash))
    }

    /// A session's CSRF token: 64 hex digits of the keyed hash of its cookie under a label of
    /// its own, so it tells nothing of the cookie.
    static func csrfToken(_ cookie: AccessToken, _ hash: KeyedHash) -> String {
        String(hash.hex("csrf " + cookie.text).dropFirst(2))
    }
}
