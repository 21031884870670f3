import JixiaoBase

/// A number found in a value text, with where it was printed.
struct ValueNumber: Sendable {
    var value: Fixed
    /// Digits printed after the decimal point.
    var decimals: Int
    /// Position in the normalised text: `start..<end`.
    var start: Int
    var end: Int
    /// Digits before the decimal point as printed (`2021` → 4), for telling years from amounts.
    var integerDigits: Int
    /// The integer part, when it fits (always for the lengths accepted).
    var integerPart: Int
    /// The fraction digits read as a whole number (`12` for `2021.12`, `1` for `2021.01`), for
    /// telling `2021.12` from a decimal; ``decimals`` says how many there are.
    var fractionPart: Int
    /// Written in Chinese numerals (`三`, `两`, `二〇二一`).
    var isChinese: Bool
    /// Grouped with thousands separators (`2,305.17`).
    var isGrouped: Bool

    var isInteger: Bool { decimals == 0 }

    /// `value` as an Int when it is a whole number.
    var wholeValue: Int? { isInteger ? integerPart : nil }

    /// A four-digit whole number that reads as a year (1900–2100).
    var isYearLike: Bool {
        isInteger && !isGrouped && integerDigits == 4 && (1900...2100).contains(integerPart)
    }
}

/// Finds the numbers of a normalised value text in one left-to-right pass.
///
/// Arabic numbers: digits with optional thousands commas (`2,305.17`: groups of exactly three)
/// and an optional fraction; `2021.12.31` yields three numbers so that it reads as a date.
/// Chinese numerals are read only where they cannot be part of a word: before a unit of time
/// (`三个工作日`, `十五天`, `三日内`), before 次 for two or more (`两次`), as a month (`十二月`), as a
/// year written digit by digit (`二〇二一年`), or after 百分之. Elsewhere (`一人一策`, `统一部署`,
/// `四个意识`, `十分满意`) they stay text.
enum ValueNumberScanner {
    enum Failure: Error {
        case malformed(String)
        /// More digits than `maximumDigits`, or scientific notation: a number not held exactly.
        case tooLarge(String)
    }

    /// The most digits a number may have; 18 fit a UInt64 exactly.
    static let maximumDigits = 18

    private enum ChineseContext: Sendable {
        case time, times, month, year
    }

    private static let contexts = ValueWordList<ChineseContext>(
        ["个工作日", "工作日", "天", "日", "小时", "个小时", "个月", "周", "个星期", "星期"].map { ($0, .time) }
            + [("次", .times), ("月", .month), ("年", .year)]
    )

