import Foundation
import Hummingbird
import HummingbirdTesting
import RioServer
import RioWorkspace
import Testing

/// Signing in, the session cookie's attributes, and CSRF on every state-changing form.
@Suite struct SessionTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    @Test func signInSetsAStrictHttpOnlyCookie() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        try await app.test(.router) { client in
            let body = ByteBuffer(string: "token=\(fixture.token(.africa))")
            let plain = try await client.execute(uri: "/signin", method: .post, headers: SessionTests.form, body: body)
            #expect(plain.status == .seeOther)
            let cookie = plain.headers[.setCookie] ?? ""
            #expect(cookie.hasPrefix("rioplan_session="))
            #expect(cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Strict") && cookie.contains("; Path=/"))
            #expect(!cookie.contains("Secure"))
            var proxied = SessionTests.form
            proxied[HTTPFields.Element.Name("X-Forwarded-Proto")!] = "https"
            let https = try await client.execute(uri: "/signin", method: .post, headers: proxied, body: body)
            #expect(https.headers[.setCookie]?.hasSuffix("; Secure") == true)

            // the cookie signs the browser in
            let value = String(cookie.split(separator: ";")[0])
            let home = try await client.execute(uri: "/", method: .get, headers: [.cookie: value])
            #expect(home.status == .ok)
            #expect(home.text.contains("africa (region:africa)"))
        }
    }

    @Test func aBadTokenDoesNotSignIn() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        try await app.test(.router) { client in
            for token in ["", "rps_nope", fixture.feedToken(.africa), String(repeating: "x", count: 5000)] {
                let r = try await client.execute(uri: "/signin", method: .post, headers: SessionTests.form, body: ByteBuffer(string: "token=\(token)"))
                #expect(r.status == .unauthorized)
                #expect(r.headers[.setCookie] == nil)
                #expect(r.text.contains("Sign in"))
            }
        }
    }

    @Test func csrfIsRequiredOnEveryFormOfASession() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        let (cookie, csrf) = try fixture.session(.coordinator)
        var fields = SessionTests.form
        fields[.cookie] = cookie
        let headers = fields
        try await app.test(.router) { client in
            let posts: [(String, String)] = [
                ("/publish", "plan=t"), ("/access", "name=New&role=viewer"), ("/access/revoke", "name=viewer"),
                ("/plans/t/subscribe", "feed=\(fixture.feedToken(.coordinator))"), ("/signout", ""),
            ]
            for (path, fields) in posts {
                let missing = try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: fields))
                #expect(missing.status == .forbidden, "\(path) without a CSRF token")
                let wrong = try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: fields + "&csrf=\(csrf)x"))
                #expect(wrong.status == .forbidden, "\(path) with a wrong CSRF token")
            }
            // nothing above took effect
            #expect(try fixture.workspace.accessEntries().filter { $0.revokedAt != nil }.isEmpty)
            let ok = try await client.execute(uri: "/publish", method: .post, headers: headers, body: ByteBuffer(string: "plan=t&csrf=\(csrf)"))
            #expect(ok.status == .seeOther)
            #expect(ok.headers[.location] == "/plans/t")
            // the API wants the token in X-CSRF-Token from a session, and nothing from a bearer
            let api = try await client.execute(uri: "/api/v1/plans/t/publish", method: .post, headers: [.cookie: cookie])
            #expect(api.status == .forbidden)
            var withHeader: HTTPFields = [.cookie: cookie]
            withHeader[HTTPFields.Element.Name("X-CSRF-Token")!] = csrf
            #expect(try await client.execute(uri: "/api/v1/plans/t/publish", method: .post, headers: withHeader).status == .ok)
            #expect(try await client.execute(uri: "/api/v1/plans/t/publish", method: .post, headers: bearer(fixture.token(.coordinator))).status == .ok)
        }
    }

    @Test func subscribeLinksNeedTheCallersOwnFeedPath() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        let (cookie, csrf) = try fixture.session(.africa)
        var fields = SessionTests.form
        fields[.cookie] = cookie
        fields[HTTPFields.Element.Name("X-Forwarded-Host")!] = "plans.example.org"
        let headers = fields
        try await app.test(.router) { client in
            let feed = fixture.feedToken(.africa)
            let mine = try await client.execute(
                uri: "/plans/t/subscribe", method: .post, headers: headers, body: ByteBuffer(string: "csrf=\(csrf)&feed=%2Ffeeds%2F\(feed)%2F&region=africa"))
            #expect(mine.status == .ok)
            #expect(mine.text.contains("webcal://plans.example.org/feeds/"))
            #expect(mine.text.contains("/feeds/\(feed)/t.ics?region=africa"))
            let theirs = try await client.execute(
                uri: "/plans/t/subscribe", method: .post, headers: headers, body: ByteBuffer(string: "csrf=\(csrf)&feed=\(fixture.feedToken(.weog))"))
            #expect(theirs.status == .unprocessableContent)
            #expect(!theirs.text.contains(fixture.feedToken(.weog)))
        }
    }

    @Test func signOutEndsTheSession() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        let (cookie, csrf) = try fixture.session(.viewer)
        var fields = SessionTests.form
        fields[.cookie] = cookie
        let headers = fields
        try await app.test(.router) { client in
            let out = try await client.execute(uri: "/signout", method: .post, headers: headers, body: ByteBuffer(string: "csrf=\(csrf)"))
            #expect(out.status == .seeOther)
            #expect(out.headers[.setCookie]?.contains("Max-Age=0") == true)
            #expect(try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]).status == .unauthorized)
        }
    }

    @Test func secureCookiesFlagMarksEveryCookieSecure() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app(secureCookies: true)
        try await app.test(.router) { client in
            let r = try await client.execute(
                uri: "/signin", method: .post, headers: SessionTests.form, body: ByteBuffer(string: "token=\(fixture.token(.viewer))"))
            #expect(r.headers[.setCookie]?.hasSuffix("; Secure") == true)
        }
    }
}
