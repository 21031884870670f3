/// A number cell's stored text as Excel shows it, by decimal digit arithmetic (never `Double`).
///
/// The stored `<v>` text is kept as it is (`87.5`, `2305.17`, `0100`…) with two exceptions, both
/// to show what the unit saw in Excel:
/// - a value stored with more than 15 significant digits (`96.299999999999997`, binary
///   floating-point noise that Excel writes for some results) is rounded to 15, Excel's display
///   precision, and its trailing fraction zeros dropped (`87.5`);
/// - a value in a percent format (`0%`, `0.00%`) is shown as a percentage with the format's
///   decimals (`0.875` → `87.50%`), since 执行率 cells are usually so formatted.
/// Other formats (dates, thousands separators, currency) are not applied: a date stays its
/// serial number, which a self-evaluation table does not need.
enum XLSXNumber {
    static let displayDigits = 15

    static func displayed(_ stored: String, percentDecimals: Int?) -> String {
        guard var number = Digits(stored) else { return stored }
        if let percentDecimals {
            number.point += 2
            number.round(fractionDigits: percentDecimals)
            return number.text(minimumFractionDigits: percentDecimals) + "%"
        }
        guard number.significantCount > displayDigits else { return stored }
        number.round(significantDigits: displayDigits)
        return number.text(minimumFractionDigits: 0)
    }

    /// A plain decimal (`-12.50`, `.5`): its digits and where the point falls among them.
    struct Digits {
        var negative: Bool
        var digits: [UInt8]
        /// How many of `digits` stand before the decimal point (may be < 0 or > count).
        var point: Int

        init?(_ text: String) {
            var scalars = Substring(text)
            negative = scalars.first == "-"
            if negative || scalars.first == "+" { scalars = scalars.dropFirst() }
            digits = []
            var pointAt: Int?
            for character in scalars {
                if character == ".", pointAt == nil {
                    pointAt = digits.count
                } else if let value = character.asciiValue, (48...57).contains(value) {
                    digits.append(value - 48)
                } else {
                    return nil
                }
            }
            guard !digits.isEmpty else { return nil }
            point = pointAt ?? digits.count
        }

        var significantCount: Int {
            guard let first = digits.firstIndex(where: { $0 != 0 }) else { return 0 }
            let last = digits.lastIndex(where: { $0 != 0 })!
            return last - first + 1
        }

        mutating func round(significantDigits: Int) {
            guard let first = digits.firstIndex(where: { $0 != 0 }) else { return }
            round(keeping: first + significantDigits)
        }

        mutating func round(fractionDigits: Int) {
            round(keeping: point + fractionDigits)
        }

        /// Keeps the first `count` digits, rounding half up on the next one.
        private mutating func round(keeping count: Int) {
            if count < 0 {
                digits = [0]
                point = 1
                return
            }
            guard count < digits.count else { return }
            let roundUp = digits[count] >= 5
            digits.removeSubrange(count...)
            guard roundUp else { return }
            var index = digits.count - 1
            while index >= 0 {
                if digits[index] == 9 {
                    digits[index] = 0
                    index -= 1
                } else {
                    digits[index] += 1
                    return
                }
            }
            digits.insert(1, at: 0)
            point += 1
        }

        /// The decimal text: no leading zeros but one before the point, trailing fraction zeros
        /// beyond `minimumFractionDigits` dropped.
        func text(minimumFractionDigits: Int) -> String {
            var integer = point > 0 ? Array(digits.prefix(point)) : []
            if point > digits.count { integer += Array(repeating: 0, count: point - digits.count) }
            var fraction = point < 0 ? Array(repeating: 0, count: -point) + digits : Array(digits.dropFirst(max(point, 0)))
            while fraction.count > minimumFractionDigits, fraction.last == 0 { fraction.removeLast() }
            while fraction.count < minimumFractionDigits { fraction.append(0) }
            while integer.count > 1, integer.first == 0 { integer.removeFirst() }
            if integer.isEmpty { integer = [0] }
            let isZero = !integer.contains { $0 != 0 } && !fraction.contains { $0 != 0 }
            var text = negative && !isZero ? "-" : ""
            text += integer.map { String($0) }.joined()
            if !fraction.isEmpty { text += "." + fraction.map { String($0) }.joined() }
            return text
        }
    }

    /// The decimals of a percent number format (`0.00%` → 2), or nil when the format is not a
    /// percentage. Built-in formats 9 (`0%`) and 10 (`0.00%`) have no code in styles.xml.
    static func percentDecimals(formatID: Int, code: String?) -> Int? {
        switch formatID {
        case 9: return 0
        case 10: return 2
        default: break
        }
        guard let code else { return nil }
        // The first section only (positive numbers), outside quoted text and brackets.
        var decimals: Int?
        var afterPoint = false
        var quoted = false
        var bracketed = false
        var escaped = false
        var percent = false
        for character in code {
            if escaped { escaped = false; continue }
            if quoted { if character == "\"" { quoted = false }; continue }
            if bracketed { if character == "]" { bracketed = false }; continue }
            switch character {
            case "\\": escaped = true
            case "\"": quoted = true
            case "[": bracketed = true
            case ";": return percent ? decimals ?? 0 : nil
            case ".": afterPoint = true; decimals = decimals ?? 0
            case "0", "#", "?": if afterPoint { decimals = (decimals ?? 0) + 1 }
            case "%": percent = true; afterPoint = false
            default: break
            }
        }
        return percent ? decimals ?? 0 : nil
    }
}
