import Foundation
import JixiaoBase
import JixiaoModel
import JixiaoAudit

/// What the HTML and Markdown reports of one table show, as plain strings ready to be escaped
/// and written and as `Figure`s: the heading, the headline (claimed total and grade beside the
/// computed ones), the budget row, the indicator tree as the table's rows with the findings on
/// the row they concern (each level-1 group with its subtotal) and the list of findings with
/// the formula behind each computed value. The HTML report draws the level-1 subtotals as a
/// `BarChart`.
///
/// Values that are absent are `—`; parts a report leaves out when absent are optional.
struct ReportModel {
    var heading: String
    var unit: String
    /// A project's 主管部门 and 实施单位, when the table prints them apart from its unit.
    var department: String?
    var implementer: String?
    var project: String?
    var title: String
    var level: String
    var year: String
    var rubric: String
    var rubricTitle: String
    var file: String
    /// The published document the table was imported from, with its table number and lines.
    var document: String?
    var money: String
    /// What of the table was read (`CoverageText`).
    var coverage: String
    var conclusion: Conclusion
    var headline: Headline
    var budget: Budget
    var groups: [Group]
    var total: Total
    var findings: [FindingLine]
    var summary: String

    struct Headline {
        var claimedTotal: Figure
        var sumTotal: Figure
        var rulesTotal: Figure
        var claimedGrade: Figure
        var sumGrade: Figure
        var rulesGrade: Figure
        var totalClass: String
        var gradeClass: String
    }

    struct Budget {
        var initial: Figure
        var adjusted: Figure
        var executed: Figure
        var points: Figure
        var claimedRate: Figure
        var computedRate: Figure
        var claimedScore: Figure
        var computedScore: Figure
        var rowClass: String
        var notes: [Note]
        var source: Source
    }

    /// A level-1 category: its indicator rows and its subtotal row.
    struct Group {
        var name: String
        /// Rows the level-1 cell spans: every indicator row and note row, and the subtotal.
        var span: Int
        var rows: [Row]
        var points: Figure
        var claimed: Figure
        var computed: Figure
        var subtotalClass: String
        var notes: [Note]
        var source: Source
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
        var points: Figure
        var claimed: Figure
        var computed: Figure
        var method: String
        var reason: String
        var source: Source
        var rowClass: String
        var notes: [Note]
    }

    struct Total {
        var points: Figure
        var claimed: Figure
        var computed: Figure
        var rowClass: String
        var notes: [Note]
        var source: Source
    }

    /// A number (or what stands in its place) as a report shows it. Its digits need no escape
    /// in Markdown or HTML, so they are written straight into the page
    /// (`TextBuffer.append(markdownCell:)`, `append(html:)`) instead of made into a `String`
    /// first; a text is escaped as any other.
    enum Figure {
        /// As the table printed it: `87.50%`, `2305.17`.
        case printed(PrintedNumber)
        /// At most `decimals` places (`Fixed.compact`).
        case computed(Fixed, decimals: Int)
        /// A text in a number's place: a grade, a qualitative band with its range, or `—`.
        case text(String)

        static let absent = Figure.text("—")
    }

    /// Where a row was read, written into the page as it is rather than made into a `String`
    /// first: a line of the table's own file (`第 23 行`, `line 23`), a page or table row of it
    /// when its lines are text rendered from a PDF, web page or Word document (`第 3 页`,
    /// `表 1 第 9 行`), a place in another file (`a.txt:12`), or nowhere (an empty cell).
    enum Source {
        case line(Int, Language)
        case place(SourceLocation.Place, Language)
        case elsewhere(String)
        case none
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
        var severity: String
        var severityLabel: String
        var code: String
        var title: String
        var path: String
        var location: String
        var claimed: String
        var computed: String
        /// What `claimed` and `computed` are (自评 and 核定, or 得分 and 分值 …).
        var claimedLabel: String
        var computedLabel: String
        var message: String
        /// The arithmetic behind `computed`, or empty.
        var formula: String
    }
}

