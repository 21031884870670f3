import Foundation
import JixiaoBase

/// The unit printed after a number: `%`, `万元`, `人次`, `个工作日`.
///
/// Units of one ``Dimension`` convert into each other only when they share a ``base``:
/// 万元 is 10000 元, 万次 is 10000 次, 厘米 is 0.01 米. Count units are each their own base,
/// so 人 and 人次 (people and visits) never compare, and neither do 个工作日 and 天
/// (working days are not calendar days) or 天 and 小时.
public struct ValueUnit: Sendable, Hashable, CustomStringConvertible {
    /// What kind of thing a unit measures.
    public enum Dimension: String, Sendable, Hashable, CaseIterable {
        case percent
        case money
        case count
        case length
        case area
        case mass
        case time
    }

    /// The unit as written, normalised to half-width (`万元`, `%`, `m²`).
    public var symbol: String
    public var dimension: Dimension
    /// The unit that ``factor`` converts to (`元` for `万元`, `次` for `万次`).
    public var base: String
    /// How many ``base`` units one of this unit is (10000 for 万元).
    public var factor: Fixed

    public init(symbol: String, dimension: Dimension, base: String? = nil, factor: Fixed = 1) {
        self.symbol = symbol
        self.dimension = dimension
        self.base = base ?? symbol
        self.factor = factor
    }

    public var description: String { symbol }

    /// Whether amounts in `other` can be converted into this unit (same dimension and base).
    public func isConvertible(to other: ValueUnit) -> Bool {
        dimension == other.dimension && base == other.base
    }

    /// `amount` of this unit expressed in `other`, or nil when the two do not convert
    /// (`2305.17` 万元 in 元 is `23051700`; 人 in 人次 is nil).
    public func convert(_ amount: Fixed, to other: ValueUnit) -> Fixed? {
        guard isConvertible(to: other) else { return nil }
        if factor == other.factor { return amount }
        return amount * factor / other.factor
    }

    /// The unit spelled `symbol` (`万元`, `％`, `人次`, `万人次`), using the count units of
    /// `vocabulary`; nil when the parser would not recognise it.
    public static func named(_ symbol: String, vocabulary: ValueVocabulary = .standard) -> ValueUnit? {
        let text = ValueTextNormalizer.normalize(symbol)
        guard !text.isEmpty else { return nil }
        let table = ValueUnitTable(countUnits: vocabulary.countUnits)
        guard let match = table.units.longestMatch(in: text, at: 0), match.length == text.count else { return nil }
        return match.tag
    }
}

extension ValueUnit {
    public static let percent = ValueUnit(symbol: "%", dimension: .percent)
    public static let yuan = ValueUnit(symbol: "元", dimension: .money)
    public static let tenThousandYuan = ValueUnit(symbol: "万元", dimension: .money, base: "元", factor: 10000)
    public static let hundredMillionYuan = ValueUnit(
        symbol: "亿元", dimension: .money, base: "元", factor: 100_000_000)
    public static let workingDay = ValueUnit(symbol: "个工作日", dimension: .time)
    public static let day = ValueUnit(symbol: "天", dimension: .time)
    public static let hour = ValueUnit(symbol: "小时", dimension: .time)

    /// A count of `noun` (`人次`, `篇`, `户`): each noun is its own unit.
    public static func count(_ noun: String) -> ValueUnit {
        ValueUnit(symbol: noun, dimension: .count)
    }
}

/// Every unit the parser recognises, indexed for longest-match lookup.
struct ValueUnitTable: Sendable {
    var units: ValueWordList<ValueUnit>

    init(countUnits: [String]) {
        var entries: [(String, ValueUnit)] = []
        func add(_ symbol: String, _ dimension: ValueUnit.Dimension, base: String? = nil, factor: Fixed = 1) {
            entries.append((symbol, ValueUnit(symbol: symbol, dimension: dimension, base: base, factor: factor)))
        }
        let tenThousand: Fixed = 10000
        let hundredMillion: Fixed = 100_000_000
        // Prefixed forms (万人次, 万平方米, 亿元) scale the unit they prefix.
        func addScaled(_ symbol: String, _ dimension: ValueUnit.Dimension, base: String? = nil, factor: Fixed = 1) {
            add(symbol, dimension, base: base, factor: factor)
            add("万" + symbol, dimension, base: base ?? symbol, factor: factor * tenThousand)
            add("亿" + symbol, dimension, base: base ?? symbol, factor: factor * hundredMillion)
        }

        add("%", .percent)
        entries.append(("百分比", .percent))  // `≥100百分比`: a spelling of %, not a unit of its own
        add("‰", .percent, base: "%", factor: Fixed(significand: 1, decimals: 1))
        add("百分点", .percent)
        add("个百分点", .percent, base: "百分点")

        add("元", .money)
        add("千元", .money, base: "元", factor: 1000)
        add("万元", .money, base: "元", factor: tenThousand)
        add("百万元", .money, base: "元", factor: 1_000_000)
        add("亿元", .money, base: "元", factor: hundredMillion)

        let centi = Fixed(significand: 1, decimals: 2)
        let milli = Fixed(significand: 1, decimals: 3)
        addScaled("米", .length)
        add("m", .length, base: "米")
        add("厘米", .length, base: "米", factor: centi)
        add("cm", .length, base: "米", factor: centi)
        add("毫米", .length, base: "米", factor: milli)
        add("mm", .length, base: "米", factor: milli)
        for symbol in ["千米", "公里", "km"] { add(symbol, .length, base: "米", factor: 1000) }

        addScaled("平方米", .area)
        for symbol in ["平米", "㎡", "m²", "m2"] { addScaled(symbol, .area, base: "平方米") }
        for symbol in ["平方公里", "平方千米", "km²", "km2"] { add(symbol, .area, base: "平方米", factor: 1_000_000) }
        add("公顷", .area, base: "平方米", factor: tenThousand)
        addScaled("亩", .area)

        addScaled("吨", .mass, base: "千克", factor: 1000)
        add("t", .mass, base: "千克", factor: 1000)
        for symbol in ["千克", "公斤", "kg"] { add(symbol, .mass, base: "千克") }
        add("克", .mass, base: "千克", factor: milli)
        add("g", .mass, base: "千克", factor: milli)

        add("个工作日", .time)
        add("工作日", .time, base: "个工作日")
        add("天", .time)
        add("日", .time, base: "天")
        add("小时", .time)
        add("个小时", .time, base: "小时")
        add("分钟", .time)
        add("周", .time)
        add("个星期", .time, base: "周")
        add("星期", .time, base: "周")
        add("个月", .time, base: "月")
        add("季度", .time)
        add("个季度", .time, base: "季度")
        add("年", .time)

        for noun in countUnits where !noun.isEmpty {
            addScaled(noun, .count)
        }
        // A bare 万 or 亿 with no noun (`40 万`): a count of nothing in particular.
        add("万", .count, base: "", factor: tenThousand)
        add("亿", .count, base: "", factor: hundredMillion)

        units = ValueWordList(entries)
    }
}
