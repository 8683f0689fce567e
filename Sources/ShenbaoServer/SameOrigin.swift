import Hummingbird

/// Refuses requests another site makes a browser send (spec/web.md): a state-changing request
/// whose `Origin` (or `Sec-Fetch-Site`) is not this server, and, on loopback where no token
/// guards the pages, any request whose `Host` is not a loopback name — a page that rebinds its
/// own DNS name to 127.0.0.1 would otherwise be "same origin" with the server.
struct SameOrigin<Context: RequestContext>: RouterMiddleware {
    /// On loopback without a token the Host header is the only guard against DNS rebinding.
    let requireLoopbackHost: Bool

    static var secFetchSite: HTTPFields.Element.Name { HTTPFields.Element.Name("Sec-Fetch-Site")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let host = request.head.authority ?? ""
        if requireLoopbackHost && !ServerConfiguration.isLoopback(Self.hostname(of: host)) {
            throw refused()
        }
        let safe: Set<HTTPRequest.Method> = [.get, .head, .options]
        if !safe.contains(request.method) {
            if let origin = request.headers[.origin] {
                guard origin == "http://\(host)" || origin == "https://\(host)" else { throw refused() }
            } else if let site = request.headers[Self.secFetchSite], site != "same-origin" && site != "none" {
                throw refused()
            }
        }
        return try await next(request, context)
    }

    /// `127.0.0.1:8080` → `127.0.0.1`; `[::1]:8080` → `[::1]`.
    static func hostname(of authority: String) -> String {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return String(authority[...close])
        }
        return String(authority.split(separator: ":", maxSplits: 1).first ?? "")
    }

    func refused() -> APIError {
        APIError(.forbidden, .httpCrossOrigin, zh: "拒绝来自其他网站的请求", en: "a request from another origin is refused")
    }
}
