import Foundation
import Testing

/// LibreOffice, headless, each run with its own profile so parallel tests do not share a lock.
public enum Office {
    /// Converts `input` to `format` (`xlsx`, or `csv` as UTF-8 with commas and quotes) into a new
    /// folder inside `folder`; the converted file's path.
    public static func convert(_ input: URL, to format: String, in folder: URL) throws -> URL {
        let run = folder.appendingPathComponent("office-\(UUID().uuidString)")
        let profile = run.appendingPathComponent("profile"), outdir = run.appendingPathComponent("out")
        let filter = format == "csv" ? "csv:Text - txt - csv (StarCalc):44,34,76,1" : format
        let result = try Subprocess.run("soffice", ["-env:UserInstallation=file://\(profile.path)", "--headless",
                                                    "--convert-to", filter, "--outdir", outdir.path, input.path])
        let output = outdir.appendingPathComponent(input.deletingPathExtension().lastPathComponent + "." + format)
        try #require(result.status == 0 && FileManager.default.fileExists(atPath: output.path),
                     "soffice failed: \(result.stderr)")
        return output
    }
}
