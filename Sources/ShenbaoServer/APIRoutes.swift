import Foundation
import HTTPTypes
import Hummingbird
import ShenbaoKit

/// The JSON-over-HTTP API of spec/web.md: each route reads its input, calls the engine API the
/// command line calls, and answers its report or file. Nothing here validates or renders.
struct APIRoutes: Sendable {
    let configuration: ServerConfiguration
    /// One renderer per built-in form, made on first use: loading fonts and a layout is the
    /// costly part, and renderers are safe to share between requests.
    let renderers = Locked<[String: PackRenderer]>([:])
    /// The endorser, made on first use (it loads the fonts).
    let endorsers = Locked<[String: Endorser]>([:])
    /// The built-in forms, listed once (listing reads every layout).
    let forms: [Catalog.Form]
    let jobs: BatchJobs

    init(configuration: ServerConfiguration) {
        self.configuration = configuration
        forms = Catalog.forms
        jobs = BatchJobs(configuration: configuration)
    }

    func add(to router: Router<BasicRequestContext>) {
        router.get("/healthz") { _, _ in "ok" }
        router.post("/api/validate") { request, _ in try await validate(request) }
        router.post("/api/render/:form") { request, context in
            try await render(request, form: context.parameters.get("form") ?? "")
        }
        router.post("/api/verify") { request, _ in try await verify(request) }
        router.post("/api/endorse") { request, _ in try await endorse(request) }
        router.post("/api/batch") { request, _ in
            let input = try await RequestInput.read(request, limit: configuration.maxBodyBytes)
            let id = try jobs.start(sheet: try input.requiredPart("sheet"), recommender: input.form?.part("recommender"), lang: request.lang)
            var answer = json(JSONText.encode(.map(OrderedMap([("job", .text(id))]))))
            answer.status = .accepted
            return answer
        }
        router.get("/api/batch/:id") { _, context in
            guard let state = jobs.state(context.parameters.get("id") ?? "") else { throw APIError.notFound() }
            return json(JSONText.encode(state))
        }
        router.get("/api/batch/:id/events") { request, context in
            let id = context.parameters.get("id") ?? ""
            guard jobs.state(id) != nil else { throw APIError.notFound() }
            // A stream the browser resumes names the last record it had.
            let after = request.headers[.lastEventID].flatMap { Int($0) } ?? 0
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                            body: jobs.events(id, after: after))
        }
        router.get("/api/batch/:id/result.zip") { _, context in
            guard let url = jobs.zip(context.parameters.get("id") ?? "") else { throw APIError.notFound() }
            return file(try Data(contentsOf: url), name: "申报批量结果.zip", ascii: "batch.zip", type: "application/zip")
        }
        router.post("/api/data") { request, _ in
            // A data file opened in a page: parsed by the engine's loader (the browser has no YAML
            // reader), answered as JSON.
            let input = try await RequestInput.read(request, limit: configuration.maxBodyBytes)
            return json(JSONText.encode(try input.dataDocument().root))
        }
        router.get("/api/definition/:form") { request, context in
            json(try FormDescription.json(form: try builtInDataForm(context.parameters.get("form") ?? ""),
                                          notice: request.uri.queryParameters.get("notice")))
        }
        router.get("/api/batch-template.xlsx") { _, _ in
            file(try BatchTemplateFile.workbook(), name: "申报汇总表.xlsx", ascii: "batch-template.xlsx",
                 type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        }
    }

    /// `POST /api/validate`: the `validate --json` document, whatever the data's verdict (200);
    /// a body that is not data at all is 400, as `validate` exits 2.
    func validate(_ request: Request) async throws -> Response {
        let input = try await RequestInput.read(request, limit: configuration.maxBodyBytes)
        let body = try input.form.map { _ in try input.requiredPart("data").body } ?? input.body
        let report = ValidationReport.run(data: body, file: "data", form: request.uri.queryParameters.get("form"), notice: nil)
        if report.status == .unusableInput, let file = report.files.first {
            throw APIError(ShenbaoFailure(.unusableInput, file.issues), lang: request.lang)
        }
        return json(report.json(request.lang))
    }

