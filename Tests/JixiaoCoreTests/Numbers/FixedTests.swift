import Testing
@testable import JixiaoCore

struct FixedTests {
    private func fixed(_ text: String) -> Fixed { Fixed(text)! }

    @Test func sumsAndProductsOfPrintedFiguresAreExact() {
        #expect(fixed("0.1") + fixed("0.2") == fixed("0.3"))
        #expect((fixed("1614.46") - fixed("1614.45")).description == "0.01")
        #expect((fixed("85") / fixed("100") * fixed("3")).description == "2.55")
        #expect((fixed("0.968") * fixed("20")).description == "19.36")
        #expect((fixed("-2.5") * fixed("4")).description == "-10")
    }

    @Test func quotientsKeepTwelvePlacesRoundedHalfAwayFromZero() {
        #expect((fixed("2") / fixed("3")).description == "0.666666666667")
        #expect((fixed("-2") / fixed("3")).description == "-0.666666666667")
        #expect((fixed("1") / fixed("8")).description == "0.125")
        #expect((fixed("1614.46") / fixed("1700")).compact(decimals: 4) == "0.9497")
    }

    @Test(arguments: [
        ("2.345", 2, "2.35"), ("-2.345", 2, "-2.35"), ("2.344", 2, "2.34"), ("9.6", 2, "9.60"),
        ("0.05", 1, "0.1"), ("0.04", 1, "0.0"), ("-0.04", 1, "0.0"), ("99.995", 2, "100.00"), ("7", 0, "7"),
        ("0.000000000001", 12, "0.000000000001"), ("1.5", 14, "1.50000000000000"),
    ])
    func formatsAtAnyPlaces(value: String, decimals: Int, text: String) {
        #expect(fixed(value).formatted(decimals: decimals) == text)
    }

    @Test func compactDropsTrailingZerosOnly() {
        #expect(fixed("100").compact(decimals: 2) == "100")
        #expect(fixed("10.50").compact(decimals: 2) == "10.5")
        #expect(fixed("0.00004").compact(decimals: 4) == "0")
    }

    @Test func roundsAndTruncatesTowardTheRightSide() {
        #expect(fixed("0.96815").rounded(4) == fixed("0.9682"))
        #expect(fixed("-0.96815").rounded(4) == fixed("-0.9682"))
        #expect(fixed("0.96819").truncated(4) == fixed("0.9681"))
        #expect(fixed("-0.96819").truncated(4) == fixed("-0.9681"))
    }

    @Test(arguments: ["", "-", ".", "1.2.3", "1e5", "NaN", "--1", "1,000", " 1"])
    func refusesAnythingButPlainNotation(text: String) {
        #expect(Fixed(text) == nil)
    }

    @Test func extremesSaturateInsteadOfTrapping() {
        let huge = fixed("99999999999999999999")
        #expect(huge * huge == Fixed.max)
        #expect(-huge * huge == -Fixed.max)
        #expect(huge / fixed("0.000000000001") == Fixed.max)
        #expect(fixed("5") / 0 == Fixed.max)
        #expect(fixed("-5") / 0 == -Fixed.max)
        #expect(Fixed.zero / 0 == Fixed.zero)
        #expect(Fixed.max + Fixed.max == Fixed.max)
        #expect(Fixed("123456789012345678901234567890") == nil)
        #expect(Fixed(significand: 5, decimals: -3).description == "5000")
        #expect(Fixed(significand: 5, decimals: -60) == Fixed.max)
        // A wide product that still fits is exact.
        #expect((fixed("12345678901234") * fixed("1000000")).description == "12345678901234000000")
        #expect((fixed("12345678901234") / fixed("0.001")).description == "12345678901234000")
    }

    @Test func ordersAndHashesByValue() {
        #expect(fixed("9.6") == fixed("9.60"))
        #expect(Set([fixed("9.6"), fixed("9.60")]).count == 1)
        #expect(fixed("-1") < fixed("0.5"))
        #expect(abs(fixed("-3.25")) == fixed("3.25"))
    }
}
