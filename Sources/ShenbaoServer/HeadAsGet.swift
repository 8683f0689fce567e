import Hummingbird

/// `HEAD` answers what `GET` would, without the body (RFC 9110 §9.3.2: a general-purpose server
/// must support both). Download managers and link checkers ask `HEAD` of the batch template and
/// result ZIP links. Routes are written for `GET` once; this wraps the whole router, since
/// Hummingbird picks a route by method before any middleware runs. The access log, a middleware
/// inside it, therefore records such a request as `GET`.
public struct HeadAsGet<Wrapped: HTTPResponderBuilder>: HTTPResponderBuilder {
    let wrapped: Wrapped

    public func buildResponder() -> Responder { Responder(wrapped: wrapped.buildResponder()) }

    public struct Responder: HTTPResponder {
        let wrapped: Wrapped.Responder

        public func respond(to request: Request, context: Wrapped.Responder.Context) async throws -> Response {
            guard request.method == .head else { return try await wrapped.respond(to: request, context: context) }
            var head = request.head
            head.method = .get
            var response = try await wrapped.respond(to: Request(head: head, body: request.body), context: context)
            // The length GET would send stays in the headers, as §9.3.2 allows.
            let length = response.headers[.contentLength]
            response.body = ResponseBody()
            response.headers[.contentLength] = length
            return response
        }
    }
}
