import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import ShenbaoKit
@testable import ShenbaoServer
import ShenbaoTestSupport
import ShenbaoZip
import Testing

/// The rules of spec/web.md: tokens, body limits, origins, headers, hostile uploads, paths.
@Suite struct SecurityTests {
    static let protected = ServerConfiguration(host: "0.0.0.0", token: "s3cret-token-value")

    @Test func noTokenIs401WrongIs403() async throws {
        try await testApplication(Self.protected).test(.router) { client in
            try await client.execute(uri: "/api/validate", method: .post, body: ByteBuffer(bytes: sampleApplication)) { response in
                #expect(response.status == .unauthorized)
                #expect(errorID(response.body) == "http.unauthorized")
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/api/validate", method: .post, headers: [.authorization: "Bearer wrong"],
                                     body: ByteBuffer(bytes: sampleApplication)) { response in
                #expect(response.status == .forbidden)
                #expect(errorID(response.body) == "http.forbidden")
            }
            try await client.execute(uri: "/api/validate", method: .post, headers: [.authorization: "Bearer s3cret-token-value"],
                                     body: ByteBuffer(bytes: sampleApplication)) { #expect($0.status == .ok) }
            try await client.execute(uri: "/healthz", method: .get, headers: [.cookie: "a=b; shenbao_token=s3cret-token-value"]) {
                #expect($0.status == .ok)
            }
        }
    }

    @Test func aBrowserWithoutTheTokenGetsTheLoginPageAndItsCookie() async throws {
        try await testApplication(Self.protected).test(.router) { client in
            try await client.execute(uri: "/apply", method: .get, headers: [.accept: "text/html"]) { response in
                #expect(response.status == .unauthorized)
                #expect(String(buffer: response.body).contains("name=\"token\""))
            }
            try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "token=nope")) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "token=s3cret-token-value")) { response in
                #expect(response.status == .seeOther)
                let cookie = response.headers[.setCookie] ?? ""
                #expect(cookie.contains("shenbao_token=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "\(cookie)")
            }
        }
    }

    @Test func constantTimeComparisonIsExact() {
        #expect(AccessToken<BasicRequestContext>.constantTimeEqual("abc", "abc"))
        #expect(!AccessToken<BasicRequestContext>.constantTimeEqual("abd", "abc"))
        #expect(!AccessToken<BasicRequestContext>.constantTimeEqual("ab", "abc"))
        #expect(!AccessToken<BasicRequestContext>.constantTimeEqual("abcabc", "abc"))
        #expect(!AccessToken<BasicRequestContext>.constantTimeEqual("", "abc"))
    }

    @Test func bodiesOverTheLimitAre413() async throws {
        let big = ByteBuffer(repeating: UInt8(ascii: "a"), count: 25 << 20)
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/api/validate", method: .post, body: big) { response in
                #expect(response.status == .contentTooLarge)
                #expect(errorID(response.body) == "http.too_large")
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func crossOriginPostsAreRefused() async throws {
        try await testApplication().test(.router) { client in
            for headers: HTTPFields in [[.origin: "http://evil.example"], [.origin: "null"],
                                        [HTTPFields.Element.Name("Sec-Fetch-Site")!: "cross-site"]] {
                try await client.execute(uri: "/api/validate", method: .post, headers: headers, body: ByteBuffer(bytes: sampleApplication)) { response in
                    #expect(response.status == .forbidden)
                    #expect(errorID(response.body) == "http.cross_origin")
                }
            }
        }
    }

    @Test func pagesCarryTheSecurityHeaders() async throws {
        try await testApplication().test(.router) { client in
            for page in ["/", "/apply", "/verify", "/endorse", "/batch", "/assets/apply.js"] {
                try await client.execute(uri: page, method: .get) { response in
                    #expect(response.status == .ok, "\(page)")
                    #expect(response.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'self'") == true)
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                }
            }
            try await client.execute(uri: "/assets/apply.js", method: .get) { #expect($0.headers[.contentType]?.hasPrefix("text/javascript") == true) }
        }
    }

    @Test func hostileUploadsAre400AndTheServerKeepsServing() async throws {
        // A ZIP bomb: 64 MB of zeros in a few dozen kilobytes.
        var writer = ZipWriter()
        writer.add("xl/worksheets/sheet1.xml", contents: [UInt8](repeating: 0, count: 64 << 20))
        let bomb = Data(writer.finish())
        let garbage = Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 13) })
        try await testApplication().test(.router) { client in
            for upload in [bomb, garbage] {
                let pdf = multipart([("file", "x.pdf", upload)])
                try await client.execute(uri: "/api/verify", method: .post, headers: [.contentType: pdf.contentType], body: pdf.body) {
                    #expect($0.status == .badRequest)
                }
                try await client.execute(uri: "/api/validate", method: .post, body: ByteBuffer(bytes: upload)) { #expect($0.status == .badRequest) }
                let sealed = multipart([("data", "a.yaml", sampleApplication), ("seal", "s.png", upload)])
                try await client.execute(uri: "/api/render/application", method: .post, headers: [.contentType: sealed.contentType], body: sealed.body) {
                    #expect($0.status == .badRequest)
                }
            }
            try await client.execute(uri: "/api/validate", method: .post, headers: [.contentType: "multipart/form-data; boundary=x"],
                                     body: ByteBuffer(string: "--x\r\nContent-Disposition: form-data; name=\"data\"\r\n\r\nunterminated")) {
                #expect($0.status == .badRequest)
                #expect(errorID($0.body) == "http.bad_request")
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func traversalInPathsIs404() async throws {
        try await testApplication().test(.router) { client in
            for path in ["/api/batch/..%2F..%2Fetc%2Fpasswd", "/api/batch/../../etc/passwd/result.zip", "/assets/..%2Fdefinitions%2Fapplication.yaml",
                         "/assets/../../Package.swift", "/api/definition/..%2Fnotices%2Fshanghai-2024"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .notFound, "\(path)")
                    #expect(errorID(response.body) == "http.not_found")
                }
            }
        }
    }

    /// On loopback the Host must be a loopback name: a rebinding page's own name is refused.
    /// (The router tests always send `localhost`; the browser test sends a foreign Host for real.)
    @Test func loopbackHostNames() {
        #expect(SameOrigin<BasicRequestContext>.hostname(of: "127.0.0.1:8080") == "127.0.0.1")
        #expect(SameOrigin<BasicRequestContext>.hostname(of: "[::1]:8080") == "[::1]")
        for host in ["127.0.0.1", "localhost", "[::1]", "127.0.0.2"] { #expect(ServerConfiguration.isLoopback(host)) }
        for host in ["evil.example", "0.0.0.0", "192.168.1.2", "localhost.evil.example"] { #expect(!ServerConfiguration.isLoopback(host)) }
    }
}
