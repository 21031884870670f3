import Foundation
import JixiaoBase
import JixiaoModel

/// A submission recomputed under a rubric: the budget row, each level-1 category, the total and
/// the grade, each claimed (as printed) beside computed.
public struct Scorecard: Sendable {
    public var submission: Submission
    public var rubric: Rubric
    /// Why this rubric was chosen, when not by the table's year alone.
    public var rubricNote: LocalizedText?
    /// Whether the table's printed level-1 points fit no rubric: its own printed weights are the
    /// reference for its arithmetic, and where it departs from `rubric` is a note.
    public var ownWeights: Bool
    public var budget: BudgetScore
    public var categories: [CategoryScore]
    public var total: TotalScore
    public var grade: GradeScore
    /// What of the table was read, which the checks and every output report.
    public var coverage: Coverage

    /// 预算执行: 执行率 and 分值 × 执行率.
    public struct BudgetScore: Sendable {
        /// 分值 of the row: the table's, else the rubric's; when no rubric fits the table, what its
        /// own printed weights leave for the row (`pointsLeft`), when they say.
        public var points: Fixed
        /// The budget the rate divides by (全年预算数 or 年初预算数, as the rubric says).
        public var denominator: PrintedNumber?
        public var executed: PrintedNumber?
        /// The rate from the printed figures, as a fraction; nil when it cannot be computed.
        public var rate: Fixed?
        /// Every rate the printed figures allow, given their rounding.
        public var rateRange: Interval?
        /// 分值 × min(rate, cap).
        public var score: Fixed?
        public var scoreRange: Interval?
        public var claimedRate: PrintedNumber?
        public var claimedScore: PrintedNumber?
    }

    /// A level-3 indicator and how its target and actual value score. A class, as the checks
    /// and the writers pass each score around whole: a copy is one reference.
    public final class IndicatorScore: Sendable {
        public let indicator: Submission.Indicator
        public let assessment: IndicatorAssessment

        init(indicator: Submission.Indicator, assessment: IndicatorAssessment) {
            self.indicator = indicator
            self.assessment = assessment
        }

        /// The points the rules give: the rule's points, the claim kept inside its qualitative
        /// band, or the claim itself when nothing recomputes it.
        public var computed: Fixed? {
            assessment.points(claimed: indicator.score?.number)
        }
    }

    /// A level-1 category: its points and the scores of its indicators.
    public struct CategoryScore: Sendable {
        public var row: Submission.CategoryRow
        public var indicators: [IndicatorScore]
        /// The rubric category the label names, if any.
        public var rubricCategory: Rubric.Category?
        /// Σ 分值 of the indicators.
        public var indicatorPoints: Fixed
        /// Points of the category: printed in its cell, else the sum of its indicators'.
        public var points: Fixed { row.points?.number ?? indicatorPoints }
        /// Σ claimed 得分; nil when no indicator is scored.
        public var claimed: Fixed?
        /// Σ of what the rules give each indicator (claimed scores where no rule applies).
        public var computed: Fixed?
    }

    public struct TotalScore: Sendable {
        public var claimed: PrintedNumber?
        /// Σ of the claimed parts: budget score and every indicator score.
        public var computed: Fixed
        /// Σ of what the rules give: the computed budget score and every indicator's computed points.
        public var recomputed: Fixed?
        /// Every sum the printed parts allow, given their rounding.
        public var computedRange: Interval
    }

    public struct GradeScore: Sendable {
        /// The grade as printed.
        public var claimed: String?
        /// The band the printed grade names, if the rubric knows it.
        public var claimedBand: Rubric.GradeBand?
        /// The band of the sum of the printed parts.
        public var computed: Rubric.GradeBand?
        /// The band of the total recomputed by the rules.
        public var recomputed: Rubric.GradeBand?
    }
}

extension Scorecard {
    /// Recomputes `submission` under a rubric chosen for it.
    public init(_ submission: Submission, choice: RubricChoice) {
        self.init(submission, rubric: choice.rubric, rubricNote: choice.note, ownWeights: !choice.fits)
    }

