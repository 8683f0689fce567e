import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import ShenbaoKit
import ShenbaoServer
import ShenbaoTestSupport

/// Builds the server's application for a test, as `shenbao serve` would with `configuration`.
func testApplication(_ configuration: ServerConfiguration = ServerConfiguration()) throws -> some ApplicationProtocol {
    Application(router: try WebServer.router(configuration))
}

/// The bundled sample application data.
let sampleApplication = try! Data(contentsOf: TestFolders.packageRoot.appendingPathComponent("templates/samples/application.yaml"))

/// The sample with the credit code's check character mistyped (…473 → …474).
var mistypedApplication: Data {
    Data(String(decoding: sampleApplication, as: UTF8.self).replacingOccurrences(of: "913101153325803473", with: "913101153325803474").utf8)
}

/// A multipart/form-data body of `parts` (name, file name, bytes) and its Content-Type.
func multipart(_ parts: [(name: String, filename: String, bytes: Data)]) -> (body: ByteBuffer, contentType: String) {
    let boundary = "----shenbao-test-boundary"
    var body = Data()
    for part in parts {
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\"; filename=\"\(part.filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += part.bytes
        body += Data("\r\n".utf8)
    }
    body += Data("--\(boundary)--\r\n".utf8)
    return (ByteBuffer(bytes: body), "multipart/form-data; boundary=\(boundary)")
}

/// The error document's id, or nil when the body is not one.
func errorID(_ body: ByteBuffer) -> String? {
    let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]
    return (object?["error"] as? [String: Any])?["id"] as? String
}

func jsonObject(_ body: ByteBuffer) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]) ?? [:]
}
