import Foundation
import Hummingbird
import RioModel
import RioWorkspace
import Synchronization

/// `rioplan serve`: the shared platform over one workspace, as a Hummingbird application.
///
/// `buildRouter()` is the one place that lists the middleware and the controllers; tests run
/// it in process (`app.test(.router)`), `run()` serves it until SIGTERM or SIGINT, finishing
/// requests in flight.
public struct PlatformServer: Sendable {
    public let workspace: Workspace
    public let options: ServerOptions
    let pages: PageRenderer
    let feeds: FeedCache

    /// - Throws: only if a page template does not parse (a bug the tests catch).
    public init(workspace: Workspace, options: ServerOptions = ServerOptions()) throws {
        self.workspace = workspace
        self.options = options
        pages = try PageRenderer()
        feeds = FeedCache(capacity: options.feedCacheEntries)
    }

    /// The router: access log, authentication, error pages and the body limit around every
    /// route, then one controller per area.
    public func buildRouter() -> Router<PlatformContext> {
        let router = Router(context: PlatformContext.self, options: .autoGenerateHeadEndpoints)
        let scrub = MessageScrubber(
            folders: [workspace.databasePath, workspace.plansFolder, workspace.catalogFolder, FileManager.default.currentDirectoryPath])
        router.add(middleware: AccessLogMiddleware(log: options.log))
        router.add(middleware: AuthenticationMiddleware(workspace: workspace, log: options.log))
        router.add(middleware: ErrorMiddleware(pages: pages, scrub: scrub, log: options.log))
        router.add(middleware: BodyLimitMiddleware(maxBodyBytes: options.maxBodyBytes))
        let limit = options.maxBodyBytes
        FeedsController(workspace: workspace, cache: feeds).addRoutes(to: router)
        SignInController(workspace: workspace, pages: pages, options: options).addRoutes(to: router)
        PagesController(workspace: workspace, pages: pages, limit: limit).addRoutes(to: router)
        DownloadsController(workspace: workspace).addRoutes(to: router)
        NeedsController(workspace: workspace, pages: pages, limit: limit, scrub: scrub).addRoutes(to: router)
        RecordsController(workspace: workspace, pages: pages, limit: limit, scrub: scrub).addRoutes(to: router)
        AdminController(workspace: workspace, pages: pages, limit: limit).addRoutes(to: router)
        APIController(workspace: workspace, limit: limit).addRoutes(to: router)
        return router
    }

    /// The application on `options.host:options.port`.
    ///
    /// - Parameter onRunning: called once the socket is bound, with the port (useful with port 0).
    public func makeApplication(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var app = Application(
            router: buildRouter(),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "rioplan"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? options.port) })
        app.logger.logLevel = .warning  // the access log is ours; Hummingbird's info lines would go to stdout
        return app
    }

    /// Serves until SIGTERM or SIGINT, then finishes the requests in flight and returns.
    ///
    /// - Throws: `RioError.usage` when the address cannot be bound (in use, not this machine's),
    ///   naming `--host` and `--port`.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let started = Mutex(false)
        do {
            try await makeApplication(onRunning: { port in
                started.withLock { $0 = true }
                await onRunning(port)
            }).runService()
        } catch  where !started.withLock({ $0 }) {
            throw RioError.usage(
                "cannot listen on \(options.host):\(options.port) (\(error)); choose another --port, or stop the program that uses it")
        }
    }
}
