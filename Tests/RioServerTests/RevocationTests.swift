import Foundation
import Hummingbird
import HummingbirdTesting
import RioServer
import RioWorkspace
import Testing

/// `rioplan access revoke` holds at once: the bearer token, a sign-in, and a session opened
/// before the revocation.
@Suite struct RevocationTests {
    @Test func revokedCredentialsStopAtOnce() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        let (cookie, _) = try fixture.session(.finance)
        try await app.test(.router) { client in
            #expect(try await client.execute(uri: "/", method: .get, headers: bearer(fixture.token(.finance))).status == .ok)
            #expect(try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]).status == .ok)
            try fixture.workspace.revokeAccess(name: "finance")
            #expect(try await client.execute(uri: "/", method: .get, headers: bearer(fixture.token(.finance))).status == .unauthorized)
            #expect(try await client.execute(uri: "/plans/t/cofinancing.csv", method: .get, headers: [.cookie: cookie]).status == .unauthorized)
            let signIn = try await client.execute(
                uri: "/signin", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "token=\(fixture.token(.finance))"))
            #expect(signIn.status == .unauthorized)
            #expect(try await client.execute(uri: "/feeds/\(fixture.feedToken(.finance))/t.ics", method: .get).status == .unauthorized)
            #expect(try await client.execute(uri: "/", method: .get, headers: bearer(fixture.token(.viewer))).status == .ok)
        }
    }
}
