import JixiaoBase

extension Submission {
    /// What an importer found of a printed table beyond its figures: which rows and columns it
    /// recognised and how many indicator rows it saw (DOMAIN.md §8, "Know what was read").
    ///
    /// A figure that was not read is absent from the submission itself; this says what the
    /// figures cannot: that a row was never found, that a column does not exist in the form, that
    /// rows were seen and left out. A submission written as YAML has none: its fields are named,
    /// so what is absent was not given.
    public struct ImportCoverage: Sendable, Equatable {
        /// Whether a 年度资金总额 row was found (its cells may still be blank or unreadable).
        public var budgetRowFound: Bool
        /// Whether a header row of the indicator section was found.
        public var indicatorHeaderFound: Bool
        /// The columns the indicator header names.
        public var columns: Set<IndicatorColumn>
        /// Indicator rows seen in the indicator section: those read and those left out.
        public var indicatorRowsSeen: Int
        /// Whether a 总分 row was found (its score may still be blank).
        public var totalRowFound: Bool

        package init(budgetRowFound: Bool, indicatorHeaderFound: Bool, columns: Set<IndicatorColumn>,
                     indicatorRowsSeen: Int, totalRowFound: Bool) {
            self.budgetRowFound = budgetRowFound
            self.indicatorHeaderFound = indicatorHeaderFound
            self.columns = columns
            self.indicatorRowsSeen = indicatorRowsSeen
            self.totalRowFound = totalRowFound
        }
    }

    /// A column of the indicator section.
    public enum IndicatorColumn: String, Sendable, Hashable, CaseIterable, Comparable {
        case level1, level2, level3, target, actual, points, score, reason

        /// The header a reader knows it by.
        public var title: LocalizedText {
            switch self {
            case .level1: LocalizedText(zh: "一级指标", en: "level 1")
            case .level2: LocalizedText(zh: "二级指标", en: "level 2")
            case .level3: LocalizedText(zh: "三级指标", en: "indicator")
            case .target: LocalizedText(zh: "年度指标值", en: "target")
            case .actual: LocalizedText(zh: "实际完成值", en: "actual")
            case .points: LocalizedText(zh: "分值", en: "points")
            case .score: LocalizedText(zh: "得分", en: "score")
            case .reason: LocalizedText(zh: "偏差原因", en: "reason")
            }
        }

        public static func < (lhs: Self, rhs: Self) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }
}
