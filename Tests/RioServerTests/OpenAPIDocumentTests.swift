import Foundation
import Hummingbird
import HummingbirdTesting
import RioServer
import Testing

/// The OpenAPI document describes exactly the API's routes, and each of them answers.
@Suite struct OpenAPIDocumentTests {
    static let routes: Set<String> = [
        "GET /api/v1/openapi.json", "GET /api/v1/plans", "GET /api/v1/plans/{name}", "POST /api/v1/plans/{name}/publish",
        "GET /api/v1/needs/{cycle}", "POST /api/v1/needs/{cycle}", "POST /api/v1/records/{plan}/attendance", "POST /api/v1/records/{plan}/outcomes",
    ]

    @Test func documentMatchesTheRoutes() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        try await app.test(.router) { client in
            let r = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            #expect(r.status == .ok)
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.text.utf8)) as? [String: Any])
            #expect(doc["openapi"] as? String == "3.1.0")
            let paths = try #require(doc["paths"] as? [String: [String: Any]])
            var described: Set<String> = []
            for (path, methods) in paths { for method in methods.keys { described.insert("\(method.uppercased()) \(path)") } }
            #expect(described == OpenAPIDocumentTests.routes)
            // every described route exists: a coordinator never gets 404 for the route itself
            for route in OpenAPIDocumentTests.routes.sorted() {
                let parts = route.split(separator: " ")
                let uri = parts[1].replacingOccurrences(of: "{name}", with: "t").replacingOccurrences(of: "{cycle}", with: "t")
                    .replacingOccurrences(of: "{plan}", with: "t")
                let method: HTTPRequest.Method = parts[0] == "GET" ? .get : .post
                let answer = try await client.execute(uri: uri, method: method, headers: bearer(fixture.token(.coordinator)))
                #expect(answer.status != .notFound || uri.contains("needs") || uri.contains("records"), "\(route) → \(answer.status)")
                #expect(answer.status != .methodNotAllowed)
            }
        }
    }
}
