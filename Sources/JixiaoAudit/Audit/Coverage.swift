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
    /// Indicators whose score the rules cannot recompute, and the points they carry.
    public var unverifiedIndicators: Int
    public var unverifiedPoints: Fixed
    /// Whether every part of the total was printed and read: the budget score (when the row
    /// carries points) and every indicator's score, in a section read whole. A blank part is
    /// blank, neither zero nor the recomputed value, so without it the sum of the parts says
    /// nothing about the printed total.
    public var totalPartsRead: Bool

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

extension Scorecard {
    /// What this scorecard's submission was read with.
    public var coverage: Coverage {
        let row = submission.budget
        let imported = submission.imported
        let figures = [row.adjusted ?? row.initial, row.executed, row.rate, row.score]
        let budget: Coverage.Budget = imported?.budgetRowFound == false || figures.allSatisfy({ $0 == nil }) ? .notRead
            : figures.allSatisfy({ $0 != nil }) ? .read : .partly
        let total: Coverage.Total = submission.total.score != nil ? .read
            : imported?.totalRowFound == false ? .notFound : .blank
        var read = 0, unverified = 0, unverifiedPoints = Fixed(0), scoresRead = true
        for category in categories {
            for scored in category.indicators {
                read += 1
                if scored.indicator.score == nil { scoresRead = false }
                guard scored.assessment.method == .unscored else { continue }
                unverified += 1
                if let points = scored.indicator.points { unverifiedPoints += points.number }
            }
        }
        var coverage = Coverage(
            budget: budget, total: total, indicatorsRead: read, indicatorRowsSeen: imported?.indicatorRowsSeen ?? read,
            columns: imported.map { $0.columns.sorted() }, indicatorHeaderFound: imported?.indicatorHeaderFound ?? true,
            unverifiedIndicators: unverified, unverifiedPoints: unverifiedPoints, totalPartsRead: false)
        coverage.totalPartsRead = scoresRead && coverage.indicatorsComplete
            && (self.budget.claimedScore != nil || self.budget.points == 0)
        return coverage
    }
}
