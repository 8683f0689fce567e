import Testing
@testable import ShenbaoTemplate
