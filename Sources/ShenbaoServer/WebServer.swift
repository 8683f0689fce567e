import Foundation
import Hummingbird
import Logging
import NIOPosix
import ShenbaoKit

/// `shenbao serve` (spec/web.md): the pages and the API on Hummingbird, every request passing
/// the same guards in this order — access log, error documents, security headers, same-origin,
/// then the token when one is set — and `HEAD` of any page or download answered as `GET`.
public enum WebServer {
    /// The router with every route and guard: what the application serves, and what tests drive.
    public static func router(_ configuration: ServerConfiguration) throws -> HeadAsGet<Router<BasicRequestContext>> {
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
        return HeadAsGet(wrapped: router)
    }

    /// One event loop for the server's sockets. It only moves bytes: the handlers parse, validate
    /// and render in Swift's pool, a thread a core. With a loop a core beside that pool, two cores
    /// ran four server threads and the load's own, and at 16 connections p99 of
    /// `POST /api/validate` was 104 ms; with one loop it is 26 ms. Running the handlers on the
    /// loops themselves (NIO's executor takeover) was faster still (19 ms) but left requests
    /// unread while a loop rendered, and Ctrl-C then reset those connections instead of
    /// answering them.
    static let ioLoop = MultiThreadedEventLoopGroup(numberOfThreads: 1)

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
                           eventLoopGroupProvider: .shared(ioLoop),
                           logger: logger)
    }
}
