import Foundation
import Hummingbird
import HummingbirdTesting
import RioServer
import RioWorkspace
import Testing

/// Each role × each route → the status serve.md's role matrix gives (bearer tokens; the CSRF
/// side of cookie sessions has its own tests).
@Suite struct RoleMatrixTests {
    typealias Who = ServerFixture.Who

    /// One route of the matrix: how to call it and the status per caller (nil = no credentials).
    struct Row: Sendable, CustomStringConvertible {
        var method: HTTPRequest.Method
        var path: String
        var body: String?
        var contentType: String?
        var expected: @Sendable (Who?) -> HTTPResponse.Status
        var description: String { "\(method) \(path)" }
    }

    static func anyone(_ ok: HTTPResponse.Status) -> @Sendable (Who?) -> HTTPResponse.Status { { $0 == nil ? .unauthorized : ok } }
    static func only(_ allowed: Set<Who>, _ ok: HTTPResponse.Status) -> @Sendable (Who?) -> HTTPResponse.Status {
        { who in
            guard let who else { return .unauthorized }
            return allowed.contains(who) ? ok : .forbidden
        }
    }

    static let rows: [Row] = [
        Row(method: .get, path: "/", expected: anyone(.ok)),
        Row(method: .get, path: "/plans/t", expected: anyone(.ok)),
        Row(method: .get, path: "/plans/t/regions/africa", expected: anyone(.ok)),
        Row(method: .get, path: "/plans/t/regions/atlantis", expected: anyone(.notFound)),
        Row(method: .get, path: "/plans/nothing", expected: anyone(.notFound)),
        Row(method: .get, path: "/plans/t/cofinancing.xlsx", expected: only([.coordinator, .finance], .ok)),
        Row(method: .get, path: "/plans/t/cofinancing.csv", expected: only([.coordinator, .finance], .ok)),
        Row(method: .get, path: "/api/v1/plans", expected: anyone(.ok)),
        Row(method: .get, path: "/api/v1/plans/t", expected: anyone(.ok)),
        Row(method: .post, path: "/api/v1/plans/t/publish", expected: only([.coordinator], .ok)),
        Row(method: .get, path: "/publish", expected: only([.coordinator], .ok)),
        Row(method: .post, path: "/publish", body: "plan=t", contentType: "application/x-www-form-urlencoded", expected: only([.coordinator], .seeOther)),
        Row(method: .get, path: "/access", expected: only([.coordinator], .ok)),
        Row(method: .get, path: "/needs/t", expected: only([.coordinator, .africa, .weog], .ok)),
        Row(method: .get, path: "/api/v1/needs/t", expected: only([.coordinator, .africa, .weog], .ok)),
        Row(
            method: .post, path: "/needs/t", body: "module=online-1d&region=africa&participants=20", contentType: "application/x-www-form-urlencoded",
            expected: { who in
                switch who {
                case nil: return .unauthorized
                case .coordinator, .africa: return .seeOther
                case .weog: return .unprocessableContent  // another region's row: a row error, nothing stored
                default: return .forbidden
                }
            }),
        Row(method: .get, path: "/records/t", expected: only([.coordinator, .africa, .weog], .ok)),
        Row(
            method: .post, path: "/api/v1/records/t/attendance?session=t/d1", body: "Participant\r\n", contentType: "text/csv",
            expected: { who in
                switch who {
                case nil: return .unauthorized
                case .coordinator, .africa: return .unprocessableContent  // reaches the sheet's checks
                case .weog: return .notFound  // another region's session
                default: return .forbidden
                }
            }),
        Row(
            method: .post, path: "/api/v1/records/t/outcomes", body: "session\r\n", contentType: "text/csv",
            expected: { who in
                switch who {
                case nil: return .unauthorized
                case .finance, .viewer: return .forbidden
                default: return .unprocessableContent  // reaches the sheet's checks
                }
            }),
        Row(method: .post, path: "/access", body: "name=Added&role=viewer", contentType: "application/x-www-form-urlencoded", expected: only([.coordinator], .ok)),
        Row(
            method: .post, path: "/access/revoke", body: "name=nobody", contentType: "application/x-www-form-urlencoded",
            expected: only([.coordinator], .unprocessableContent)),
        Row(
            method: .post, path: "/plans/t/subscribe", body: "feed=rpf_not-mine", contentType: "application/x-www-form-urlencoded",
            expected: anyone(.unprocessableContent)),
        Row(method: .get, path: "/api/v1/openapi.json", expected: { _ in .ok }),
        Row(method: .get, path: "/signin", expected: { _ in .ok }),
        Row(method: .get, path: "/no/such/page", expected: { _ in .notFound }),
    ]

    @Test func everyRoleOnEveryRoute() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        try await app.test(.router) { client in
            for row in RoleMatrixTests.rows {
                for who in [nil] + Who.allCases.map(Optional.some) {
                    var headers: HTTPFields = [:]
                    if let who { headers[.authorization] = "Bearer \(fixture.token(who))" }
                    if let type = row.contentType { headers[.contentType] = type }
                    let response = try await client.execute(
                        uri: row.path, method: row.method, headers: headers, body: row.body.map { ByteBuffer(string: $0) })
                    #expect(response.status == row.expected(who), "\(row) as \(who.map(\.rawValue) ?? "nobody")")
                }
            }
        }
    }

    /// A feed opens with any live feed token and nothing else: not a sign-in token, not a session.
    @Test func feedsTakeTheFeedTokenOnly() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        try await app.test(.router) { client in
            for who in Who.allCases {
                let ok = try await client.execute(uri: "/feeds/\(fixture.feedToken(who))/t.ics", method: .get)
                #expect(ok.status == .ok, "\(who)")
                let signIn = try await client.execute(uri: "/feeds/\(fixture.token(who))/t.ics", method: .get)
                #expect(signIn.status == .unauthorized, "\(who)'s sign-in token must not open a feed")
            }
            let none = try await client.execute(uri: "/feeds/rpf_nothing/t.ics", method: .get, headers: bearer(fixture.token(.coordinator)))
            #expect(none.status == .unauthorized)
            let unknownPlan = try await client.execute(uri: "/feeds/\(fixture.feedToken(.viewer))/nothing.ics", method: .get)
            #expect(unknownPlan.status == .notFound)
        }
    }

    /// A feed token is not a sign-in token: it opens no page or API route.
    @Test func feedTokenOpensNoPage() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        try await app.test(.router) { client in
            for path in ["/", "/plans/t", "/api/v1/plans"] {
                let r = try await client.execute(uri: path, method: .get, headers: bearer(fixture.feedToken(.coordinator)))
                #expect(r.status == .unauthorized, "\(path)")
            }
        }
    }
}
