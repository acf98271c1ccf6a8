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
            #expect([.created, .unprocessableContent].contains(own.status), "\(own.text)")
            #expect(!own.text.contains(fixture.dir.path))
        }
    }
}
