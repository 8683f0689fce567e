import ShenbaoCore

/// `postal_code.format` (six digits, error) and, on fields with `check_region`,
/// `postal_code.region` (not one of the notice region's prefixes, `20[0-2]xxx`; warning).
public struct PostalCodeRule: ValidationRule {
    public init() {}
    public var ids: [Diagnostic.ID] { [.postalCodeFormat, .postalCodeRegion] }

    public func check(_ context: RuleContext) -> [Diagnostic] {
        context.fields { $0.format == .postalCode }.compactMap { field, path, value in
            guard let text = value?.scalarText, !(value?.isBlank ?? true) else { return nil }
            guard ContactFormats.isPostalCode(text) else {
                return context.issue(.postalCodeFormat, at: path,
                                     zh: "邮政编码「\(text)」格式错误；应为 6 位数字",
                                     en: "postal code “\(text)” is malformed; it has 6 digits")
            }
            let region = context.notice.region
            guard field.checkRegion, !region.postalCodePrefixes.isEmpty,
                  !region.postalCodePrefixes.contains(where: { HalfWidth.fold(text).trimmed.hasPrefix($0) })
            else { return nil }
            return context.issue(.postalCodeRegion, .warning, at: path,
                                 zh: "邮政编码「\(text)」不是\(region.name)的邮政编码（应以 \(region.postalCodePrefixes.joined(separator: "、")) 开头）；请核对",
                                 en: "postal code “\(text)” is not in \(region.name) (it should begin \(region.postalCodePrefixes.joined(separator: ", "))); check it")
        }
    }
}
