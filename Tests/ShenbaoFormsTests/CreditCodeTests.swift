import Testing
@testable import ShenbaoForms

/// GB 32100-2015 check characters against the published codes of data-model.md.
@Suite struct CreditCodeTests {
    @Test(arguments: ["91310000631696382C", "91310115MA1K3BTP2B", "913101153325803473",
                      "9131012056010553X5", "91110000600037341L"])
    func publishedCodesAreValid(_ code: String) {
        #expect(CreditCode.formatProblem(code) == nil)
        #expect(CreditCode.checkCharacter(for: code) == code.last)
        #expect(CreditCode.isValid(code))
    }

    @Test(arguments: [("91310115MA1H8R7C6D", Character("7")), ("91350100M000100Y4Z", Character("3"))])
    func publishedWrongCheckCharacters(_ code: String, _ expected: Character) {
        #expect(CreditCode.formatProblem(code) == nil)
        #expect(CreditCode.checkCharacter(for: code) == expected)
        #expect(!CreditCode.isValid(code))
    }

    @Test func weightsArePowersOfThreeModulo31() {
        #expect(CreditCode.weights == [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])
        #expect(CreditCode.alphabet.count == 31)
    }

    @Test func normalisesSpacesDashesAndCase() {
        #expect(CreditCode.normalize(" 9131 0115-ma1k 3btp2b ") == "91310115MA1K3BTP2B")
        #expect(CreditCode.isValid("91310115-ma1k3btp2b"))
    }

    @Test func formatProblems() {
        #expect(CreditCode.formatProblem("9131011533258034") != nil)      // 16 characters
        #expect(CreditCode.formatProblem("9131011533I5803473") != nil)    // I is not used
        #expect(CreditCode.formatProblem("9131AB153325803473") != nil)    // division not digits
        #expect(CreditCode.formatProblem("9131011533258034-7") != nil)    // not normalised: `-` at 18
    }
}
