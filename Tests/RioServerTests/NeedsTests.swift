import Foundation
import Hummingbird
import HummingbirdTesting
import RioServer
import RioWorkspace
import Testing

/// Needs intake through the pages and the API: the form, the upload with its row errors on
/// the page, and each office kept to its own region.
@Suite struct NeedsTests {
    static let fixtures = ServerFixture.root.appendingPathComponent("Tests/Fixtures/needs")

    static func multipart(csrf: String, file: String, name: String, boundary: String = "rioBoundary42") -> (HTTPFields, ByteBuffer) {
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n")
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"sheet\"; filename=\"\(name)\"\r\nContent-Type: text/csv\r\n\r\n")
        body.writeBytes(Array((try? Data(contentsOf: fixtures.appendingPathComponent(file))) ?? Data()))
        body.writeString("\r\n--\(boundary)--\r\n")
        return ([.contentType: "multipart/form-data; boundary=\(boundary)"], body)
    }

    @Test func uploadShowsRowErrorsThenStores() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        let (cookie, csrf) = try fixture.session(.africa)
        try await app.test(.router) { client in
            var (headers, body) = NeedsTests.multipart(csrf: csrf, file: "bad.csv", name: "bad.csv")
            headers[.cookie] = cookie
            let bad = try await client.execute(uri: "/needs/t/upload", method: .post, headers: headers, body: body)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("nothing was stored"))
            #expect(bad.text.contains("bad.csv:2:"), "row errors are placed FILE:ROW:COL")
            #expect(bad.text.contains("enctype=\"multipart/form-data\""), "the form is shown again next to its errors")
            #expect(try fixture.workspace.needs(cycle: "t", visibleTo: Principal(name: "c", role: .coordinator)).isEmpty)

            (headers, body) = NeedsTests.multipart(csrf: csrf, file: "africa.csv", name: "africa.csv")
            headers[.cookie] = cookie
            let good = try await client.execute(uri: "/needs/t/upload", method: .post, headers: headers, body: body)
            #expect(good.status == .seeOther)
            let location = try #require(good.headers[.location])
            let page = try await client.execute(uri: location, method: .get, headers: [.cookie: cookie])
            #expect(page.status == .ok)
            #expect(page.text.contains("Stored submission #"))
            #expect(page.text.contains("af-online"))
        }
    }

    @Test func formAddsOneNeedAndNamesTheBadField() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        let (cookie, csrf) = try fixture.session(.weog)
        let headers: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
        try await app.test(.router) { client in
            let bad = try await client.execute(
                uri: "/needs/t", method: .post, headers: headers, body: ByteBuffer(string: "csrf=\(csrf)&module=online-1d&participants=lots"))
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("participants"))
            #expect(bad.text.contains("value=\"online-1d\""), "the values typed are kept")
            let good = try await client.execute(
                uri: "/needs/t", method: .post, headers: headers,
                body: ByteBuffer(string: "csrf=\(csrf)&module=online-1d&participants=20&earliest=2027-03-08&latest=2027-03-08"))
            #expect(good.status == .seeOther)
            let missing = try await client.execute(uri: "/needs/t", method: .post, headers: headers, body: ByteBuffer(string: "module=online-1d"))
            #expect(missing.status == .forbidden, "no CSRF token")
        }
    }

    @Test func eachOfficeSeesAndWritesItsOwnRegion() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        let africa = try Data(contentsOf: NeedsTests.fixtures.appendingPathComponent("africa.csv"))
        try await app.test(.router) { client in
            let stored = try await client.execute(
                uri: "/api/v1/needs/t?file=africa.csv", method: .post, headers: bearer(fixture.token(.africa), [.contentType: "text/csv"]),
                body: ByteBuffer(bytes: africa))
            #expect(stored.status == .created)
            let refused = try await client.execute(
                uri: "/api/v1/needs/t?file=africa.csv", method: .post, headers: bearer(fixture.token(.weog), [.contentType: "text/csv"]),
                body: ByteBuffer(bytes: africa))
            #expect(refused.status == .unprocessableContent, "weog may not send africa's rows")
            let json = try JSONSerialization.jsonObject(with: Data(refused.text.utf8)) as? [String: [String: Any]]
            #expect((json?["error"]?["problems"] as? [String])?.isEmpty == false)

            let weogSees = try await client.execute(uri: "/api/v1/needs/t", method: .get, headers: bearer(fixture.token(.weog)))
            #expect(weogSees.status == .ok)
            #expect(!weogSees.text.contains("af-online"))
            let weogPage = try await client.execute(uri: "/needs/t", method: .get, headers: bearer(fixture.token(.weog)))
            #expect(!weogPage.text.contains("af-online"))
            let coordinatorSees = try await client.execute(uri: "/api/v1/needs/t", method: .get, headers: bearer(fixture.token(.coordinator)))
            #expect(coordinatorSees.text.contains("af-online"))
            let unknown = try await client.execute(uri: "/needs/nope", method: .get, headers: bearer(fixture.token(.coordinator)))
            #expect(unknown.status == .notFound)
            #expect(!unknown.text.contains(fixture.dir.path))
        }
    }
}
