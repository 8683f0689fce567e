import ArgumentParser
import Foundation
import ShenbaoKit
import ShenbaoServer

/// `shenbao serve [--host 127.0.0.1] [--port 8080] [--data-dir DIR] [--token-file FILE] [--seal IMAGE] [signing options]`
/// (spec/cli.md, spec/web.md): the web application on the engine the other commands use.
/// Prints the address it serves; Ctrl-C stops it after the requests in flight.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "启动本机网页应用 Serve the web application.")

    @Option(help: "监听地址（默认仅本机） Address to listen on.") var host = "127.0.0.1"
    @Option(help: "端口 Port.") var port = 8080
    @Option(name: .customLong("data-dir"), help: "批量任务文件夹（默认临时文件夹） Folder for batch jobs.") var dataDir: String?
    @Option(name: .customLong("token-file"), help: "访问令牌文件（非本机地址时必需） File holding the access token.") var tokenFile: String?
    @Option(help: "默认印章图片 Seal image used when a request brings none.") var seal: String?
    @OptionGroup var signing: SigningOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port 应为 0 到 65535 Port must be 0…65535.") }
        if tokenFile == nil && !ServerConfiguration(host: host).isLoopback {
            throw ValidationError("监听非本机地址时须用 --token-file 指定访问令牌 --token-file is required for a non-loopback --host.")
        }
    }

    func run() throws {
        var configuration = ServerConfiguration(host: host, port: port)
        try reporting(global.lang) {
            if let tokenFile {
                let text = try InputFile.read(tokenFile, limit: 4096, unreadable: .httpUnauthorized, tooLarge: .httpUnauthorized, limitText: "4 KB")
                let token = String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if token.isEmpty {
                    throw ShenbaoFailure.unusable(.httpUnauthorized, file: tokenFile, zh: "访问令牌文件是空的", en: "the token file is empty")
                }
                configuration.token = token
            }
            if let dataDir { configuration.dataDirectory = URL(fileURLWithPath: dataDir, isDirectory: true) }
            if let seal { configuration.seal = try SealImage(path: seal) }
            configuration.signing = try signing.load()
        }
        let settings = configuration
        let failure: ShenbaoFailure? = blocking {
            do {
                let app = try WebServer.application(settings) { address in
                    try? FileHandle.standardOutput.write(contentsOf: Data("shenbao serve: \(address)\n".utf8))
                }
                try await app.runService()
                return nil
            } catch {
                return ShenbaoFailure(caught: error, file: nil)
            }
        }
        if let failure {
            printDiagnostics(failure.diagnostics, global.lang)
            throw ExitCode(failure.status.rawValue)
        }
    }
}
