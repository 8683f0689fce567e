import Testing
@testable import ShenbaoPDF
