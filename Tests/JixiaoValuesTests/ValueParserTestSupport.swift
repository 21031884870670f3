import Foundation
import JixiaoBase
import JixiaoValues
import Testing

/// What a table row expects: an exact parsed value, or unscorable for a given reason (the
/// message wording may change; the reason may not).
enum ExpectedValue: Sendable, CustomStringConvertible {
    case value(ParsedValue)
    case unscorable(ParsedValue.Unscorable.Reason)

    var description: String {
        switch self {
        case .value(let value): "\(value)"
        case .unscorable(let reason): "unscorable \(reason.rawValue)"
        }
    }

    func matches(_ parsed: ParsedValue) -> Bool {
        switch (self, parsed) {
        case (.value(let expected), _): expected == parsed
        case (.unscorable(let reason), .unscorable(let unscorable)): unscorable.reason == reason
        default: false
        }
    }
}

/// One row of a value table: the text as printed and what it must parse to.
struct ValueCase: Sendable, CustomTestStringConvertible {
    var text: String
    var expected: ExpectedValue

    init(_ text: String, _ expected: ExpectedValue) {
        self.text = text
        self.expected = expected
    }

    var testDescription: String { "\(text) → \(expected)" }
}

/// Helpers shared by the value tests.
enum ValueTestSupport {
    /// A decimal from its digits, as a table prints it.
    static func decimal(_ digits: String) -> Fixed {
        Fixed(digits) ?? .max
    }

    static func decimalsPrinted(_ digits: String) -> Int {
        guard let dot = digits.firstIndex(of: ".") else { return 0 }
        return digits.distance(from: dot, to: digits.endIndex) - 1
    }

    static func unit(_ symbol: String?) -> ValueUnit? {
        symbol.map { ValueUnit.named($0) ?? ValueUnit(symbol: "?\($0)", dimension: .count) }
    }
}

// Builders that keep the tables one line per row: `ValueCase("2 次以上", .quantity(.atLeast, "2", "次"))`.
extension ExpectedValue {
    /// A quantity whose comparator the text states.
    static func quantity(_ comparator: ValueComparator, _ amount: String, _ symbol: String? = nil, per: String? = nil)
        -> ExpectedValue
    {
        .value(
            .quantity(
                .init(
                    comparator, ValueTestSupport.decimal(amount), decimals: ValueTestSupport.decimalsPrinted(amount),
                    unit: ValueTestSupport.unit(symbol), per: per)))
    }

    /// A bare quantity: equal, with no comparator written.
    static func bare(_ amount: String, _ symbol: String? = nil, per: String? = nil) -> ExpectedValue {
        .value(
            .quantity(
                .init(
                    .equal, ValueTestSupport.decimal(amount), decimals: ValueTestSupport.decimalsPrinted(amount),
                    unit: ValueTestSupport.unit(symbol), per: per, isComparatorStated: false)))
    }

    static func range(_ lower: String, _ upper: String, _ symbol: String? = nil) -> ExpectedValue {
        .value(
            .range(
                .init(
                    lower: ValueTestSupport.decimal(lower), lowerDecimals: ValueTestSupport.decimalsPrinted(lower),
                    upper: ValueTestSupport.decimal(upper), upperDecimals: ValueTestSupport.decimalsPrinted(upper),
                    unit: ValueTestSupport.unit(symbol))))
    }

    static func date(_ comparator: ValueComparator = .equal, year: Int? = nil, month: Int? = nil, day: Int? = nil)
        -> ExpectedValue
    {
        .value(.date(.init(comparator, year: year, month: month, day: day)))
    }

    static func within(_ amount: String, _ symbol: String) -> ExpectedValue {
        .value(
            .deadline(
                .within(
                    amount: ValueTestSupport.decimal(amount), decimals: ValueTestSupport.decimalsPrinted(amount),
                    unit: ValueTestSupport.unit(symbol) ?? ValueUnit(symbol: symbol, dimension: .time))))
    }

    static func dayOfMonth(_ day: Int) -> ExpectedValue {
        .value(.deadline(.dayOfMonth(day)))
    }

    static func band(_ name: String, _ word: String, _ kind: ParsedValue.Qualitative.Kind = .achievement)
        -> ExpectedValue
    {
        .value(.qualitative(.init(band: name, word: word, kind: kind)))
    }

    static func achieved(_ word: String) -> ExpectedValue { band("达成", word) }
    static func improved(_ word: String) -> ExpectedValue { band("达成", word, .improved) }
    static func noIncident(_ word: String) -> ExpectedValue { band("达成", word, .noIncident) }
}
