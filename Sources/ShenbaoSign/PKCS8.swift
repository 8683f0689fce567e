import ShenbaoCore
import SwiftASN1

/// Encrypted private keys, PKCS#8 `EncryptedPrivateKeyInfo` (RFC 5208 §6, RFC 5958 §3):
/// `SEQUENCE { encryptionAlgorithm AlgorithmIdentifier, encryptedData OCTET STRING }`, the
/// `ENCRYPTED PRIVATE KEY` PEM block and the content of a PKCS#12 shrouded key bag alike.
enum PKCS8 {
    /// The `PrivateKeyInfo` DER inside, decrypted with `passphrase`. Throws `PBES2.Problem` for a
    /// legacy or unsupported scheme and for a wrong passphrase, so each caller can say what to do.
    static func decrypt(_ der: ArraySlice<UInt8>, passphrase: String) throws -> [UInt8] {
        let (scheme, ciphertext) = try BER.sequence(BER.parse(der), identifier: .sequence) { nodes in
            (try AlgorithmID(berEncoded: &nodes), try ASN1OctetString(berEncoded: &nodes).bytes)
        }
        let plaintext = try PBES2.decrypt(ciphertext, scheme: scheme, passphrase: passphrase)
        // One wrong passphrase in 256 still yields valid padding; what it decrypts to is not DER.
        guard (try? DER.parse(plaintext)) != nil else { throw PBES2.Problem.wrongPassphrase }
        return plaintext
    }

    /// The key of an `ENCRYPTED PRIVATE KEY` PEM block, with every problem said for a PEM file.
    static func key(encrypted der: ArraySlice<UInt8>, passphrase: String?, source: String) throws -> SoftwareKey {
        guard let passphrase else {
            throw SigningFailure.refuse(.signPassphrase, source,
                zh: "私钥已加密，需要口令：用 --sign-pass-file 或环境变量 SHENBAO_SIGN_PASS 给出",
                en: "the private key is encrypted and needs its passphrase: give it with --sign-pass-file or SHENBAO_SIGN_PASS")
        }
        let plaintext: [UInt8]
        do {
            plaintext = try decrypt(der, passphrase: passphrase)
        } catch PBES2.Problem.wrongPassphrase {
            throw wrongPassphrase(source)
        } catch PBES2.Problem.legacy(let scheme) {
            throw SigningFailure.refuse(.signKeyUnreadable, source,
                zh: "私钥用旧式算法（\(scheme)）加密，不再支持：请用 openssl pkcs8 -topk8 -v2 aes-256-cbc -in 旧.pem -out 新.pem 转换",
                en: "the private key is encrypted with a legacy scheme (\(scheme)); convert it: openssl pkcs8 -topk8 -v2 aes-256-cbc -in old.pem -out new.pem")
        } catch PBES2.Problem.unsupported(let what) {
            throw SigningFailure.refuse(.signKeyUnreadable, source,
                zh: "私钥的加密方式不受支持（\(what)）：请用 openssl pkcs8 -topk8 -v2 aes-256-cbc -in 旧.pem -out 新.pem 转换",
                en: "the private key's encryption is not supported (\(what)); convert it: openssl pkcs8 -topk8 -v2 aes-256-cbc -in old.pem -out new.pem")
        } catch {
            throw SigningFailure.refuse(.signKeyUnreadable, source,
                zh: "无法读取加密的私钥：文件已损坏", en: "cannot read the encrypted private key: the file is damaged", cause: error)
        }
        return try PrivateKeyDecoding.privateKeyInfo(plaintext[...], source: source)
    }

    /// A wrong passphrase, for keys and PKCS#12 files alike.
    static func wrongPassphrase(_ source: String) -> ShenbaoFailure {
        SigningFailure.refuse(.signPassphrase, source,
            zh: "口令不正确，无法解密私钥", en: "wrong passphrase: the private key cannot be decrypted")
    }
}
