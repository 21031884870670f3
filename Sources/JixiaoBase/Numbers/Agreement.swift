import Foundation

/// How a printed claim relates to the value computed for it (DOMAIN.md §5).
public enum Agreement: Sendable, Hashable {
    /// The claim is the computed value itself.
    case exact
    /// The claim is the computed value rounded half-up at the claim's printed precision.
    case rounded
    /// The claim is the computed value truncated at the claim's printed precision.
    case truncated
    /// No reading of the printed precision explains the difference.
    case mismatch

    /// Compares a printed claim with the interval of values the computation can give.
    ///
    /// - Parameters:
    ///   - claimExact: the claim carries no rounding of its own (a whole-number indicator score,
    ///     DOMAIN.md §5); otherwise it stands for ± half a unit in its last printed place.
    ///   - truncation: whether a truncated reading may explain the claim. Quotients (rates, and
    ///     scores derived from them) are truncated by some tables; sums of printed parts are not.
    public static func of(
        _ claim: PrintedNumber, against computed: Interval, claimExact: Bool = false, truncation: Bool = true
    ) -> Agreement {
        let value = claim.number
        if computed.contains(value) { return .exact }
        if claimExact { return .mismatch }
        if computed.overlaps(Interval(value - claim.halfUnit, value + claim.halfUnit)) { return .rounded }
        // Truncation cuts the tail off: a non-negative claim v stands for [v, v + unit).
        if truncation, value >= 0, computed.upper >= value, computed.lower < value + claim.unit { return .truncated }
        return .mismatch
    }
}
