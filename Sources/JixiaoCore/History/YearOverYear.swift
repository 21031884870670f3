import Foundation
import JixiaoBase
import JixiaoModel
import JixiaoAudit

/// What the history keeps of a table for comparing years: who it is about, a hash of its
/// indicators (names, targets and actuals) and whether every indicator had full marks.
public struct TableFacts: Sendable, Hashable {
    /// The unit, its level and, for project tables, the project.
    public var key: String
    public var year: Int
    public var fingerprint: String
    public var indicatorCount: Int
    public var allFullMarks: Bool

    public init(key: String, year: Int, fingerprint: String, indicatorCount: Int, allFullMarks: Bool) {
        self.key = key
        self.year = year
        self.fingerprint = fingerprint
        self.indicatorCount = indicatorCount
        self.allFullMarks = allFullMarks
    }

    /// The facts of `submission`. A table whose indicator section was not read whole is kept
    /// with no indicators to compare (`indicatorCount` 0, not all full marks): rows left unread
    /// may differ from last year's, or have lost points.
    public init(_ submission: Submission, indicatorsReadWhole: Bool) {
        let indicators = indicatorsReadWhole ? submission.indicators.map(\.indicator) : []
        var hasher = SHA256()
        for indicator in indicators {
            for part in [indicator.subcategory ?? "", indicator.name, indicator.target ?? "", indicator.actual ?? ""] {
                hasher.update(part.utf8)
                hasher.update(CollectionOfOne(0x1F))
            }
            hasher.update(CollectionOfOne(0x1E))
        }
        self.init(
            key: [submission.unitName ?? "", submission.level.rawValue, submission.project ?? ""].joined(separator: "|"),
            year: submission.year,
            fingerprint: hasher.finalize().prefix(16).map { String($0, radix: 16).leftPadded(2) }.joined(),
            indicatorCount: indicators.count,
            allFullMarks: !indicators.isEmpty && indicators.allSatisfy { indicator in
                guard let score = indicator.score, let points = indicator.points else { return false }
                return score.number >= points.number
            })
    }
}

/// The stored tables of earlier runs, by unit and year (the latest run's table for each year):
/// what the year-over-year checks compare a new table with.
public struct PriorYears: Sendable {
    public var tables: [String: [Int: TableFacts]]

    public init(_ facts: [TableFacts] = []) {
        var tables: [String: [Int: TableFacts]] = [:]
        for fact in facts { tables[fact.key, default: [:]][fact.year] = fact }
        self.tables = tables
    }

    public var isEmpty: Bool { tables.isEmpty }

    /// `copied-from-last-year` and `always-full-marks` for a table with `facts`.
    public func findings(for facts: TableFacts, submission: Submission) -> [Finding] {
        guard let years = tables[facts.key] else { return [] }
        var findings: [Finding] = []
        let name = submission.project ?? submission.unitName ?? submission.file
        if facts.indicatorCount > 0, let last = years[facts.year - 1], last.indicatorCount > 0, last.fingerprint == facts.fingerprint {
            findings.append(Finding(
                .copiedFromLastYear, .indicators, at: submission.location,
                claimed: .text(String(facts.year)), computed: .text(String(facts.year - 1)),
                message: LocalizedText(
                    zh: "“\(name)”\(facts.year) 年的 \(facts.indicatorCount) 个三级指标，名称、指标值和完成值与 \(facts.year - 1) 年完全相同",
                    en: "all \(facts.indicatorCount) indicators of '\(name)' in \(facts.year) have the same names, targets and actuals as in \(facts.year - 1)")))
        }
        let others = years.filter { $0.key != facts.year }
        if facts.allFullMarks, !others.isEmpty, others.values.allSatisfy(\.allFullMarks) {
            let all = (others.keys + [facts.year]).sorted().map(String.init)
            findings.append(Finding(
                .alwaysFullMarks, .indicators, at: submission.location,
                computed: .text(all.joined(separator: ",")),
                message: LocalizedText(
                    zh: "“\(name)”在 \(all.joined(separator: "、")) 年所有三级指标均为满分",
                    en: "every indicator of '\(name)' has full marks in \(all.joined(separator: ", "))")))
        }
        return findings
    }
}
