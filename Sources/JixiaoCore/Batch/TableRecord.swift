import Foundation
import JixiaoBase
import JixiaoAudit
import JixiaoReport

/// What a batch keeps of one audited table once its outputs are rendered: the summary row's
/// figures, its findings and its JSON, as text. The scorecard itself is dropped, so memory stays
/// bounded however many tables a run holds.
public struct TableRecord: Sendable {
    /// The input file and the table's 1-based index in it.
    public var file: String
    public var table: Int
    public var unit: String?
    public var level: String
    public var project: String?
    public var year: Int
    public var rubric: String
    public var budget: String
    public var spent: String
    public var rateClaimed: String
    public var rateComputed: String
    public var totalClaimed: String
    public var totalComputed: String
    public var totalRecomputed: String
    public var gradeClaimed: String
    public var gradeComputed: String
    public var gradeRecomputed: String
    /// Claimed total minus the total the rules give (recomputed, else the sum of the parts);
    /// nil unless every part of the total was read.
    public var gap: Fixed?
    /// What of the table was read: `checked`, the budget row, indicator rows read and seen, the
    /// total, and the points the rules could not verify.
    public var checked: Bool
    /// A document with no self-evaluation table, whose prose figures alone were checked.
    public var proseOnly: Bool
    public var budgetRead: String
    public var indicatorsRead: Int
    public var indicatorsSeen: Int
    public var totalRead: String
    public var unverifiedPoints: String
    public var findings: [FindingRecord]
    /// The result in the audit JSON contract, on one line, as UTF-8.
    public var json: [UInt8]
    /// The report's path relative to the output folder, if one was written.
    public var report: String?
    /// What the history compares across years; only kept for a stored run.
    public var facts: TableFacts?

    public var counts: (error: Int, warning: Int, info: Int) {
        var counts = (error: 0, warning: 0, info: 0)
        for finding in findings {
            switch finding.severity {
            case .error: counts.error += 1
            case .warning: counts.warning += 1
            case .info: counts.info += 1
            }
        }
        return counts
    }
}

/// Every field of a JSON finding, as text.
public struct FindingRecord: Sendable {
    public var code: FindingCode
    public var severity: Severity
    public var path: String
    public var file: String
    public var line: Int?
    /// Where `line` is in a PDF, web page or Word file (`第 3 页`, `表 1 第 9 行`), in the batch's
    /// language; empty for files whose lines are their own.
    public var place: String
    public var claimed: String
    public var computed: String
    public var message: String
}

extension TableRecord {
    public static let summaryHeader = [
        "file", "table", "unit", "level", "project", "year", "rubric", "budget", "spent",
        "rate_claimed", "rate_computed", "total_claimed", "total_computed", "total_recomputed",
        "grade_claimed", "grade_computed", "grade_recomputed", "errors", "warnings", "infos",
        "checked", "budget_read", "indicators_read", "indicators_seen", "total_read", "unverified_points", "report",
    ]

    public static let findingsHeader = [
        "file", "table", "unit", "project", "year", "code", "severity", "path", "finding_file", "line",
        "claimed", "computed", "message", "place",
    ]

    public var summaryRow: [String] {
        let counts = counts
        return [
            file, String(table), unit ?? "", level, project ?? "", String(year), rubric, budget, spent,
            rateClaimed, rateComputed, totalClaimed, totalComputed, totalRecomputed,
            gradeClaimed, gradeComputed, gradeRecomputed, String(counts.error), String(counts.warning), String(counts.info),
            checked ? "yes" : "no", budgetRead, String(indicatorsRead), String(indicatorsSeen), totalRead, unverifiedPoints,
            report ?? "",
        ]
    }

    public var findingRows: [[String]] {
        findings.map { finding in
            [file, String(table), unit ?? "", project ?? "", String(year), finding.code.rawValue, finding.severity.rawValue,
             finding.path, finding.file, finding.line.map(String.init) ?? "", finding.claimed, finding.computed, finding.message,
             finding.place]
        }
    }

    /// Renders `result` (table `table` of `file`) for a batch.
    public init(_ result: AuditResult, file: String, table: Int, report: String?, facts: TableFacts?, language: Language) {
        let card = result.scorecard
        let submission = card.submission
        let decimals = card.rubric.rounding.decimals
        func printed(_ number: PrintedNumber?) -> String { number.map { $0.value.formatted(decimals: $0.decimals) } ?? "" }
        func decimal(_ value: Fixed?, _ places: Int) -> String { value.map { $0.compact(decimals: places) } ?? "" }
        self.file = file
        self.table = table
        unit = submission.unitName
        level = submission.level.rawValue
        project = submission.project
        year = submission.year
        rubric = card.rubric.id
        budget = printed(card.budget.denominator)
        spent = printed(submission.budget.executed)
        rateClaimed = card.budget.claimedRate.map { $0.number.formatted(decimals: $0.numberDecimals) } ?? ""
        rateComputed = decimal(card.budget.rate, 4)
        totalClaimed = printed(card.total.claimed)
        totalComputed = decimal(card.total.computed, decimals)
        totalRecomputed = decimal(card.total.recomputed, decimals)
        gradeClaimed = card.grade.claimed ?? ""
        gradeComputed = card.grade.computed?.name ?? ""
        gradeRecomputed = card.grade.recomputed?.name ?? ""
        let coverage = card.coverage
        gap = coverage.totalPartsRead ? card.total.claimed.map { $0.number - (card.total.recomputed ?? card.total.computed) } : nil
        checked = coverage.isChecked
        proseOnly = result.narrativeFigures != nil
        budgetRead = coverage.budget.rawValue
        indicatorsRead = coverage.indicatorsRead
        indicatorsSeen = coverage.indicatorRowsSeen
        totalRead = coverage.total.rawValue
        unverifiedPoints = coverage.unverifiedPoints.compact(decimals: 2)
        findings = result.findings.map { FindingRecord($0, language: language) }
        json = JSONReport.result(result, language: language)
        self.report = report
        self.facts = facts
    }
}

extension FindingRecord {
    public init(_ finding: Finding, language: Language) {
        code = finding.code
        severity = finding.severity
        path = finding.path
        file = finding.location.file
        line = finding.location.line
        place = finding.location.place?.text(language) ?? ""
        claimed = finding.claimed?.description ?? ""
        computed = finding.computed?.description ?? ""
        message = finding.message.text(language)
    }
}

extension String {
    /// The text padded on the left to `width` characters.
    package func leftPadded(_ width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