    /// Recomputes `submission` under `rubric`.
    public init(_ submission: Submission, rubric: Rubric, rubricNote: LocalizedText? = nil, ownWeights: Bool = false) {
        self.submission = submission
        self.rubric = rubric
        self.rubricNote = rubricNote
        self.ownWeights = ownWeights
        budget = Self.budget(submission, rubric, ownWeights: ownWeights)

        var tally = Coverage.Tally()
        categories = submission.categories.map { row in
            let rubricCategory = rubric.category(named: row.name)
            // The sums are taken as the scores are made: no array of each, no copy of a score.
            var points = Fixed(0), claimed: Fixed?, computed: Fixed?
            let indicators = row.indicators.map { indicator in
                let subcategory = indicator.subcategory.flatMap { label in
                    let key = LabelKey(label)
                    return rubricCategory?.subcategories.first { $0.matches(key) }
                }
                let rule = subcategory?.rule ?? rubricCategory?.rule
                let assessment = IndicatorScorer.assess(indicator, rule: rule, rubric: rubric)
                let claim = indicator.score?.number
                if let printed = indicator.points { points += printed.number }
                if let claim { claimed = (claimed ?? 0) + claim }
                if let value = assessment.points(claimed: claim) { computed = (computed ?? 0) + value }
                tally.add(indicator, assessment)
                // The indicator is used last, where the score takes it: no copy before.
                return IndicatorScore(indicator: indicator, assessment: assessment)
            }
            return CategoryScore(row: row, indicators: indicators, rubricCategory: rubricCategory, indicatorPoints: points,
                                 claimed: claimed, computed: computed)
        }

        coverage = Coverage(submission, budgetScore: budget, tally: tally)

        var sum = Fixed(0)
        var range = Interval(exactly: 0)
        if let claimed = budget.claimedScore {
            sum += claimed.number
            // A printed budget score stands for ± half a unit, but no more than its own figures
            // allow: 10 printed for 10 × 100% is 10, not anything in [9.5, 10.5].
            let printed = Interval(claimed)
            if let computed = budget.scoreRange, computed.overlaps(printed) {
                range = range + Interval(max(printed.lower, computed.lower), min(printed.upper, computed.upper))
            } else {
                range = range + printed
            }
        } else if let score = budget.score, let scoreRange = budget.scoreRange {
            sum += score
            range = range + scoreRange
        }
        for category in submission.categories {
            for case let score? in category.indicators.lazy.map(\.score) {
                sum += score.number
                range = range + Interval(score, exact: Self.isExact(score, rubric))
            }
        }
        let parts = categories.compactMap(\.computed)
        let recomputed: Fixed? = (budget.score ?? budget.claimedScore?.number).map { parts.reduce($0, +) }
        total = TotalScore(claimed: submission.total.score, computed: sum, recomputed: recomputed, computedRange: range)

        let claimedGrade = submission.grade?.value
        grade = GradeScore(
            claimed: claimedGrade, claimedBand: claimedGrade.flatMap(rubric.grade(named:)),
            computed: rubric.grade(of: sum), recomputed: recomputed.flatMap(rubric.grade(of:)))
    }

    /// The budget row's points as the table's own weights leave them when its row prints none:
    /// the total's points less every indicator's, when every indicator row was read with its
    /// points; nil when they are not all known or leave less than nothing.
    static func pointsLeft(_ submission: Submission) -> Fixed? {
        var sum = Fixed(0), count = 0
        for category in submission.categories {
            for indicator in category.indicators {
                guard let points = indicator.points else { return nil }
                sum += points.number
                count += 1
            }
        }
        guard count > 0, submission.imported.map({ $0.indicatorHeaderFound && $0.indicatorRowsSeen == count }) ?? true,
              let total = submission.total.points?.number, total >= sum else { return nil }
        return total - sum
    }

    /// Whether a printed indicator score is exact: whole numbers are (a full mark or a whole-point
    /// deduction), unless the rubric says its province rounds every score (DOMAIN.md §5).
    static func isExact(_ score: PrintedNumber, _ rubric: Rubric) -> Bool {
        score.isWhole && !rubric.rounding.wholeScoresRounded
    }

    private static func budget(_ submission: Submission, _ rubric: Rubric, ownWeights: Bool) -> BudgetScore {
        let row = submission.budget
        let points = row.points?.number ?? (ownWeights ? pointsLeft(submission) : nil) ?? rubric.budget.points
        let denominator = rubric.budget.denominator == .initial ? row.initial : row.adjusted
        var result = BudgetScore(
            points: points, denominator: denominator, executed: row.executed,
            claimedRate: row.rate, claimedScore: row.score)
        guard let denominator, let executed = row.executed, denominator.number > 0 else { return result }
        let rate = executed.number / denominator.number
        result.rate = rate
        let range = Interval(executed).clamped(to: Interval(0, executed.number * 2))
            .divided(by: Interval(denominator))
        result.rateRange = range
        let cap = rubric.budget.cap
        result.score = points * min(rate, cap)
        if let range {
            result.scoreRange = Interval(exactly: points) * range.clamped(to: Interval(0, cap))
        }
        return result
    }
}
