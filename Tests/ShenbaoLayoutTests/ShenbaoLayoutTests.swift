import Testing
@testable import ShenbaoLayout
