import Foundation
import Hummingbird
import HummingbirdTesting
import ShenbaoKit
import ShenbaoServer

/// Builds the server's application for a test, as `shenbao serve` would with `configuration`.
func testApplication(_ configuration: ServerConfiguration = ServerConfiguration()) throws -> some ApplicationProtocol {
    Application(router: try WebServer.router(configuration))
}
