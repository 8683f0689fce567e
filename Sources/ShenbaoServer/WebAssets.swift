import Foundation
import Hummingbird
import ShenbaoKit

/// The pages, scripts and styles of `templates/web/`, found as the other templates are
/// (`TemplatesFolder`) and read once at start: requests name an asset from this fixed set,
/// so no request path ever reaches the file system.
struct WebAssets: Sendable {
    struct Asset: Sendable {
        var bytes: ByteBuffer
        var contentType: String
    }

    /// Asset file name → its bytes.
    private(set) var files: [String: Asset] = [:]

    /// Page paths and the file each serves.
    static let pages: [String: String] = [
        "/": "index.html", "/apply": "apply.html", "/verify": "verify.html",
        "/endorse": "endorse.html", "/batch": "batch.html", "/login": "login.html",
    ]

    static let contentTypes: [String: String] = [
        "html": "text/html; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "css": "text/css; charset=utf-8", "svg": "image/svg+xml", "png": "image/png",
    ]

    /// Reads every file of `folder` (by default `templates/web`) with a known type.
    init(folder: URL = TemplatesFolder.url("web")) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        for name in names {
            let ext = (name as NSString).pathExtension
            guard let type = Self.contentTypes[ext] else { continue }
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            files[name] = Asset(bytes: ByteBuffer(bytes: data), contentType: type)
        }
    }

    /// The response for asset `name`, or nil when there is none.
    func response(_ name: String, status: HTTPResponse.Status = .ok) -> Response? {
        guard let asset = files[name] else { return nil }
        // Pages are small and change with the templates; a browser revalidates them each time.
        return Response(status: status, headers: [.contentType: asset.contentType, .cacheControl: "no-cache"],
                        body: ResponseBody(byteBuffer: asset.bytes))
    }
}
