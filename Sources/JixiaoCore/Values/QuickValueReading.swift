/// The shape most value texts have, read without the general reading: an optional comparator
/// word, a plain decimal number and an optional unit word, nothing else (`≥ 95%`, `≤1200.50 万元`,
/// `320 次`, `不少于 12 篇`).
///
/// For these texts the general reading (`ValueReading.numeric()`) takes one comparator, one
/// number and one unit and checks an empty label and an empty remainder; this gives the same
/// value from the raw text at a quarter of the cost. A text it is not sure of is left to the
/// general reading (nil): anything the normaliser would change (full-width forms, `>=`, spaces
/// inside a word), a Chinese numeral, a unit of time or one that starts like a date
/// (`年 月 号 日`), a four-digit number with one or two decimals and no unit (`2021.12` may be a
/// month), more than eighteen digits. A test compares the two readings over every comparator
/// and unit of the standard vocabulary.
enum QuickValueReading {
    static func read(_ text: String, index: ValueVocabularyIndex) -> ParsedValue? {
        text.withUTF8Bytes { read($0, index: index) }
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, index: ValueVocabularyIndex) -> ParsedValue? {
        var position = skipSpaces(bytes, from: 0)
        // The comparator word: everything up to the first digit or space.
        let wordStart = position
        while position < bytes.count, !isDigit(bytes[position]), bytes[position] != UInt8(ascii: " ") { position += 1 }
        let word = wordStart..<position
        position = skipSpaces(bytes, from: position)
        guard position < bytes.count, isDigit(bytes[position]) else { return nil }

        // The number: digits, and a fraction after one point.
        var integer: UInt64 = 0, fraction: UInt64 = 0
        var integerDigits = 0, decimals = 0
        while position < bytes.count, isDigit(bytes[position]) {
            integer = integer &* 10 &+ UInt64(bytes[position] &- 0x30)
            integerDigits += 1
            position += 1
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { return nil }
            while position < bytes.count, isDigit(bytes[position]) {
                fraction = fraction &* 10 &+ UInt64(bytes[position] &- 0x30)
                decimals += 1
                position += 1
            }
        }
        guard integerDigits + decimals <= ValueNumberScanner.maximumDigits else { return nil }

        // The unit word: the rest, spaces after it aside.
        position = skipSpaces(bytes, from: position)
        let unitStart = position
        while position < bytes.count, bytes[position] != UInt8(ascii: " ") { position += 1 }
        let unitWord = unitStart..<position
        guard skipSpaces(bytes, from: position) == bytes.count else { return nil }
        // Without a unit, `2021.12` may be a month.
        if unitWord.isEmpty, integerDigits == 4, (1...2).contains(decimals) { return nil }

        var comparator: ValueComparator?
        if !word.isEmpty {
            guard let text = plainWord(bytes, word), let tag = index.comparatorsBefore.tag(ofWord: text) else { return nil }
            comparator = tag
        }
        var unit: ValueUnit?
        if !unitWord.isEmpty {
            guard let text = plainWord(bytes, unitWord), !startsLikeDate(text), let tag = index.units.tag(ofWord: text),
                  tag.dimension != .time
            else { return nil }
            unit = tag
        }
        var scale: UInt64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let amount = Fixed(significand: Int128(integer * scale + fraction), decimals: decimals)
        return .quantity(ParsedValue.Quantity(
            comparator ?? .equal, amount, decimals: decimals, unit: unit, isComparatorStated: comparator != nil))
    }

    /// `bytes[range]` as a word when the normaliser leaves each of its characters as it is and
    /// none is a digit, a Chinese numeral or punctuation: CJK ideographs, ASCII letters, `%`,
    /// `≥ ≤ > <`. Nil for anything else.
    private static func plainWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        var position = range.lowerBound
        while position < range.upperBound {
            let byte = bytes[position]
            switch byte {
            case 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "%"), UInt8(ascii: "<"), UInt8(ascii: ">"):
                position += 1
                continue
            case 0xE2...0xE9:
                guard position + 2 < range.upperBound, bytes[position + 1] & 0xC0 == 0x80, bytes[position + 2] & 0xC0 == 0x80
                else { return nil }
                let scalar = UInt32(byte & 0x0F) << 12 | UInt32(bytes[position + 1] & 0x3F) << 6 | UInt32(bytes[position + 2] & 0x3F)
                let isWordCharacter = switch scalar {
                case 0x2264, 0x2265: true
                case 0x4E00...0x9FFF: Unicode.Scalar(scalar).map { !ValueNumberScanner.isChinese($0) } ?? false
                default: false
                }
                guard isWordCharacter else { return nil }
                position += 3
            default:
                return nil
            }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// `年 月 号 日`: after a number, the start of a date.
    private static func startsLikeDate(_ word: String) -> Bool {
        switch word.unicodeScalars.first {
        case "年", "月", "号", "日": true
        default: false
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    private static func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var position = start
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") { position += 1 }
        return position
    }
}
