import Testing
@testable import ShenbaoDOCX
