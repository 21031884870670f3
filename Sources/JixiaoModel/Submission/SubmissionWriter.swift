import JixiaoBase

/// Writes a submission as the YAML that `Submission.parse` reads back (README, "Submission
/// format"), with a `source` block and a `line:` on each row so that findings about the loaded
/// file point into the original document.
public enum SubmissionWriter {
    public static func yaml(_ submission: Submission, notes: [ImportNote] = [], language: Language = .zh) -> String {
        var out: [String] = []
        if let source = submission.source {
            var header = "# Imported from \(source.file)"
            if let table = source.table { header += ", table \(table)" }
            out.append(header + ".")
            out.append("source:")
            out.append("  file: \(quoted(source.file))")
            if let table = source.table { out.append("  table: \(table)") }
            if let first = source.firstLine {
                out.append("  lines: \(quoted("\(first)-\(source.lastLine ?? first)"))")
            }
        }
        func text(_ key: String, _ value: String?, indent: String = "") {
            if let value { out.append("\(indent)\(key): \(quoted(value))") }
        }
        func number(_ key: String, _ value: PrintedNumber?, indent: String) {
            if let value { out.append("\(indent)\(key): \(value.description)") }
        }
        text("unit", submission.unit)
        text("title", submission.title)
        out.append("level: \(submission.level.rawValue)")
        text("project", submission.project)
        text("department", submission.department)
        text("implementer", submission.implementer)
        out.append("year: \(submission.year)")
        text("region", submission.region)
        text("rubric", submission.rubric)
        if submission.money != .wanYuan { out.append("money: \(submission.money.rawValue)") }

        let budget = submission.budget
        out.append("budget:")
        number("initial", budget.initial, indent: "  ")
        number("adjusted", budget.adjusted, indent: "  ")
        number("executed", budget.executed, indent: "  ")
        number("points", budget.points, indent: "  ")
        number("rate", budget.rate, indent: "  ")
        number("score", budget.score, indent: "  ")
        line(budget.location, submission, indent: "  ", into: &out)

        if let goals = submission.goals, goals.expected != nil || goals.achieved != nil {
            out.append("goals:")
            text("expected", goals.expected, indent: "  ")
            text("achieved", goals.achieved, indent: "  ")
        }
        out.append(submission.categories.isEmpty ? "categories: []" : "categories:")
        for category in submission.categories {
            out.append("  - name: \(quoted(category.name))")
            number("points", category.points, indent: "    ")
            line(category.location, submission, indent: "    ", into: &out)
            out.append(category.indicators.isEmpty ? "    indicators: []" : "    indicators:")
            for indicator in category.indicators {
                out.append("      - name: \(quoted(indicator.name))")
                let indent = "        "
                text("subcategory", indicator.subcategory, indent: indent)
                text("target", indicator.target, indent: indent)
                text("actual", indicator.actual, indent: indent)
                number("points", indicator.points, indent: indent)
                number("score", indicator.score, indent: indent)
                text("reason", indicator.reason, indent: indent)
                line(indicator.location, submission, indent: indent, into: &out)
            }
        }
        out.append("total:")
        number("points", submission.total.points, indent: "  ")
        number("score", submission.total.score, indent: "  ")
        line(submission.total.location, submission, indent: "  ", into: &out)
        text("grade", submission.grade?.value)
        if !notes.isEmpty {
            out.append("notes:")
            for note in notes { out.append("  - \(quoted("\(note.location): \(note.message.text(language))"))") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `line:` of a row that lies in the source document.
    private static func line(_ location: SourceLocation, _ submission: Submission, indent: String, into out: inout [String]) {
        guard let source = submission.source, location.file == source.file, location.line > 0 else { return }
        out.append("\(indent)line: \(location.line)")
    }

    /// A double-quoted YAML scalar: always text, never a number, a boolean or null.
    static func quoted(_ text: String) -> String {
        DoubleQuoted.quoted(text, for: .yaml)
    }
}
