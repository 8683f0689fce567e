import Foundation
import ShenbaoCore

/// What one call for applications fixes — deadline, key fields and directions, output levels,
/// project period, copies, recommenders, address, contacts, eligibility — read from a notice
/// file under `templates/notices/`, so that next year's call is a new file and not new code.
public struct NoticeConfig: Sendable, Hashable {
    /// A 重点领域 with its 重点方向 and the bureau's contact for it.
    public struct KeyField: Sendable, Hashable {
        public var name: String
        /// The notice's own sentence listing the directions, verbatim.
        public var text: String
        public var directions: [String]
        public var contact: Contact?
    }

    /// A person at the bureau, with the switchboard number and extension (`64220000 转 2527`).
    public struct Contact: Sendable, Hashable {
        public var name: String
        public var phone: String
        public var phoneExtension: String?
    }

    /// A project category; `isKey` marks the one that needs a field and directions (重点项目).
    public struct Category: Sendable, Hashable {
        public var name: String
        public var isKey: Bool
    }

    /// A kind of recommending body; `needsDistrict` marks 区市场监管局.
    public struct RecommenderKind: Sendable, Hashable {
        public var name: String
        public var needsDistrict: Bool
    }

    /// A declaration the applicant makes (`declarations.<key>`), in the notice's words.
    public struct Declaration: Sendable, Hashable {
        public var key: String
        public var label: String
        public var text: String
        /// A data path whose truthy value makes this declaration required; nil: always required.
        public var when: String?
        /// The rule id reporting it missing or false.
        public var rule: Diagnostic.ID
    }

    /// Where the paper copies go.
    public struct Submission: Sendable, Hashable {
        public var online: String?
        public var recipient: String
        public var address: String
        public var postcode: String
    }

    /// The region applicants register in: credit-code division codes and postal codes.
    public struct Region: Sendable, Hashable {
        public var name: String
        /// GB/T 2260 province code (`31`): positions 3–4 of a credit code.
        public var code: String
        /// City-level registration (`310000`): in the region, no district.
        public var cityCode: String
        public var postalCodePrefixes: [String]
        /// The landline area code (`021`): a 联系电话 is this and 8 digits.
        public var phoneAreaCode: String
        /// Division code → district name, in the file's order.
        public var districts: [(code: String, name: String)]

        public static func == (a: Region, b: Region) -> Bool {
            a.name == b.name && a.code == b.code && a.cityCode == b.cityCode
                && a.postalCodePrefixes == b.postalCodePrefixes
                && a.districts.map(\.code) == b.districts.map(\.code) && a.districts.map(\.name) == b.districts.map(\.name)
        }
        public func hash(into h: inout Hasher) { h.combine(code); h.combine(districts.map(\.code)) }

        /// The district a division code names, if it is a current district of the region.
        public func district(code: String) -> String? { districts.first { $0.code == code }?.name }
    }

    public var id: String
    public var title: String
    public var documentNumber: String
    public var issuer: String
    public var issuedOn: CivilDate?
    public var deadline: CivilDate
    public var categories: [Category]
    public var keyFields: [KeyField]
    public var outputLevels: [String]
    /// Project period in months, and the extension the bureau may grant.
    public var periodMonths: Int
    public var extensionMonths: Int
    public var copies: Int
    public var recommenderKinds: [RecommenderKind]
    public var submission: Submission
    public var eligibility: [Declaration]
    public var region: Region
    /// The file it was read from.
    public var file: String

    /// The field named `name`, if the notice lists it.
    public func keyField(named name: String) -> KeyField? { keyFields.first { $0.name == name } }

    /// Every direction of every field, in the notice's order.
    public var allDirections: [String] { keyFields.flatMap(\.directions) }

    /// The value lists a form definition can name with `values_from: notice.<name>`.
    public func values(named name: String) -> [String]? {
        switch name {
        case "categories": return categories.map(\.name)
        case "key_fields": return keyFields.map(\.name)
        case "directions": return allDirections
        case "output_levels": return outputLevels
        case "recommender_kinds": return recommenderKinds.map(\.name)
        case "districts": return region.districts.map(\.name)
        default: return nil
        }
    }

