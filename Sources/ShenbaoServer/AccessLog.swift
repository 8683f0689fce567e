import Foundation
import Hummingbird

/// One structured line per request on the server's logger (standard error): method, path,
/// status, bytes sent and time taken, as metadata a log collector can parse.
struct AccessLog<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info("request", metadata: [
            "method": "\(request.method.rawValue)",
            "path": "\(request.uri.path)",
            "status": "\(response.status.code)",
            "bytes": "\(response.body.contentLength.map(String.init) ?? "-")",
            "ms": "\(String(format: "%.1f", ms))",
        ])
        return response
    }
}
