import Hummingbird

/// Refuses a body whose declared length is over the limit with 413 before reading it; a
/// chunked body is bounded where the route collects it (`collect(upTo:)`).
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = PlatformContext
    let maxBodyBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let declared = request.headers[.contentLength], let length = Int(declared), length > maxBodyBytes {
            throw PlatformFailure.tooLarge
        }
        return try await next(request, context)
    }
}
