import Foundation
import Hummingbird
import NIOCore
import ShenbaoKit

/// Turns whatever a route throws into web.md's error document, so no request ever gets a bare
/// status or a Swift error's text: engine failures by their exit status, a body over the limit
/// as 413, an unknown route as 404, anything else as `internal` with its cause kept.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let lang = request.lang
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return error.response(lang)
        } catch let failure as ShenbaoFailure {
            return APIError(failure, lang: lang).response(lang)
        } catch is NIOTooManyBytesError {
            return APIError(.contentTooLarge, .httpTooLarge, zh: "请求内容超过服务器的上限", en: "the request body exceeds the server's limit")
                .response(lang)
        } catch let error as HTTPError where error.status == .notFound {
            return APIError.notFound().response(lang)
        } catch let error as HTTPError {
            return APIError(error.status, error.status.code < 500 ? .httpBadRequest : .internalError,
                            zh: error.body ?? "请求有误", en: error.body ?? "bad request").response(lang)
        } catch {
            context.logger.error("unexpected error", metadata: ["error": "\(String(reflecting: error))"])
            var failure = APIError(ShenbaoFailure(caught: error, file: nil), lang: lang)
            failure.status = .internalServerError
            return failure.response(lang)
        }
    }
}

extension Request {
    /// The language of messages: `?lang=en`, else Chinese (the interface's).
    var lang: Lang { uri.queryParameters.get("lang") == "en" ? .en : .zh }
}
