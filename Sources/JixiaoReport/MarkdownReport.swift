import JixiaoBase
import JixiaoAudit

/// The per-table report as Markdown: the HTML report's content as GitHub-style pipe tables that
/// paste into an audit memo. Every text from the table is escaped as a cell (`escape`).
public enum MarkdownReport {
    public static func render(_ result: AuditResult, language: Language) -> String {
        page(result, language: language).text
    }

    /// The report as bytes, for a file.
    package static func page(_ result: AuditResult, language: Language) -> TextBuffer {
        page(ReportModel(result, language: language), language: language)
    }

    static func page(_ model: ReportModel, language: Language) -> TextBuffer {
        let t = ReportLabels.markdown(language)
        let rowCount = model.groups.reduce(0) { $0 + $1.rows.count + 1 }
        var out = TextBuffer(capacity: 2_048 + rowCount * 256 + model.findings.count * 512)

        out += "# "
        out.append(t[.reportTitle])
        out.append(t[.colon])
        out.append(markdownCell: model.heading)
        out += "\n\n"
        appendConclusion(model.conclusion, t, to: &out)
        appendRow([t[.field], t[.value]], to: &out)
        out += "| --- | --- |\n"
        appendFact(t[.unit], model.unit, to: &out)
        if let department = model.department { appendFact(t[.department], department, to: &out) }
        if let implementer = model.implementer { appendFact(t[.implementer], implementer, to: &out) }
        if let project = model.project { appendFact(t[.project], project, to: &out) }
        appendFact(t[.tableTitle], model.title, to: &out)
        appendFact(t[.level], model.level, to: &out)
        appendFact(t[.year], model.year, to: &out)
        out += "| "
        out.append(t[.rubric])
        out += " | "
        out.append(markdownCell: model.rubric)
        out += " "
        out.append(markdownCell: model.rubricTitle)
        out += " |\n"
        appendFact(t[.file], model.file, to: &out)
        if let document = model.document { appendFact(t[.document], document, to: &out) }
        appendFact(t[.money], model.money, to: &out)
        appendFact(t[.coverage], model.coverage, to: &out)

        let headline = model.headline
        out += "\n## "
        out.append(t[.headline])
        out += "\n\n| "
        appendRow([t[.claimed], t[.sumOfParts], t[.byRules]], to: &out)
        out += "| --- | ---: | ---: | ---: |\n"
        appendRow([t[.total]], figures: [headline.claimedTotal, headline.sumTotal, headline.rulesTotal], to: &out)
        appendRow([t[.grade]], figures: [headline.claimedGrade, headline.sumGrade, headline.rulesGrade], to: &out)

        let budget = model.budget
        out += "\n## "
        out.append(t[.budget])
        out += "\n\n"
        appendRow([
            t[.initial], t[.adjusted], t[.executed], t[.points],
            t[.rate] + t[.openParen] + t[.claimedShort] + t[.closeParen], t[.rate] + t[.openParen] + t[.computedShort] + t[.closeParen],
            t[.score] + t[.openParen] + t[.claimedShort] + t[.closeParen], t[.score] + t[.openParen] + t[.computedShort] + t[.closeParen],
            t[.findings], t[.source],
        ], to: &out)
        out += "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n"
        appendRow([], figures: [budget.initial, budget.adjusted, budget.executed, budget.points, budget.claimedRate,
                                budget.computedRate, budget.claimedScore, budget.computedScore],
                  notes: budget.notes, source: budget.source, to: &out)

        out += "\n## "
        out.append(t[.indicators])
        out += "\n\n"
        appendRow([t[.level1], t[.level2], t[.level3], t[.target], t[.actual], t[.points], t[.claimedScore],
                   t[.computedScore], t[.reason], t[.findings], t[.source]], to: &out)
        out += "| --- | --- | --- | --- | --- | ---: | ---: | ---: | --- | --- | --- |\n"
        for group in model.groups {
            for row in group.rows {
                appendCell(row.groupName, to: &out)
                appendCell(row.subcategory, to: &out)
                appendCell(row.name, to: &out)
                appendCell(row.target, to: &out)
                appendCell(row.actual, to: &out)
                appendCell(row.points, to: &out)
                appendCell(row.claimed, to: &out)
                appendCell(row.computed, to: &out)
                appendCell(row.reason, to: &out)
                endRow(notes: row.notes, source: row.source, to: &out)
            }
            out += "| **"
            out.append(markdownCell: group.name)
            out += "** | **"
            out.append(t[.subtotal])
            out += "** | | | | "
            appendSubtotal(group.points, group.claimed, group.computed, notes: group.notes, source: group.source, to: &out)
        }
        let total = model.total
        out += "| **"
        out.append(t[.total])
        out += "** | | | | | "
        appendSubtotal(total.points, total.claimed, total.computed, notes: total.notes, source: total.source, to: &out)

        out += "\n## "
        out.append(t[.chart])
        out += "\n\n"
        appendRow([t[.level1], t[.points], t[.legendClaimed], t[.legendComputed]], to: &out)
        out += "| --- | ---: | ---: | ---: |\n"
        for group in model.groups {
            appendRow([], cells: [group.name], figures: [group.points, group.claimed, group.computed], to: &out)
        }

        out += "\n## "
        out.append(t[.findings])
        out.append(t[.openParen])
        out.append(markdownCell: model.summary)
        out.append(t[.closeParen])
        out += "\n\n"
        if !model.findings.isEmpty {
            appendRow(["#", t[.severity], t[.code], t[.path], t[.location], t[.values], t[.message], t[.formula]], to: &out)
            out += "| ---: | --- | --- | --- | --- | --- | --- | --- |\n"
        }
        for finding in model.findings {
            out += "| "
            out.append(String(finding.number))
            out += " "
            appendRow([], cells: [finding.severityLabel, language == .zh ? "\(finding.title)（\(finding.code)）" : "\(finding.title) (\(finding.code))", finding.path, finding.location, finding.values(language),
                                  finding.message, finding.formula], to: &out)
        }
        return out
    }

