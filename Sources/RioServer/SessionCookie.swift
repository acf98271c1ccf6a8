import Foundation
import Hummingbird

/// The web session cookie: `HttpOnly; SameSite=Strict; Path=/`, and `Secure` behind HTTPS.
enum SessionCookie {
    static let name = "rioplan_session"

    /// The cookie's value in a request, if sent.
    static func value(in request: Request) -> String? {
        guard let value = request.cookies[name]?.value, !value.isEmpty else { return nil }
        return value
    }

    /// The `Set-Cookie` value that opens a session.
    ///
    /// - Parameter value: the workspace's cookie value (URL-safe characters only).
    static func setting(_ value: String, maxAge: TimeInterval, secure: Bool) -> String {
        "\(name)=\(value); Max-Age=\(Int(maxAge)); Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// The `Set-Cookie` value that ends a session in the browser.
    static func clearing(secure: Bool) -> String {
        "\(name)=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }
}
