import Foundation

/// `Content-Disposition: attachment` with a file name that survives in every browser (RFC 6266
/// §4.3): an ASCII `filename` for old clients and `filename*=UTF-8''…` (RFC 8187) with the real,
/// often Chinese, name percent-encoded.
enum ContentDisposition {
    static func attachment(filename: String, asciiFallback: String) -> String {
        // RFC 8187 attr-char: ALPHA / DIGIT / "!#$&+-.^_`|~"; everything else percent-encoded as UTF-8.
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "!#$&+-.^_`|~")
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: allowed) ?? asciiFallback
        let plain = asciiFallback.filter { $0.isASCII && $0 != "\"" && $0 != "\\" && !$0.isNewline }
        return "attachment; filename=\"\(plain)\"; filename*=UTF-8''\(encoded)"
    }
}
