import Foundation

/// What the HTML and Markdown reports of one table show, as plain strings ready for a template:
/// the heading, the headline (claimed total and grade beside the computed ones), the budget row,
/// the indicator tree as the table's rows with the findings on the row they concern, the
/// level-1 chart and the list of findings with the formula behind each computed value.
///
/// Values that are absent are `—`; every optional part has a `has…` flag, because a Mustache
/// section over a missing key would otherwise look the name up in the enclosing object.
struct ReportModel {
    var lang: String
    var t: [String: String]
    var heading: String
    var unit: String
    var project: String
    var hasProject: Bool
    var title: String
    var level: String
    var year: String
    var rubric: String
    var rubricTitle: String
    var file: String
    var document: String
    var hasDocument: Bool
    var money: String
    var headline: Headline
    var budget: Budget
    var groups: [Group]
    var total: Total
    var chart: BarChart
    /// The chart's figures, as a table for the Markdown report.
    var categoryPoints: [CategoryPoints]
    var findings: [FindingLine]
    var hasFindings: Bool
    var summary: String

    struct Headline {
        var claimedTotal: String
        var sumTotal: String
        var rulesTotal: String
        var claimedGrade: String
        var sumGrade: String
        var rulesGrade: String
        var totalClass: String
        var gradeClass: String
    }

    struct Budget {
        var initial: String
        var adjusted: String
        var executed: String
        var points: String
        var claimedRate: String
        var computedRate: String
        var claimedScore: String
        var computedScore: String
        var rowClass: String
        var notes: [Note]
        var hasNotes: Bool
        var source: String
    }

    /// A level-1 category: its indicator rows and its subtotal row.
    struct Group {
        var name: String
        /// Rows the level-1 cell spans: every indicator row and note row, and the subtotal.
        var span: Int
        var rows: [Row]
        var points: String
        var claimed: String
        var computed: String
        var subtotalClass: String
        var notes: [Note]
        var hasNotes: Bool
        var source: String
    }

    struct Row {
        /// The level-1 cell is printed on the group's first row only.
        var first: Bool
        var groupName: String
        var groupSpan: Int
        /// The level-2 cell is printed on the first row of each run of the same level 2.
        var startsSubcategory: Bool
        var subcategory: String
        var subcategorySpan: Int
        var name: String
        var target: String
        var actual: String
        var points: String
        var claimed: String
        var computed: String
        var method: String
        var reason: String
        var source: String
        var rowClass: String
        var notes: [Note]
        var hasNotes: Bool
    }

    struct Total {
        var points: String
        var claimed: String
        var computed: String
        var rowClass: String
        var notes: [Note]
        var hasNotes: Bool
        var source: String
    }

    struct CategoryPoints {
        var name: String
        var points: String
        var claimed: String
        var computed: String
    }

    /// A finding shown on the row it concerns.
    struct Note {
        var severity: String
        var severityLabel: String
        var code: String
        var message: String
    }

    /// A finding in the full list.
    struct FindingLine {
        var number: Int
        var anchor: String
        var severity: String
        var severityLabel: String
        var code: String
        var title: String
        var path: String
        var location: String
        var claimed: String
        var computed: String
        var message: String
        var formula: String
        var hasFormula: Bool
    }
}

