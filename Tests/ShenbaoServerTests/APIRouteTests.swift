import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import ShenbaoKit
import ShenbaoServer
import ShenbaoTestSupport
import Testing

/// Every API route of spec/web.md answers as the command line would, through the real router.
@Suite struct APIRouteTests {
    @Test func healthz() async throws {
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "ok")
            }
        }
    }

    @Test func validateAnswersTheValidateJSONDocument() async throws {
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/api/validate", method: .post, body: ByteBuffer(bytes: sampleApplication)) { response in
                #expect(response.status == .ok)
                let files = jsonObject(response.body)["files"] as? [[String: Any]]
                #expect(files?.first?["valid"] as? Bool == true)
            }
            try await client.execute(uri: "/api/validate", method: .post, body: ByteBuffer(bytes: mistypedApplication)) { response in
                #expect(response.status == .ok)
                let issues = (jsonObject(response.body)["files"] as? [[String: Any]])?.first?["issues"] as? [[String: Any]]
                #expect(issues?.contains { $0["rule"] as? String == "credit_code.checksum" && $0["path"] as? String == "applicant.credit_code" } == true)
            }
        }
    }

    @Test func malformedDataIs400() async throws {
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/api/validate", method: .post, body: ByteBuffer(string: "a: [1, 2")) { response in
                #expect(response.status == .badRequest)
                #expect(errorID(response.body) == "data.syntax")
            }
        }
    }

    @Test func renderPDFAndDOCXWithChineseNames() async throws {
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/api/render/application?format=pdf", method: .post, body: ByteBuffer(bytes: sampleApplication)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/pdf")
                #expect(Data(buffer: response.body).starts(with: Data("%PDF-".utf8)))
                let disposition = response.headers[.contentDisposition] ?? ""
                #expect(disposition.contains("filename*=UTF-8''%E4%B8%8A%E6%B5%B7"), "\(disposition)")
                #expect(disposition.contains("filename=\"application.pdf\""))
            }
            let form = multipart([("data", "申请.yaml", sampleApplication)])
            try await client.execute(uri: "/api/render/application?format=docx&copies=1", method: .post,
                                     headers: [.contentType: form.contentType], body: form.body) { response in
                #expect(response.status == .ok)
                #expect(Data(buffer: response.body).starts(with: Data("PK".utf8)))
            }
        }
    }

    @Test func renderWithSealUpload() async throws {
        let seal = try Data(contentsOf: TestFolders.packageRoot.appendingPathComponent("templates/examples/公章.png"))
        let form = multipart([("data", "a.yaml", sampleApplication), ("seal", "公章.png", seal)])
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/api/render/application", method: .post, headers: [.contentType: form.contentType], body: form.body) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes > 0)
            }
        }
        let garbage = multipart([("data", "a.yaml", sampleApplication), ("seal", "x.png", Data("not an image".utf8))])
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/api/render/application", method: .post, headers: [.contentType: garbage.contentType], body: garbage.body) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func invalidDataIs422WithTheReportUnlessADraft() async throws {
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/api/render/application", method: .post, body: ByteBuffer(bytes: mistypedApplication)) { response in
                #expect(response.status == .unprocessableContent)
                let document = jsonObject(response.body)
                #expect((document["error"] as? [String: Any])?["id"] as? String == "credit_code.checksum")
                let issues = (document["files"] as? [[String: Any]])?.first?["issues"] as? [[String: Any]]
                #expect(issues?.first?["path"] as? String == "applicant.credit_code")
            }
            try await client.execute(uri: "/api/render/application?draft=1", method: .post, body: ByteBuffer(bytes: mistypedApplication)) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func renderRefusesBadParametersAndUnknownForms() async throws {
        try await testApplication().test(.router) { client in
            for query in ["format=odt", "copies=0", "copies=abc"] {
                try await client.execute(uri: "/api/render/application?\(query)", method: .post, body: ByteBuffer(bytes: sampleApplication)) { response in
                    #expect(response.status == .badRequest, "\(query)")
                    #expect(errorID(response.body) == "http.bad_request")
                }
            }
            for form in ["nope", "..%2F..%2Fetc%2Fpasswd", "%2Ftmp%2Fx.yaml"] {
                try await client.execute(uri: "/api/render/\(form)", method: .post, body: ByteBuffer(bytes: sampleApplication)) { response in
                    #expect(response.status == .notFound, "\(form)")
                }
            }
        }
    }

    @Test func verifyReportsAPDFAndRefusesGarbage() async throws {
        let pdf = try await testApplication().test(.router) { client in
            try await client.execute(uri: "/api/render/application", method: .post, body: ByteBuffer(bytes: sampleApplication)) { Data(buffer: $0.body) }
        }
        try await testApplication().test(.router) { client in
            let form = multipart([("file", "申请表.pdf", pdf)])
            try await client.execute(uri: "/api/verify", method: .post, headers: [.contentType: form.contentType], body: form.body) { response in
                #expect(response.status == .ok)
                let files = jsonObject(response.body)["files"] as? [[String: Any]]
                #expect(files?.first?["file"] as? String == "申请表.pdf")
                #expect((files?.first?["signatures"] as? [Any])?.isEmpty == true)
            }
            let garbage = multipart([("file", "x.pdf", Data(repeating: 0x41, count: 5000))])
            try await client.execute(uri: "/api/verify", method: .post, headers: [.contentType: garbage.contentType], body: garbage.body) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/api/verify", method: .post, body: ByteBuffer(string: "no form")) { response in
                #expect(response.status == .badRequest)
                #expect(errorID(response.body) == "http.bad_request")
            }
        }
    }

    @Test func definitionDescribesEveryFieldWithTheNoticesChoices() async throws {
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/api/definition/application", method: .get) { response in
                #expect(response.status == .ok)
                let document = jsonObject(response.body)
                let fields = document["fields"] as? [[String: Any]] ?? []
                #expect(fields.contains { $0["path"] as? String == "applicant.credit_code" && $0["label"] as? String == "统一社会信用代码" })
                let field = fields.first { $0["path"] as? String == "project.field" }
                #expect((field?["values"] as? [String])?.contains("公共服务领域") == true)
                let notice = document["notice"] as? [String: Any]
                #expect(notice?["deadline"] as? String == "2024-05-31")
                #expect((notice?["key_fields"] as? [Any])?.count == 7)
            }
            try await client.execute(uri: "/api/definition/nope", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test func dataAnswersTheDocumentAsJSON() async throws {
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/api/data", method: .post, body: ByteBuffer(bytes: sampleApplication)) { response in
                #expect(response.status == .ok)
                #expect((jsonObject(response.body)["applicant"] as? [String: Any])?["name"] as? String == "上海浦东智慧养老服务有限公司")
            }
        }
    }

    @Test func batchTemplateDownload() async throws {
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/api/batch-template.xlsx", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Data(buffer: response.body).starts(with: Data("PK".utf8)))
                #expect(response.headers[.contentDisposition]?.contains("filename*=UTF-8''") == true)
            }
        }
    }
}

