import Foundation
import ShenbaoForms
import ShenbaoSheets

/// The spreadsheet a district hands its applicants or fills itself (`shenbao batch-template`):
/// the form's Chinese labels as the header, drop-downs for every fixed value, a 填写说明 sheet.
/// What it writes, `batch` reads back unchanged.
public enum BatchTemplateFile {
    /// The workbook for `form` under the notice `notice` (by default the default notice).
    public static func workbook(form: String = "application", notice: String? = nil) throws -> Data {
        let definition = try FormDefinition.load(dataForm: form)
        let config = try NoticeConfig.load(id: notice ?? NoticeConfig.defaultID)
        return Data(BatchTemplate.workbook(definition: definition, notice: config))
    }
}
