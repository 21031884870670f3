import JixiaoBase
import JixiaoAudit

/// The per-table HTML report: one self-contained page (inline CSS and SVG, no network) with the
/// heading, the headline totals and grades, the budget row, the indicator tree with each
/// finding on its row, a chart of each level-1 category and the list of findings. Written as
/// XHTML-compatible HTML5 so an XML parser can check it.
///
/// The output depends only on the result and the language (no dates, no absolute paths beyond
/// the file names the result carries), so committed examples can be compared byte for byte.
public enum HTMLReport {
    public static func render(_ result: AuditResult, language: Language) -> String {
        page(result, language: language).text
    }

    /// The page as bytes, for a file.
    package static func page(_ result: AuditResult, language: Language) -> TextBuffer {
        page(ReportModel(result, language: language), chart: BarChart(result.scorecard, language: language), language: language)
    }

    /// The page of `model`, every text from the table HTML-escaped.
    static func page(_ model: ReportModel, chart: BarChart, language: Language) -> TextBuffer {
        let t = ReportLabels.html(language)
        let rowCount = model.groups.reduce(0) { $0 + $1.rows.count }
        var out = TextBuffer(capacity: 16_384 + rowCount * 1_536 + model.findings.count * 768)

        out.append(ReportStyle.pageStart(language))
        out.append(t[.reportTitle])
        out += " · "
        out.append(html: model.heading)
        out += " · "
        out.append(html: model.year)
        out += "</title>\n"
        out.append(ReportStyle.element)
        out += "</head>\n<body>\n<main>\n<header>\n<h1>"
        out.append(html: model.heading)
        out += "</h1>\n<p class=\"subtitle\">"
        out.append(t[.reportTitle])
        out += " · "
        out.append(html: model.year)
        out += " · "
        out.append(html: model.level)
        out += "</p>\n<dl class=\"facts\">\n"
        appendFact(t[.unit], model.unit, to: &out)
        if let department = model.department { appendFact(t[.department], department, to: &out) }
        if let implementer = model.implementer { appendFact(t[.implementer], implementer, to: &out) }
        if let project = model.project { appendFact(t[.project], project, line: false, to: &out) }
        out += "\n"
        appendFact(t[.tableTitle], model.title, to: &out)
        appendFact(t[.year], model.year, to: &out)
        out += "<dt>"
        out.append(t[.rubric])
        out += "</dt><dd><code>"
        out.append(html: model.rubric)
        out += "</code> "
        out.append(html: model.rubricTitle)
        out += "</dd>\n<dt>"
        out.append(t[.file])
        out += "</dt><dd><code>"
        out.append(html: model.file)
        out += "</code></dd>\n"
        if let document = model.document {
            out += "<dt>"
            out.append(t[.document])
            out += "</dt><dd><code>"
            out.append(html: document)
            out += "</code></dd>"
        }
        out += "\n"
        appendFact(t[.money], model.money, to: &out)
        appendFact(t[.coverage], model.coverage, to: &out)
        out += "</dl>\n</header>\n\n"

        appendConclusion(model.conclusion, t, to: &out)
        appendHeadline(model.headline, t, to: &out)
        appendBudget(model.budget, t, to: &out)
        appendIndicators(model, t, to: &out)

        out += #"<section id="chart" aria-labelledby="chart-title">"#
        out += "\n<h2 id=\"chart-title\">"
        out.append(t[.chart])
        out += "</h2>\n"
        chart.appendSVG(to: &out)
        out += "\n</section>\n\n"

        appendFindings(model, t, to: &out)
        out += "<footer>"
        out.append(t[.generatedBy])
        out += " · "
        out.append(t[.rubric])
        out += " "
        out.append(html: model.rubric)
        out += " · "
        out.append(html: model.file)
        out += "</footer>\n</main>\n</body>\n</html>\n"
        return out
    }

    /// `<dt>term</dt><dd>value</dd>`, `term` already escaped (the dashboard's run facts too).
    static func appendFact(_ term: String, _ value: String, line: Bool = true, to out: inout TextBuffer) {
        out += "<dt>"
        out.append(term)
        out += "</dt><dd>"
        out.append(html: value)
        out.append(line ? "</dd>\n" : "</dd>")
    }

