import JixiaoBase
import JixiaoModel

/// What the audit of one table rests on: which of its parts were read (DOMAIN.md §8, "Know what
/// was read"). A check runs only when every figure it depends on was read; a table of which
/// nothing was read is not checked at all.
public struct Coverage: Sendable {
    public enum Budget: String, Sendable {
        /// Budget, spending, rate and score all read.
        case read
        /// Some of them read.
        case partly
        /// None read, or no 年度资金总额 row found.
        case notRead = "not-read"
    }

    public enum Total: String, Sendable {
        case read
        /// The 总分 row is there but its score cell is blank.
        case blank
        /// No 总分 row found.
        case notFound = "not-found"
    }

    public var budget: Budget
    public var total: Total
    public var indicatorsRead: Int
    /// Indicator rows seen, read or left out; for a YAML submission, the indicators listed.
    public var indicatorRowsSeen: Int
    /// The indicator columns the table's header names; nil for a YAML submission (fields named).
    public var columns: [Submission.IndicatorColumn]?
    /// Whether an indicator header was found (always for YAML).
    public var indicatorHeaderFound: Bool
    /// Indicators whose score the rules cannot recompute, and the points they carry: all of
    /// them, also those a finding of their own already names (`unit-mismatch`,
    /// `unmeasurable-target`), which get no `unscored-indicator` note.
    public var unverifiedIndicators: Int
    public var unverifiedPoints: Fixed
    /// Whether every part of the total was printed and read: the budget score (when the row
    /// carries points) and every indicator's score, in a section read whole. A blank part is
    /// blank, neither zero nor the recomputed value, so without it the sum of the parts says
    /// nothing about the printed total.
    public var totalPartsRead: Bool

    /// What `jixiao explain coverage` says: what 读取情况 reports and which checks need what.
    public static let explanation = LocalizedText(
        zh: """
            读取情况：每张表都说明读到了什么——预算执行一行（已读取、部分读取、未读取），三级指标读到的行数与看到的行数，\
            总分（已读取、为空、未找到），以及导入表格时找到的栏目（缺少的栏目会列出）。
            一项检查只在它所依据的每个数字都读到时才做：分值合计（weight-sum，导入的表还需要预算执行一行的分值）、缺少一级指标（missing-category）、\
            一级指标分值（category-points-mismatch）和低执行率满分（low-execution-full-marks）需要读全绩效指标部分；\
            总分与各项之和（total-mismatch）还需要预算执行得分和每个三级指标的得分（空白的得分记为 missing-score，\
            不按 0 分，也不以重算值代替）；评分规则分值（rubric-weight）需要该一级指标的分值；\
            未说明偏差原因（missing-explanation）需要表中有偏差原因一栏。
            规则无法复核的指标记为 unscored-indicator，并汇总为“N 个指标（M 分）无法按规则复核”。
            预算执行一行和绩效指标都未读到的表只有一条 not-checked，不会显示“未发现问题”，批量汇总中单独计数。
            """,
        en: """
            What was read: every table says what was read of it — the budget row (read, partly, not read), the \
            indicator rows read of those seen, the total (read, blank, not found), and for an imported table the \
            columns found (missing ones are listed).
            A check runs only when every figure it depends on was read: weight-sum (for an imported table also \
            the budget row's points), missing-category, \
            category-points-mismatch and low-execution-full-marks need the whole indicator section; total-mismatch \
            also the budget score and every indicator's score (a blank score is missing-score, neither 0 nor the \
            recomputed value); rubric-weight the category's points; missing-explanation a 偏差原因 column.
            Indicators the rules cannot check are unscored-indicator notes, summed up as "N indicators (M points) \
            not verifiable by the rules".
            A table of which neither the budget row nor any indicator was read gets only not-checked, never \
            "no findings", and is counted apart in a batch.
            """)

    /// Whether anything was read to check. A table with neither its budget row nor any
    /// indicator is `not-checked`, never "no findings".
    public var isChecked: Bool { budget != .notRead || indicatorsRead > 0 }

    /// Whether the indicator section was read whole: a header found and every row seen read.
    /// Sums over the section (weights, categories, the total) need it.
    public var indicatorsComplete: Bool { indicatorHeaderFound && indicatorsRead == indicatorRowsSeen }

    /// Whether the form has a 偏差原因 column: without one, "no reason given" cannot be said.
    public var hasReasonColumn: Bool { columns?.contains(.reason) ?? true }

    /// Whether the form has a 分值 column (权重): without one, no indicator carries its points.
    public var hasPointsColumn: Bool { columns?.contains(.points) ?? true }
}

extension Coverage {
    /// What the indicators add up to, counted as the scorecard scores them.
    struct Tally {
        var read = 0
        var unverified = 0
        var unverifiedPoints = Fixed(0)
        var scoresRead = true

        mutating func add(_ indicator: Submission.Indicator, _ assessment: IndicatorAssessment) {
            read += 1
            if indicator.score == nil { scoresRead = false }
            guard assessment.method == .unscored else { return }
            unverified += 1
            if let points = indicator.points { unverifiedPoints += points.number }
        }
    }

    /// The coverage of `submission`, whose indicators `tally` counted.
    init(_ submission: Submission, budgetScore: Scorecard.BudgetScore, tally: Tally) {
        let row = submission.budget
        let imported = submission.imported
        let figures = [row.adjusted ?? row.initial, row.executed, row.rate, row.score]
        budget = imported?.budgetRowFound == false || figures.allSatisfy({ $0 == nil }) ? .notRead
            : figures.allSatisfy({ $0 != nil }) ? .read : .partly
        total = submission.total.score != nil ? .read : imported?.totalRowFound == false ? .notFound : .blank
        indicatorsRead = tally.read
        indicatorRowsSeen = imported?.indicatorRowsSeen ?? tally.read
        columns = imported.map { $0.columns.sorted() }
        let headerFound = imported?.indicatorHeaderFound ?? true
        indicatorHeaderFound = headerFound
        unverifiedIndicators = tally.unverified
        unverifiedPoints = tally.unverifiedPoints
        let sectionWhole = headerFound && tally.read == indicatorRowsSeen
        totalPartsRead = tally.scoresRead && sectionWhole && (budgetScore.claimedScore != nil || budgetScore.points == 0)
    }
}
