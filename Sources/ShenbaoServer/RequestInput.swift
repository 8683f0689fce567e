import Foundation
import Hummingbird
import ShenbaoKit

/// What a request brings: its body read up to the server's limit (413 past it), and for the
/// routes that take files either the whole body as the data or a multipart form's parts.
struct RequestInput {
    var body: Data
    var form: MultipartForm?

    static func read(_ request: Request, limit: Int) async throws -> RequestInput {
        let buffer = try await request.body.collect(upTo: limit)
        let body = Data(buffer: buffer)
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/") else {
            return RequestInput(body: body, form: nil)
        }
        guard let boundary = MultipartForm.boundary(contentType: type) else {
            throw MultipartForm.malformed("the Content-Type is not multipart/form-data with a boundary")
        }
        return RequestInput(body: body, form: try MultipartForm(body: body, boundary: boundary))
    }

    /// The multipart part `name`, refused with 400 when absent.
    func requiredPart(_ name: String) throws -> MultipartForm.Part {
        guard let form else { throw APIError.badRequest(zh: "请以 multipart/form-data 上传，含 \(name) 部分", en: "send multipart/form-data with a part \(name)") }
        guard let part = form.part(name), !part.body.isEmpty else {
            throw APIError.badRequest(zh: "缺少上传的 \(name) 文件", en: "the upload lacks the part \(name)")
        }
        return part
    }

    /// The data document: the `data` part of a form, else the whole body (JSON or YAML).
    func dataDocument() throws -> DataDocument {
        let (bytes, name) = try form.map { _ in
            let part = try requiredPart("data")
            return (part.body, part.filename ?? "data")
        } ?? (body, "data")
        return try DataLoader.load(data: bytes, file: name, format: .detect)
    }

    /// The `seal` part as a seal image, if one was uploaded; refused past the CLI's size limit.
    func seal() throws -> SealImage? {
        guard let part = form?.part("seal"), !part.body.isEmpty else { return nil }
        guard part.body.count <= SealImage.maxBytes else {
            throw ShenbaoFailure.unusable(.sealUnreadable, file: part.filename, zh: "印章图片超过 16 MB 上限", en: "the seal image exceeds the 16 MB limit")
        }
        return SealImage(data: part.body, name: part.filename ?? "seal")
    }
}
