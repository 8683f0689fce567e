import Foundation
import ShenbaoFonts
import ShenbaoForms
import ShenbaoPrint

/// The department's endorsement of an applicant's pack (`spec/cli.md`, `endorse`), as `endorse`,
/// `batch --recommender` and the server make it: the opinion is validated like any opinion
/// sheet, must be about the pack's record, and is written into every copy's 推荐部门意见 box as
/// an incremental update, sealed and, with `signing`, signed over the whole file. Safe to use
/// from many threads.
public struct Endorser: Sendable {
    let endorser: PackEndorser
    let fonts: FontLibrary

    /// Throws `font.missing` (exit 2) when the main font is not installed.
    public init(fonts: FontLibrary? = nil) throws {
        self.fonts = try fonts ?? FontLibrary.standard()
        endorser = try PackEndorser(library: self.fonts)
    }

    /// The endorsed pack, and the opinion's warnings. Throws exit 2 for a pack shenbao did not
    /// write and exit 1 for an opinion with errors or about another record; `packFile` and the
    /// opinion's file name the inputs in messages. `issues` are the opinion's own, when the caller
    /// validated it already (a batch checks every opinion when it plans): it is not validated again.
    public func endorse(pack: Data, packFile: String?, opinion document: DataDocument, seal: SealImage?,
                        signing: PackSigning?, issues known: [Diagnostic]? = nil) throws -> PackRenderer.Output {
        let target = try EndorsablePack(bytes: [UInt8](pack), file: packFile)
        var issues = try known ?? validate(document)
        issues += Self.mismatches(document, record: target.record)
        if issues.hasErrors { throw ShenbaoFailure(.invalidData, issues) }
        let root = document.root
        func text(_ path: String) -> String { root.value(at: path)?.plainText ?? "" }
        guard let date = root.value(at: "date")?.civilDate else {
            throw ShenbaoFailure(.invalidData, [Diagnostic(id: .type, file: document.file, path: "date",
                                                            message: Localized(zh: "日期无效", en: "not a date"))])
        }
        let opinion = Opinion(decision: text("decision"), text: text("text"), department: text("recommender.name"), date: date)
        let bytes = try endorser.endorse(target, opinion: opinion, seal: seal, signature: signing?.request(form: "opinion"))
        return PackRenderer.Output(bytes: bytes, issues: issues)
    }

    /// Every issue of an opinion under the notice it names.
    func validate(_ document: DataDocument) throws -> [Diagnostic] {
        let validator = Validator(notice: try Validator.notice(for: document), glyphs: FontCoverage(library: fonts))
        return validator.validate(document, definition: try FormDefinition.load(name: "opinion"))
    }

    /// `endorse(pack:…)` of the pack at `path`, read under the same limit `verify` keeps.
    public func endorse(packAt path: String, opinion: DataDocument, seal: SealImage?, signing: PackSigning?) throws -> PackRenderer.Output {
        let bytes = try InputFile.read(path, limit: SignatureReport.maxPDFBytes, unreadable: .pdfNotPDF, tooLarge: .pdfTooLarge,
                                       limitText: SignatureReport.maxPDFText)
        return try endorse(pack: bytes, packFile: path, opinion: opinion, seal: seal, signing: signing)
    }

    /// The fields of the opinion's `application` that differ from the record the pack keeps.
    static func mismatches(_ document: DataDocument, record: PackRecord) -> [Diagnostic] {
        let checks: [(path: String, label: String, recorded: String, normalize: (String) -> String)] = [
            ("application.project_name", "项目名称", record.projectName, { $0.trimmingCharacters(in: .whitespaces) }),
            ("application.applicant_name", "申请单位", record.applicant, { $0.trimmingCharacters(in: .whitespaces) }),
            ("application.credit_code", "统一社会信用代码", record.creditCode, CreditCode.normalize),
        ]
        return checks.compactMap { check in
            let given = document.root.value(at: check.path)?.plainText ?? ""
            guard check.normalize(given) != check.normalize(check.recorded) else { return nil }
            return Diagnostic(id: .endorseMismatch, file: document.file, line: document.line(of: check.path), path: check.path,
                              label: check.label, message: Localized(
                zh: "推荐意见针对的不是这份申请表：意见中为“\(given)”，申请表中为“\(check.recorded)”",
                en: "the opinion is about another record: it gives \"\(given)\", the pack records \"\(check.recorded)\""))
        }
    }
}
