import JixiaoBase

/// How an indicator's points were reached (`85 / 100 × 3 = 2.55`), kept as the numbers and
/// words that make its text: the text is written only where it is shown, and a batch's JSON
/// writes each indicator's straight into its bytes.
public enum Formula: Sendable, Equatable {
    /// Met: `actual ≥ target → points` (`≤` reverse, `=` equal).
    case met(actual: Fixed, relation: Relation, target: Fixed, points: Fixed)
    /// A share of the points: `part / whole × points = score`.
    case share(part: Fixed, whole: Fixed, points: Fixed, score: Fixed)
    /// Points less the overrun: `points × (1 − (actual − target) / target) = score`.
    case overrun(points: Fixed, actual: Fixed, target: Fixed, score: Fixed)
    /// A date target met: `2024-6 ≤ 2024-6-30 → points`.
    case date(done: String, goal: String, points: Fixed)
    /// A qualitative band: `“完成” → 达成：5 × [80%, 100%] = [4, 5]`.
    case band(word: String, band: String, points: Fixed, lower: Fixed, upper: Fixed, range: Interval)

    public enum Relation: Sendable {
        case atLeast, atMost, equal

        var spaced: StaticString {
            switch self {
            case .atLeast: " ≥ "
            case .atMost: " ≤ "
            case .equal: " = "
            }
        }
    }

    /// A piece of the text: fixed characters, a number (at most `decimals` places, trailing
    /// zeros dropped), or words from the table.
    public enum Part {
        case literal(StaticString)
        case number(Fixed, decimals: Int)
        case words(String)
    }

    /// The text's pieces, in order.
    public func forEachPart(_ body: (Part) -> Void) {
        switch self {
        case .met(let actual, let relation, let target, let points):
            body(.number(actual, decimals: 4))
            body(.literal(relation.spaced))
            body(.number(target, decimals: 4))
            body(.literal(" → "))
            body(.number(points, decimals: 2))
        case .share(let part, let whole, let points, let score):
            body(.number(part, decimals: 4))
            body(.literal(" / "))
            body(.number(whole, decimals: 4))
            body(.literal(" × "))
            body(.number(points, decimals: 2))
            body(.literal(" = "))
            body(.number(score, decimals: 4))
        case .overrun(let points, let actual, let target, let score):
            body(.number(points, decimals: 2))
            body(.literal(" × (1 − ("))
            body(.number(actual, decimals: 4))
            body(.literal(" − "))
            body(.number(target, decimals: 4))
            body(.literal(") / "))
            body(.number(target, decimals: 4))
            body(.literal(") = "))
            body(.number(score, decimals: 4))
        case .date(let done, let goal, let points):
            body(.words(done))
            body(.literal(" ≤ "))
            body(.words(goal))
            body(.literal(" → "))
            body(.number(points, decimals: 2))
        case .band(let word, let band, let points, let lower, let upper, let range):
            body(.literal("“"))
            body(.words(word))
            body(.literal("” → "))
            body(.words(band))
            body(.literal("："))
            body(.number(points, decimals: 2))
            body(.literal(" × ["))
            body(.number(lower * 100, decimals: 2))
            body(.literal("%, "))
            body(.number(upper * 100, decimals: 2))
            body(.literal("%] = ["))
            body(.number(range.lower, decimals: 2))
            body(.literal(", "))
            body(.number(range.upper, decimals: 2))
            body(.literal("]"))
        }
    }

    public var text: String {
        var text = ""
        forEachPart { part in
            switch part {
            case .literal(let literal): text += "\(literal)"
            case .number(let value, let decimals): text += value.compact(decimals: decimals)
            case .words(let words): text += words
            }
        }
        return text
    }
}