extension ReportModel {
    init(_ result: AuditResult, language: Language) {
        let card = result.scorecard
        let submission = card.submission
        let zh = language == .zh
        let decimals = card.rubric.rounding.decimals
        func number(_ value: Fixed?) -> String { value.map { $0.compact(decimals: decimals) } ?? "—" }
        func printed(_ value: PrintedNumber?) -> String { value?.description ?? "—" }
        let file = submission.file

        var remaining = Array(result.findings.enumerated())
        /// Takes the findings a row shows, so each finding lands on one row at most.
        func take(_ matches: (Finding) -> Bool) -> [Note] {
            let taken = remaining.filter { matches($0.element) }
            remaining.removeAll { matches($0.element) }
            return taken.map { Note($0.element, language: language) }
        }
        func source(_ location: SourceLocation?) -> String {
            guard let location else { return "" }
            if location.file == file { return zh ? "第 \(location.line) 行" : "line \(location.line)" }
            return location.description
        }

        lang = zh ? "zh-CN" : "en"
        t = ReportLabels.table(language)
        unit = submission.unit ?? "—"
        project = submission.project ?? ""
        hasProject = submission.project != nil
        title = submission.title ?? ""
        level = submission.level.label.text(language)
        year = String(submission.year)
        rubric = card.rubric.id
        rubricTitle = card.rubric.title(language)
        heading = [submission.unit, submission.project ?? submission.title].compactMap { $0 }.joined(separator: " · ")
        if heading.isEmpty { heading = file }
        self.file = file
        if let source = submission.source {
            let table = source.table.map { zh ? "表 \($0)" : "table \($0)" }
            let lines = source.firstLine.map { first in
                source.lastLine.map { zh ? "第 \(first)–\($0) 行" : "lines \(first)–\($0)" } ?? (zh ? "第 \(first) 行" : "line \(first)")
            }
            document = [source.file, table, lines].compactMap { $0 }.joined(separator: " · ")
            hasDocument = true
        } else {
            document = ""
            hasDocument = false
        }
        money = submission.money.rawValue

        let totalNotes = take { $0.path == "total" || $0.path == "total.points" || $0.path == "grade" }
        let rubricNotes = take { $0.path == "rubric" }
        headline = Headline(
            claimedTotal: printed(card.total.claimed), sumTotal: number(card.total.computed),
            rulesTotal: number(card.total.recomputed),
            claimedGrade: card.grade.claimed ?? "—", sumGrade: card.grade.computed?.name ?? "—",
            rulesGrade: card.grade.recomputed?.name ?? "—",
            totalClass: Self.severityClass(result.findings.filter { $0.path == "total" }),
            gradeClass: Self.severityClass(result.findings.filter { $0.path == "grade" }))

        let budgetScore = card.budget
        let budgetNotes = take { $0.path == "budget" || $0.path.hasPrefix("budget.") }
        budget = Budget(
            initial: printed(submission.budget.initial), adjusted: printed(submission.budget.adjusted),
            executed: printed(submission.budget.executed), points: number(budgetScore.points),
            claimedRate: printed(budgetScore.claimedRate),
            computedRate: budgetScore.rate.map { ($0 * 100).formatted(decimals: 2) + "%" } ?? "—",
            claimedScore: printed(budgetScore.claimedScore), computedScore: number(budgetScore.score),
            rowClass: Self.severityClass(budgetNotes), notes: budgetNotes, hasNotes: !budgetNotes.isEmpty,
            source: source(submission.budget.location))

        var groups: [Group] = []
        for category in card.categories {
            var rows: [Row] = []
            for scored in category.indicators {
                let indicator = scored.indicator
                let path = category.row.path(of: indicator)
                let notes = take { $0.path == path && ($0.location == nil || $0.location?.line == indicator.location.line) }
                let assessment = scored.assessment
                let computed = assessment.computed.map { $0.compact(decimals: decimals) }
                    ?? assessment.band.map { "\($0.name) \($0.points.lower.compact(decimals: decimals))–\($0.points.upper.compact(decimals: decimals))" }
                    ?? "—"
                rows.append(Row(
                    first: false, groupName: category.row.name, groupSpan: 0,
                    startsSubcategory: false, subcategory: indicator.subcategory ?? "", subcategorySpan: 0,
                    name: indicator.name, target: indicator.target ?? "—", actual: indicator.actual ?? "—",
                    points: printed(indicator.points), claimed: printed(indicator.score), computed: computed,
                    method: ReportLabels.method(assessment.method, language), reason: indicator.reason ?? "",
                    source: source(indicator.location), rowClass: Self.severityClass(notes),
                    notes: notes, hasNotes: !notes.isEmpty))
            }
            // Level-2 cells span their run of rows, counting each row's note row.
            var index = 0
            while index < rows.count {
                var end = index + 1
                while end < rows.count && rows[end].subcategory == rows[index].subcategory { end += 1 }
                rows[index].startsSubcategory = true
                rows[index].subcategorySpan = rows[index..<end].reduce(0) { $0 + ($1.hasNotes ? 2 : 1) }
                index = end
            }
            let notes = take { $0.path == category.row.name }
            let span = rows.reduce(0) { $0 + ($1.hasNotes ? 2 : 1) } + 1 + (notes.isEmpty ? 0 : 1)
            if !rows.isEmpty {
                rows[0].first = true
                rows[0].groupSpan = span
            }
            groups.append(Group(
                name: category.row.name, span: span, rows: rows, points: number(category.points),
                claimed: number(category.claimed), computed: number(category.computed),
                subtotalClass: Self.severityClass(notes), notes: notes, hasNotes: !notes.isEmpty,
                source: source(category.row.location)))
        }
        self.groups = groups

        total = Total(
            points: number(submission.total.points?.number ?? card.rubric.total), claimed: printed(card.total.claimed),
            computed: number(card.total.recomputed ?? card.total.computed),
            rowClass: Self.severityClass(totalNotes), notes: totalNotes + rubricNotes,
            hasNotes: !(totalNotes + rubricNotes).isEmpty, source: source(submission.total.location))

        chart = BarChart(card, language: language)
        categoryPoints = card.categories.map {
            CategoryPoints(name: $0.row.name, points: number($0.points), claimed: number($0.claimed), computed: number($0.computed))
        }
        findings = result.findings.enumerated().map { index, finding in
            FindingLine(finding, index: index, card: card, language: language)
        }
        hasFindings = !findings.isEmpty
        summary = TextReport.summary(result.findings, language: language, style: TextStyle(color: false))
    }

    /// `sev-error`, `sev-warning`, `sev-info` for the worst of `findings`, or `` when none.
    static func severityClass(_ findings: [Finding]) -> String {
        findings.map(\.severity).max().map { "sev-\($0.rawValue)" } ?? ""
    }

    static func severityClass(_ notes: [Note]) -> String {
        let worst = notes.compactMap { Severity(rawValue: $0.severity) }.max()
        return worst.map { "sev-\($0.rawValue)" } ?? ""
    }
}

extension ReportModel.Note {
    init(_ finding: Finding, language: Language) {
        severity = finding.severity.rawValue
        severityLabel = finding.severity.label.text(language)
        code = finding.code.rawValue
        message = finding.message.text(language)
    }
}

extension ReportModel.FindingLine {
    init(_ finding: Finding, index: Int, card: Scorecard, language: Language) {
        number = index + 1
        anchor = "finding-\(index + 1)"
        severity = finding.severity.rawValue
        severityLabel = finding.severity.label.text(language)
        code = finding.code.rawValue
        title = finding.code.title.text(language)
        path = finding.path
        location = finding.location?.description ?? "—"
        claimed = finding.claimed?.description ?? "—"
        computed = finding.computed?.description ?? "—"
        message = finding.message.text(language)
        formula = ReportFormula.of(finding, card: card, language: language) ?? ""
        hasFormula = !formula.isEmpty
    }
}
