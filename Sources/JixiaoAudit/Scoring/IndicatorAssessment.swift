import Foundation
import JixiaoBase
import JixiaoValues
import JixiaoModel

/// How one indicator scores from its target (年度指标值) and actual value (实际完成值) under the
/// rubric's rules (DOMAIN.md §3).
public struct IndicatorAssessment: Sendable {
    /// The rule the indicator was scored by.
    public enum Method: String, Sendable {
        /// 正向: full when met, else 分值 × 实际/目标.
        case positive
        /// 反向: full when met, else the rubric's variant.
        case reverse
        /// Met within tolerance, else scored on the side it missed.
        case equal
        /// A date target: met or not, no proportion.
        case date
        /// 定性: a band of the points, chosen by the actual value's words.
        case qualitative
        /// Not scored: what was printed cannot be read with confidence.
        case unscored
    }

    /// Why an indicator was not scored, or what limits its scoring.
    public enum Problem: Sendable {
        /// Target and actual in units that cannot be converted (人 against 人次).
        case unitMismatch(target: String, actual: String)
        /// The target is text with no number and no known word.
        case unmeasurableTarget
        /// A numeric target whose actual says only something like 完成目标.
        case unmeasuredActual
    }

    public var target: ParsedValue?
    public var actual: ParsedValue?
    public var method: Method
    /// Whether the actual value meets the target; nil when that cannot be said.
    public var met: Bool?
    /// Actual over target, for positive indicators (the overshoot check).
    public var ratio: Fixed?
    /// The rule's points, for quantitative and date rules.
    public var computed: Fixed?
    /// The qualitative band and the points it allows.
    public var band: (name: String, points: Interval)?
    /// How the computed points were reached: `85 / 100 × 3 = 2.55`.
    public var formula: Formula?
    public var problem: Problem?

    init(target: ParsedValue?, actual: ParsedValue?, method: Method = .unscored) {
        self.target = target
        self.actual = actual
        self.method = method
    }

    /// The points this assessment gives a claimed score: the rule's points, for a band the claim
    /// kept inside the band, else the claim itself (nil when there is none).
    public func points(claimed: Fixed?) -> Fixed? {
        if let computed { return computed }
        if let band {
            guard let claimed else { return band.points.upper }
            return min(max(claimed, band.points.lower), band.points.upper)
        }
        return claimed
    }
}

/// Scores indicators by the rubric's rules.
public enum IndicatorScorer {
    /// Assesses `indicator`; `rule` is the rubric's default for its category or subcategory
    /// (成本指标 reverse), used when the target states no comparator.
    public static func assess(
        _ indicator: Submission.Indicator, rule: Rubric.IndicatorRule?, rubric: Rubric
    ) -> IndicatorAssessment {
        let (target, actual) = rubric.values.parse(target: indicator.target, actual: indicator.actual)
        var assessment = IndicatorAssessment(target: target, actual: actual)
        guard let points = indicator.points?.number, points > 0 else { return assessment }

        if let target, let actual, let goal = quantity(target), let done = quantity(actual) {
            quantitative(goal, done, points: points, rule: rule, rubric: rubric, into: &assessment)
            return assessment
        }
        switch (target, actual) {
        case (.date(let goal)?, .date(let done)?):
            date(goal, done, points: points, into: &assessment)
        case (_, .qualitative(let words)?):
            qualitative(words, points: points, rubric: rubric, into: &assessment)
            switch target {
            case .quantity?, .range?: assessment.problem = .unmeasuredActual
            case .unscorable(let reason)? where reason.reason == .unknownWords: assessment.problem = .unmeasurableTarget
            default: break
            }
        case (.unscorable(let reason)?, _) where reason.reason == .unknownWords:
            assessment.problem = .unmeasurableTarget
        default:
            break
        }
        return assessment
    }

    /// A value as a number to compare: a quantity, or a time limit (`5 个工作日内` is ≤ 5 个工作日).
    private static func quantity(_ value: ParsedValue) -> ParsedValue.Quantity? {
        switch value {
        case .quantity(let quantity): quantity
        case .deadline(.within(let amount, let decimals, let unit)): ParsedValue.Quantity(.atMost, amount, decimals: decimals, unit: unit)
        default: nil
        }
    }

