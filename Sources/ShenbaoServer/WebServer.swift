import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import ShenbaoKit

/// `shenbao serve` (spec/web.md): the pages and the API on Hummingbird, every request passing
/// the same guards in this order — access log, error documents, security headers, same-origin,
/// then the token when one is set.
public enum WebServer {
    /// The router with every route and guard: what the application serves, and what tests drive.
    public static func router(_ configuration: ServerConfiguration) throws -> Router<BasicRequestContext> {
        let assets = try WebAssets()
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: AccessLog())
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: SecurityHeaders())
        router.add(middleware: SameOrigin(requireLoopbackHost: configuration.token == nil))
        if let token = configuration.token {
            let login = assets.response("login.html", status: .unauthorized) ?? Response(status: .unauthorized)
            router.add(middleware: AccessToken(token: token, loginPage: login))
        }
        WebPages(assets: assets, token: configuration.token).add(to: router)
        APIRoutes(configuration: configuration).add(to: router)
        return router
    }

    /// Makes the server's event loops run every task of the process, as Swift Concurrency's global
    /// executor. A request then parses, validates and answers on the thread that read it. With the
    /// default pool beside the loops, every request hopped between two sets of threads, and on two
    /// cores those four threads and the load's own queued behind one another: p99 of
    /// `POST /api/validate` at 16 connections went from 114 ms to 19 ms. Call it once, from the
    /// main thread, before any task starts.
    public static func runTasksOnEventLoops() {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    /// The application listening where `configuration` says; `onRunning` is told the address.
    /// Running it (`runService()`) stops on SIGINT or SIGTERM after the requests in flight.
    public static func application(_ configuration: ServerConfiguration,
                                   onRunning: @escaping @Sendable (String) -> Void) throws -> some ApplicationProtocol {
        var logger = Logger(label: "shenbao.serve")
        logger.logLevel = .info
        return Application(router: try router(configuration),
                           configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "shenbao"),
                           onServerRunning: { channel in
                               let port = channel.localAddress?.port ?? configuration.port
                               let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
                               onRunning("http://\(host):\(port)/")
                           },
                           logger: logger)
    }
}
