import ShenbaoCore

/// Tests name ids as they are printed (`"credit_code.checksum"`), which is what scripts match
/// on; the library itself names them only through the catalog's constants.
extension Diagnostic.ID: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(value) }
}