    /// `〇 零 一 二 两 三 四 五 六 七 八 九` as 0…9.
    private static func chineseDigit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "〇", "零": 0
        case "一": 1
        case "二", "两": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        default: nil
        }
    }

    /// `十 百 千` as 10, 100, 1000.
    private static func chineseMultiplier(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "十": 10
        case "百": 100
        case "千": 1000
        default: nil
        }
    }

    static func scan(_ text: ValueText, units: ValueWordList<ValueUnit>) throws(Failure) -> [ValueNumber] {
        var numbers: [ValueNumber] = []
        var index = 0
        while index < text.count {
            let scalar = text[index]
            if ValueTextNormalizer.isDigit(scalar) {
                try scanArabic(text, from: &index, into: &numbers)
                // A unit spelled with digits (`m2`, `km2`) belongs to the number before it.
                if let unit = units.longestMatch(in: text, at: index),
                    text[index..<(index + unit.length)].contains(where: ValueTextNormalizer.isDigit)
                {
                    index += unit.length
                }
            } else if scalar == ".", index + 1 < text.count, ValueTextNormalizer.isDigit(text[index + 1]),
                index == 0 || !ValueTextNormalizer.isDigit(text[index - 1])
            {
                throw .malformed(".")  // `.5`: a fraction with no integer part
            } else if isChinese(scalar), index == 0 || !ValueTextNormalizer.isDigit(text[index - 1]) {
                var end = index
                while end < text.count, isChinese(text[end]) { end += 1 }
                if let number = chineseNumber(text, start: index, end: end) {
                    numbers.append(number)
                }
                index = end
            } else {
                index += 1
            }
        }
        return numbers
    }

    private static func scanArabic(
        _ text: ValueText, from index: inout Int, into numbers: inout [ValueNumber]
    ) throws(Failure) {
        let start = index
        var integer = Digits()
        while index < text.count, ValueTextNormalizer.isDigit(text[index]) {
            integer.append(text[index])
            index += 1
        }
        let firstGroup = integer.count
        var grouped = false
        while index + 3 < text.count, text[index] == ",",
            text[(index + 1)...(index + 3)].allSatisfy(ValueTextNormalizer.isDigit),
            index + 4 == text.count || !ValueTextNormalizer.isDigit(text[index + 4])
        {
            grouped = true
            for digit in text[(index + 1)...(index + 3)] { integer.append(digit) }
            index += 4
        }
        if grouped, firstGroup > 3 {
            throw .malformed(text.text(start..<index))
        }
        var fraction = Digits()
        var dot = -1
        if index + 1 < text.count, text[index] == ".", ValueTextNormalizer.isDigit(text[index + 1]) {
            dot = index
            index += 1
            while index < text.count, ValueTextNormalizer.isDigit(text[index]) {
                fraction.append(text[index])
                index += 1
            }
        }
        guard integer.count + fraction.count <= maximumDigits else {
            throw .tooLarge(text.text(start..<index))
        }
        // `1e308`, `2.5E-3`: an exponent right after the digits.
        if index + 1 < text.count, text[index] == "e" || text[index] == "E" {
            var end = index + 1
            if end + 1 < text.count, text[end] == "+" || text[end] == "-" { end += 1 }
            if ValueTextNormalizer.isDigit(text[end]) {
                while end < text.count, ValueTextNormalizer.isDigit(text[end]) { end += 1 }
                throw .tooLarge(text.text(start..<end))
            }
        }
        // `2021.12.31`: three whole numbers joined by dots, read later as a date.
        if dot >= 0, !grouped, index + 1 < text.count, text[index] == ".",
            ValueTextNormalizer.isDigit(text[index + 1])
        {
            numbers.append(arabic(integer, Digits(), start: start, end: dot, grouped: false))
            numbers.append(arabic(fraction, Digits(), start: dot + 1, end: index, grouped: false))
            return
        }
        numbers.append(arabic(integer, fraction, start: start, end: index, grouped: grouped))
    }

    /// A run of decimal digits read as a whole number while it is scanned; wraps silently past
    /// ``maximumDigits``, where the scanner stops anyway.
    private struct Digits {
        var value: UInt64 = 0
        var count = 0

        mutating func append(_ digit: Unicode.Scalar) {
            value = value &* 10 &+ UInt64(digit.value &- 0x30)
            count += 1
        }
    }

    /// Builds the Fixed from the digits, never through binary floating point.
    private static func arabic(
        _ integer: Digits, _ fraction: Digits, start: Int, end: Int, grouped: Bool
    ) -> ValueNumber {
        var scale: UInt64 = 1
        for _ in 0..<fraction.count { scale *= 10 }
        let significand = integer.value * scale + fraction.value
        let value = Fixed(significand: Int128(significand), decimals: fraction.count)
        return ValueNumber(
            value: value, decimals: fraction.count, start: start, end: end, integerDigits: integer.count,
            integerPart: Int(integer.value), fractionPart: Int(fraction.value), isChinese: false, isGrouped: grouped)
    }

    /// Whether `scalar` is a Chinese numeral the scanner may read as (part of) a number.
    private static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
        chineseDigit(scalar) != nil || chineseMultiplier(scalar) != nil
    }

    /// The Chinese numeral in `text[start..<end]`, if its context makes it a number.
    private static func chineseNumber(_ text: ValueText, start: Int, end: Int) -> ValueNumber? {
        let run = text[start..<end]
        let afterPercentOf = text.hasWord("百分之", endingAt: start, from: 0)
        let context = contexts.longestMatch(in: text, at: end)?.tag
        let positional = run.count > 1 && run.allSatisfy { chineseDigit($0) != nil }
        let value: Int?
        if positional {
            // 二〇二一 is a year only when 年 follows.
            guard context == .year, run.count == 4 else { return nil }
            value = run.reduce(0) { $0 * 10 + (chineseDigit($1) ?? 0) }
        } else if afterPercentOf, run.count == 1, run.first == "百" {
            value = 100  // 百分之百
        } else {
            value = chineseValue(run)
        }
        guard let value else { return nil }
        let accepted: Bool
        if afterPercentOf {
            accepted = true
        } else {
            switch context {
            case .time: accepted = true
            case .times: accepted = value >= 2
            case .month: accepted = (1...12).contains(value)
            case .year: accepted = positional
            case nil: accepted = false
            }
        }
        guard accepted else { return nil }
        return ValueNumber(
            value: Fixed(value), decimals: 0, start: start, end: end, integerDigits: String(value).count,
            integerPart: value, fractionPart: 0, isChinese: true, isGrouped: false)
    }

    /// `十五` → 15, `一百零五` → 105, `两` → 2; nil for anything not well formed (`十四五`).
    private static func chineseValue(_ run: ArraySlice<Unicode.Scalar>) -> Int? {
        var total = 0
        var current: Int?
        var lastMultiplier = Int.max
        var afterZero = false
        for scalar in run {
            if let digit = chineseDigit(scalar) {
                if digit == 0 {
                    guard current == nil else { return nil }
                    afterZero = true
                    continue
                }
                guard current == nil else { return nil }
                current = digit
            } else if let multiplier = chineseMultiplier(scalar) {
                guard multiplier < lastMultiplier, !afterZero || current != nil else { return nil }
                let coefficient: Int
                if let current {
                    coefficient = current
                } else if multiplier == 10, total == 0 {
                    coefficient = 1  // 十五: the leading 一 is left out
                } else {
                    return nil
                }
                total += coefficient * multiplier
                lastMultiplier = multiplier
                current = nil
                afterZero = false
            } else {
                return nil
            }
        }
        return total + (current ?? 0)
    }
}
