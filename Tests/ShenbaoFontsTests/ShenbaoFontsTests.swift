import Testing
@testable import ShenbaoFonts
