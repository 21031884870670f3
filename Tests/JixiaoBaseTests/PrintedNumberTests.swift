import Foundation
import Testing
@testable import JixiaoBase

struct PrintedNumberTests {
    @Test(arguments: [
        ("9.6", "9.6", 1, false),
        ("9.60", "9.60", 2, false),
        ("96.3%", "96.3", 1, true),
        ("100.00%", "100.00", 2, true),
        ("1,614.46", "1614.46", 2, false),
        ("１２３．４５", "123.45", 2, false),
        ("９６％", "96", 0, true),
        ("-0.5", "-0.5", 1, false),
        (" 28.00 % ", "28.00", 2, true),
    ])
    func readsPrintedFigures(text: String, value: String, decimals: Int, percent: Bool) throws {
        let number = try #require(PrintedNumber(parsing: text))
        #expect(number.value == Fixed(value))
        #expect(number.decimals == decimals)
        #expect(number.isPercent == percent)
        #expect(number.description == value + (percent ? "%" : ""))
    }

    @Test(arguments: ["五十", "1,2.3", "--5", "NaN", "1e400", "", "%", "12.", ".5", "1,23,456", "1 2", "0x10", "inf"])
    func refusesWhatIsNotAPrintedFigure(text: String) {
        #expect(PrintedNumber(parsing: text) == nil)
    }

    @Test func formatsWithoutBinaryNoise() {
        let sum = Fixed("9.6")! + Fixed("89")!
        #expect(sum.formatted(decimals: 1) == "98.6")
        #expect(Fixed("0.968156114")!.compact(decimals: 4) == "0.9682")
        #expect(Fixed(1).compact(decimals: 4) == "1")
        #expect(Fixed("2.5")!.formatted(decimals: 0) == "3")
        #expect(Fixed("-2.5")!.formatted(decimals: 0) == "-3")
        #expect(Fixed("0.96815")!.truncated(4) == Fixed("0.9681"))
    }

    @Test func halfUnitFollowsPrintedDecimals() throws {
        #expect(try #require(PrintedNumber(parsing: "9.6")).halfUnit == Fixed("0.05"))
        #expect(try #require(PrintedNumber(parsing: "96.81%")).halfUnit == Fixed("0.00005"))
        #expect(try #require(PrintedNumber(parsing: "97")).halfUnit == Fixed("0.5"))
    }
}

struct AgreementTests {
    private func rate(_ executed: String, _ budget: String) -> Interval {
        Interval(PrintedNumber(parsing: executed)!).divided(by: Interval(PrintedNumber(parsing: budget)!))!
    }

    @Test func roundedRateAgrees() {
        #expect(Agreement.of(PrintedNumber(parsing: "96.3%")!, against: rate("1614.46", "1676.98")) == .rounded)
    }

    @Test func truncatedRateIsRecognised() {
        // 5487.17 / 5667.65 = 96.8156%: 96.81% is its truncation, 96.82% its rounding.
        #expect(Agreement.of(PrintedNumber(parsing: "96.81%")!, against: rate("5487.17", "5667.65")) == .truncated)
        #expect(Agreement.of(PrintedNumber(parsing: "96.82%")!, against: rate("5487.17", "5667.65")) == .rounded)
    }

    @Test func wrongRateIsAMismatch() {
        #expect(Agreement.of(PrintedNumber(parsing: "28.00%")!, against: rate("48.89", "173")) == .mismatch)
    }

    @Test func wholeClaimsCanBeExact() {
        let sum = Interval(exactly: 97)
        #expect(Agreement.of(PrintedNumber(parsing: "96")!, against: sum, truncation: false) == .mismatch)
        #expect(Agreement.of(PrintedNumber(parsing: "97")!, against: sum) == .exact)
        #expect(Agreement.of(PrintedNumber(parsing: "1")!, against: Interval(exactly: Fixed("0.86")!), claimExact: true) == .mismatch)
        #expect(Agreement.of(PrintedNumber(parsing: "2.6")!, against: Interval(exactly: Fixed("2.55")!)) == .rounded)
    }
}
