import Foundation
import Hummingbird
import ShenbaoKit

/// An API failure as web.md fixes it: an HTTP status and `{"error": {"id", "message"}}`, with
/// the id from the one diagnostic catalog. Engine failures map by their exit status (unusable
/// input 400, invalid data 422), so the web classifies a problem as the command line's exit
/// code does.
public struct APIError: Error, Sendable {
    public var status: HTTPResponse.Status
    public var id: Diagnostic.ID
    public var message: Localized
    /// Extra members of the error document (a 422's validation report: its `files`).
    var details: OrderedMap = OrderedMap()

    public init(_ status: HTTPResponse.Status, _ id: Diagnostic.ID, zh: String, en: String) {
        self.status = status
        self.id = id
        self.message = Localized(zh: zh, en: en)
    }

    /// An engine failure: its first diagnostic names it; every message is joined into one.
    init(_ failure: ShenbaoFailure, lang: Lang) {
        status = switch failure.status {
        case .invalidData: .unprocessableContent
        case .ok, .unusableInput, .usage: .badRequest
        }
        let first = failure.diagnostics.first
        id = first?.id ?? .internalError
        let zh = failure.diagnostics.map { $0.formatted(.zh) }.joined(separator: "\n")
        let en = failure.diagnostics.map { $0.formatted(.en) }.joined(separator: "\n")
        message = Localized(zh: zh, en: en)
    }

    /// The error document in `lang`.
    func json(_ lang: Lang) -> String {
        var document = OrderedMap([("error", ["id": .text(id.rawValue), "message": .text(message.text(lang))])])
        for (key, value) in details.pairs { document[key] = value }
        return JSONText.encode(.map(document))
    }

    /// The response: the document as JSON, never cached.
    func response(_ lang: Lang) -> Response {
        Response(status: status,
                 headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: json(lang))))
    }

    static func notFound() -> APIError {
        APIError(.notFound, .httpNotFound, zh: "没有这个页面或接口", en: "no such page or route")
    }

    static func badRequest(zh: String, en: String) -> APIError {
        APIError(.badRequest, .httpBadRequest, zh: zh, en: en)
    }
}
