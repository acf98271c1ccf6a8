import Foundation
import Testing

@testable import RioServer

/// The bounded multipart/form-data parser, and the other small readers of request input.
@Suite struct MultipartFormTests {
    static func body(_ parts: [(String, String?, String)], boundary: String = "XyZ") -> [UInt8] {
        var text = "preamble\r\n"
        for (name, file, data) in parts {
            text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"" + (file.map { "; filename=\"\($0)\"" } ?? "") + "\r\n"
            if file != nil { text += "Content-Type: text/csv\r\n" }
            text += "\r\n\(data)\r\n"
        }
        return Array((text + "--\(boundary)--\r\n").utf8)
    }

    @Test func readsFieldsAndFiles() throws {
        let form = try MultipartForm(body: MultipartFormTests.body([("csrf", nil, "abc"), ("sheet", "C:\\x\\needs.csv", "a,b\r\n1,2\r\n")]), boundary: "XyZ")
        #expect(form.field("csrf") == "abc")
        #expect(form.part("sheet")?.fileName == "C:\\x\\needs.csv")
        #expect(form.part("sheet").map { String(decoding: $0.data, as: UTF8.self) } == "a,b\r\n1,2\r\n")
        #expect(MultipartForm.boundary(ofContentType: "multipart/form-data; boundary=\"XyZ\"") == "XyZ")
        #expect(MultipartForm.boundary(ofContentType: "text/csv") == nil)
    }

    @Test func malformedBodiesThrowAndNeverCrash() {
        let good = MultipartFormTests.body([("a", nil, "1")])
        for cut in 0..<good.count {
            _ = try? MultipartForm(body: Array(good[..<cut]), boundary: "XyZ")
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let noise = (0..<Int.random(in: 0..<200, using: &generator)).map { _ in [13, 10, 45, 88, 121, 90, 61, 34].randomElement(using: &generator) ?? 0 }
            _ = try? MultipartForm(body: noise.map { UInt8($0) }, boundary: "XyZ")
        }
        #expect(throws: PlatformFailure.self) { try MultipartForm(body: Array("--XyZ\r\nno end".utf8), boundary: "XyZ") }
        let many = MultipartFormTests.body((0..<100).map { ("f\($0)", nil, "v") })
        #expect(throws: PlatformFailure.self) { try MultipartForm(body: many, boundary: "XyZ") }
    }

    @Test func urlEncodedForms() {
        #expect(SubmittedForm.urlEncoded("a=1&b=x+y%21&a=2&=z&c") == ["a": "1", "b": "x y!", "c": ""])
        #expect(SubmittedForm.urlEncoded("%ZZ=%").isEmpty)
    }

    @Test func feedPathsAndSizes() {
        #expect(PagesController.feedToken(fromPasted: " /feeds/rpf_abc/ ") == "rpf_abc")
        #expect(PagesController.feedToken(fromPasted: "https://h/feeds/rpf_abc/t.ics") == "rpf_abc")
        #expect(PagesController.feedToken(fromPasted: "rpf_abc") == "rpf_abc")
        #expect(PagesController.feedToken(fromPasted: "") == nil)
        #expect(ServerOptions.parseSize("5MB") == 5 * 1024 * 1024)
        #expect(ServerOptions.parseSize("512kb") == 512 * 1024)
        #expect(ServerOptions.parseSize("100") == 100)
        #expect(ServerOptions.parseSize("-1MB") == nil)
        #expect(ServerOptions.parseSize("99999999999999999999GB") == nil)
        #expect(RouteInput.isSlug("jlg-2027") && !RouteInput.isSlug("../x") && !RouteInput.isSlug(".hidden") && !RouteInput.isSlug(""))
        #expect(AccessLogMiddleware.maskedPath("/feeds/rpf_abc/t.ics") == "/feeds/rpf_…****/t.ics")
        #expect(AccessLogMiddleware.maskedPath("/feeds/anything/t.ics") == "/feeds/rpf_…****/t.ics")
        let date = Date(timeIntervalSince1970: 784_111_777)
        #expect(HTTPDate.format(date) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == date)
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == nil)
    }
}