    private static func quantitative(
        _ goal: ParsedValue.Quantity, _ done: ParsedValue.Quantity, points: Fixed,
        rule: Rubric.IndicatorRule?, rubric: Rubric, into assessment: inout IndicatorAssessment
    ) {
        var actual = done.amount
        if let goalUnit = goal.unit, let doneUnit = done.unit, goalUnit != doneUnit {
            guard let converted = doneUnit.convert(done.amount, to: goalUnit) else {
                assessment.problem = .unitMismatch(target: goalUnit.symbol, actual: doneUnit.symbol)
                return
            }
            actual = converted
        }
        if let goalPer = goal.per, let donePer = done.per, goalPer != donePer {
            assessment.problem = .unitMismatch(target: "每\(goalPer)", actual: "每\(donePer)")
            return
        }
        let target = goal.amount
        let direction: Rubric.IndicatorRule
        if goal.isComparatorStated {
            direction = goal.comparator.isLowerBound ? .positive : goal.comparator.isUpperBound ? .reverse : .equal
        } else {
            direction = rule ?? .positive
        }
        func positive() {
            assessment.method = .positive
            if target > 0 { assessment.ratio = actual / target }
            let met = goal.comparator == .moreThan && goal.isComparatorStated ? actual > target : actual >= target
            assessment.met = met
            if met {
                assessment.computed = points
                assessment.formula = .met(actual: actual, relation: .atLeast, target: target, points: points)
            } else if target > 0 {
                let score = points * actual / target
                assessment.computed = score
                assessment.formula = .share(part: actual, whole: target, points: points, score: score)
            }
        }

        func reverse() {
            assessment.method = .reverse
            let met = goal.comparator == .lessThan && goal.isComparatorStated ? actual < target : actual <= target
            assessment.met = met
            if met {
                assessment.computed = points
                assessment.formula = .met(actual: actual, relation: .atMost, target: target, points: points)
            } else if target > 0, actual > 0 {
                switch rubric.scoring.reverse {
                case .ratio:
                    let score = points * target / actual
                    assessment.computed = score
                    assessment.formula = .share(part: target, whole: actual, points: points, score: score)
                case .linearExcess:
                    let score = max(0, points * (1 - (actual - target) / target))
                    assessment.computed = score
                    assessment.formula = .overrun(points: points, actual: actual, target: target, score: score)
                }
            }
        }

        switch direction {
        case .positive: positive()
        case .reverse: reverse()
        case .equal:
            let tolerance = rubric.scoring.equalTolerance * abs(target)
            if abs(actual - target) <= tolerance {
                assessment.method = .equal
                assessment.met = true
                assessment.computed = points
                assessment.formula = .met(actual: actual, relation: .equal, target: target, points: points)
            } else if actual < target {
                positive()
            } else {
                reverse()
            }
        }
    }

    private static func date(
        _ goal: ParsedValue.DateValue, _ done: ParsedValue.DateValue, points: Fixed, into assessment: inout IndicatorAssessment
    ) {
        guard let goalYear = goal.year, let doneYear = done.year else { return }
        // Compare at the precision both print: a month target is met by any day of that month.
        let goalKey = [goalYear, goal.month ?? 12, goal.day ?? 31]
        let doneKey = [doneYear, done.month ?? (goal.month == nil ? 12 : 1), done.day ?? (goal.day == nil ? 1 : 31)]
        let met = goal.comparator == .atLeast ? !doneKey.lexicographicallyPrecedes(goalKey) : !goalKey.lexicographicallyPrecedes(doneKey)
        assessment.method = .date
        assessment.met = met
        if met {
            assessment.computed = points
            assessment.formula = .date(done: describe(done), goal: describe(goal), points: points)
        }
    }

    private static func describe(_ date: ParsedValue.DateValue) -> String {
        [date.year.map { "\($0)" }, date.month.map { "\($0)" }, date.day.map { "\($0)" }].compactMap { $0 }.joined(separator: "-")
    }

    private static func qualitative(
        _ words: ParsedValue.Qualitative, points: Fixed, rubric: Rubric, into assessment: inout IndicatorAssessment
    ) {
        guard let band = rubric.scoring.qualitative.first(where: { $0.name == words.band }) else { return }
        assessment.method = .qualitative
        assessment.met = band.upper >= 1
        let range = Interval(points * band.lower, points * band.upper)
        assessment.band = (band.name, range)
        assessment.formula = .band(word: words.word, band: band.name, points: points, lower: band.lower, upper: band.upper, range: range)
    }
}
