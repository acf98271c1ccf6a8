import Foundation

/// How `rioplan serve` listens and what it accepts.
public struct ServerOptions: Sendable {
    /// The interface to bind: the loopback one unless told otherwise.
    public var host: String
    /// The TCP port; 0 picks a free one (tests).
    public var port: Int
    /// The largest request body accepted; larger ones get 413.
    public var maxBodyBytes: Int
    /// Marks the session cookie `Secure` on every response, not only on requests that came
    /// through an HTTPS proxy (`X-Forwarded-Proto: https`).
    public var secureCookies: Bool
    /// How long a web session lasts after signing in.
    public var sessionLifetime: TimeInterval
    /// How many rendered feeds (plan version × filter) the server keeps in memory; 0 renders
    /// every feed request anew (a benchmark's uncached case).
    public var feedCacheEntries: Int
    /// Where the access log and server errors go: one line a call (default: stderr).
    public var log: @Sendable (String) -> Void

    /// The body limit when none is given: 5 MB.
    public static let defaultMaxBodyBytes = 5 * 1024 * 1024

    public init(
        host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = ServerOptions.defaultMaxBodyBytes, secureCookies: Bool = false,
        sessionLifetime: TimeInterval = 8 * 3600, feedCacheEntries: Int = 512, log: @escaping @Sendable (String) -> Void = ServerOptions.standardError
    ) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.secureCookies = secureCookies
        self.sessionLifetime = sessionLifetime
        self.feedCacheEntries = feedCacheEntries
        self.log = log
    }

    /// Writes one line to stderr.
    public static let standardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// A size such as `5MB`, `512KB`, `1GB` or plain bytes, as `--max-body` takes it.
    ///
    /// - Returns: nil when the text is not a positive size.
    public static func parseSize(_ text: String) -> Int? {
        let upper = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Int)] = [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10), ("B", 1)]
        for (suffix, factor) in units where upper.hasSuffix(suffix) {
            guard let n = Int(upper.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), n > 0, n <= Int.max / factor else { return nil }
            return n * factor
        }
        guard let n = Int(upper), n > 0 else { return nil }
        return n
    }
}