    /// `POST /api/render/{form}?format=pdf|docx&copies=N&draft=1`: the print pack, or 422 with
    /// the validation report when the data has errors and it is no draft.
    func render(_ request: Request, form: String) async throws -> Response {
        let query = request.uri.queryParameters
        guard let format = OutputFormat(rawValue: query.get("format") ?? "pdf") else {
            throw APIError.badRequest(zh: "format 只能是 pdf 或 docx", en: "format must be pdf or docx")
        }
        var copies: Int?
        if let text = query.get("copies") {
            guard let n = Int(text), (1...99).contains(n) else {
                throw APIError.badRequest(zh: "copies 应为 1 到 99", en: "copies must be 1…99")
            }
            copies = n
        }
        let draft = query.get("draft") == "1" || query.get("draft") == "true"
        let renderer = try renderer(for: try builtInForm(form))
        let input = try await RequestInput.read(request, limit: configuration.maxBodyBytes)
        let document = try input.dataDocument()
        // The department's seal and key go on what the department issues, never on an applicant's pack.
        let departments = form == "opinion"
        let options = PrintOptions(copies: copies, seal: try input.seal() ?? (departments ? configuration.seal : nil), draft: draft)
        do {
            let signing = departments && format == .pdf ? configuration.signing : nil
            let output = try renderer.render(document, format: format, options: options, signing: signing)
            let type = format == .pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            return file(output.bytes, name: "\(renderer.title).\(format.rawValue)", ascii: "\(form).\(format.rawValue)", type: type)
        } catch let failure as ShenbaoFailure where failure.status == .invalidData {
            var error = APIError(failure, lang: request.lang)
            let report = ValidationReport(files: [.init(file: document.file, form: form, issues: failure.diagnostics, unusable: false)])
            error.details["files"] = report.value(request.lang)["files"]
            throw error
        }
    }

    /// `POST /api/verify` (multipart `file`): the `verify --json` document; 400 when the upload
    /// is no readable PDF, as `verify` exits 2.
    func verify(_ request: Request) async throws -> Response {
        let input = try await RequestInput.read(request, limit: configuration.maxBodyBytes)
        let part = try input.requiredPart("file")
        let report = await SignatureReport.run(pdf: part.body, file: part.filename ?? "file.pdf", trust: [])
        if let failure = report.files.first?.failure { throw APIError(failure, lang: request.lang) }
        return json(report.json(request.lang))
    }

    /// `POST /api/endorse` (multipart `pack`, `opinion`, optional `seal`): the endorsed pack, as
    /// `endorse` writes it; 422 when the opinion has errors or is about another record.
    func endorse(_ request: Request) async throws -> Response {
        let input = try await RequestInput.read(request, limit: configuration.maxBodyBytes)
        let pack = try input.requiredPart("pack")
        let opinionPart = try input.requiredPart("opinion")
        let opinion = try DataLoader.load(data: opinionPart.body, file: opinionPart.filename ?? "opinion", format: .detect)
        let endorser = try endorsers.value("") { try Endorser() }
        let output = try endorser.endorse(pack: pack.body, packFile: pack.filename ?? "pack.pdf", opinion: opinion,
                                          seal: try input.seal() ?? configuration.seal, signing: configuration.signing)
        return file(output.bytes, name: "申请表-已推荐.pdf", ascii: "endorsed.pdf", type: "application/pdf")
    }

    func renderer(for form: String) throws -> PackRenderer {
        try renderers.value(form) { try PackRenderer(form: form) }
    }

    /// A built-in form name; anything else (a layout path, `../x`) is no route of this server.
    func builtInForm(_ name: String) throws -> String {
        guard forms.contains(where: { $0.name == name }) else { throw APIError.notFound() }
        return name
    }

    /// A built-in form whose data has fields (`application`, `opinion`).
    func builtInDataForm(_ name: String) throws -> String {
        guard forms.contains(where: { $0.name == name && $0.definition != nil }) else {
            throw APIError.notFound()
        }
        return name
    }
}

extension HTTPField.Name {
    /// The header an `EventSource` resumes a stream with.
    static let lastEventID = HTTPField.Name("Last-Event-ID")!
}

/// A JSON answer.
func json(_ text: String) -> Response {
    Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
             body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
}

/// A download: its type, and its name in RFC 6266 form so Chinese names survive.
func file(_ bytes: Data, name: String, ascii: String, type: String) -> Response {
    Response(status: .ok,
             headers: [.contentType: type, .contentDisposition: ContentDisposition.attachment(filename: name, asciiFallback: ascii),
                       .cacheControl: "no-store"],
             body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
}
