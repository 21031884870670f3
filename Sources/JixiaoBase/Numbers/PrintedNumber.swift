import Foundation

/// A number as a table printed it: its value and how many decimals it was printed with.
///
/// `9.6` and `9.60` have the same value but say different things: the first was rounded (or
/// truncated) to one decimal, so it stands for anything in [9.55, 9.65]. Claims are compared
/// at that precision (DOMAIN.md §5). Values are `Fixed`, never binary floating point.
public struct PrintedNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number as printed; for a percentage the percent figure (`87.5` for `87.5%`).
    public var value: Fixed
    /// Digits printed after the decimal point.
    public var decimals: Int
    /// Printed with a `%` sign.
    public var isPercent: Bool

    public init(_ value: Fixed, decimals: Int, isPercent: Bool = false) {
        self.value = value
        self.decimals = decimals
        self.isPercent = isPercent
    }

    /// Reads a printed figure: optional sign, digits with optional thousands separators, an
    /// optional fraction and an optional `%`. Full-width digits and signs are accepted.
    /// Returns nil for anything else (`五十`, `1,2.3`, `--5`, `NaN`, `1e400`).
    public init?(parsing raw: String) {
        guard let number = raw.withUTF8Bytes({ PrintedNumber(utf8: $0) }) else { return nil }
        self = number
    }

    /// `init?(parsing:)` on the text's UTF-8 bytes.
    init?(utf8: UnsafeBufferPointer<UInt8>) {
        let parsed: (value: Fixed, decimals: Int, isPercent: Bool)?
        if utf8.allSatisfy({ $0 < 0x80 && $0 != 0x09 }) {
            parsed = Self.parse(utf8)  // the usual figure: plain ASCII, read in place
        } else {
            parsed = Self.halfWidth(utf8)?.withUnsafeBufferPointer(Self.parse)
        }
        guard let parsed else { return nil }
        self.init(parsed.value, decimals: parsed.decimals, isPercent: parsed.isPercent)
    }

    /// The text as half-width ASCII bytes (full-width forms folded, tabs and other spaces made
    /// spaces); nil when a character cannot be part of a figure.
    private static func halfWidth(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for scalar in String(decoding: utf8, as: UTF8.self).unicodeScalars {
            var value = scalar.value
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
            if value == 0x09 || (value >= 0x80 && scalar.properties.generalCategory == .spaceSeparator) { value = 0x20 }
            guard value < 0x80 else { return nil }
            bytes.append(UInt8(value))
        }
        return bytes
    }

    /// A figure of ASCII bytes, spaces around it trimmed.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (value: Fixed, decimals: Int, isPercent: Bool)? {
        var text = bytes[...]
        while text.first == 0x20 { text.removeFirst() }
        while text.last == 0x20 { text.removeLast() }
        var isPercent = false
        if text.last == UInt8(ascii: "%") {
            isPercent = true
            text.removeLast()
            while text.last == 0x20 { text.removeLast() }
        }
        var negative = false
        if let first = text.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            text.removeFirst()
        }
        guard let (significand, decimals) = digits(text) else { return nil }
        let value = Fixed(significand: negative ? -significand : significand, decimals: decimals)
        guard abs(value) < Fixed.max else { return nil }
        return (value, decimals, isPercent)
    }

    /// `2,305.17` as 230517 with 2 decimals; nil unless it is plain digits with correct grouping
    /// (groups of three after the first, which has one to three).
    private static func digits(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> (significand: Int128, decimals: Int)? {
        var significand: Int128 = 0
        var integerDigits = 0, decimals = 0
        var group = 0, groups = 0
        var inFraction = false
        for byte in text {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                significand = significand * 10 + Int128(byte - UInt8(ascii: "0"))
                if inFraction { decimals += 1 } else { integerDigits += 1; group += 1 }
            case UInt8(ascii: ",") where !inFraction:
                guard group > 0, groups == 0 ? group <= 3 : group == 3 else { return nil }
                groups += 1
                group = 0
            case UInt8(ascii: ".") where !inFraction:
                inFraction = true
            default:
                return nil
            }
            guard integerDigits <= 26, decimals <= Fixed.scaleDigits else { return nil }
        }
        guard integerDigits > 0, groups == 0 || group == 3, !inFraction || decimals > 0 else { return nil }
        return (significand, decimals)
    }

    /// The value as a plain number: a percentage divided by 100.
    public var number: Fixed {
        isPercent ? value / 100 : value
    }

    /// Half a unit in the last printed place, in the units of `number`.
    public var halfUnit: Fixed {
        unit / 2
    }

    /// One unit in the last printed place, in the units of `number`.
    public var unit: Fixed {
        let step = Fixed(significand: 1, decimals: decimals)
        return isPercent ? step / 100 : step
    }

    /// Decimals of `number` (a percentage has two more than printed).
    public var numberDecimals: Int {
        isPercent ? decimals + 2 : decimals
    }

    /// Written as printed: `87.50%`, `2305.17`, `100`.
    public var description: String {
        value.formatted(decimals: decimals) + (isPercent ? "%" : "")
    }

    /// Whether the value has no fractional part as printed (`5`, `20`, not `5.0`).
    public var isWhole: Bool { decimals == 0 }
}

extension Character {
    package var isASCIIDigit: Bool { isASCII && isNumber }
}
