import Foundation
import RioModel
import Testing

@testable import RioWorkspace

/// Signed-in browsers: a cookie per session, a CSRF token per session, expiry, sign-out.
@Suite struct WebSessionTests {
    @Test func aSessionOpensWithItsTokenAndCloses() throws {
        let f = try WorkspaceFixture(), ws = f.workspace()
        let issued = try ws.addAccess(name: "Coordinator", role: .coordinator)
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        let opened = try #require(try ws.openWebSession(signInToken: issued.signInToken, now: t0))
        #expect(opened.cookie.hasPrefix("rpw_") && opened.cookie.count == 60)
        #expect(opened.session.principal == Principal(name: "Coordinator", role: .coordinator))
        #expect(opened.session.expiresAt == t0.addingTimeInterval(8 * 3600))
        #expect(opened.session.csrfToken.count == 64 && opened.session.csrfToken.allSatisfy(\.isHexDigit))
        #expect(opened.session.accepts(csrfToken: opened.session.csrfToken))
        #expect(!opened.session.accepts(csrfToken: nil) && !opened.session.accepts(csrfToken: ""))
        #expect(!opened.session.accepts(csrfToken: String(opened.session.csrfToken.dropLast()) + "x"))
        let found = try #require(try f.workspace().webSession(cookie: opened.cookie, now: t0.addingTimeInterval(60)))
        #expect(found == opened.session)
        // Tokens are not cookies, and one session's CSRF token is not another's.
        #expect(try ws.webSession(cookie: issued.signInToken) == nil)
        let again = try #require(try ws.openWebSession(signInToken: issued.signInToken, now: t0))
        #expect(again.cookie != opened.cookie && again.session.csrfToken != opened.session.csrfToken)
        try ws.closeWebSession(cookie: opened.cookie)
        #expect(try ws.webSession(cookie: opened.cookie, now: t0) == nil)
        #expect(try ws.webSession(cookie: again.cookie, now: t0) != nil)
    }

    @Test func anExpiredSessionIsRefusedAndGone() throws {
        let f = try WorkspaceFixture(), ws = f.workspace()
        let issued = try ws.addAccess(name: "Viewer", role: .viewer)
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        let short = try #require(try ws.openWebSession(signInToken: issued.signInToken, lifetime: 60, now: t0))
        #expect(try ws.webSession(cookie: short.cookie, now: t0.addingTimeInterval(59)) != nil)
        #expect(try ws.webSession(cookie: short.cookie, now: t0.addingTimeInterval(60)) == nil)
        // Deleted when found expired: not even an earlier clock brings it back.
        #expect(try ws.webSession(cookie: short.cookie, now: t0) == nil)
        // Opening a session sweeps every expired one.
        let other = try #require(try ws.openWebSession(signInToken: issued.signInToken, lifetime: 60, now: t0))
        _ = try ws.openWebSession(signInToken: issued.signInToken, now: t0.addingTimeInterval(3600))
        #expect(try ws.webSession(cookie: other.cookie, now: t0) == nil)
    }

    @Test func aBadSignInTokenOpensNothing() throws {
        let f = try WorkspaceFixture(), ws = f.workspace()
        let issued = try ws.addAccess(name: "Viewer", role: .viewer)
        #expect(try ws.openWebSession(signInToken: issued.feedToken) == nil)
        #expect(try ws.openWebSession(signInToken: String(issued.signInToken.dropLast()) + "x") == nil)
    }
}
