import PropertyBased
import Testing
@testable import JixiaoBase
import JixiaoTestSupport

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

    /// The text of `value` worked out another way: its units' digits from `String(UInt128)`,
    /// rounded half away from zero by hand, the point and the sign put in by string surgery.
    private static func textByHand(_ value: Fixed, decimals: Int, compact: Bool) -> String {
        let places = max(0, decimals), held = min(places, Fixed.scaleDigits)
        let step = (0..<(Fixed.scaleDigits - held)).reduce(UInt128(1)) { product, _ in product * 10 }
        let magnitude = value.units.magnitude
        var rounded = magnitude / step
        if (magnitude % step) * 2 >= step && step > 1 { rounded += 1 }
        var digits = String(rounded)
        if digits.count <= held { digits = String(repeating: "0", count: held + 1 - digits.count) + digits }
        var text = held == 0 ? digits : String(digits.dropLast(held)) + "." + String(digits.suffix(held))
        if compact && held > 0 {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        if !compact { text += String(repeating: "0", count: places - held) }
        return (value.units < 0 && rounded != 0 ? "-" : "") + text
    }

    @Test func textMatchesDigitsWorkedOutByHand() async {
        await propertyCheck(count: 3000, input: Generators.anyFixed, Gen.int(in: -1...16)) { value, decimals in
            #expect(value.formatted(decimals: decimals) == Self.textByHand(value, decimals: decimals, compact: false))
            #expect(value.compact(decimals: decimals) == Self.textByHand(value, decimals: decimals, compact: true))
        }
    }

    @Test(arguments: [Fixed.max, -Fixed.max, Fixed.zero, Fixed(units: 1), Fixed(units: -1), Fixed(units: 5), Fixed(units: -499_999)])
    func extremesAndTinyValuesMatchDigitsWorkedOutByHand(value: Fixed) {
        for decimals in 0...14 {
            #expect(value.formatted(decimals: decimals) == Self.textByHand(value, decimals: decimals, compact: false))
            #expect(value.compact(decimals: decimals) == Self.textByHand(value, decimals: decimals, compact: true))
        }
    }

    @Test func textOfExtremesAndTinyValues() {
        #expect(Fixed.max.formatted(decimals: 2) == "85070591730234615865843651.86")
        #expect((-Fixed.max).compact(decimals: 12) == "-85070591730234615865843651.857942052863")
        #expect((-Fixed.max).formatted(decimals: 14) == "-85070591730234615865843651.85794205286300")
        #expect(Fixed(units: -499_999).compact(decimals: 7) == "-0.0000005")
        #expect(Fixed(units: -499_999).compact(decimals: 6) == "0")
        #expect(Fixed(units: -499_999).formatted(decimals: 6) == "0.000000")
        #expect(Fixed(-3).formatted(decimals: 0) == "-3")
        #expect(Fixed(-3).formatted(decimals: -2) == "-3")
    }
}

