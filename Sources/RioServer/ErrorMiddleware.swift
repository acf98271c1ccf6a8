import Foundation
import Hummingbird

/// Turns every error a route throws into a response the caller can act on: HTML for pages
/// (401 is the sign-in page), JSON for `/api/`, plain text for feeds.
///
/// Nothing of the error's inside reaches the client: workspace folders are scrubbed from
/// messages, and an unexpected error is answered "internal error" and logged server-side
/// with its type and description only.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = PlatformContext
    let pages: PageRenderer
    let scrub: MessageScrubber
    let log: @Sendable (String) -> Void

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let (found, unexpected) = PlatformFailure.from(error)
            let failure = scrub(found)
            if unexpected {
                let path = AccessLogMiddleware.maskedPath(request.uri.path)
                log("error: \(request.method.rawValue) \(path): \(String(reflecting: type(of: error))): \(String(describing: error))")
            }
            return respond(failure, to: request, context: context)
        }
    }

    func respond(_ failure: PlatformFailure, to request: Request, context: Context) -> Response {
        let path = request.uri.path
        if path.hasPrefix("/api/") { return ErrorMiddleware.json(failure) }
        if path.hasPrefix("/feeds/") {
            let body = ByteBuffer(string: failure.message + "\n")
            return Response(status: failure.status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: body))
        }
        let layout = PageLayout(title: failure.status.reasonPhrase, caller: context.caller)
        if failure.status == .unauthorized {
            return pages.page("signin", SignInController.SignInView(layout: layout, message: failure.message), status: .unauthorized)
        }
        let view = ErrorView(
            layout: layout, status: "\(failure.status.code) \(failure.status.reasonPhrase)", message: failure.message,
            problems: failure.problems.map { ProblemList.Line(text: $0) })
        return pages.page("error", view, status: failure.status)
    }

    struct ErrorView {
        var layout: PageLayout
        var status: String
        var message: String
        var problems: [ProblemList.Line]
    }

    /// The API's error body: `{"error": {"status": 422, "message": "…", "problems": ["…"]}}`.
    static func json(_ failure: PlatformFailure) -> Response {
        struct Body: Encodable {
            struct Inner: Encodable { var status: Int; var message: String; var problems: [String] }
            var error: Inner
        }
        let body = Body(error: .init(status: failure.status.code, message: failure.message, problems: failure.problems))
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if failure.status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"rioplan\"" }
        return APIController.encode(body, status: failure.status, headers: headers)
    }
}
