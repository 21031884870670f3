import Foundation
import JixiaoBase
import JixiaoValues

/// Which self-evaluation a table is: a unit's whole spending or one project.
public enum EvaluationLevel: String, Sendable, CaseIterable, Hashable {
    /// 部门（单位）整体支出
    case department
    /// 项目支出
    case project

    public var label: LocalizedText {
        switch self {
        case .department: LocalizedText(zh: "部门整体支出", en: "department")
        case .project: LocalizedText(zh: "项目支出", en: "project")
        }
    }
}

/// A scoring scheme: the indicator tree's weights, the rules, rounding and grade bands.
///
/// Every number and word the engine scores with lives here, read from a file in `Rubrics/`,
/// so a new province's scheme is a new file, not new code.
public struct Rubric: Sendable {
    public var id: String
    public var title: String
    public var titleEnglish: String?
    /// The file it was read from.
    public var file: String
    public var applies: Applicability
    /// 总分: what the budget row and every category add up to.
    public var total: Fixed
    public var budget: BudgetRule
    /// Level-1 categories (一级指标) in table order.
    public var categories: [Category]
    public var scoring: ScoringRules
    public var rounding: Rounding
    /// Grade bands (等级), highest first.
    public var grades: [GradeBand]
    /// The points every indicator carries, for a scheme that gives each the same (每项 10 分);
    /// nil when indicators are weighted one by one.
    public var indicatorPoints: Fixed?
    /// Reads targets and actual values with the rubric's words: comparators, qualitative bands,
    /// units. Prepared once per rubric, because preparing the word lists is the costly part.
    public var values: ValueParser

    public func title(_ language: Language) -> String {
        language == .en ? titleEnglish ?? title : title
    }

    /// Where and when a rubric applies.
    public struct Applicability: Sendable {
        public var levels: [EvaluationLevel]
        /// Region names the rubric is for (`湖南省`); empty means nationwide.
        public var regions: [String]
        public var fromYear: Int?
        public var toYear: Int?
        /// How the rubric is chosen for a table that names none.
        public var match: Match
        /// Words one of which the table's title must contain for the rubric to fit it (a form
        /// known by a header such as 是否核心指标 rather than by its weights); empty: none needed.
        public var words: [String]

        public enum Match: String, Sendable, CaseIterable {
            /// By level, region and year, unless the table's printed points fit another rubric:
            /// the national schemes, the default for a table that prints nothing to compare.
            case year
            /// Only when the table's printed level-1 points (and words) fit it: a scheme seen in
            /// several provinces and years, never chosen by the year alone.
            case shape
        }

        public func covers(year: Int) -> Bool {
            (fromYear.map { year >= $0 } ?? true) && (toYear.map { year <= $0 } ?? true)
        }

        /// Whether a submission's region (`安徽省合肥市`) falls under one of the rubric's regions.
        public func covers(region: String?) -> Bool {
            guard !regions.isEmpty else { return true }
            guard let region else { return false }
            return regions.contains { region.contains($0) }
        }
    }

    /// How the budget row (预算执行) is scored: 分值 × 执行率.
    public struct BudgetRule: Sendable {
        public enum Denominator: String, Sendable, CaseIterable {
            /// 全年预算数
            case adjusted
            /// 年初预算数
            case initial
        }

        public var points: Fixed
        public var denominator: Denominator
        /// Highest rate that scores (1 = 100%: spending over budget earns no more than full points).
        public var cap: Fixed
    }

    /// A level-1 category (一级指标) and its level-2 catalogue.
    public struct Category: Sendable, NamedInRubric {
        public let name: String
        public let aliases: [String]
        public let labelKeys: [LabelKey]
        /// The points a table may give the category.
        public var allowed: AllowedPoints
        public var subcategories: [Subcategory]
        /// The default rule for the category's quantitative indicators, if it differs from
        /// the comparator's own (成本指标 are reverse by default).
        public var rule: IndicatorRule?

        /// The category's points: fixed, the least of a range, 0 when the table sets them.
        public var points: Fixed { allowed.lower }

        public init(name: String, aliases: [String], allowed: AllowedPoints, subcategories: [Subcategory], rule: IndicatorRule?) {
            self.name = name
            self.aliases = aliases
            labelKeys = Self.labelKeys(name, aliases)
            self.allowed = allowed
            self.subcategories = subcategories
            self.rule = rule
        }
    }

    /// The points a scheme gives a level-1 category: `40`, `20-30` (a weight that differs between
    /// forms of one scheme) or `printed` (each form sets its own).
    public enum AllowedPoints: Sendable, Equatable, CustomStringConvertible {
        case fixed(Fixed)
        /// Inclusive bounds.
        case range(Fixed, Fixed)
        case asPrinted

        public var lower: Fixed {
            switch self {
            case .fixed(let points), .range(let points, _): points
            case .asPrinted: 0
            }
        }

        /// The most points allowed; nil when the table sets them.
        public var upper: Fixed? {
            switch self {
            case .fixed(let points), .range(_, let points): points
            case .asPrinted: nil
            }
        }

        public func allows(_ points: Fixed) -> Bool {
            points >= lower && upper.map { points <= $0 } ?? true
        }

        /// `40`, `20–30`, or `表中所填` / `as printed`.
        public func text(_ language: Language) -> String {
            switch self {
            case .fixed(let points): points.compact(decimals: 2)
            case .range(let lower, let upper): "\(lower.compact(decimals: 2))–\(upper.compact(decimals: 2))"
            case .asPrinted: language == .en ? "as printed" : "按表中所填"
            }
        }

