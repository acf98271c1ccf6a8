import Foundation
import Hummingbird

/// Checks on what a request's path and query carry, so that no hostile name reaches the
/// workspace as a path: plan names, cycles and regions are short slugs.
enum RouteInput {
    /// A path parameter that must look like a plan name, cycle or region id; 404 otherwise.
    static func slug(_ context: PlatformContext, _ name: String) throws -> String {
        guard let value = context.parameters.get(name), isSlug(value) else { throw PlatformFailure.notFound() }
        return value
    }

    /// `[A-Za-z0-9][A-Za-z0-9._-]*`, at most 100 characters, no `..`.
    static func isSlug(_ text: String) -> Bool {
        guard (1...100).contains(text.utf8.count), !text.contains(".."), let first = text.unicodeScalars.first, first.isASCIIAlphanumeric else {
            return false
        }
        return text.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric || $0 == "." || $0 == "_" || $0 == "-" }
    }

    /// A date for pages: `2027-03-01 09:30 UTC`.
    static func display(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d UTC", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// The scheme and host the caller used (behind a proxy: `X-Forwarded-Proto` / `-Host`).
    static func origin(_ request: Request, context: PlatformContext) -> (scheme: String, host: String) {
        let forwardedHost = request.headers[RouteInput.forwardedHost].flatMap { $0.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } }
        let host = forwardedHost ?? request.head.authority ?? "localhost"
        let safeHost = host.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric || ".-:[]".unicodeScalars.contains($0) } ? host : "localhost"
        return (context.viaHTTPS ? "https" : (request.head.scheme ?? "http"), safeHost)
    }

    static let forwardedHost = HTTPFields.Element.Name("X-Forwarded-Host")!
}

extension Unicode.Scalar {
    var isASCIIAlphanumeric: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }
}
