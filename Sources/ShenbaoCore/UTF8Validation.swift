/// Where bytes stop being UTF-8: the data loader and the CSV reader both name the byte in their
/// messages (and the CSV reader then tries GB18030).
public enum UTF8Validation {
    /// The offset of the first byte that is not part of valid UTF-8; nil when all are.
    public static func firstInvalidOffset(_ bytes: some Collection<UInt8>) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
