import Foundation
import JixiaoBase
import JixiaoAudit

/// What the dashboard shows, as plain strings ready to be escaped and written.
struct DashboardModel {
    var stats: [Stat]
    var grades: BarChart
    var codes: BarChart
    var codeRows: [CodeRow]

    struct Stat {
        var value: String
        var label: String
        var cssClass: String
    }

    struct CodeRow {
        var code: String
        var title: String
        var severity: String
        var severityLabel: String
        var count: Int
        var tables: Int
    }

    struct TableRow {
        var unit: String
        var project: String
        var year: Int
        var source: String
        var report: String
        var claimedTotal: String
        var claimedSort: String
        var computedTotal: String
        var computedSort: String
        var gap: String
        var gapSort: String
        var gapClass: String
        var claimedGrade: String
        var computedGrade: String
        var gradeClass: String
        var errors: Int
        var warnings: Int
        var infos: Int
        var findings: Int
    }

}

/// What the dashboard counts over all tables, added up one table at a time, so a batch keeps
/// a fixed amount of memory for it however many tables it reads.
public struct DashboardTotals: Sendable {
    public private(set) var tables = 0
    var bySeverity: [Severity: Int] = [:]
    /// Tables by claimed and by recomputed grade; nil for no grade.
    var claimedGrades: [String?: Int] = [:]
    var computedGrades: [String?: Int] = [:]
    /// Findings by code, and the tables with at least one.
    var findings: [FindingCode: Int] = [:]
    var tablesWith: [FindingCode: Int] = [:]

    public init() {}

    public init(_ tables: [DashboardSummary.Table]) {
        for table in tables { add(table) }
    }

    public mutating func add(_ table: DashboardSummary.Table) {
        tables += 1
        for (severity, count) in table.findingsBySeverity { bySeverity[severity, default: 0] += count }
        claimedGrades[table.claimedGrade, default: 0] += 1
        computedGrades[table.computedGrade, default: 0] += 1
        for (code, count) in table.findingsByCode {
            findings[code, default: 0] += count
            tablesWith[code, default: 0] += 1
        }
    }
}

extension DashboardModel {
    /// `unreadable`: how many inputs could not be read.
    init(_ totals: DashboardTotals, unreadable: Int, language: Language) {
        let labels = ReportLabels.plain(language)
        let bySeverity = totals.bySeverity
        stats = [
            Stat(value: String(totals.tables), label: labels[.tables], cssClass: ""),
            Stat(value: String(bySeverity[.error] ?? 0), label: labels[.errors], cssClass: "sev-error"),
            Stat(value: String(bySeverity[.warning] ?? 0), label: labels[.warnings], cssClass: "sev-warning"),
            Stat(value: String(bySeverity[.info] ?? 0), label: labels[.infos], cssClass: "sev-info"),
            Stat(value: String(unreadable), label: labels[.unreadable], cssClass: unreadable == 0 ? "" : "sev-error"),
        ]

        // Grades: the usual four in order, then any other label seen, then tables with none.
        let none = labels[.noGrade]
        func byLabel(_ grades: [String?: Int]) -> [String: Int] {
            grades.reduce(into: [:]) { $0[$1.key ?? none, default: 0] += $1.value }
        }
        let claimed = byLabel(totals.claimedGrades), computed = byLabel(totals.computedGrades)
        let seen = Set(claimed.keys).union(computed.keys)
        let usual = ["优", "良", "中", "差"]
        let others = seen.subtracting(usual + [none]).sorted()
        let gradeLabels = (usual + others + [none]).filter(seen.contains)
        grades = BarChart(
            id: "chart-grades", title: labels[.gradesChart], labels: gradeLabels,
            series: [BarChart.Series(label: labels[.legendClaimed], cssClass: "bar-claimed"),
                     BarChart.Series(label: labels[.byRules], cssClass: "bar-computed")],
            values: gradeLabels.map { [Fixed(claimed[$0] ?? 0), Fixed(computed[$0] ?? 0)] },
            valueText: { $0.compact(decimals: 0) })

        let counts = totals.findings, tableCounts = totals.tablesWith
        let codes = counts.keys.sorted { (counts[$0]!, $1.rawValue) > (counts[$1]!, $0.rawValue) }
        let severities: [Severity] = [.error, .warning, .info]
        self.codes = BarChart(
            stackedID: "chart-codes", title: labels[.codesChart], labels: codes.map { $0.title.text(language) },
            series: severities.map { BarChart.Series(label: $0.label.text(language), cssClass: "sev-\($0.rawValue)") },
            values: codes.map { code in severities.map { code.severity == $0 ? counts[code]! : 0 } })
        codeRows = codes.map { code in
            CodeRow(code: code.rawValue, title: code.title.text(language), severity: code.severity.rawValue,
                    severityLabel: code.severity.label.text(language), count: counts[code]!, tables: tableCounts[code]!)
        }

    }
}

extension DashboardModel.TableRow {
    init(_ table: DashboardSummary.Table) {
        let gap = table.gap
        self.init(
            unit: table.unit ?? "—", project: table.project ?? "—", year: table.year, source: table.source,
            report: table.report,
            claimedTotal: table.claimedTotal?.description ?? "—", claimedSort: table.claimedTotal.map { $0.number.compact(decimals: 4) } ?? "",
            computedTotal: table.computedTotal.map { $0.compact(decimals: 2) } ?? "—",
            computedSort: table.computedTotal.map { $0.compact(decimals: 4) } ?? "",
            gap: gap.map { ($0.rounded(2) > 0 ? "+" : "") + $0.compact(decimals: 2) } ?? "—",
            gapSort: gap.map { $0.compact(decimals: 4) } ?? "",
            gapClass: gap.map { $0.rounded(2) == 0 ? "" : "differs" } ?? "",
            claimedGrade: table.claimedGrade ?? "—", computedGrade: table.computedGrade ?? "—",
            gradeClass: table.claimedGrade != nil && table.claimedGrade != table.computedGrade ? "differs" : "",
            errors: table.findingsBySeverity[.error] ?? 0, warnings: table.findingsBySeverity[.warning] ?? 0,
            infos: table.findingsBySeverity[.info] ?? 0, findings: table.findingCount)
    }
}
