/// The per-table report as Markdown: the HTML report's content as pipe tables for an audit memo.
public enum MarkdownReport {
    public static func render(_ result: AuditResult, language: Language) -> String {
        ReportTemplates.render(ReportModel(result, language: language), template: "markdown-report")
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
}
