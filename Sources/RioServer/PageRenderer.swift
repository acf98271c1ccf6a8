import Foundation
import Hummingbird
import Mustache

/// Renders the platform's pages from `Templates` with swift-mustache.
///
/// Every page gets the same security headers: a content security policy that allows nothing
/// from elsewhere and no script, no MIME sniffing, no referrer (a subscribe link holds a feed
/// token), no framing.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    init() throws {
        var library = MustacheLibrary()
        for template in Templates.all { try library.register(template.text, named: template.name) }
        self.library = library
    }

    /// The rendered template; empty when the name is unknown (a programming error caught by the tests).
    func render(_ name: String, _ view: Any) -> String {
        library.render(view, withTemplate: name) ?? ""
    }

    /// An HTML response of a template.
    func page(_ name: String, _ view: Any, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        PageRenderer.html(render(name, view), status: status, headers: headers)
    }

    /// An HTML response of a finished page.
    static func html(_ text: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        fields[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        fields[.xContentTypeOptions] = "nosniff"
        fields[PageRenderer.referrerPolicy] = "no-referrer"
        fields[.cacheControl] = "no-store"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// `Referrer-Policy` (HTTPTypes has no constant for it; `HTTPFields.Element` is its `HTTPField`).
    static let referrerPolicy = HTTPFields.Element.Name("Referrer-Policy")!
}
