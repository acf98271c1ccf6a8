import ArgumentParser
import Dispatch
import Foundation
import RioModel
import RioServer
import RioWorkspace

extension RioPlanCommand {
    /// `rioplan serve`: the shared platform (serve.md) over this workspace.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve the shared platform: published plans, calendar feeds, needs intake and records.",
            discussion: """
                Binds the loopback interface unless --host says otherwise; put it behind \
                the organisation's HTTPS reverse proxy (which sets X-Forwarded-Proto: \
                https) to reach the regional offices. Give people access with `rioplan \
                access add`, and publish a plan with `rioplan publish NAME`. Run it from \
                the folder that holds Plans/ (recorded plans name their inputs relative \
                to it). SIGTERM or Ctrl-C finishes the requests in flight and exits 0. \
                One access-log line per request goes to stderr, with feed tokens masked.

                Example: rioplan serve --port 8080
                """)

        @OptionGroup var common: CommonOptions

        @Option(name: .long, help: ArgumentHelp("The interface to listen on.", valueName: "HOST"))
        var host: String = "127.0.0.1"

        @Option(name: .long, help: ArgumentHelp("The TCP port.", valueName: "PORT"))
        var port: Int = 8080

        @Option(name: .long, help: ArgumentHelp("The largest request body (e.g. 5MB, 512KB); larger ones get 413.", valueName: "SIZE"))
        var maxBody: String = "5MB"

        @Option(name: .long, help: ArgumentHelp("Rendered feeds kept in memory (0: render every request).", valueName: "N"))
        var feedCache: Int = 512

        @Flag(name: .long, help: "Mark the session cookie Secure even without X-Forwarded-Proto: https.")
        var secureCookies = false

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
            guard feedCache >= 0 else { throw ValidationError("--feed-cache must be 0 or more") }
            guard ServerOptions.parseSize(maxBody) != nil else { throw ValidationError("--max-body must be a size such as 5MB, 512KB or 1048576") }
        }

        func run() throws {
            try runReporting {
                let workspace = common.workspace
                _ = try workspace.catalog()
                let options = ServerOptions(
                    host: host, port: port, maxBodyBytes: ServerOptions.parseSize(maxBody) ?? ServerOptions.defaultMaxBodyBytes,
                    secureCookies: secureCookies, feedCacheEntries: feedCache)
                let server = try PlatformServer(workspace: workspace, options: options)
                let shown = "http://\(host.contains(":") ? "[\(host)]" : host)"
                try Serve.wait {
                    try await server.run { bound in Console.error("Serving \(workspace.databasePath) on \(shown):\(bound) (Ctrl-C to stop)") }
                }
            }
        }

        /// Runs the server's async loop from this synchronous command (the root command is
        /// synchronous) and rethrows its error.
        static func wait(_ body: @escaping @Sendable () async throws -> Void) throws {
            let done = DispatchSemaphore(value: 0)
            let outcome = Outcome()
            Task {
                do { try await body() } catch { outcome.set(error) }
                done.signal()
            }
            done.wait()
            if let error = outcome.get() { throw error }
        }

        final class Outcome: @unchecked Sendable {
            private var error: (any Error)?
            private let lock = NSLock()
            func set(_ e: any Error) { lock.withLock { error = e } }
            func get() -> (any Error)? { lock.withLock { error } }
        }
    }
}
