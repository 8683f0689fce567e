import Testing
@testable import ShenbaoPrint
