import Foundation
import Hummingbird
import HummingbirdTesting
import RioModel
import RioWorkspace
import Synchronization
import Testing

@testable import RioServer

/// Errors: 413 past the body limit, 404 for unknown paths, and no stack trace, file path or
/// SQL in any error body.
@Suite struct ErrorResponseTests {
    /// What no error body may hold.
    static func leaks(_ text: String, _ fixture: ServerFixture) -> [String] {
        let words = [fixture.dir.path, "/tmp", ".swift", "SELECT", "INSERT", "sqlite", "Fatal", "0x0", "Swift.", "RioError", "GRDB"]
        return words.filter { text.contains($0) }
    }

    @Test func oversizedBodiesGet413() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app(maxBodyBytes: 1024)
        let big = ByteBuffer(string: String(repeating: "a", count: 4096))
        try await app.test(.router) { client in
            for path in ["/signin", "/publish", "/api/v1/plans/t/publish", "/needs/t/upload"] {
                let r = try await client.execute(uri: path, method: .post, headers: bearer(fixture.token(.coordinator), [.contentType: "text/csv"]), body: big)
                #expect(r.status == .contentTooLarge, "\(path)")
                #expect(ErrorResponseTests.leaks(r.text, fixture).isEmpty)
            }
            let small = try await client.execute(
                uri: "/signin", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: "token=x"))
            #expect(small.status == .unauthorized)
        }
    }

    @Test func unknownPathsAre404() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        try await app.test(.router) { client in
            for path in ["/nope", "/plans", "/plans/t/nope", "/api/v1/nope", "/feeds", "/plans/..%2F..%2Fetc/regions/x", "/plans/%00/cofinancing.csv"] {
                let r = try await client.execute(uri: path, method: .get, headers: bearer(fixture.token(.coordinator)))
                #expect(r.status == .notFound, "\(path)")
                #expect(ErrorResponseTests.leaks(r.text, fixture).isEmpty, "\(path)")
            }
            let api = try await client.execute(uri: "/api/v1/nope", method: .get)
            #expect(api.headers[.contentType]?.hasPrefix("application/json") == true)
        }
    }

    @Test func errorBodiesShowNoInsides() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        let coordinator = bearer(fixture.token(.coordinator))
        try await app.test(.router) { client in
            let publishUnknown = try await client.execute(uri: "/api/v1/plans/t/publish?version=99", method: .post, headers: coordinator)
            #expect(publishUnknown.status == .unprocessableContent)
            let badVersion = try await client.execute(uri: "/api/v1/plans/t/publish?version=x'%3B--", method: .post, headers: coordinator)
            #expect(badVersion.status == .badRequest)
            let badMultipart = try await client.execute(
                uri: "/publish", method: .post, headers: bearer(fixture.token(.coordinator), [.contentType: "multipart/form-data; boundary=zz"]),
                body: ByteBuffer(string: "--zz\r\nnot a part"))
            #expect(badMultipart.status == .badRequest)
            let badBearer = try await client.execute(uri: "/api/v1/plans", method: .get, headers: [.authorization: "Bearer ' OR 1=1 --"])
            #expect(badBearer.status == .unauthorized)
            #expect(badBearer.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            for r in [publishUnknown, badVersion, badMultipart, badBearer] {
                #expect(ErrorResponseTests.leaks(r.text, fixture).isEmpty, "\(r.status): \(r.text)")
            }

        }
    }

    /// Errors a route did not expect: 500 "internal error" to the client, the details in the
    /// server's log only.
    @Test func unexpectedErrorsAreInternalErrors() async throws {
        struct Boom: Error, CustomStringConvertible { var description: String { "SELECT * FROM accessPrincipal at /srv/rio/x.swift:12" } }
        let lines = LogLines()
        let router = Router(context: PlatformContext.self)
        router.add(middleware: ErrorMiddleware(pages: try PageRenderer(), scrub: MessageScrubber(folders: []), log: { line in lines.add(line) }))
        router.get("/boom") { _, _ -> Response in throw Boom() }
        router.get("/api/v1/boom") { _, _ -> Response in throw RioError.unreadable(path: "/srv/rio/Plans/t.yaml", reason: "gone") }
        router.get("/gone") { _, _ -> Response in throw RioError.cannotWrite(path: "/srv/rio/out.json", reason: "disk full") }
        try await Application(router: router).test(.router) { client in
            for path in ["/boom", "/api/v1/boom", "/gone"] {
                let r = try await client.execute(uri: path, method: .get)
                #expect(r.status == .internalServerError)
                #expect(r.text.contains("internal error"))
                for leak in ["SELECT", "/srv", ".swift", "Boom", "gone", "disk full"] { #expect(!r.text.contains(leak), "\(path): \(leak)") }
            }
        }
        #expect(lines.all.count == 3)
        #expect(lines.all.first?.contains("Boom") == true)
    }
}

/// Log lines gathered from concurrent requests.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    func add(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}
