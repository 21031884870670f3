import Foundation

/// A number as a table printed it: its value and how many decimals it was printed with.
///
/// `9.6` and `9.60` have the same value but say different things: the first was rounded (or
/// truncated) to one decimal, so it stands for anything in [9.55, 9.65]. Claims are compared
/// at that precision (DOMAIN.md §5). Values are `Decimal`, never binary floating point.
public struct PrintedNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number as printed; for a percentage the percent figure (`96.3` for `96.3%`).
    public var value: Decimal
    /// Digits printed after the decimal point.
    public var decimals: Int
    /// Printed with a `%` sign.
    public var isPercent: Bool

    public init(_ value: Decimal, decimals: Int, isPercent: Bool = false) {
        self.value = value
        self.decimals = decimals
        self.isPercent = isPercent
    }

    /// Reads a printed figure: optional sign, digits with optional thousands separators, an
    /// optional fraction and an optional `%`. Full-width digits and signs are accepted.
    /// Returns nil for anything else (`五十`, `1,2.3`, `--5`, `NaN`, `1e400`).
    public init?(parsing raw: String) {
        var chars = Array(Self.halfWidth(raw).trimmingCharacters(in: .whitespaces))
        var isPercent = false
        if chars.last == "%" {
            isPercent = true
            chars.removeLast()
            while chars.last == " " { chars.removeLast() }
        }
        var negative = false
        if let first = chars.first, first == "-" || first == "+" {
            negative = first == "-"
            chars.removeFirst()
        }
        guard let parts = Self.digits(chars) else { return nil }
        let text = parts.fraction.isEmpty ? parts.integer : parts.integer + "." + parts.fraction
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        self.value = negative ? -value : value
        self.decimals = parts.fraction.count
        self.isPercent = isPercent
    }

    /// Splits `1,614.46` into `1614` and `46`; nil unless it is plain digits with correct grouping.
    private static func digits(_ chars: [Character]) -> (integer: String, fraction: String)? {
        let pieces = chars.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count <= 2, let integerPart = pieces.first, !integerPart.isEmpty else { return nil }
        let fraction = pieces.count == 2 ? String(pieces[1]) : ""
        if pieces.count == 2, fraction.isEmpty { return nil }
        guard fraction.allSatisfy(\.isASCIIDigit) else { return nil }
        let groups = integerPart.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        if groups.count > 1 {
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let integer = String(groups.joined())
        guard integer.count <= 30, fraction.count <= 10 else { return nil }
        return (integer, fraction)
    }

    /// Maps full-width digits and signs (`１２３．４５％`) to their ASCII forms.
    static func halfWidth(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: out.append(" ")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// The value as a plain number: a percentage divided by 100.
    public var number: Decimal {
        isPercent ? value / 100 : value
    }

    /// Half a unit in the last printed place, in the units of `number`.
    public var halfUnit: Decimal {
        unit / 2
    }

    /// One unit in the last printed place, in the units of `number`.
    public var unit: Decimal {
        let step = Decimal(sign: .plus, exponent: -decimals, significand: 1)
        return isPercent ? step / 100 : step
    }

    /// Decimals of `number` (a percentage has two more than printed).
    public var numberDecimals: Int {
        isPercent ? decimals + 2 : decimals
    }

    /// Written as printed: `96.30%`, `1614.46`, `100`.
    public var description: String {
        value.formatted(decimals: decimals) + (isPercent ? "%" : "")
    }

    /// Whether the value has no fractional part as printed (`5`, `20`, not `5.0`).
    public var isWhole: Bool { decimals == 0 }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
