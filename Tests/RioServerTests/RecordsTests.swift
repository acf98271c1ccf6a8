import Foundation
import Hummingbird
import HummingbirdTesting
import RioServer
import RioWorkspace
import Testing

/// Record uploads: a region office reaches its own sessions only; another region's session is
/// "not found", never its content.
@Suite struct RecordsTests {
    static let sheet = "Participant,Country,Sex,Organisation,FocalPoint,Completed\r\nAna Zorvelli,KEN,F,government,UNCCD,yes\r\n"

    @Test func officesRecordTheirOwnSessionsOnly() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        try await app.test(.router) { client in
            let africaPage = try await client.execute(uri: "/records/t", method: .get, headers: bearer(fixture.token(.africa)))
            #expect(africaPage.status == .ok)
            #expect(africaPage.text.contains("t/d1") && !africaPage.text.contains("t/d4"))
            let weogPage = try await client.execute(uri: "/records/t", method: .get, headers: bearer(fixture.token(.weog)))
            #expect(weogPage.text.contains("t/d4") && !weogPage.text.contains("t/d1"))

            let body = ByteBuffer(string: RecordsTests.sheet)
            let upload = "/api/v1/records/t/attendance?session=t/d1&file=d1.csv"
            let other = try await client.execute(uri: upload, method: .post, headers: bearer(fixture.token(.weog)), body: body)
            #expect(other.status == .notFound)
            #expect(!other.text.contains("Joint three-day"))
            let finance = try await client.execute(uri: upload, method: .post, headers: bearer(fixture.token(.finance)), body: body)
            #expect(finance.status == .forbidden)
            let own = try await client.execute(uri: upload, method: .post, headers: bearer(fixture.token(.africa)), body: body)
            #expect(own.status == .created, "\(own.text)")
            #expect(own.text.contains("t/d1"))
            #expect(!own.text.contains(fixture.dir.path))
        }
    }

    /// The page's upload form: multipart with the CSRF token and the session chosen.
    @Test func uploadFormRecordsASheet() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        let (cookie, csrf) = try fixture.session(.weog)
        var form = ByteBuffer()
        for (name, value) in [("csrf", csrf), ("session", "t/d4")] {
            form.writeString("--b0undary\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        form.writeString("--b0undary\r\nContent-Disposition: form-data; name=\"sheet\"; filename=\"d4.csv\"\r\n\r\n\(RecordsTests.sheet)\r\n--b0undary--\r\n")
        let body = form
        let headers: HTTPFields = [.cookie: cookie, .contentType: "multipart/form-data; boundary=b0undary"]
        try await app.test(.router) { client in
            let r = try await client.execute(uri: "/records/t/attendance", method: .post, headers: headers, body: body)
            #expect(r.status == .ok)
            #expect(r.text.contains("class=\"ok\""), "the import's summary is shown")
        }
    }
}
