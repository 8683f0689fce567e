import ArgumentParser
import Foundation
import ShenbaoKit

/// The signing options of `render`, `endorse`, `batch` and `serve` (spec/cli.md, "Signing").
/// Secrets never come from the command line: a passphrase or PIN is read here, from
/// `--sign-pass-file` or the environment, and handed to the engine.
struct SigningOptions: ParsableArguments {
    @Option(help: "签名私钥：PEM、PKCS#12（.p12/.pfx）或 PKCS#11 URI Signing key: PEM, PKCS#12 or a pkcs11: URI.")
    var signKey: String?
    @Option(help: "签名证书（PEM） The signer's certificate.")
    var signCert: String?
    @Option(help: "证书链（PEM） The issuers of the signer's certificate.")
    var signChain: String?
    @Option(help: "口令或 PIN 所在文件（否则取 SHENBAO_SIGN_PASS / SHENBAO_SIGN_PIN） File holding the passphrase or PIN.")
    var signPassFile: String?
    @Option(help: "签名理由（默认：申请 / 推荐） /Reason of the signature.")
    var signReason: String?
    @Option(help: "签名地点（默认：上海市） /Location of the signature.")
    var signLocation: String?

    func validate() throws {
        if signKey == nil, signCert != nil || signChain != nil || signPassFile != nil || signReason != nil || signLocation != nil {
            throw ValidationError("签名选项需要 --sign-key Signing options need --sign-key.")
        }
    }

    /// Passphrases and PINs are short; a larger "pass file" is a mistake.
    static let maxSecretBytes = 4096

    /// The signing identity asked for, loaded and checked (exit 2 with the reason when it cannot
    /// sign); nil without `--sign-key`.
    func load() throws -> PackSigning? {
        guard let signKey else { return nil }
        return try PackSigning(key: signKey, certificate: signCert, chain: signChain, secret: secret(for: signKey),
                               reason: signReason, location: signLocation)
    }

    private func secret(for key: String) throws -> String? {
        if let signPassFile {
            let data = try InputFile.read(signPassFile, limit: Self.maxSecretBytes, unreadable: .signPassphrase,
                                          tooLarge: .signPassphrase, limitText: "4 KB")
            // One line, as `echo secret > file` writes it.
            var text = String(decoding: data, as: UTF8.self)
            while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
            return text
        }
        let environment = ProcessInfo.processInfo.environment
        return key.hasPrefix("pkcs11:") ? environment["SHENBAO_SIGN_PIN"] ?? environment["SHENBAO_SIGN_PASS"] : environment["SHENBAO_SIGN_PASS"]
    }
}
