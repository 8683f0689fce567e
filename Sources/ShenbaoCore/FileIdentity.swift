import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whether two paths name the same file: the same device and inode after following links, so
/// `-o t.docx`, `-o ./t.docx` and a symbolic link to the template are all caught as the template.
public enum FileIdentity {
    public static func same(_ a: String, _ b: String) -> Bool {
        guard a != "-", b != "-" else { return false }
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }
}
