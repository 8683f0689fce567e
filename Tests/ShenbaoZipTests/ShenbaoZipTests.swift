import Testing
@testable import ShenbaoZip
