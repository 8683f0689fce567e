import Testing
@testable import ShenbaoForms
