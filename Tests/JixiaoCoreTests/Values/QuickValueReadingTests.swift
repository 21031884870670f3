@testable import JixiaoCore
import Testing

/// The quick reading of the common shapes gives what the general reading gives, or leaves the
/// text to it.
@Suite struct QuickValueReadingTests {
    static let parser = ValueParser()
    static let numbers = [
        "0", "5", "05", "95", "100", "2021", "2022", "2021.12", "2021.5", "2021.123", "1614.46", "0.50", "12.",
        "123456789012345678", "1234567890123456789", "12345678901234567.8",
    ]
    static let comparators = [""] + ValueComparator.allCases.flatMap { ValueVocabulary.standard[$0].before }
    /// Every unit word, and some texts after a number that are not one.
    static let units = [""] + parser.index.units.words + ["次次", "万元以上", "次/年", "％", "m²", "‰", "个 月", "五次", "元。"]

    /// Each text written three ways: tight, spaced, and with spaces around it.
    static func spellings(_ comparator: String, _ number: String, _ unit: String) -> [String] {
        ["\(comparator)\(number)\(unit)", "\(comparator) \(number) \(unit)", "  \(comparator)  \(number)\(unit) "]
    }

    @Test func agreesWithTheGeneralReading() {
        var texts: [String] = []
        for unit in Self.units {
            for number in Self.numbers {
                for comparator in ["", "≥", "不少于"] { texts += Self.spellings(comparator, number, unit) }
            }
        }
        for comparator in Self.comparators {
            for number in Self.numbers {
                for unit in ["", "%", "次", "万元", "个月"] { texts += Self.spellings(comparator, number, unit) }
            }
        }
        var read = 0
        for text in texts {
            guard let quick = QuickValueReading.read(text, index: Self.parser.index) else { continue }
            read += 1
            #expect(quick == Self.parser.readInFull(text), "\(text)")
        }
        // Most of them are the common shape (not a vacuous pass).
        #expect(read > texts.count / 2)
    }

    @Test(arguments: ["≥ 95%", "≤1200.50 万元", "320 次", "不少于 12 篇", "500", "05 人次", "达 90%"])
    func readsTheCommonShapes(_ text: String) {
        #expect(QuickValueReading.read(text, index: Self.parser.index) != nil)
    }

    @Test(arguments: [
        "≤ 7 个月", "5 个工作日", "2021.12", "2022 年", "12 月", "10 号", "≥ 95％", ">= 90%", "约 5 次", "5 次左右",
        "三次", "5 千元", "-5%", "5 次，", "≥ 9 5%", "5 万 元", "90%-100%", "",
    ])
    func leavesTheRestToTheGeneralReading(_ text: String) {
        #expect(QuickValueReading.read(text, index: Self.parser.index) == nil)
    }
}