    /// The 审核结论 section: the verdict, what to correct and to explain, what was not checked.
    private static func appendConclusion(_ conclusion: Conclusion, _ t: ReportLabels, to out: inout TextBuffer) {
        out += #"<section id="conclusion" aria-labelledby="conclusion-title">"#
        out += "\n<h2 id=\"conclusion-title\">"
        out.append(t[.conclusion])
        out += "</h2>\n<p class=\"verdict\">"
        out.append(html: conclusion.verdict)
        out += "</p>\n"
        for (label, items, cssClass) in [(t[.toCorrect], conclusion.toCorrect, "sev-error"), (t[.toExplain], conclusion.toExplain, "sev-warning")] {
            out += "<h3>"
            out.append(label)
            if items.isEmpty {
                out.append(t[.colon])
                out += "<span class=\"muted\">"
                out.append(t[.nothing])
                out += "</span></h3>\n"
                continue
            }
            out.append(t[.openParen] + "\(items.count)" + t[.closeParen] + "</h3>\n<ol class=\"\(cssClass)\">\n")
            for item in items {
                out += "<li>"
                out.append(html: item)
                out += "</li>\n"
            }
            out += "</ol>\n"
        }
        out += "<p><strong>"
        out.append(t[.unchecked])
        out += "</strong>"
        out.append(t[.colon])
        if let unchecked = conclusion.unchecked { out.append(html: unchecked) } else { out.append(t[.readWhole]) }
        out += "</p>\n</section>\n\n"
    }

    private static func appendHeadline(_ headline: ReportModel.Headline, _ t: ReportLabels, to out: inout TextBuffer) {
        out += #"<section id="headline" aria-labelledby="headline-title">"#
        out += "\n<h2 id=\"headline-title\">"
        out.append(t[.headline])
        out += "</h2>\n<div class=\"headline\">\n<div class=\"card "
        out.append(html: headline.totalClass)
        out += "\" id=\"headline-total\">\n<h3>"
        out.append(t[.total])
        out += "</h3>\n<div class=\"figures\">\n"
        appendFigure(headline.claimedTotal, id: "total-claimed", t[.claimed], to: &out)
        appendFigure(headline.sumTotal, id: "total-computed", t[.sumOfParts], to: &out)
        appendFigure(headline.rulesTotal, id: "total-recomputed", t[.byRules], to: &out)
        out += "</div>\n</div>\n<div class=\"card "
        out.append(html: headline.gradeClass)
        out += "\" id=\"headline-grade\">\n<h3>"
        out.append(t[.grade])
        out += "</h3>\n<div class=\"figures\">\n"
        appendFigure(headline.claimedGrade, id: nil, t[.claimed], to: &out)
        appendFigure(headline.sumGrade, id: nil, t[.sumOfParts], to: &out)
        appendFigure(headline.rulesGrade, id: nil, t[.byRules], to: &out)
        out += "</div>\n</div>\n</div>\n</section>\n\n"
    }

    private static func appendFigure(_ value: ReportModel.Figure, id: String?, _ what: String, to out: inout TextBuffer) {
        out += "<span class=\"figure\"><span class=\"value\""
        if let id {
            out += " id=\""
            out.append(id)
            out += "\""
        }
        out += ">"
        out.append(html: value)
        out += "</span><span class=\"what\">"
        out.append(what)
        out += "</span></span>\n"
    }

