/// Every diagnostic id the code reports, with what it means: the one catalog, shown in
/// `docs/diagnostics.md` (generated from this file by `DiagnosticCatalogTests`, which also checks
/// that no id is used that is missing here).
///
/// Ids are grouped by the part of the input they are about: a prefix for files and tools
/// (`data.`, `sheet.`, `zip.`, `docx.`, `template.`, `layout.`, `font.`, `image.`, `output.`, `sign.`), and the rule
/// ids of `spec/data-model.md` for data that breaks the notice's rules.
extension Diagnostic.ID {
    public static let batchEmpty = Diagnostic.ID("batch.empty", meaning: "the batch input holds no record (no data row, or no data file in the folder)")
    public static let batchInputChanged = Diagnostic.ID("batch.input_changed", meaning: "a record's data file changed while the batch ran, after it was checked; the record is failed, run the batch again")
    public static let batchLocked = Diagnostic.ID("batch.locked", meaning: "another batch is writing into the same output folder; wait for it or choose another folder")
    public static let batchRecommender = Diagnostic.ID("batch.recommender", meaning: "the --recommender data cannot serve every record: it has errors of its own, or an application part the records supply")
    public static let configInvalid = Diagnostic.ID("config.invalid", meaning: "an entry of a notice, definition or font configuration is missing or malformed")
    public static let contactUnreachable = Diagnostic.ID("contact.unreachable", meaning: "none of a group of contact fields (phone, mobile, e-mail) is given")
    public static let creditCodeChecksum = Diagnostic.ID("credit_code.checksum", meaning: "the credit code's check character should be …, not …; check the code for a typo")
    public static let creditCodeDistrict = Diagnostic.ID("credit_code.district", meaning: "the credit code was registered in …, but the district given is …; check the district")
    public static let creditCodeFormat = Diagnostic.ID("credit_code.format", meaning: "credit code … is malformed: …")
    public static let creditCodeRegion = Diagnostic.ID("credit_code.region", meaning: "the credit code was registered outside … (division …); make sure the unit is registered here")
    public static let dataAlias = Diagnostic.ID("data.alias", meaning: "unresolved YAML alias")
    public static let dataEmpty = Diagnostic.ID("data.empty", meaning: "the data file is empty")
    public static let dataEncoding = Diagnostic.ID("data.encoding", meaning: "not valid UTF-8 text (byte …)")
    public static let dataFormat = Diagnostic.ID("data.format", meaning: "unsupported data file type (expected .json, .yaml or .yml)")
    public static let dataSyntax = Diagnostic.ID("data.syntax", meaning: "malformed JSON: …")
    public static let dataTooDeep = Diagnostic.ID("data.too_deep", meaning: "data nested deeper than … levels; refused")
    public static let dataTooLarge = Diagnostic.ID("data.too_large", meaning: "data file exceeds the … MB limit")
    public static let dataTooManyValues = Diagnostic.ID("data.too_many_values", meaning: "more than … values (YAML aliases expanding too far); refused")
    public static let dataUnreadable = Diagnostic.ID("data.unreadable", meaning: "cannot read the data file")
    public static let deadline = Diagnostic.ID("deadline", meaning: "a date is after the notice deadline")
    public static let docxBadImage = Diagnostic.ID("docx.bad_image", meaning: "image \"…\" …")
    public static let docxDtd = Diagnostic.ID("docx.dtd", meaning: "… contains a DTD or entity declaration (DOCTYPE/ENTITY); the template is refused for safety")
    public static let docxNoMainPart = Diagnostic.ID("docx.no_main_part", meaning: "the Word package has no main document part")
    public static let docxNotWord = Diagnostic.ID("docx.not_word", meaning: "the file is a ZIP package but not a Word document")
    public static let docxPartTooLarge = Diagnostic.ID("docx.part_too_large", meaning: "… expands beyond … MB; refused")
    public static let docxTooDeep = Diagnostic.ID("docx.too_deep", meaning: "… nests elements deeper than … levels; refused")
    public static let docxXml = Diagnostic.ID("docx.xml", meaning: "cannot create an XML parser")
    public static let duplicate = Diagnostic.ID("duplicate", meaning: "the same credit code and project name appear more than once in one batch")
    public static let eligibilityFamily = Diagnostic.ID("eligibility.*", meaning: "a declaration of the notice's conditions is missing or false (one id per declaration: eligibility.<key>)")
    public static let emailFormat = Diagnostic.ID("email.format", meaning: "e-mail address … is malformed; write it like name@example.cn")
    public static let endorseMismatch = Diagnostic.ID("endorse.mismatch", meaning: "the opinion is about another record: its project name, applicant or credit code differs from the pack's")
    public static let endorseNotPack = Diagnostic.ID("endorse.not_pack", meaning: "the PDF is not an application pack shenbao wrote (it records no 推荐部门意见 box), so it cannot be endorsed")
    public static let `enum` = Diagnostic.ID("enum", meaning: "a value is not one of the field's allowed choices")
    public static let fillDuplicateOutput = Diagnostic.ID("fill.duplicate_output", meaning: "same name as another data file; … would be overwritten, skipped")
    public static let fillFailed = Diagnostic.ID("fill.failed", meaning: "filling a document failed for a reason no other id names")
    public static let fillOutput = Diagnostic.ID("fill.output", meaning: "with several DATA files, -o must name an output folder")
    public static let fontMissing = Diagnostic.ID("font.missing", meaning: "the default CJK font … is missing; install the Debian package: sudo apt-get install …")
    public static let fontRecord = Diagnostic.ID("font.record", meaning: "the font record lacks id, family, files or package")
    public static let fontSubsetFailed = Diagnostic.ID("font.subset_failed", meaning: "cannot subset the font … for the PDF; use another font")
    public static let fontUnreadable = Diagnostic.ID("font.unreadable", meaning: "cannot read the font file; check that it exists and is readable")
    public static let formUnknown = Diagnostic.ID("form.unknown", meaning: "the form is neither a built-in form nor a layout file")
    public static let formUnreadable = Diagnostic.ID("form.unreadable", meaning: "form layout file not found")
    public static let glyphMissing = Diagnostic.ID("glyph.missing", meaning: "no available font has these characters, which would print as boxes: …; use other characters or add a font")
    public static let httpBadRequest = Diagnostic.ID("http.bad_request", meaning: "the request is malformed (a multipart body, a parameter or a missing part); the message says which")
    public static let httpCrossOrigin = Diagnostic.ID("http.cross_origin", meaning: "a state-changing request from another origin is refused")
    public static let httpForbidden = Diagnostic.ID("http.forbidden", meaning: "the access token is wrong")
    public static let httpNotFound = Diagnostic.ID("http.not_found", meaning: "no such page, route, form or job")
    public static let httpTooLarge = Diagnostic.ID("http.too_large", meaning: "the request body exceeds the server's limit")
    public static let httpUnauthorized = Diagnostic.ID("http.unauthorized", meaning: "the server needs an access token: log in, or send Authorization: Bearer")
    public static let imageMalformed = Diagnostic.ID("image.malformed", meaning: "cannot read the PNG image (…); export it again")
    public static let imageUnsupported = Diagnostic.ID("image.unsupported", meaning: "unsupported image format: use JPEG or PNG")
    public static let internalError = Diagnostic.ID("internal", meaning: "an unexpected error; the message carries its cause (please report it)")
    public static let keyProjectDirection = Diagnostic.ID("key_project.direction", meaning: "a direction that is not one of the chosen key field's directions in the notice")
    public static let keyProjectField = Diagnostic.ID("key_project.field", meaning: "a key field (重点领域) the notice does not list")
    public static let layoutAlign = Diagnostic.ID("layout.align", meaning: "align must be left, center, right or justify")
    public static let layoutBlock = Diagnostic.ID("layout.block", meaning: "a block must be a map (title, heading, text, table, signature…)")
    public static let layoutBlocks = Diagnostic.ID("layout.blocks", meaning: "missing the blocks list")
    public static let layoutBorder = Diagnostic.ID("layout.border", meaning: "border must be box, bottom or none")
    public static let layoutCell = Diagnostic.ID("layout.cell", meaning: "a cell needs label, caption, text or blocks")
    public static let layoutColumns = Diagnostic.ID("layout.columns", meaning: "columns must be a list of positive numbers")
    public static let layoutCopies = Diagnostic.ID("layout.copies", meaning: "copies must be an integer from 1 to 99")
    public static let layoutLength = Diagnostic.ID("layout.length", meaning: "a length must be a number (points) or a number with mm, pt or cm: …")
    public static let layoutNestedEach = Diagnostic.ID("layout.nested_each", meaning: "each groups cannot be nested")
    public static let layoutPage = Diagnostic.ID("layout.page", meaning: "page must be a4 or a4-landscape")
    public static let layoutRow = Diagnostic.ID("layout.row", meaning: "a row must be a list of cells or a map with cells")
    public static let layoutSeal = Diagnostic.ID("layout.seal", meaning: "the seal is at most 45 mm across")
    public static let layoutShape = Diagnostic.ID("layout.shape", meaning: "a form layout must be a map (form, title, blocks…)")
    public static let layoutSignature = Diagnostic.ID("layout.signature", meaning: "a signature block needs a lines list")
    public static let layoutSpan = Diagnostic.ID("layout.span", meaning: "this row spans … columns; the table has …")
    public static let layoutTable = Diagnostic.ID("layout.table", meaning: "a table needs columns (widths) and rows")
    public static let layoutUnknownLabel = Diagnostic.ID("layout.unknown_label", meaning: "the form definition … has no label for …; check the path or use caption for fixed text")
    public static let layoutValign = Diagnostic.ID("layout.valign", meaning: "valign must be top, middle or bottom")
    public static let mobileFormat = Diagnostic.ID("mobile.format", meaning: "mobile number … is malformed; it has 11 digits starting 13–19 (+86 allowed)")
    public static let noticeUnknown = Diagnostic.ID("notice.unknown", meaning: "no notice configuration has this id")
    public static let noticeUnreadable = Diagnostic.ID("notice.unreadable", meaning: "the notice configuration could not be read")
    public static let opinionDecision = Diagnostic.ID("opinion.decision", meaning: "an opinion that does not recommend must say why")
    public static let outputFormat = Diagnostic.ID("output.format", meaning: "the output must end in .pdf or .docx")
    public static let outputIsInput = Diagnostic.ID("output.is_input", meaning: "an output names one of the inputs (directly, by another path or through a link); refused")
    public static let outputWrite = Diagnostic.ID("output.write", meaning: "an output file or folder could not be written")
    public static let outputsNone = Diagnostic.ID("outputs.none", meaning: "no expected output is given; at least one is needed")
    public static let pdfEncrypted = Diagnostic.ID("pdf.encrypted", meaning: "the PDF is encrypted (/Encrypt); it cannot be read or verified without its password, so it is refused")
    public static let pdfMalformed = Diagnostic.ID("pdf.malformed", meaning: "damaged PDF file: … (a cross-reference, object or stream that cannot be read)")
    public static let pdfNotPDF = Diagnostic.ID("pdf.not_pdf", meaning: "not a PDF file (no %PDF- header in its first 1024 bytes)")
    public static let pdfTooDeep = Diagnostic.ID("pdf.too_deep", meaning: "PDF objects nest deeper than … levels, or references chain further than …; refused")
    public static let pdfTooLarge = Diagnostic.ID("pdf.too_large", meaning: "the PDF would expand beyond … MB, or holds more objects or revisions than …; refused (possible decompression bomb)")
    public static let pdfUnsupported = Diagnostic.ID("pdf.unsupported", meaning: "the PDF uses a stream filter or predictor the reader does not decode (only FlateDecode with PNG predictors)")
    public static let periodOrder = Diagnostic.ID("period.order", meaning: "the end date … must be after the start date …")
    public static let periodTooLong = Diagnostic.ID("period.too_long", meaning: "the period is longer than the notice's …; the end date may be … at the latest, not …")
    public static let phoneFormat = Diagnostic.ID("phone.format", meaning: "phone number … is malformed; write 021-XXXXXXXX (8 digits, extension allowed, e.g. 021-64220000-2527) or a mobile")
    public static let postalCodeFormat = Diagnostic.ID("postal_code.format", meaning: "postal code … is malformed; it has 6 digits")
    public static let postalCodeRegion = Diagnostic.ID("postal_code.region", meaning: "the postal code is not in the notice's region")
    public static let rankDuplicate = Diagnostic.ID("rank.duplicate", meaning: "rank … is used by another record of the same recommender (also …); each rank once")
    public static let recommenderDistrict = Diagnostic.ID("recommender.district", meaning: "the recommender's district is not a district of the notice's region")
    public static let renderDuplicateOutput = Diagnostic.ID("render.duplicate_output", meaning: "same name as another data file; … would be overwritten, skipped")
    public static let renderFailed = Diagnostic.ID("render.failed", meaning: "rendering a form failed for a reason no other id names")
    public static let required = Diagnostic.ID("required", meaning: "a required field is missing")
    public static let sealUnreadable = Diagnostic.ID("seal.unreadable", meaning: "cannot read the seal image")
    public static let sheetDtd = Diagnostic.ID("sheet.dtd", meaning: "a part of the workbook contains a DTD or entity declaration (DOCTYPE/ENTITY); the workbook is refused for safety")
    public static let sheetEncoding = Diagnostic.ID("sheet.encoding", meaning: "the CSV is neither UTF-8 nor GB18030 text (byte …); save it again as CSV UTF-8")
    public static let sheetFormat = Diagnostic.ID("sheet.format", meaning: "not a spreadsheet this reads: .csv or .xlsx expected (an .xls or a password-protected workbook must be saved as .xlsx)")
    public static let sheetHeader = Diagnostic.ID("sheet.header", meaning: "the header row is missing, or two columns name the same field")
    public static let sheetMalformed = Diagnostic.ID("sheet.malformed", meaning: "the spreadsheet is damaged: malformed XML, a bad cell reference, an unclosed quote …")
    public static let sheetNotFound = Diagnostic.ID("sheet.not_found", meaning: "the workbook has no sheet of that name (the message lists its sheets), or no worksheet at all")
    public static let sheetRagged = Diagnostic.ID("sheet.ragged", meaning: "a CSV row has more or fewer cells than the header; missing cells are read as empty")
    public static let sheetRow = Diagnostic.ID("sheet.row", meaning: "a row cannot be read into a record (malformed JSON in a list cell, an impossible date …); the other rows go on")
    public static let sheetTooLarge = Diagnostic.ID("sheet.too_large", meaning: "the spreadsheet exceeds the … MB, … rows or … columns limit; refused")
    public static let sheetUnknownColumn = Diagnostic.ID("sheet.unknown_column", meaning: "a column whose header is neither a data path nor a label of the form; its cells are ignored")
    public static let sheetUnreadable = Diagnostic.ID("sheet.unreadable", meaning: "cannot read the spreadsheet file")
    public static let signCertificateExpired = Diagnostic.ID("sign.certificate_expired", meaning: "the signer's certificate is expired or not yet valid at the signing time")
    public static let signCertificateMissing = Diagnostic.ID("sign.certificate_missing", meaning: "no certificate for the signing key: give --sign-cert, or a PKCS#12 file or token that holds one")
    public static let signCertificateUnreadable = Diagnostic.ID("sign.certificate_unreadable", meaning: "cannot read the certificate or chain file (PEM or DER X.509 expected)")
    public static let signCMSMalformed = Diagnostic.ID("sign.cms_malformed", meaning: "a signature's CMS data is malformed or not a SignedData")
    public static let signKeyMismatch = Diagnostic.ID("sign.key_mismatch", meaning: "the private key does not belong to the certificate")
    public static let signKeyUnreadable = Diagnostic.ID("sign.key_unreadable", meaning: "cannot read the signing key (PEM, PKCS#12 or a pkcs11: URI expected)")
    public static let signKeyUsage = Diagnostic.ID("sign.key_usage", meaning: "the certificate's key usage allows neither digitalSignature nor nonRepudiation")
    public static let signLegacyPKCS12 = Diagnostic.ID("sign.legacy_pkcs12", meaning: "a PKCS#12 file encrypted with RC2/3DES/RC4 (legacy); convert it with the openssl pkcs12 command given")
    public static let signPassphrase = Diagnostic.ID("sign.passphrase", meaning: "the passphrase or PIN is wrong, or none was given for an encrypted key or a token")
    public static let signPinInURI = Diagnostic.ID("sign.pin_in_uri", meaning: "a pkcs11: URI with pin-value is refused; give the PIN in a file or SHENBAO_SIGN_PIN")
    public static let signFormat = Diagnostic.ID("sign.format", meaning: "only a PDF can be signed; a DOCX carries no PAdES signature")
    public static let signToken = Diagnostic.ID("sign.token", meaning: "the PKCS#11 module, token or key object cannot be used")
    public static let signUnsupportedAlgorithm = Diagnostic.ID("sign.unsupported_algorithm", meaning: "a key or signature algorithm other than RSA or ECDSA with SHA-256 (Ed25519, DSA, SM2, RSA-PSS…)")
    public static let signUnsupportedCurve = Diagnostic.ID("sign.unsupported_curve", meaning: "an ECDSA key on a curve other than P-256 or P-384")
    public static let signWeakKey = Diagnostic.ID("sign.weak_key", meaning: "an RSA key under 2048 bits")
    public static let socialPublicServiceGovernmentLed = Diagnostic.ID("social_public_service.government_led", meaning: "a 社会管理与公共服务 pilot must be led by a government body")
    public static let staffNone = Diagnostic.ID("staff.none", meaning: "the unit has no full-time standardization staff")
    public static let templateMalformedTag = Diagnostic.ID("template.malformed_tag", meaning: "tag is never closed with …")
    public static let templateMismatchedClose = Diagnostic.ID("template.mismatched_close", meaning: "closing tag \"…\" does not match the open section \"…\"")
    public static let templateMissingValue = Diagnostic.ID("template.missing_value", meaning: "no value in the data (used at … of the template)")
    public static let templateMoneyRange = Diagnostic.ID("template.money_range", meaning: "cn_money was given a number it cannot write in 人民币大写 (infinite, not a number, or 10^16 yuan or more)")
    public static let templateOutputTooLarge = Diagnostic.ID("template.output_too_large", meaning: "the output exceeds … MB (sections or partials multiply too far); stopped")
    public static let templatePartialDepth = Diagnostic.ID("template.partial_depth", meaning: "partial \"…\" nested deeper than … levels or included more than … times")
    public static let templatePartialInDocx = Diagnostic.ID("template.partial_in_docx", meaning: "partials (\"…\") cannot be used in a Word template")
    public static let templateSectionStructure = Diagnostic.ID("template.section_structure", meaning: "section \"…\" overlaps another section or a table and cannot be repeated (\"…\")")
    public static let templateTagWithoutData = Diagnostic.ID("template.tag_without_data", meaning: "the tag at … of the template has no value in the data")
    public static let templateTooDeep = Diagnostic.ID("template.too_deep", meaning: "sections and partials nest deeper than the limit (100 levels)")
    public static let templateTooLarge = Diagnostic.ID("template.too_large", meaning: "template file exceeds 100 MB; refused")
    public static let templateUnclosedSection = Diagnostic.ID("template.unclosed_section", meaning: "section \"…\" is never closed")
    public static let templateUnknownFilter = Diagnostic.ID("template.unknown_filter", meaning: "a template uses a filter that does not exist")
    public static let templateUnopenedClose = Diagnostic.ID("template.unopened_close", meaning: "closing tag \"…\" has no opening section")
    public static let templateUnreadable = Diagnostic.ID("template.unreadable", meaning: "cannot read the template (UTF-8 text expected)")
    public static let templateUnusedData = Diagnostic.ID("template.unused_data", meaning: "no tag uses this data field")
    public static let textControlCharacter = Diagnostic.ID("text.control_character", meaning: "text holds control characters XML and print cannot hold; they are dropped (vertical tab and form feed become line breaks)")
    public static let textTooLong = Diagnostic.ID("text.too_long", meaning: "… characters, more than the limit of …; cut …")
    public static let type = Diagnostic.ID("type", meaning: "a value has the wrong type for its field")
    public static let usageArgument = Diagnostic.ID("usage.argument", meaning: "wrong use of the command line (an argument or option is missing or malformed)")
    public static let usageFormat = Diagnostic.ID("usage.format", meaning: "--format must be pdf or docx")
    public static let zipCorrupt = Diagnostic.ID("zip.corrupt", meaning: "damaged ZIP file: …")
    public static let zipDuplicateEntry = Diagnostic.ID("zip.duplicate_entry", meaning: "entry … appears twice; refused")
    public static let zipNotZip = Diagnostic.ID("zip.not_zip", meaning: "not a ZIP file (a .docx is a ZIP package)")
    public static let zipRatio = Diagnostic.ID("zip.ratio", meaning: "entry … is compressed more than 100:1 and larger than 10 MB; refused (possible zip bomb)")
    public static let zipTooLarge = Diagnostic.ID("zip.too_large", meaning: "would expand beyond 200 MB; refused (possible zip bomb)")
    public static let zipUnsupported = Diagnostic.ID("zip.unsupported", meaning: "ZIP64 archives are not supported")

