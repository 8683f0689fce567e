import Foundation
import Hummingbird
import ShenbaoKit

/// The token that protects every page and call when the server listens beyond loopback
/// (spec/web.md): sent as `Authorization: Bearer …` by scripts, or as the HttpOnly,
/// SameSite=Strict cookie the login page sets for browsers. No token gets 401, a wrong one 403.
struct AccessToken<Context: RequestContext>: RouterMiddleware {
    let token: String
    /// The login page, answered with 401 to a browser asking for a page without the token.
    let loginPage: Response

    static var cookieName: String { "shenbao_token" }

    /// Paths open without the token: the login page itself and the static styles it uses.
    static func isOpen(_ path: String) -> Bool {
        path == "/login" || path.hasPrefix("/assets/")
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if Self.isOpen(request.uri.path) { return try await next(request, context) }
        guard let presented = Self.presented(in: request) else {
            if request.method == .get && request.headers[.accept]?.contains("text/html") == true { return loginPage }
            throw APIError(.unauthorized, .httpUnauthorized, zh: "需要访问令牌：请先登录，或发送 Authorization: Bearer 令牌",
                           en: "an access token is needed: log in, or send Authorization: Bearer")
        }
        guard Self.constantTimeEqual(presented, token) else {
            throw APIError(.forbidden, .httpForbidden, zh: "访问令牌不正确", en: "the access token is wrong")
        }
        return try await next(request, context)
    }

    /// The token the request carries: the bearer token, else the cookie.
    static func presented(in request: Request) -> String? {
        if let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("bearer ") {
            return String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        }
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == cookieName {
                    return parts[1].removingPercentEncoding ?? String(parts[1])
                }
            }
        }
        return nil
    }

    /// Compares in time that depends only on the presented token's length, never on where the
    /// first difference is, so the token cannot be guessed a character at a time.
    static func constantTimeEqual(_ presented: String, _ expected: String) -> Bool {
        let a = Array(presented.utf8), b = Array(expected.utf8)
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count) | (a.count == b.count ? 0 : 1)
        for i in 0..<a.count { difference |= a[i] ^ (b.isEmpty ? 0 : b[i % b.count]) }
        return difference == 0
    }

    /// The cookie that keeps a browser logged in: script cannot read it, and no other site's
    /// request carries it.
    static func cookie(for token: String) -> String {
        "\(cookieName)=\(token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""); Path=/; HttpOnly; SameSite=Strict"
    }
}