    /// `## 审核结论`: the verdict, what to correct and to explain as numbered lists, what was not checked.
    private static func appendConclusion(_ conclusion: Conclusion, _ t: ReportLabels, to out: inout TextBuffer) {
        out += "## "
        out.append(t[.conclusion])
        out += "\n\n"
        out.append(markdownCell: conclusion.verdict)
        out += "\n\n"
        for (label, items) in [(t[.toCorrect], conclusion.toCorrect), (t[.toExplain], conclusion.toExplain)] {
            out += "**"
            out.append(label)
            if items.isEmpty {
                out += "**"
                out.append(t[.colon])
                out.append(t[.nothing])
                out += "\n\n"
                continue
            }
            out.append(t[.openParen] + "\(items.count)" + t[.closeParen] + "**\n\n")
            for (index, item) in items.enumerated() {
                out.append("\(index + 1). ")
                out.append(markdownCell: item)
                out += "\n"
            }
            out += "\n"
        }
        out += "**"
        out.append(t[.unchecked])
        out += "**"
        out.append(t[.colon])
        if let unchecked = conclusion.unchecked { out.append(markdownCell: unchecked) } else { out.append(t[.readWhole]) }
        out += "\n\n"
    }

    /// `| a | b | … |` and a line break: `escaped` as they are, then `cells` escaped, then
    /// `figures`, then the `notes` and the `source` when `source` is given.
    private static func appendRow(_ escaped: [String], cells: [String] = [], figures: [ReportModel.Figure] = [],
                                  notes: [ReportModel.Note] = [], source: ReportModel.Source? = nil, to out: inout TextBuffer) {
        for text in escaped {
            out += "| "
            out.append(text)
            out += " "
        }
        for cell in cells { appendCell(cell, to: &out) }
        for figure in figures { appendCell(figure, to: &out) }
        if let source { return endRow(notes: notes, source: source, to: &out) }
        out += "|\n"
    }

    /// `| text ` with `text` escaped: a cell of a row that `endRow` closes.
    private static func appendCell(_ text: String, to out: inout TextBuffer) {
        out += "| "
        out.append(markdownCell: text)
        out += " "
    }

    private static func appendCell(_ figure: ReportModel.Figure, to out: inout TextBuffer) {
        out += "| "
        out.append(markdownCell: figure)
        out += " "
    }

    /// `| notes | source |` and a line break, after a row's cells.
    private static func endRow(notes: [ReportModel.Note], source: ReportModel.Source, to out: inout TextBuffer) {
        out += "| "
        appendNotes(notes, to: &out)
        out += " | "
        out.append(markdownCell: source)
        out += " |\n"
    }

    /// `| term | value |`, `term` already escaped.
    private static func appendFact(_ term: String, _ value: String, to out: inout TextBuffer) {
        out += "| "
        out.append(term)
        out += " | "
        out.append(markdownCell: value)
        out += " |\n"
    }

    /// The rest of a subtotal or total row from its points column on, the figures in bold.
    private static func appendSubtotal(_ points: ReportModel.Figure, _ claimed: ReportModel.Figure, _ computed: ReportModel.Figure,
                                       notes: [ReportModel.Note], source: ReportModel.Source, to out: inout TextBuffer) {
        out += "**"
        out.append(markdownCell: points)
        out += "** | **"
        out.append(markdownCell: claimed)
        out += "** | **"
        out.append(markdownCell: computed)
        out += "** | "
        endRow(notes: notes, source: source, to: &out)
    }

    /// `警告 missing-explanation; 警告 score-off-rule`.
    private static func appendNotes(_ notes: [ReportModel.Note], to out: inout TextBuffer) {
        for (index, note) in notes.enumerated() {
            if index > 0 { out += "; " }
            out.append(markdownCell: note.severityLabel)
            out += " "
            out.append(markdownCell: note.code)
        }
    }

    /// `text` safe inside a table cell: `|` and Markdown's inline punctuation backslash-escaped,
    /// line breaks folded into spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previousWasSpace = false
        for character in text {
            if character.isNewline {
                if !previousWasSpace { out.append(" ") }
                previousWasSpace = true
                continue
            }
            previousWasSpace = character == " "
            if "\\|*_`<>[]".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// Whether `escape` would change `text`: it has one of the escaped characters or a line
    /// break (`\n`, `\r`, VT, FF, NEL, U+2028, U+2029). Checked on UTF-8 bytes, so the usual cell
    /// is appended as it is without walking its characters.
    static func needsEscape(_ text: String) -> Bool {
        text.withUTF8Bytes(needsEscape)
    }

    static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let stops = Self.escapeBytes
        var index = 0
        while let stop = stops.firstIndex(in: utf8, from: index) {
            switch utf8[stop] {
            case 0xC2:
                if stop + 1 < utf8.count && utf8[stop + 1] == 0x85 { return true }
            case 0xE2:
                if stop + 2 < utf8.count && utf8[stop + 1] == 0x80 && (utf8[stop + 2] == 0xA8 || utf8[stop + 2] == 0xA9) {
                    return true
                }
            default:
                return true
            }
            index = stop + 1
        }
        return false
    }

    /// The bytes `needsEscape` stops at: the escaped punctuation, `\n`…`\r`, and the first bytes
    /// of NEL (C2 85) and U+2028/U+2029 (E2 80 A8/A9).
    private static let escapeBytes = ByteSet("\\|*_`<>[]\n\u{0B}\u{0C}\r", 0xC2, 0xE2)
}
