import Foundation
import JixiaoBase
import JixiaoValues
import Testing

/// A target and its actual read together (``ValueParser/parse(target:actual:)``): units no list
/// holds and compound rates compare when both sides print the same one, a repeated target is
/// achieved, and a template placeholder target is blank. Figures are invented.
@Suite struct ValueParserPairTests {
    let parser = ValueParser()

    private func quantity(_ comparator: ValueComparator?, _ amount: Fixed, _ unit: ValueUnit?, per: String? = nil) -> ParsedValue {
        .quantity(.init(comparator ?? .equal, amount, decimals: 0, unit: unit, per: per, isComparatorStated: comparator != nil))
    }

    // MARK: Units no list holds

    @Test(arguments: [
        ("不少于12种", "14种", "种"),
        ("≥10台套", "12台套", "台"),  // 台 is listed; the 套 after it was already ignored
        ("≥20TB", "25TB", "TB"),
        ("12种以上", "14种", "种"),
        ("≥150只", "180只", "只"),
        ("≥250公里", "300公里", "公里"),
    ])
    func aUnitOnBothSidesCompares(target: String, actual: String, symbol: String) throws {
        let pair = parser.parse(target: target, actual: actual)
        guard case .quantity(let goal)? = pair.target, case .quantity(let done)? = pair.actual else {
            Issue.record("\(target) / \(actual) → \(String(describing: pair.target)) / \(String(describing: pair.actual))")
            return
        }
        #expect(goal.unit?.symbol == symbol)
        #expect(goal.unit == done.unit)
        #expect(goal.comparator == .atLeast)
        #expect(done.amount > goal.amount)
    }

    @Test func anUnlistedUnitAloneStaysUnscorable() {
        // Read alone, as before.
        #expect(parser.parse("14种") == .unscorable(.init(.unknownUnit, detail: "种")))
        #expect(parser.parse("25TB") == .unscorable(.init(.unknownUnit, detail: "TB")))
        // Printed on one side only, or two different words: both sides read as they do alone.
        let cases: [(String, String)] = [
            ("不少于12种", "14类"), ("不少于12种", "14个"), ("不少于12种", "14"), ("≥12个", "14种"),
            ("≥20TB", "25GB"), ("不少于12种", "14种作物"),
        ]
        for (target, actual) in cases {
            let pair = parser.parse(target: target, actual: actual)
            #expect(pair.target == parser.parse(target), "\(target) / \(actual)")
            #expect(pair.actual == parser.parse(actual: actual, target: parser.parse(target)), "\(target) / \(actual)")
        }
    }

    @Test func anUnlistedUnitKeepsTheOtherRules() {
        // An approximate or negated actual is not lifted by the shared word.
        for actual in ["约14种", "14余种", "14种未完成", "14种左右"] {
            let pair = parser.parse(target: "不少于12种", actual: actual)
            guard case .unscorable? = pair.actual else {
                Issue.record("\(actual) → \(String(describing: pair.actual))")
                continue
            }
        }
        // Letters that run on are prose, not a unit.
        let prose = parser.parse(target: "建成12处农业示范基地", actual: "建成14处农业示范基地")
        #expect(prose.target == parser.parse("建成12处农业示范基地"))
    }

    // MARK: 百分比

    @Test func percentSpelledOutIsPercent() {
        #expect(parser.parse("≥100百分比") == parser.parse("≥100%"))
        #expect(parser.parse("98百分比") == quantity(nil, 98, .percent))
        #expect(ValueUnit.named("百分比") == .percent)
        // 百分点 stays a unit of its own.
        #expect(parser.parse("2百分点") != parser.parse("2%"))
    }

    // MARK: Compound rates

    @Test(arguments: [
        ("≥530元/人*月", "560元/人*月"),
        ("≥530元/人·月", "560元/人·月"),
        ("≥530元/人/月", "560元/人/月"),
        ("≥530元/人*月", "560元/人·月"),  // one rate, two ways of writing the product
    ])
    func aCompoundRateOnBothSidesCompares(target: String, actual: String) {
        let pair = parser.parse(target: target, actual: actual)
        #expect(pair.target == quantity(.atLeast, 530, .yuan, per: "人·月"))
        #expect(pair.actual == quantity(nil, 560, .yuan, per: "人·月"))
    }

