import Foundation
import Hummingbird

/// One line per request: time, method, path (feed tokens masked, no query string), status and
/// duration. No header, cookie, token or query value is ever written.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = PlatformContext
    let log: @Sendable (String) -> Void

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(AccessLogMiddleware.line(request, status: response.status.code, since: start))
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(AccessLogMiddleware.line(request, status: status, since: start))
            throw error
        }
    }

    static func line(_ request: Request, status: Int, since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let when = Date().formatted(.iso8601)
        return "\(when) \(request.method.rawValue) \(maskedPath(request.uri.path)) \(status) \(String(format: "%.1f", ms))ms"
    }

    /// The path with every token masked: the segment after `/feeds/` (whatever it holds) and any
    /// segment that begins like a RioPlan token (`rpf_`, `rps_`); non-printable characters are
    /// escaped so that a line stays one line.
    static func maskedPath(_ path: String) -> String {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for i in segments.indices {
            let afterFeeds = i > 0 && segments[i - 1] == "feeds"
            let lower = segments[i].lowercased()
            if lower.hasPrefix("rpf_") || (afterFeeds && !segments[i].isEmpty) {
                segments[i] = "rpf_…****"
            } else if lower.hasPrefix("rps_") {
                segments[i] = "rps_…****"
            }
        }
        let joined = segments.joined(separator: "/")
        let limited = joined.count > 300 ? String(joined.prefix(300)) + "…" : joined
        return limited.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
    }
}
