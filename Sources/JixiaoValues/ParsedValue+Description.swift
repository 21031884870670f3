import Foundation
import JixiaoBase

extension ParsedValue: CustomStringConvertible {
    /// A compact form for messages and test output: `≥ 0.8 条/日`, `(=) 500`, `≥ 100%`, `date ≤ 2021-12`,
    /// `within 5 个工作日`, `达成 (完成目标)`, `unscorable severalValues`.
    public var description: String {
        switch self {
        case .quantity(let quantity):
            let comparator = quantity.isComparatorStated ? "\(quantity.comparator)" : "(=)"
            return "\(comparator) \(Self.printed(quantity.amount, quantity.decimals))"
                + Self.unitText(quantity.unit, quantity.per)
        case .range(let range):
            return "\(Self.printed(range.lower, range.lowerDecimals))…\(Self.printed(range.upper, range.upperDecimals))"
                + Self.unitText(range.unit, range.per)
        case .date(let date):
            let parts = [date.year.map { String($0) } ?? "?", date.month.map { String($0) }, date.day.map { String($0) }]
            return "date \(date.comparator) " + parts.compactMap { $0 }.joined(separator: "-")
        case .deadline(.dayOfMonth(let day)):
            return "by day \(day) of the month"
        case .deadline(.within(let amount, let decimals, let unit)):
            return "within \(Self.printed(amount, decimals)) \(unit)"
        case .qualitative(let qualitative):
            return "\(qualitative.band) (\(qualitative.word), \(qualitative.kind.rawValue))"
        case .unscorable(let unscorable):
            return "unscorable \(unscorable.reason.rawValue): \(unscorable.message.zh)"
        }
    }

    private static func unitText(_ unit: ValueUnit?, _ per: String?) -> String {
        let symbol = unit.map { $0.dimension == .percent && $0.symbol.count == 1 ? $0.symbol : " \($0.symbol)" }
        return (symbol ?? "") + (per.map { "/\($0)" } ?? "")
    }

    /// The amount with exactly `decimals` places, from its decimal digits.
    private static func printed(_ amount: Fixed, _ decimals: Int) -> String {
        var text = "\(amount)"
        guard decimals > 0 else { return text }
        let dot = text.firstIndex(of: ".")
        let present = dot.map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
        if dot == nil { text += "." }
        if present < decimals { text += String(repeating: "0", count: decimals - present) }
        return text
    }
}