    @Test func aCompoundRateAloneIsNotRead() {
        // Before, `·月` was dropped unseen and `560元/人·月` read as 560 元 per person.
        #expect(parser.parse("560元/人·月") == .unscorable(.init(.severalValues, detail: "·")))
        #expect(parser.parse("560元/人*月") == .unscorable(.init(.severalValues, detail: "*")))
        #expect(parser.parse("2000 元/人/年") == .unscorable(.init(.severalValues, detail: "/")))
        // Against a simple rate, or another compound, both stay as read alone.
        for (target, actual) in [("≥530元/人·月", "560元/人"), ("≥530元/人*月", "560元/户*月"), ("≥530元/人*月", "560元/人*年")] {
            let pair = parser.parse(target: target, actual: actual)
            #expect(pair.target == parser.parse(target), "\(target) / \(actual)")
            #expect(pair.actual == parser.parse(actual: actual, target: parser.parse(target)), "\(target) / \(actual)")
        }
        // A simple rate still reads alone.
        #expect(parser.parse("5000 元/人") == quantity(nil, 5000, .yuan, per: "人"))
    }

    // MARK: An actual that repeats its target

    @Test(arguments: [
        ("是", "是", "是"),
        ("符合相关文件要求", "符合相关文件要求", "符合相关文件要求"),
        ("符合相关文件要求", " 符合相关文件要求。", "符合相关文件要求"),
        ("资料齐全、规范", "资料齐全、规范；", "资料齐全、规范"),
        ("每月中旬", "每月中旬", "每月中旬"),
    ])
    func aRepeatedTargetIsAchieved(target: String, actual: String, word: String) {
        let pair = parser.parse(target: target, actual: actual)
        #expect(pair.target == parser.parse(target))
        #expect(pair.actual == .qualitative(.init(band: "达成", word: word, kind: .repeatsTarget)))
    }

    @Test func onlyAnExactRepeatCounts() {
        // Near repeats are read as alone.
        for (target, actual) in [("是", "否"), ("符合相关文件要求", "符合文件要求"), ("资料齐全", "资料基本齐全"), ("是", "是的")] {
            #expect(parser.parse(target: target, actual: actual).actual == parser.parse(actual), "\(target) / \(actual)")
        }
        // Words already read keep their own band: 良好 against 较好 is not a repeat.
        #expect(parser.parse(target: "良好", actual: "良好").actual == .qualitative(.init(band: "达成", word: "良好")))
        #expect(parser.parse(target: "良好", actual: "较好").actual == parser.parse("较好"))
        #expect(parser.parse(target: "基本完成", actual: "基本完成").actual == parser.parse("基本完成"))
        // A denial repeated is still a denial.
        #expect(parser.parse(target: "计划完成", actual: "计划完成").actual == parser.parse("计划完成"))
        // Numbers are compared as numbers, not as text.
        #expect(parser.parse(target: "约 500 人", actual: "约 500 人").actual == parser.parse("约 500 人"))
    }

    // MARK: Placeholder targets

    @Test(arguments: ["一", "-", "/", "—", "／", "无", " 无 ", "一。"])
    func aPlaceholderTargetIsBlank(target: String) {
        #expect(parser.parse(target: target) == .unscorable(.init(.empty)))
        for actual in ["完成", "无", "一", "120 人", "14种"] {
            let pair = parser.parse(target: target, actual: actual)
            #expect(pair.target == .unscorable(.init(.empty)))
            #expect(pair.actual == parser.parse(target: nil, actual: actual).actual, "\(target) / \(actual)")
        }
    }

    @Test func placeholdersAreTargetsOnly() {
        // As an actual, 无 still says "no incident" and 一 is still unread.
        #expect(parser.parse(target: nil, actual: "无").actual == .qualitative(.init(band: "达成", word: "无", kind: .noIncident)))
        #expect(parser.parse(target: "无安全事故", actual: "无").actual == parser.parse("无"))
        #expect(parser.parse(target: nil, actual: "一").actual == .unscorable(.init(.unknownWords, detail: "一")))
        #expect(parser.parse("一") == .unscorable(.init(.unknownWords, detail: "一")))
        // Only the whole target: 无 opening a target is a no-incident target.
        #expect(parser.parse(target: "无安全事故") == parser.parse("无安全事故"))
        #expect(parser.parse(target: "一流") == parser.parse("一流"))
        // A placeholder is not repeated into an achievement.
        #expect(parser.parse(target: "一", actual: "一").actual == parser.parse("一"))
    }

    @Test func aProvinceCanListItsOwnPlaceholders() {
        var vocabulary = ValueVocabulary.standard
        vocabulary.placeholders.append("暂无")
        let provincial = ValueParser(vocabulary: vocabulary)
        #expect(provincial.parse(target: "暂无") == .unscorable(.init(.empty)))
        #expect(parser.parse(target: "暂无") == parser.parse("暂无"))
    }
}
