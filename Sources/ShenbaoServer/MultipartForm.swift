import Foundation

/// A `multipart/form-data` body (RFC 7578) split into its parts, bounded for hostile input: the
/// body is already limited by the server, and here the number of parts and the size of each
/// part's headers are too; anything malformed is refused as `http.bad_request` (400), never
/// guessed at.
struct MultipartForm: Sendable {
    struct Part: Sendable {
        var name: String
        var filename: String?
        var contentType: String?
        var body: Data
    }

    var parts: [Part]

    /// Forms here have three parts at most; more is not a browser's form.
    static let maxParts = 16
    /// A part's header block (Content-Disposition, Content-Type) is a few hundred bytes.
    static let maxHeaderBytes = 8 << 10

    /// The first part named `name`.
    func part(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// The boundary of a `multipart/form-data` content type, or nil for any other type.
    static func boundary(contentType: String) -> String? {
        let params = HeaderParameters(contentType)
        guard params.value.lowercased() == "multipart/form-data", let boundary = params["boundary"],
              (1...70).contains(boundary.utf8.count) else { return nil }
        return boundary
    }

    /// Splits `body` at `boundary`.
    init(body: Data, boundary: String) throws {
        let delimiter = Data(("--" + boundary).utf8)
        let crlf = Data("\r\n".utf8)
        let nextDelimiter = crlf + delimiter
        // The preamble before the first delimiter is ignored, as RFC 2046 §5.1.1 says.
        guard var cursor = body.range(of: delimiter)?.upperBound else { throw Self.malformed("no boundary found") }
        parts = []
        while true {
            if body[cursor...].starts(with: Data("--".utf8)) { return }
            guard body[cursor...].starts(with: crlf) else { throw Self.malformed("a boundary is not followed by a line break") }
            cursor += 2
            guard parts.count < Self.maxParts else { throw Self.malformed("more than \(Self.maxParts) parts") }
            let headerLimit = min(body.endIndex, cursor + Self.maxHeaderBytes)
            guard let headerEnd = body.range(of: crlf + crlf, in: cursor..<headerLimit) else {
                throw Self.malformed("a part's headers are missing or longer than \(Self.maxHeaderBytes) bytes")
            }
            guard let headerText = String(data: body[cursor..<headerEnd.lowerBound], encoding: .utf8) else {
                throw Self.malformed("a part's headers are not UTF-8")
            }
            guard let end = body.range(of: nextDelimiter, in: headerEnd.upperBound..<body.endIndex) else {
                throw Self.malformed("the body ends inside a part")
            }
            parts.append(try Self.part(headers: headerText, body: body[headerEnd.upperBound..<end.lowerBound]))
            cursor = end.upperBound
        }
    }

    static func part(headers: String, body: Data) throws -> Part {
        var disposition: HeaderParameters?
        var contentType: String?
        for line in headers.components(separatedBy: "\r\n") where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw malformed("a part's header line has no colon") }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            if name == "content-disposition" { disposition = HeaderParameters(value) }
            if name == "content-type" { contentType = value }
        }
        guard let disposition, disposition.value.lowercased() == "form-data", let name = disposition["name"] else {
            throw malformed("a part has no Content-Disposition: form-data with a name")
        }
        return Part(name: name, filename: disposition["filename"], contentType: contentType, body: Data(body))
    }

    static func malformed(_ what: String) -> APIError {
        .badRequest(zh: "multipart/form-data 请求格式错误：\(what)", en: "malformed multipart/form-data body: \(what)")
    }
}

/// A header value with `; key=value` parameters (`form-data; name="data"; filename="a.yaml"`),
/// values optionally quoted with backslash escapes (RFC 9110 §5.6.4); keys are case-insensitive.
struct HeaderParameters {
    var value: String
    private var parameters: [String: String] = [:]

    subscript(key: String) -> String? { parameters[key.lowercased()] }

    init(_ header: String) {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for ch in header {
            if escaped { current.append(ch); escaped = false; continue }
            if quoted && ch == "\\" { escaped = true; current.append(ch); continue }
            if ch == "\"" { quoted.toggle() }
            if ch == ";" && !quoted { fields.append(current); current = ""; continue }
            current.append(ch)
        }
        fields.append(current)
        value = fields[0].trimmingCharacters(in: .whitespaces)
        for field in fields.dropFirst() {
            guard let eq = field.firstIndex(of: "=") else { continue }
            let key = field[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            var raw = field[field.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if raw.count >= 2, raw.hasPrefix("\""), raw.hasSuffix("\"") {
                raw = String(raw.dropFirst().dropLast())
                var unescaped = ""
                var escape = false
                for ch in raw {
                    if escape { unescaped.append(ch); escape = false } else if ch == "\\" { escape = true } else { unescaped.append(ch) }
                }
                raw = unescaped
            }
            if parameters[key] == nil { parameters[key] = raw }
        }
    }
}
