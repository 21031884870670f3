import Foundation
import JixiaoBase
import JixiaoAudit

/// What the batch dashboard (`Dashboard.render`) shows: one line per audited table, and the
/// inputs that could not be read with why.
public struct DashboardSummary: Sendable {
    public var tables: [Table]
    public var unreadable: [Unreadable]

    public init(tables: [Table], unreadable: [Unreadable] = []) {
        self.tables = tables
        self.unreadable = unreadable
    }

    /// One audited table.
    public struct Table: Sendable {
        public var unit: String?
        /// The project name for project tables, else the table's title.
        public var project: String?
        public var year: Int
        /// The input file as given on the command line.
        public var source: String
        /// The file name of this table's report, relative to the dashboard (`seed-003.html`).
        public var report: String
        /// 总分 as printed.
        public var claimedTotal: PrintedNumber?
        /// The total the rules give (`total.recomputed` in the JSON), else the sum of the parts.
        public var computedTotal: Fixed?
        /// The printed grade, as the rubric's band name when it is an alias (优秀 → 优).
        public var claimedGrade: String?
        /// The grade of `computedTotal`.
        public var computedGrade: String?
        public var findingsBySeverity: [Severity: Int]
        public var findingsByCode: [FindingCode: Int]

        public init(
            unit: String?, project: String?, year: Int, source: String, report: String,
            claimedTotal: PrintedNumber?, computedTotal: Fixed?, claimedGrade: String?, computedGrade: String?,
            findingsBySeverity: [Severity: Int], findingsByCode: [FindingCode: Int]
        ) {
            self.unit = unit
            self.project = project
            self.year = year
            self.source = source
            self.report = report
            self.claimedTotal = claimedTotal
            self.computedTotal = computedTotal
            self.claimedGrade = claimedGrade
            self.computedGrade = computedGrade
            self.findingsBySeverity = findingsBySeverity
            self.findingsByCode = findingsByCode
        }

        /// The line of `result`, whose report is written to `report` beside the dashboard.
        public init(_ result: AuditResult, report: String) {
            let card = result.scorecard
            let submission = card.submission
            self.init(
                unit: submission.unitName, project: submission.project ?? submission.title, year: submission.year,
                source: submission.source?.file ?? submission.file, report: report,
                claimedTotal: card.total.claimed, computedTotal: card.total.recomputed ?? card.total.computed,
                claimedGrade: card.grade.claimedBand?.name ?? card.grade.claimed, computedGrade: (card.grade.recomputed ?? card.grade.computed)?.name,
                findingsBySeverity: result.findings.reduce(into: [:]) { $0[$1.severity, default: 0] += 1 },
                findingsByCode: result.findings.reduce(into: [:]) { $0[$1.code, default: 0] += 1 })
        }

        /// Claimed minus recomputed total (自评 − 核定, the sign used everywhere), when both are known.
        public var gap: Fixed? {
            guard let claimed = claimedTotal, let computedTotal else { return nil }
            return claimed.number - computedTotal
        }

        public var findingCount: Int { findingsBySeverity.values.reduce(0, +) }
    }

    /// An input that could not be audited.
    public struct Unreadable: Sendable {
        public var file: String
        public var code: String?
        public var reason: LocalizedText

        public init(file: String, code: String? = nil, reason: LocalizedText) {
            self.file = file
            self.code = code
            self.reason = reason
        }

        /// An input error, with its position when it has one.
        public init(_ error: InputError) {
            let position = error.location.line > 0 ? "\(error.location.description): " : ""
            let field = error.field.map { "\($0): " } ?? ""
            self.init(file: error.location.file, code: error.code.rawValue,
                      reason: LocalizedText(zh: position + field + error.message.zh, en: position + field + error.message.en))
        }
    }
}
