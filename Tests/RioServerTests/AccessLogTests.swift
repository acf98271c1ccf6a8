import Foundation
import Hummingbird
import HummingbirdTesting
import RioServer
import Testing

/// One access-log line per request, with no token, cookie or query value in it.
@Suite struct AccessLogTests {
    @Test func tokensAreMasked() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        let (cookie, _) = try fixture.session(.coordinator)
        try await app.test(.router) { client in
            _ = try await client.execute(uri: "/feeds/\(fixture.feedToken(.africa))/t.ics?region=africa&secret=s3cr3t", method: .get)
            _ = try await client.execute(uri: "/feeds/rpf_guess/t.ics", method: .get)
            _ = try await client.execute(uri: "/api/v1/plans", method: .get, headers: bearer(fixture.token(.viewer)))
            _ = try await client.execute(uri: "/plans/t", method: .get, headers: [.cookie: cookie])
            _ = try await client.execute(
                uri: "/signin", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "token=\(fixture.token(.weog))"))
            _ = try await client.execute(uri: "/\(fixture.token(.weog))", method: .get)
        }
        let lines = fixture.log
        #expect(lines.count == 6)
        #expect(lines[0].contains("GET /feeds/rpf_…****/t.ics 200 "))
        #expect(lines[1].contains("GET /feeds/rpf_…****/t.ics 401 "))
        #expect(lines[2].contains("GET /api/v1/plans 200 "))
        #expect(lines[4].contains("POST /signin 303 "))
        #expect(lines[5].contains("GET /rps_…**** 404 "))
        let secrets = fixture.access.values.flatMap { [$0.signInToken, $0.feedToken] } + [cookie, "s3cr3t", "region=africa", "rpf_guess"]
        for line in lines {
            #expect(line.hasSuffix("ms"))
            for secret in secrets { #expect(!line.contains(secret), "\(line)") }
        }
    }
}