/// `POST /api/endorse`: the Endorser on main, through a multipart upload.
@Suite struct EndorseRouteTests {
    @Test func endorsesAPackAndRefusesAMismatchOrGarbage() async throws {
        let opinion = try Data(contentsOf: TestFolders.packageRoot.appendingPathComponent("templates/samples/opinion.yaml"))
        try await testApplication().test(.router) { client in
            let pack = try await client.execute(uri: "/api/render/application", method: .post, body: ByteBuffer(bytes: sampleApplication)) { Data(buffer: $0.body) }
            let form = multipart([("pack", "申请表.pdf", pack), ("opinion", "意见.yaml", opinion)])
            try await client.execute(uri: "/api/endorse", method: .post, headers: [.contentType: form.contentType], body: form.body) { response in
                #expect(response.status == .ok)
                let endorsed = Data(buffer: response.body)
                #expect(endorsed.count > pack.count && endorsed.prefix(pack.count) == pack, "an incremental update keeps the pack's bytes")
                #expect(response.headers[.contentDisposition]?.contains("filename*=UTF-8''") == true)
            }
            let other = Data(String(decoding: opinion, as: UTF8.self).replacingOccurrences(of: "社区嵌入式养老服务标准化试点", with: "另一个项目").utf8)
            let mismatch = multipart([("pack", "申请表.pdf", pack), ("opinion", "意见.yaml", other)])
            try await client.execute(uri: "/api/endorse", method: .post, headers: [.contentType: mismatch.contentType], body: mismatch.body) {
                #expect($0.status == .unprocessableContent)
            }
            let garbage = multipart([("pack", "x.pdf", Data("%PDF-1.7 garbage".utf8)), ("opinion", "意见.yaml", opinion)])
            try await client.execute(uri: "/api/endorse", method: .post, headers: [.contentType: garbage.contentType], body: garbage.body) {
                #expect($0.status == .badRequest)
            }
        }
    }
}

