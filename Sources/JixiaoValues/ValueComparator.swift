/// How a target (or an actual that restates it) relates to its number: `≥ 100%`, `≤1200.50万元`,
/// `>60%`, a bare `224 人次` (equal).
///
/// The words that select a comparator (以上, 不少于, 控制在 …) come from the rubric's
/// ``ValueVocabulary``; this type only names the relation.
public enum ValueComparator: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// ≥: 以上, 不少于, 不低于, 至少, 达 …
    case atLeast = "≥"
    /// >: 大于, 高于, 超过 …
    case moreThan = ">"
    /// ≤: 以内, 以下, 不超过, 不高于, 控制在 …
    case atMost = "≤"
    /// <: 小于, 低于, 少于, 不足 …
    case lessThan = "<"
    /// =: a bare number, or 等于.
    case equal = "="

    public var description: String { rawValue }

    /// Whether a larger actual is the better side (≥ and >): a 正向 indicator.
    public var isLowerBound: Bool { self == .atLeast || self == .moreThan }

    /// Whether a smaller actual is the better side (≤ and <): a 反向 indicator such as a cost cap.
    public var isUpperBound: Bool { self == .atMost || self == .lessThan }
}