    /// The whole catalog, sorted by id.
    public static let catalog: [Diagnostic.ID] = [
        .batchEmpty, .batchInputChanged, .batchLocked, .batchRecommender, .configInvalid, .contactUnreachable, .creditCodeChecksum, .creditCodeDistrict,
        .creditCodeFormat, .creditCodeRegion, .dataAlias, .dataEmpty, .dataEncoding, .dataFormat, .dataSyntax,
        .dataTooDeep, .dataTooLarge, .dataTooManyValues, .dataUnreadable, .deadline, .docxBadImage,
        .docxDtd, .docxNoMainPart, .docxNotWord, .docxPartTooLarge, .docxTooDeep, .docxXml, .duplicate,
        .eligibilityFamily, .emailFormat, .endorseMismatch, .endorseNotPack, .`enum`, .fillDuplicateOutput, .fillFailed, .fillOutput,
        .fontMissing, .fontRecord, .fontSubsetFailed, .fontUnreadable, .formUnknown, .formUnreadable,
        .glyphMissing, .httpBadRequest, .httpCrossOrigin, .httpForbidden, .httpNotFound, .httpTooLarge,
        .httpUnauthorized, .imageMalformed, .imageUnsupported, .internalError, .keyProjectDirection,
        .keyProjectField, .layoutAlign, .layoutBlock, .layoutBlocks, .layoutBorder, .layoutCell,
        .layoutColumns, .layoutCopies, .layoutLength, .layoutNestedEach, .layoutPage, .layoutRow,
        .layoutSeal, .layoutShape, .layoutSignature, .layoutSpan, .layoutTable, .layoutUnknownLabel,
        .layoutValign, .mobileFormat, .noticeUnknown, .noticeUnreadable, .opinionDecision,
        .outputFormat, .outputIsInput, .outputWrite, .outputsNone, .pdfEncrypted, .pdfMalformed, .pdfNotPDF,
        .pdfTooDeep, .pdfTooLarge, .pdfUnsupported, .periodOrder, .periodTooLong, .phoneFormat,
        .postalCodeFormat, .postalCodeRegion, .rankDuplicate, .recommenderDistrict,
        .renderDuplicateOutput, .renderFailed, .required, .sealUnreadable,
        .sheetDtd, .sheetEncoding, .sheetFormat, .sheetHeader, .sheetMalformed, .sheetNotFound,
        .sheetRagged, .sheetRow, .sheetTooLarge, .sheetUnknownColumn, .sheetUnreadable, .signCertificateExpired,
        .signCertificateMissing, .signCertificateUnreadable, .signCMSMalformed, .signFormat, .signKeyMismatch,
        .signKeyUnreadable, .signKeyUsage, .signLegacyPKCS12, .signPassphrase, .signPinInURI, .signToken,
        .signUnsupportedAlgorithm, .signUnsupportedCurve, .signWeakKey,
        .socialPublicServiceGovernmentLed, .staffNone, .templateMalformedTag, .templateMismatchedClose,
        .templateMissingValue, .templateMoneyRange, .templateOutputTooLarge, .templatePartialDepth, .templatePartialInDocx,
        .templateSectionStructure, .templateTagWithoutData, .templateTooDeep, .templateTooLarge, .templateUnclosedSection,
        .templateUnknownFilter, .templateUnopenedClose, .templateUnreadable, .templateUnusedData,
        .textControlCharacter, .textTooLong, .type, .usageArgument, .usageFormat, .zipCorrupt, .zipDuplicateEntry, .zipNotZip,
        .zipRatio, .zipTooLarge, .zipUnsupported,
    ]
}
