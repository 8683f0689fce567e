import Foundation
import Hummingbird
import ShenbaoKit

/// The pages (`/`, `/apply`, `/verify`, `/endorse`, `/batch`), their scripts and styles under
/// `/assets/`, and the login that sets the token cookie.
struct WebPages: Sendable {
    let assets: WebAssets
    let token: String?

    func add(to router: Router<BasicRequestContext>) {
        for (path, file) in WebAssets.pages {
            router.get(RouterPath(path)) { _, _ in try page(file) }
        }
        router.get("/assets/:name") { _, context in try page(context.parameters.get("name") ?? "") }
        router.post("/login") { request, _ in try await login(request) }
    }

    func page(_ name: String) throws -> Response {
        guard let response = assets.response(name) else { throw APIError.notFound() }
        return response
    }

    /// `POST /login` (form field `token`): the right token sets the cookie and goes to `/`; a
    /// wrong one shows the login page again with 403.
    func login(_ request: Request) async throws -> Response {
        guard let token else { return Response(status: .seeOther, headers: [.location: "/"]) }
        let body = try await request.body.collect(upTo: 4096)
        let form = String(buffer: body)
        var presented = ""
        for pair in form.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0] == "token" {
                presented = String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
        }
        guard AccessToken<BasicRequestContext>.constantTimeEqual(presented, token) else {
            return assets.response("login.html", status: .forbidden) ?? Response(status: .forbidden)
        }
        return Response(status: .seeOther, headers: [.location: "/", .setCookie: AccessToken<BasicRequestContext>.cookie(for: token)])
    }
}
