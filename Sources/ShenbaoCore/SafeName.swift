/// Names made safe for paths: the names the templates folder accepts, and the file and folder
/// names `batch` makes from what applicants typed.
public enum SafeName {
    /// Names that may become part of a path under the templates folder (`notices/<id>.yaml`):
    /// letters, digits, `-` and `_`, so no name can climb out of the folder or name a hidden file.
    public static func isPlain(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }

    /// Characters Windows refuses in a file name (and `/`, which no system takes).
    static let reserved: Set<Character> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]
    /// Device names Windows reserves whatever the extension (`CON.txt` opens the console).
    static let devices = Set(["CON", "PRN", "AUX", "NUL"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] })

    /// `name` as one path component every system accepts: no `/ \ : * ? " < > |` or control
    /// characters (each becomes `_`), no leading dot (a hidden file) and no trailing dots or
    /// spaces (Windows drops them), not a Windows device name, and at most `maxBytes` bytes of
    /// UTF-8 (ext4 and APFS allow 255; a shorter cut leaves room for the path above it), cut
    /// between characters. Nothing left gives `fallback`.
    public static func component(_ name: String, maxBytes: Int = 90, fallback: String = "_") -> String {
        var cleaned = String(name.map { c in
            reserved.contains(c) || c.unicodeScalars.contains { $0.properties.generalCategory == .control } ? "_" : c
        })
        while cleaned.first == "." || cleaned.first?.isWhitespace == true { cleaned.removeFirst() }
        var cut = ""
        var bytes = 0
        for c in cleaned {
            let size = c.utf8.count
            if bytes + size > maxBytes { break }
            cut.append(c)
            bytes += size
        }
        while cut.last == "." || cut.last?.isWhitespace == true { cut.removeLast() }
        if cut.isEmpty { return fallback }
        let stem = cut.split(separator: ".", maxSplits: 1).first.map { String($0).uppercased() } ?? ""
        return devices.contains(stem) ? "_" + cut : cut
    }
}
