import Foundation
import JixiaoBase

extension ParsedValue {
    /// A number with its comparator, unit and period: `≥ 0.8 条` per `日`.
    public struct Quantity: Sendable, Hashable {
        /// The relation the text states; `.equal` when it states none (see ``isComparatorStated``).
        public var comparator: ValueComparator
        /// False for a bare number (`224 人次`): the rubric may read it otherwise (a cost cap as ≤).
        public var isComparatorStated: Bool
        /// The number as printed, in ``unit`` (`1200.50` for `≤1200.50万元`, `100` for `100%`).
        public var amount: Fixed
        /// Digits printed after the decimal point (`28.00%` → 2).
        public var decimals: Int
        /// Nil when the text prints no unit (`500`); see ``ParsedValue/resolved(against:)``.
        public var unit: ValueUnit?
        /// What the amount is counted per: `日` for `每日`/`日均`/`/天`, `月`, `年`, `人` for `人均`.
        public var per: String?

        public init(
            _ comparator: ValueComparator, _ amount: Fixed, decimals: Int, unit: ValueUnit? = nil,
            per: String? = nil, isComparatorStated: Bool = true
        ) {
            self.comparator = comparator
            self.isComparatorStated = isComparatorStated
            self.amount = amount
            self.decimals = decimals
            self.unit = unit
            self.per = per
        }

        /// The amount in its unit's base (`1200.50` 万元 → `12005000` 元); the amount itself
        /// when there is no unit.
        public var amountInBase: Fixed {
            guard let unit else { return amount }
            return amount * unit.factor
        }
    }

    /// Two numbers with one unit: `90%-100%` is 90…100 %.
    public struct QuantityRange: Sendable, Hashable {
        public var lower: Fixed
        public var lowerDecimals: Int
        public var upper: Fixed
        public var upperDecimals: Int
        public var unit: ValueUnit?
        public var per: String?

        public init(
            lower: Fixed, lowerDecimals: Int, upper: Fixed, upperDecimals: Int,
            unit: ValueUnit? = nil, per: String? = nil
        ) {
            self.lower = lower
            self.lowerDecimals = lowerDecimals
            self.upper = upper
            self.upperDecimals = upperDecimals
            self.unit = unit
            self.per = per
        }
    }
}
