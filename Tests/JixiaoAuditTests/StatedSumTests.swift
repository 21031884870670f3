import Testing
@testable import JixiaoAudit
import JixiaoBase

/// A stated total against its parts (DOMAIN.md §5): amounts in 万元 carry the rounding of their
/// conversion from 元; counts are exact; what no rounding explains stays an error.
struct StatedSumTests {
    private func check(_ total: String, _ parts: [String]) -> Finding? {
        StatedSum.finding(
            total: PrintedNumber(parsing: total)!, parts: parts.map { PrintedNumber(parsing: $0)! },
            subject: .narrative("sum"), at: SourceLocation(file: "t.txt", line: 3),
            message: LocalizedText(zh: "合计不符", en: "the total differs"))
    }

    @Test func anExactSumSaysNothing() {
        #expect(check("100.50", ["60.25", "40.25"]) == nil)
        #expect(check("290", ["120", "80", "90"]) == nil)
    }

    @Test func aCentWithinThePartsRoundingIsANote() throws {
        // Two parts and the total, each ±0.005: up to 0.015 is rounding.
        let note = try #require(check("100.51", ["60.25", "40.25"]))
        #expect(note.code == .roundingDifference)
        #expect(note.severity == .info)
        #expect(note.claimed?.description == "100.51")
        #expect(note.computed?.description == "100.5")
        #expect(note.message.zh.contains("尾数误差"))
        #expect(note.message.zh.hasPrefix("合计不符"))
    }

    @Test func moreThanTheRoundingIsAnError() throws {
        let error = try #require(check("100.52", ["60.25", "40.25"]))
        #expect(error.code == .statedSumMismatch)
        #expect(error.severity == .error)
        #expect(error.message.zh == "合计不符")
    }

    @Test func wholeNumbersAreExact() throws {
        // People or project counts: no rounding to explain a difference of one.
        let error = try #require(check("291", ["120", "80", "90"]))
        #expect(error.code == .statedSumMismatch)
    }
}
