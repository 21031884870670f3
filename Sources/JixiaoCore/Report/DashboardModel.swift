import Foundation

/// What the dashboard shows, as plain strings ready to be escaped and written.
struct DashboardModel {
    var stats: [Stat]
    var grades: BarChart
    var codes: BarChart
    var codeRows: [CodeRow]
    var tables: [TableRow]
    var unreadable: [UnreadableRow]

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

    struct UnreadableRow {
        var file: String
        var code: String?
        var reason: String
    }
}

extension DashboardModel {
    init(_ summary: DashboardSummary, language: Language) {
        let labels = ReportLabels.plain(language)

        let bySeverity = Dictionary(grouping: summary.tables.flatMap { $0.findingsBySeverity }, by: \.key)
            .mapValues { $0.reduce(0) { $0 + $1.value } }
        stats = [
            Stat(value: String(summary.tables.count), label: labels[.tables], cssClass: ""),
            Stat(value: String(bySeverity[.error] ?? 0), label: labels[.errors], cssClass: "sev-error"),
            Stat(value: String(bySeverity[.warning] ?? 0), label: labels[.warnings], cssClass: "sev-warning"),
            Stat(value: String(bySeverity[.info] ?? 0), label: labels[.infos], cssClass: "sev-info"),
            Stat(value: String(summary.unreadable.count), label: labels[.unreadable], cssClass: summary.unreadable.isEmpty ? "" : "sev-error"),
        ]

        // Grades: the usual four in order, then any other label seen, then tables with none.
        let none = labels[.noGrade]
        let seen = summary.tables.flatMap { [$0.claimedGrade ?? none, $0.computedGrade ?? none] }
        let usual = ["优", "良", "中", "差"]
        let others = Set(seen).subtracting(usual + [none]).sorted()
        let gradeLabels = (usual + others + [none]).filter(seen.contains)
        grades = BarChart(
            id: "chart-grades", title: labels[.gradesChart], labels: gradeLabels,
            series: [BarChart.Series(label: labels[.legendClaimed], cssClass: "bar-claimed"),
                     BarChart.Series(label: labels[.byRules], cssClass: "bar-computed")],
            values: gradeLabels.map { grade in
                [Fixed(summary.tables.filter { ($0.claimedGrade ?? none) == grade }.count),
                 Fixed(summary.tables.filter { ($0.computedGrade ?? none) == grade }.count)]
            },
            valueText: { $0.compact(decimals: 0) })

        var counts: [FindingCode: Int] = [:]
        var tableCounts: [FindingCode: Int] = [:]
        for table in summary.tables {
            for (code, count) in table.findingsByCode {
                counts[code, default: 0] += count
                tableCounts[code, default: 0] += 1
            }
        }
        let codes = counts.keys.sorted { (counts[$0]!, $1.rawValue) > (counts[$1]!, $0.rawValue) }
        let severities: [Severity] = [.error, .warning, .info]
        self.codes = BarChart(
            stackedID: "chart-codes", title: labels[.codesChart], labels: codes.map(\.rawValue),
            series: severities.map { BarChart.Series(label: $0.label.text(language), cssClass: "sev-\($0.rawValue)") },
            values: codes.map { code in severities.map { code.severity == $0 ? counts[code]! : 0 } })
        codeRows = codes.map { code in
            CodeRow(code: code.rawValue, title: code.title.text(language), severity: code.severity.rawValue,
                    severityLabel: code.severity.label.text(language), count: counts[code]!, tables: tableCounts[code]!)
        }

        tables = summary.tables.map { table in
            let gap = table.gap
            return TableRow(
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
        unreadable = summary.unreadable.map {
            UnreadableRow(file: $0.file, code: $0.code, reason: $0.reason.text(language))
        }
    }
}
