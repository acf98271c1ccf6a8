import Hummingbird
import RioModel

/// An error a route answers with: an HTTP status and a message the caller can act on.
///
/// Workspace errors become one through `init(_:)`; the message never holds a stack trace, a
/// file path or SQL (anything unexpected becomes 500 "internal error").
public struct PlatformFailure: Error, Sendable {
    public var status: HTTPResponse.Status
    public var message: String
    /// Row and field problems of a refused sheet or form, one line each.
    public var problems: [String]

    public init(status: HTTPResponse.Status, message: String, problems: [String] = []) {
        self.status = status
        self.message = message
        self.problems = problems
    }

    public static func unauthorized(_ message: String) -> PlatformFailure { .init(status: .unauthorized, message: message) }
    public static func forbidden(_ message: String) -> PlatformFailure { .init(status: .forbidden, message: message) }
    public static func notFound(_ message: String = "nothing here: check the address") -> PlatformFailure {
        .init(status: .notFound, message: message)
    }
    public static func badRequest(_ message: String) -> PlatformFailure { .init(status: .badRequest, message: message) }
    public static let tooLarge = PlatformFailure(status: .contentTooLarge, message: "the request body is over the server's limit; send a smaller file")
    public static let internalError = PlatformFailure(status: .internalServerError, message: "internal error")

    /// The answer for any error a route threw.
    ///
    /// - Returns: the failure, and whether the error is unexpected (to be logged).
    public static func from(_ error: any Error) -> (failure: PlatformFailure, unexpected: Bool) {
        switch error {
        case let failure as PlatformFailure: return (failure, false)
        case let rio as RioError: return from(rio)
        case let http as any HTTPResponseError where http.status == .contentTooLarge: return (.tooLarge, false)
        case let http as any HTTPResponseError where http.status == .notFound: return (.notFound(), false)
        case let http as any HTTPResponseError where (400..<500).contains(http.status.code):
            return (PlatformFailure(status: http.status, message: http.status.reasonPhrase.lowercased()), false)
        default: return (.internalError, true)
        }
    }

    static func from(_ error: RioError) -> (failure: PlatformFailure, unexpected: Bool) {
        switch error {
        case .invalidInput(let diagnostics):
            let lines = diagnostics.map(\.description)
            let what = diagnostics.count == 1 ? "1 problem" : "\(diagnostics.count) problems"
            return (PlatformFailure(status: .unprocessableContent, message: "nothing was stored: \(what) to fix", problems: lines), false)
        case .usage(let m): return (.badRequest(m), false)
        case .data(let m): return (PlatformFailure(status: .unprocessableContent, message: m), false)
        case .forbidden(let m): return (.forbidden(m), false)
        case .notFound(let m): return (.notFound(m), false)
        case .unreadable, .cannotWrite, .internalError: return (.internalError, true)
        }
    }
}