    private static func appendBudget(_ budget: ReportModel.Budget, _ t: ReportLabels, to out: inout TextBuffer) {
        let rateClaimed = t[.rate] + t[.openParen] + t[.claimedShort] + t[.closeParen]
        let rateComputed = t[.rate] + t[.openParen] + t[.computedShort] + t[.closeParen]
        let scoreClaimed = t[.score] + t[.openParen] + t[.claimedShort] + t[.closeParen]
        let scoreComputed = t[.score] + t[.openParen] + t[.computedShort] + t[.closeParen]
        out += #"<section id="budget" aria-labelledby="budget-title">"#
        out += "\n<h2 id=\"budget-title\">"
        out.append(t[.budget])
        out += "</h2>\n<table class=\"budget cards\">\n<thead>\n<tr>"
        for heading in [t[.initial], t[.adjusted], t[.executed], t[.points], rateClaimed, rateComputed, scoreClaimed, scoreComputed] {
            out += "<th>"
            out.append(heading)
            out += "</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n<tr class=\""
        out.append(html: budget.rowClass)
        out += "\">\n"
        appendNumberCell(t[.initial], budget.initial, to: &out)
        appendNumberCell(t[.adjusted], budget.adjusted, to: &out)
        appendNumberCell(t[.executed], budget.executed, to: &out)
        appendNumberCell(t[.points], budget.points, to: &out)
        appendNumberCell(rateClaimed, budget.claimedRate, to: &out)
        appendNumberCell(rateComputed, budget.computedRate, to: &out)
        appendNumberCell(scoreClaimed, budget.claimedScore, to: &out)
        appendNumberCell(scoreComputed, budget.computedScore, source: budget.source, to: &out)
        out += "</tr>\n"
        appendNotes(budget.notes, columns: 8, to: &out)
        out += "</tbody>\n</table>\n</section>\n\n"
    }

    /// `<td class="num" data-label="label">value</td>` and a line break; `label` already escaped.
    private static func appendNumberCell(_ label: String, _ value: ReportModel.Figure, source: ReportModel.Source? = nil, to out: inout TextBuffer) {
        out += "<td class=\"num\" data-label=\""
        out.append(label)
        out += "\">"
        out.append(html: value)
        if let source {
            out += "<span class=\"src\">"
            out.append(html: source)
            out += "</span>"
        }
        out += "</td>\n"
    }

    /// The row under a table row that lists the findings shown on it, when there are any.
    private static func appendNotes(_ notes: [ReportModel.Note], columns: Int, to out: inout TextBuffer) {
        guard !notes.isEmpty else { return }
        out += "<tr class=\"notes\"><td colspan=\""
        out.append(String(columns))
        out += "\"><ul class=\"notes\">"
        for note in notes {
            out += "<li class=\"sev-"
            out.append(html: note.severity)
            out += "\"><span class=\"badge sev-"
            out.append(html: note.severity)
            out += "\">"
            out.append(html: note.severityLabel)
            out += "</span> <code>"
            out.append(html: note.code)
            out += "</code> "
            out.append(html: note.message)
            out += "</li>"
        }
        out += "</ul></td></tr>\n"
    }

    private static func appendIndicators(_ model: ReportModel, _ t: ReportLabels, to out: inout TextBuffer) {
        out += #"<section id="indicators" aria-labelledby="indicators-title">"#
        out += "\n<h2 id=\"indicators-title\">"
        out.append(t[.indicators])
        out += """
            </h2>
            <table class="indicators cards">
            <colgroup>
            <col style="width: 8%"/><col style="width: 8%"/><col style="width: 17%"/><col style="width: 12%"/><col style="width: 12%"/>
            <col style="width: 6%"/><col style="width: 7%"/><col style="width: 10%"/><col style="width: 20%"/>
            </colgroup>
            <thead>
            <tr>
            """
        for label in [ReportLabel.level1, .level2, .level3, .target, .actual] {
            out += "<th>"
            out.append(t[label])
            out += "</th>"
        }
        for label in [ReportLabel.points, .claimedScore, .computedScore] {
            out += "<th class=\"num\">"
            out.append(t[label])
            out += "</th>"
        }
        out += "<th>"
        out.append(t[.reason])
        out += "</th></tr>\n</thead>\n"

        for group in model.groups {
            out += "<tbody class=\"group\">\n"
            for row in group.rows {
                appendRow(row, t, to: &out)
            }
            out += "<tr class=\"subtotal "
            out.append(html: group.subtotalClass)
            out += "\">\n"
            if group.rows.isEmpty { appendLevel1Cell(group.name, span: group.span, to: &out) }
            out += "\n<td colspan=\"4\">"
            out.append(t[.subtotal])
            out += "<span class=\"src\">"
            out.append(html: group.source)
            out += "</span></td>\n"
            appendNumberCell(t[.points], group.points, to: &out)
            appendNumberCell(t[.claimedScore], group.claimed, to: &out)
            appendNumberCell(t[.computedScore], group.computed, to: &out)
            out += "<td></td>\n</tr>\n"
            appendNotes(group.notes, columns: 8, to: &out)
            out += "</tbody>\n"
        }

        let total = model.total
        out += "<tbody class=\"total\">\n<tr class=\"subtotal "
        out.append(html: total.rowClass)
        out += "\">\n<th class=\"l1\" scope=\"row\" colspan=\"5\">"
        out.append(t[.total])
        out += "<span class=\"src\">"
        out.append(html: total.source)
        out += "</span></th>\n"
        appendNumberCell(t[.points], total.points, to: &out)
        appendNumberCell(t[.claimedScore], total.claimed, to: &out)
        appendNumberCell(t[.byRules], total.computed, to: &out)
        out += "<td></td>\n</tr>\n"
        appendNotes(total.notes, columns: 9, to: &out)
        out += "</tbody>\n</table>\n</section>\n\n"
    }

    /// A level-1 category's cell, spanning its group's rows.
    private static func appendLevel1Cell(_ name: String, span: Int, to out: inout TextBuffer) {
        out += "<th class=\"l1\" rowspan=\""
        out.append(String(span))
        out += "\" scope=\"rowgroup\">"
        out.append(html: name)
        out += "</th>"
    }

    /// An indicator's row (the level-1 and level-2 cells only where their span starts), then its notes.
    private static func appendRow(_ row: ReportModel.Row, _ t: ReportLabels, to out: inout TextBuffer) {
        out += "<tr class=\"indicator "
        out.append(html: row.rowClass)
        out += "\">\n"
        if row.first { appendLevel1Cell(row.groupName, span: row.groupSpan, to: &out) }
        out += "\n"
        if row.startsSubcategory {
            out += "<td class=\"l2\" rowspan=\""
            out.append(String(row.subcategorySpan))
            out += "\">"
            out.append(html: row.subcategory)
            out += "</td>"
        }
        out += "\n<td class=\"l3\" data-label=\""
        out.append(t[.level3])
        out += "\">"
        out.append(html: row.name)
        out += "<span class=\"src\">"
        out.append(html: row.source)
        out += "</span></td>\n<td data-label=\""
        out.append(t[.target])
        out += "\">"
        out.append(html: row.target)
        out += "</td>\n<td data-label=\""
        out.append(t[.actual])
        out += "\">"
        out.append(html: row.actual)
        out += "</td>\n"
        appendNumberCell(t[.points], row.points, to: &out)
        appendNumberCell(t[.claimedScore], row.claimed, to: &out)
        out += "<td class=\"num\" data-label=\""
        out.append(t[.computedScore])
        out += "\">"
        out.append(html: row.computed)
        out += "<span class=\"rule\">"
        out.append(html: row.method)
        out += "</span></td>\n<td data-label=\""
        out.append(t[.reason])
        out += "\">"
        out.append(html: row.reason)
        out += "</td>\n</tr>\n"
        appendNotes(row.notes, columns: 7, to: &out)
    }

    private static func appendFindings(_ model: ReportModel, _ t: ReportLabels, to out: inout TextBuffer) {
        out += #"<section id="findings" class="findings" aria-labelledby="findings-title">"#
        out += "\n<h2 id=\"findings-title\">"
        out.append(t[.findings])
        out += " <span class=\"muted\">· "
        out.append(html: model.summary)
        out += "</span></h2>\n"
        if model.findings.isEmpty {
            out += "<p>"
            out.append(t[.noFindings])
            out += "</p>"
        }
        out += "\n"
        for finding in model.findings {
            out += "<article class=\"sev-"
            out.append(html: finding.severity)
            out += "\" id=\"finding-"
            out.append(String(finding.number))
            out += "\">\n<div><span class=\"badge sev-"
            out.append(html: finding.severity)
            out += "\">"
            out.append(html: finding.severityLabel)
            out += "</span> <code>"
            out.append(html: finding.code)
            out += "</code> <strong>"
            out.append(html: finding.title)
            out += "</strong></div>\n<div class=\"where\"><code>"
            out.append(html: finding.path)
            out += "</code> · <code>"
            out.append(html: finding.location)
            out += "</code></div>\n<p>"
            out.append(html: finding.message)
            out += "</p>\n<p class=\"values\">"
            for (index, known) in finding.knownValues.enumerated() {
                if index > 0 { out += " · " }
                out.append(html: known.label)
                out += " <strong>"
                out.append(html: known.value)
                out += "</strong>"
            }
            if !finding.formula.isEmpty {
                out += " · <span class=\"formula\">"
                out.append(t[.formula])
                out += " <code>"
                out.append(html: finding.formula)
                out += "</code></span>"
            }
            out += "</p>\n</article>\n"
        }
        out += "</section>\n"
    }
}