    /// The notice with this id, from `templates/notices/<id>.yaml`. Unknown id: exit 2.
    public static func load(id: String) throws -> NoticeConfig {
        if let cached = cache.withLock({ $0[id] }) { return cached }
        let safe = SafeName.isPlain(id)
        let url = TemplatesFolder.url("notices/\(id).yaml")
        guard safe, FileManager.default.fileExists(atPath: url.path) else {
            throw ShenbaoFailure.unusable(.noticeUnknown,
                zh: "未知的通知配置「\(id)」（在 \(TemplatesFolder.url("notices").path) 中找不到）",
                en: "unknown notice configuration “\(id)” (not found in \(TemplatesFolder.url("notices").path))")
        }
        let notice = try load(path: url.path)
        cache.withLock { $0[id] = notice }
        return notice
    }

    /// The notice data files are checked against when they name none: the one whose file says
    /// `default: true` (else the only notice there is), so next year's call changes no code.
    public static var defaultID: String {
        defaultNotice.withLock { known in
            if let known { return known }
            let dir = TemplatesFolder.url("notices")
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
            let marked = files.first { file in
                (try? DataLoader.load(path: dir.appendingPathComponent(file).path))?.root["default"] == .bool(true)
            }
            let id = String((marked ?? files.first ?? "shanghai-2024.yaml").dropLast(5))
            known = id
            return id
        }
    }

    private static let defaultNotice = Locked<String?>(nil)

    /// A notice file given by path (a test notice, next year's draft).
    public static func load(path: String) throws -> NoticeConfig {
        try NoticeConfig(reader: ConfigReader(path: path))
    }

    /// A notice from an already loaded document.
    public init(document: DataDocument) throws {
        try self.init(reader: ConfigReader(document: document))
    }

    init(reader r: ConfigReader) throws {
        file = r.document.file
        id = try r.text("id")
        title = try r.text("title")
        documentNumber = try r.text("document_number")
        issuer = try r.text("issuer")
        issuedOn = r.value("issued_on")?.civilDate
        deadline = try r.date("deadline")
        categories = try r.list("categories").enumerated().map { i, v in
            Category(name: try r.text("name", in: v, at: "categories.\(i + 1).name"), isKey: v["key"] == .bool(true))
        }
        keyFields = try r.list("key_fields").enumerated().map { i, v in
            let contact = try v["contact"].map { c in
                Contact(name: try r.text("name", in: c, at: "key_fields.\(i + 1).contact.name"),
                        phone: try r.text("phone", in: c, at: "key_fields.\(i + 1).contact.phone"),
                        phoneExtension: r.optionalText("extension", in: c))
            }
            return KeyField(name: try r.text("name", in: v, at: "key_fields.\(i + 1).name"),
                            text: r.optionalText("text", in: v) ?? "",
                            directions: try r.textList("directions", in: v, at: "key_fields.\(i + 1).directions"),
                            contact: contact)
        }
        outputLevels = try r.textList("output_levels")
        periodMonths = try r.integer("period.months")
        extensionMonths = (try? r.integer("period.extension_months")) ?? 0
        copies = try r.integer("copies")
        recommenderKinds = try r.list("recommender_kinds").enumerated().map { i, v in
            RecommenderKind(name: try r.text("name", in: v, at: "recommender_kinds.\(i + 1).name"),
                            needsDistrict: v["district"] == .bool(true))
        }
        submission = Submission(online: r.optionalText("submission.online"),
                                recipient: try r.text("submission.recipient"),
                                address: try r.text("submission.address"),
                                postcode: try r.text("submission.postcode"))
        eligibility = try r.list("eligibility").enumerated().map { i, v in
            let key = try r.text("key", in: v, at: "eligibility.\(i + 1).key")
            return Declaration(key: key, label: try r.text("label", in: v, at: "eligibility.\(i + 1).label"),
                               text: r.optionalText("text", in: v) ?? "",
                               when: r.optionalText("when", in: v),
                               rule: Diagnostic.ID(r.optionalText("rule", in: v) ?? "eligibility.\(key)"))
        }
        let districts = try r.map("region.districts").pairs.map { (code: $0.key, name: $0.value.plainText) }
        region = Region(name: try r.text("region.name"), code: try r.text("region.code"),
                        cityCode: try r.text("region.city_code"),
                        postalCodePrefixes: try r.textList("region.postal_code_prefixes"),
                        phoneAreaCode: try r.text("region.phone_area_code"),
                        districts: districts)
    }

    private static let cache = Locked<[String: NoticeConfig]>([:])
}