extension ReportModel {
    init(_ result: AuditResult, language: Language) {
        let card = result.scorecard
        let submission = card.submission
        let zh = language == .zh
        let decimals = card.rubric.rounding.decimals
        func number(_ value: Fixed?) -> Figure { value.map { .computed($0, decimals: decimals) } ?? .absent }
        func printed(_ value: PrintedNumber?) -> Figure { value.map(Figure.printed) ?? .absent }
        let file = submission.file

        var remaining = result.findings
        /// Takes the findings a row shows, so each finding lands on one row at most.
        func take(_ matches: (Finding) -> Bool) -> [Note] {
            guard !remaining.isEmpty else { return [] }
            let taken = remaining.filter(matches)
            guard !taken.isEmpty else { return [] }
            remaining.removeAll(where: matches)
            return taken.map { Note($0, language: language) }
        }
        func source(_ location: SourceLocation?) -> Source {
            guard let location else { return .none }
            guard location.file == file else { return .elsewhere(location.text(language)) }
            return location.place.map { .place($0, language) } ?? .line(location.line, language)
        }

        unit = submission.unitName ?? "—"
        department = submission.department == submission.unitName ? nil : submission.department
        implementer = submission.implementer == submission.unitName ? nil : submission.implementer
        project = submission.project
        title = submission.title ?? ""
        level = result.narrativeFigures == nil ? submission.level.label.text(language) : (zh ? "未找到自评表（仅核对正文数据）" : "no self-evaluation table (prose figures only)")
        year = String(submission.year)
        rubric = card.rubric.id
        rubricTitle = card.rubric.title(language)
        heading = [submission.unitName, submission.project ?? submission.title].compactMap { $0 }.joined(separator: " · ")
        if heading.isEmpty { heading = file }
        self.file = file
        if let source = submission.source {
            // A web page's or Word document's table row names its table in the document's numbering.
            let rowPlaced = if case .tableRow = source.firstPlace { true } else { false }
            let table = rowPlaced ? nil : source.table.map { zh ? "表 \($0)" : "table \($0)" }
            let lines = Self.span(source.firstPlace, source.lastPlace, language: language) ?? source.firstLine.map { first in
                source.lastLine.map { zh ? "第 \(first)–\($0) 行" : "lines \(first)–\($0)" } ?? (zh ? "第 \(first) 行" : "line \(first)")
            }
            document = [source.file, table, lines].compactMap { $0 }.joined(separator: " · ")
        } else {
            document = nil
        }
        money = submission.money.rawValue
        coverage = CoverageText.line(result, language: language)
        conclusion = Conclusion(result, language: language)

        let totalNotes = take { [.total, .totalPoints, .grade].contains($0.subject) }
        let rubricNotes = take { $0.subject == .rubric }
        headline = Headline(
            claimedTotal: printed(card.total.claimed), sumTotal: number(card.total.computed),
            rulesTotal: number(card.total.recomputed),
            claimedGrade: .text(card.grade.claimed ?? "—"), sumGrade: .text(card.grade.computed?.name ?? "—"),
            rulesGrade: .text(card.grade.recomputed?.name ?? "—"),
            totalClass: Self.severityClass(result.findings.filter { $0.subject == .total }),
            gradeClass: Self.severityClass(result.findings.filter { $0.subject == .grade }))

        let budgetScore = card.budget
        let budgetNotes = take { if case .budget = $0.subject { true } else { false } }
        budget = Budget(
            initial: printed(submission.budget.initial), adjusted: printed(submission.budget.adjusted),
            executed: printed(submission.budget.executed), points: number(budgetScore.points),
            claimedRate: printed(budgetScore.claimedRate),
            computedRate: printed(budgetScore.rate.map { PrintedNumber($0 * 100, decimals: 2, isPercent: true) }),
            claimedScore: printed(budgetScore.claimedScore), computedScore: number(budgetScore.score),
            rowClass: Self.severityClass(budgetNotes), notes: budgetNotes,
            source: source(submission.budget.location))

        /// The row of `indicators[position]`, read in place: copying an indicator score (its
        /// parsed values and assessment) would cost more than the row.
        func row(_ indicators: [Scorecard.IndicatorScore], _ position: Int, of category: Submission.CategoryRow) -> Row {
            // The path is built only while findings are left to place.
            var notes: [Note] = []
            if !remaining.isEmpty {
                let path = category.path(of: indicators[position].indicator)
                let line = indicators[position].indicator.location.line
                notes = take { $0.subject == .indicator(path) && $0.location.line == line }
            }
            let computed: Figure
            if let value = indicators[position].assessment.computed {
                computed = .computed(value, decimals: decimals)
            } else if let band = indicators[position].assessment.band {
                computed = .text("\(band.name) \(band.points.lower.compact(decimals: decimals))–\(band.points.upper.compact(decimals: decimals))")
            } else {
                computed = .absent
            }
            return Row(
                first: false, groupName: category.name, groupSpan: 0,
                startsSubcategory: false, subcategory: indicators[position].indicator.subcategory ?? "", subcategorySpan: 0,
                name: indicators[position].indicator.name, target: indicators[position].indicator.target ?? "—",
                actual: indicators[position].indicator.actual ?? "—", points: printed(indicators[position].indicator.points),
                claimed: printed(indicators[position].indicator.score), computed: computed,
                method: ReportLabels.method(indicators[position].assessment.method, language),
                reason: indicators[position].indicator.reason ?? "", source: source(indicators[position].indicator.location),
                rowClass: Self.severityClass(notes), notes: notes)
        }

        var groups: [Group] = []
        groups.reserveCapacity(card.categories.count)
        for category in card.categories {
            var rows: [Row] = []
            rows.reserveCapacity(category.indicators.count)
            for position in category.indicators.indices {
                rows.append(row(category.indicators, position, of: category.row))
            }
            // Level-2 cells span their run of rows, counting each row's note row.
            var index = 0
            while index < rows.count {
                var end = index + 1
                while end < rows.count && rows[end].subcategory == rows[index].subcategory { end += 1 }
                rows[index].startsSubcategory = true
                rows[index].subcategorySpan = rows[index..<end].reduce(0) { $0 + ($1.notes.isEmpty ? 1 : 2) }
                index = end
            }
            let notes = take { $0.subject == .category(category.row.name) }
            let span = rows.reduce(0) { $0 + ($1.notes.isEmpty ? 1 : 2) } + 1 + (notes.isEmpty ? 0 : 1)
            if !rows.isEmpty {
                rows[0].first = true
                rows[0].groupSpan = span
            }
            groups.append(Group(
                name: category.row.name, span: span, rows: rows, points: number(category.points),
                claimed: number(category.claimed), computed: number(category.computed),
                subtotalClass: Self.severityClass(notes), notes: notes,
                source: source(category.row.location)))
        }
        self.groups = groups

        total = Total(
            points: number(submission.total.points?.number ?? card.rubric.total), claimed: printed(card.total.claimed),
            computed: number(card.total.recomputed ?? card.total.computed),
            rowClass: Self.severityClass(totalNotes), notes: totalNotes + rubricNotes,
            source: source(submission.total.location))

        findings = result.findings.enumerated().map { index, finding in
            FindingLine(finding, index: index, card: card, language: language)
        }
        summary = TextReport.summary(result, language: language, style: TextStyle(color: false))
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

extension ReportModel {
    /// The pages a table of a PDF is printed on (`第 1–2 页`, `pp. 1–2`), or the rows of a web
    /// page's or Word document's table it was read from (`表 2 第 3–17 行`, `table 2, rows 3–17`);
    /// nil without places.
    static func span(_ first: SourceLocation.Place?, _ last: SourceLocation.Place?, language: Language) -> String? {
        let zh = language == .zh
        switch (first, last) {
        case (.page(let a), .page(let b)) where a != b:
            return zh ? "第 \(a)–\(b) 页" : "pp. \(a)–\(b)"
        case (.tableRow(let t, let a), .tableRow(let u, let b)) where t == u && a != b:
            return zh ? "表 \(t) 第 \(a)–\(b) 行" : "table \(t), rows \(a)–\(b)"
        case (.some(let place), _):
            return place.text(language)
        default:
            return nil
        }
    }
}

extension ReportModel.FindingLine {
    init(_ finding: Finding, index: Int, card: Scorecard, language: Language) {
        number = index + 1
        severity = finding.severity.rawValue
        severityLabel = finding.severity.label.text(language)
        code = finding.code.rawValue
        title = finding.code.title.text(language)
        path = finding.path
        location = finding.location.text(language)
        claimed = finding.claimed?.description ?? "—"
        computed = finding.computed?.description ?? "—"
        claimedLabel = finding.code.valueLabels.claimed.text(language)
        computedLabel = finding.code.valueLabels.computed.text(language)
        message = finding.message.text(language)
        formula = ReportFormula.of(finding, card: card, language: language) ?? ""
    }

    /// The values with what they are: `自评 96；核定 97`, `得分 2；分值 3`; those the finding
    /// has, or `—`.
    func values(_ language: Language) -> String {
        knownValues.isEmpty ? "—" : knownValues.map { "\($0.label) \($0.value)" }.joined(separator: language == .zh ? "；" : "; ")
    }

    /// The values the finding has, each with what it is.
    var knownValues: [(label: String, value: String)] {
        [(claimedLabel, claimed), (computedLabel, computed)].filter { $0.1 != "—" }
    }
}