        public var description: String { text(.en) }
    }

    public struct Subcategory: Sendable, NamedInRubric {
        public let name: String
        public let aliases: [String]
        public let labelKeys: [LabelKey]
        public var rule: IndicatorRule?

        public init(name: String, aliases: [String], rule: IndicatorRule?) {
            self.name = name
            self.aliases = aliases
            labelKeys = Self.labelKeys(name, aliases)
            self.rule = rule
        }
    }

    /// The direction a quantitative indicator is scored in.
    public enum IndicatorRule: String, Sendable, CaseIterable {
        /// 正向: higher is better.
        case positive
        /// 反向: lower is better (cost caps).
        case reverse
        /// Met within tolerance.
        case equal
    }

    public struct ScoringRules: Sendable {
        public enum ReverseVariant: String, Sendable, CaseIterable {
            /// 分值 × 目标/实际
            case ratio
            /// 分值 × (1 − (实际 − 目标)/目标), floored at 0
            case linearExcess = "linear-excess"
        }

        public var reverse: ReverseVariant
        /// Relative tolerance for equal (=) targets, as a fraction.
        public var equalTolerance: Fixed
        /// Actual over target by more than this ratio wants a stated reason (1.3 = 130%).
        public var overshoot: Fixed
        /// Execution rate below which full output marks are suspicious.
        public var lowExecution: Fixed
        /// The categories whose full marks are suspicious at a low execution rate (产出, 成本).
        public var lowExecutionCategories: [String]
        /// Qualitative bands (达成 / 部分达成 / 未达成), highest first.
        public var qualitative: [QualitativeBand]
    }

    /// A band of a qualitative indicator's points, as fractions of its 分值, and the words that put
    /// an actual value in it.
    public struct QualitativeBand: Sendable {
        public var name: String
        public var lower: Fixed
        public var upper: Fixed
        public var words: [String]
    }

    public struct Rounding: Sendable {
        public enum Mode: String, Sendable, CaseIterable {
            case halfUp = "half-up"
            case truncate
            /// Either reading is accepted without comment.
            case either
        }

        public var mode: Mode
        /// Decimals computed scores are shown with.
        public var decimals: Int
        /// Whether whole-number indicator scores were rounded (a province that rounds every score)
        /// rather than exact (the default, DOMAIN.md §5).
        public var wholeScoresRounded: Bool
    }

    public struct GradeBand: Sendable, NamedInRubric {
        public let name: String
        public let aliases: [String]
        public let labelKeys: [LabelKey]
        /// Inclusive lower bound.
        public var lower: Fixed
        /// Exclusive upper bound, except for the top band, which includes it.
        public var upper: Fixed

        public init(name: String, aliases: [String], lower: Fixed, upper: Fixed) {
            self.name = name
            self.aliases = aliases
            labelKeys = Self.labelKeys(name, aliases)
            self.lower = lower
            self.upper = upper
        }
    }

    /// The category a table's level-1 label names, if any.
    public func category(named label: String) -> Category? {
        let key = LabelKey(label)
        return categories.first { $0.matches(key) }
    }

    /// The grade band a total falls in.
    public func grade(of total: Fixed) -> GradeBand? {
        grades.first { band in
            total >= band.lower && (total < band.upper || (band.upper == self.total && total <= band.upper))
        }
    }

    /// The grade band a printed label (优, 优秀, 良好 …) names.
    public func grade(named label: String) -> GradeBand? {
        let key = LabelKey(label)
        return grades.first { $0.matches(key) }
    }

    /// A label compared by its letters only: spaces dropped, full-width parentheses made ASCII.
    public static func normalizedLabel(_ label: String) -> String {
        // Most labels are already plain (Chinese letters, no spaces): give them back as they are.
        let plain = label.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && (scalar.value < 0x80 || scalar.value > 0xFF5E
                || (scalar.value < 0xFF01 && (scalar.value > 0x3000 || !scalar.properties.isWhitespace)))
        }
        if plain { return label }
        // Half-width forms and dropped spaces never take more bytes than the label had.
        return String(unsafeUninitializedCapacity: label.utf8.count) { buffer in
            var count = 0
            // Nothing above U+3000 or in printable ASCII is white space: only the rest is looked up.
            for scalar in label.unicodeScalars
            where scalar.value > 0x3000 || (scalar.value > 0x20 && scalar.value < 0x7F) || !scalar.properties.isWhitespace {
                let folded = (0xFF01...0xFF5E).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0)! : scalar
                UTF8.encode(folded) { byte in
                    buffer[count] = byte
                    count += 1
                }
            }
            return count
        }
    }
}

/// Something a table names by a label: the rubric's name for it or one of its aliases.
public protocol NamedInRubric {
    var name: String { get }
    var aliases: [String] { get }
    /// The keys of the name and the aliases, made once when the rubric is read.
    var labelKeys: [LabelKey] { get }
}

extension NamedInRubric {
    /// Whether `label` names it, compared by letters only (`LabelKey`).
    public func matches(_ label: String) -> Bool {
        matches(LabelKey(label))
    }

    public func matches(_ key: LabelKey) -> Bool {
        labelKeys.contains(key)
    }

    static func labelKeys(_ name: String, _ aliases: [String]) -> [LabelKey] {
        ([name] + aliases).map(LabelKey.init)
    }
}
