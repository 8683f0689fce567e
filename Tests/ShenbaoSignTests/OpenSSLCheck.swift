import Foundation
import ShenbaoTestSupport
import Testing

/// `openssl cms -verify` on a detached CMS over `coveredParts`, against the test root: what an
/// independent implementation says of the signature.
func expectOpenSSLVerifies(_ cms: [UInt8], pki: TestPKI, name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try Data(cms).write(to: pki.url("\(name).p7s"))
    try coveredParts.reduce(Data(), +).write(to: pki.url("\(name).bin"))
    let result = try Subprocess.run("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", pki.path("\(name).p7s"),
                                                "-content", pki.path("\(name).bin"), "-CAfile", pki.path("root.pem"),
                                                "-out", "/dev/null"])
    #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.contains("Verification successful"), "\(result.stderr)", sourceLocation: sourceLocation)
}
