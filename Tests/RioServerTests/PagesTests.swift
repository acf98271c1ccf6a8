import Foundation
import Hummingbird
import HummingbirdTesting
import RioServer
import RioWorkspace
import Testing

/// The pages and downloads: the report with the platform's header, region pages, workbooks as
/// attachments, and pages that load nothing from elsewhere.
@Suite struct PagesTests {
    @Test func planPageIsTheReportWithTheHeader() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        try await app.test(.router) { client in
            let finance = try await client.execute(uri: "/plans/t", method: .get, headers: bearer(fixture.token(.finance)))
            #expect(finance.status == .ok)
            let page = finance.text
            #expect(page.contains("Published version <strong>1</strong> of <strong>t</strong>"))
            #expect(page.contains("href=\"/plans/t/regions/africa\"") && page.contains("href=\"/plans/t/regions/weog\""))
            #expect(page.contains("/plans/t/cofinancing.xlsx"))
            #expect(page.contains("Mandate coverage"), "the report's own content follows")
            #expect(page.components(separatedBy: "<body").count == 2)
            let addresses = page.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
            for external in ["http://", "https://", "<script", "src=\"//"] { #expect(!addresses.contains(external), "\(external)") }
            #expect(finance.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            let viewer = try await client.execute(uri: "/plans/t", method: .get, headers: bearer(fixture.token(.viewer)))
            #expect(!viewer.text.contains("cofinancing.xlsx"), "no download link for a role that may not download")
        }
    }

    @Test func downloadsAreAttachments() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        try await app.test(.router) { client in
            let csv = try await client.execute(uri: "/plans/t/cofinancing.csv", method: .get, headers: bearer(fixture.token(.finance)))
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"t-v1-cofinancing.csv\"")
            #expect(Array(csv.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let xlsx = try await client.execute(uri: "/plans/t/cofinancing.xlsx", method: .get, headers: bearer(fixture.token(.coordinator)))
            #expect(xlsx.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(Array(xlsx.body.readableBytesView.prefix(2)) == Array("PK".utf8))
        }
    }

    @Test func regionPageListsThatRegionsSessions() async throws {
        let fixture = try ServerFixture()
        let app = try fixture.app()
        try await app.test(.router) { client in
            let r = try await client.execute(uri: "/plans/t/regions/weog", method: .get, headers: bearer(fixture.token(.africa)))
            #expect(r.status == .ok)
            #expect(r.text.contains("t/d3") && r.text.contains("t/d4") && !r.text.contains("t/d1"))
            #expect(r.text.contains("action=\"/plans/t/subscribe\""))
            let home = try await client.execute(uri: "/", method: .get, headers: bearer(fixture.token(.viewer)))
            #expect(home.text.contains("href=\"/plans/t\""))
        }
    }
}
