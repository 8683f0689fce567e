import Foundation
import ShenbaoKit

/// What `shenbao serve` was started with: where it listens, what protects it, and the limits it
/// keeps (spec/web.md, "Rules it keeps").
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Every page and call needs this token when set (required off loopback).
    public var token: String?
    /// Where batch jobs keep their files.
    public var dataDirectory: URL
    /// The department's seal (`--seal`), put on opinion sheets and endorsements when a request
    /// brings none.
    public var seal: SealImage?
    /// The department's key, loaded when the server starts (`--sign-key`…): it signs opinion
    /// sheets and endorsements, stays in this process and is never sent or written.
    public var signing: PackSigning?
    /// Largest request body accepted; larger gets 413.
    public var maxBodyBytes: Int

    public static let defaultMaxBodyBytes = 20 << 20

    public init(host: String = "127.0.0.1", port: Int = 8080, token: String? = nil,
                dataDirectory: URL = FileManager.default.temporaryDirectory.appendingPathComponent("shenbao-serve"),
                seal: SealImage? = nil, signing: PackSigning? = nil, maxBodyBytes: Int = ServerConfiguration.defaultMaxBodyBytes) {
        self.signing = signing
        self.host = host
        self.port = port
        self.token = token
        self.dataDirectory = dataDirectory
        self.seal = seal
        self.maxBodyBytes = maxBodyBytes
    }

    /// True for the addresses only this machine can reach, where no token is needed.
    public var isLoopback: Bool { Self.isLoopback(host) }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}
