import ShenbaoCore
import Testing

/// `SafeName.component`: the folder names `batch` makes from applicants' names.
@Suite struct SafeNameTests {
    @Test(arguments: [
        ("上海浦东智慧养老服务有限公司", "上海浦东智慧养老服务有限公司"),
        ("上海/测试:公司*?<>|. ", "上海_测试_公司_____"),
        ("a\\b\"c\u{7}d", "a_b_c_d"),
        ("..隐藏", "隐藏"),
        ("CON", "_CON"),
        ("lpt1.txt", "_lpt1.txt"),
        ("...", "_"),
        ("", "_"),
    ])
    func unsafeCharactersAreReplaced(_ name: String, _ expected: String) {
        #expect(SafeName.component(name) == expected)
    }

    @Test func longNamesAreCutBetweenCharacters() {
        let name = String(repeating: "长", count: 40) + "有限公司"
        let cut = SafeName.component(name, maxBytes: 90)
        #expect(cut.utf8.count <= 90)
        #expect(cut == String(repeating: "长", count: 30))
    }
}
