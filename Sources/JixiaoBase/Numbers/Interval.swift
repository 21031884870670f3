import Foundation

/// A closed interval of decimals: the values a printed figure, or a figure computed from
/// printed figures, can stand for.
public struct Interval: Sendable, Hashable {
    public var lower: Fixed
    public var upper: Fixed

    public init(_ lower: Fixed, _ upper: Fixed) {
        self.lower = Swift.min(lower, upper)
        self.upper = Swift.max(lower, upper)
    }

    public init(exactly value: Fixed) {
        self.init(value, value)
    }

    /// What a printed number can stand for when it was rounded: ± half a unit, or exactly
    /// itself when it is `exact`.
    public init(_ number: PrintedNumber, exact: Bool = false) {
        let half = exact ? 0 : number.halfUnit
        self.init(number.number - half, number.number + half)
    }

    public func contains(_ value: Fixed) -> Bool { lower <= value && value <= upper }

    public func overlaps(_ other: Interval) -> Bool { lower <= other.upper && other.lower <= upper }

    public static func + (a: Interval, b: Interval) -> Interval {
        Interval(a.lower + b.lower, a.upper + b.upper)
    }

    /// Product of two intervals of non-negative numbers.
    public static func * (a: Interval, b: Interval) -> Interval {
        Interval(a.lower * b.lower, a.upper * b.upper)
    }

    /// Quotient of non-negative intervals; nil when the divisor can be zero.
    public func divided(by divisor: Interval) -> Interval? {
        guard divisor.lower > 0 else { return nil }
        return Interval(lower / divisor.upper, upper / divisor.lower)
    }

    public func clamped(to range: Interval) -> Interval {
        Interval(Swift.min(Swift.max(lower, range.lower), range.upper),
                 Swift.min(Swift.max(upper, range.lower), range.upper))
    }
}