/// `POST /api/batch` and the job's state, events and ZIP: the same BatchRunner as `shenbao batch`.
@Suite struct BatchRouteTests {
    @Test func aSheetBecomesAJobWithEveryRowAndAZip() async throws {
        let sheet = try Data(contentsOf: TestFolders.packageRoot.appendingPathComponent("Tests/ShenbaoSheetsTests/Fixtures/applicants-gb18030.csv"))
        let folder = try TestFolders.temporary("server-batch")
        try await testApplication(ServerConfiguration(dataDirectory: folder)).test(.router) { client in
            let form = multipart([("sheet", "申报汇总表.csv", sheet)])
            let id = try await client.execute(uri: "/api/batch", method: .post, headers: [.contentType: form.contentType], body: form.body) { response in
                #expect(response.status == .accepted)
                return jsonObject(response.body)["job"] as? String ?? ""
            }
            #expect(id.count == 32, "a 128-bit id in hex")
            var state: [String: Any] = [:]
            for _ in 0..<600 {
                state = try await client.execute(uri: "/api/batch/\(id)", method: .get) { jsonObject($0.body) }
                if state["state"] as? String != "running" { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(state["state"] as? String == "done", "\(state)")
            let records = state["records"] as? [[String: Any]] ?? []
            #expect(records.count == state["total"] as? Int && records.count > 60, "every row is listed")
            #expect(records.allSatisfy { ($0["source"] as? String)?.hasPrefix("申报汇总表.csv") == true }, "rows name the upload, not the server's folder")
            try await client.execute(uri: "/api/batch/\(id)/events", method: .get) { response in
                #expect(response.headers[.contentType] == "text/event-stream")
                let events = sentEvents(response.body)
                #expect(events.filter { $0.name == "record" }.count == records.count, "one event per row")
                #expect(String(buffer: response.body).hasPrefix("event: record\nid: 1\ndata: {\"row\": "))
                #expect(events.last?.name == "state" && events.last?.data["state"] as? String == "done")
            }
            let size = try await client.execute(uri: "/api/batch/\(id)/result.zip", method: .get) { response in
                #expect(response.status == .ok && Data(buffer: response.body).starts(with: Data("PK".utf8)))
                return response.body.readableBytes
            }
            // HEAD, as a download manager asks before fetching: GET's headers and length, no body.
            try await client.execute(uri: "/api/batch/\(id)/result.zip", method: .head) { response in
                #expect(response.status == .ok && response.body.readableBytes == 0)
                #expect(response.headers[.contentLength] == String(size) && response.headers[.contentType] == "application/zip")
            }
            try await client.execute(uri: "/api/batch/\(String(repeating: "0", count: 32))/result.zip", method: .head) {
                #expect($0.status == .notFound && $0.body.readableBytes == 0)
            }
            for bad in ["0123", String(repeating: "g", count: 32), "..%2F..%2Fetc"] {
                try await client.execute(uri: "/api/batch/\(bad)", method: .get) { #expect($0.status == .notFound) }
            }
            let wrong = multipart([("sheet", "notes.txt", Data("x".utf8))])
            try await client.execute(uri: "/api/batch", method: .post, headers: [.contentType: wrong.contentType], body: wrong.body) {
                #expect($0.status == .badRequest)
            }
        }
    }
}
