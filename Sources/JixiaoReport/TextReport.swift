import Foundation
import JixiaoBase
import JixiaoAudit

/// Plain-text scorecards and findings for the terminal, aligned for Chinese double-width text.
public enum TextReport {
    /// The table's heading: unit, project, year, level and rubric.
    /// For a document with no self-evaluation table, it says so instead of naming a level.
    public static func heading(_ result: AuditResult, language: Language, style: TextStyle) -> String {
        let card = result.scorecard
        let submission = card.submission
        let name = TerminalText.safe([submission.unitName, submission.project].compactMap { $0 }.joined(separator: " · "))
        let year = language == .zh ? "\(submission.year) 年" : "\(submission.year)"
        let rubric = language == .zh ? "评分规则 \(card.rubric.id)" : "rubric \(card.rubric.id)"
        let kind = result.narrativeFigures == nil ? submission.level.label.text(language) : (language == .zh ? "未找到自评表" : "no self-evaluation table")
        let parts = [name.isEmpty ? nil : name, year, kind, rubric].compactMap { $0 }
        return style.bold(parts.joined(separator: " · ")) + "\n" + style.dim(TerminalText.safe(submission.source?.file ?? submission.file))
            + "\n" + style.dim((language == .zh ? "读取情况：" : "read: ") + CoverageText.line(result, language: language))
    }

    /// The scorecard: budget row and each category with points, claimed and recomputed, then
    /// the total (printed, the sum of the printed parts, recomputed by the rules) and the grade.
    public static func scorecard(_ result: AuditResult, language: Language, style: TextStyle) -> String {
        let card = result.scorecard
        let decimals = card.rubric.rounding.decimals
        let zh = language == .zh
        func number(_ value: Fixed?) -> String { value.map { $0.compact(decimals: decimals) } ?? "—" }
        func mark(_ code: FindingCode) -> String {
            result.findings.contains { $0.code == code } ? style.severity(.error, "✗") : ""
        }

        var rows: [[String]] = [[
            zh ? "项目" : "item", zh ? "分值" : "points", zh ? "自评" : "claimed",
            zh ? "各项之和" : "sum of parts", zh ? "按规则" : "by the rules", "",
        ]]
        let budget = card.budget
        let rateNote = [
            budget.claimedRate.map { "\(zh ? "所填" : "printed") \(TerminalText.safe($0.description))" },
            budget.rate.map { "\(zh ? "核定" : "computed") \(($0 * 100).formatted(decimals: 2))%" },
        ].compactMap { $0 }.joined(separator: " / ")
        rows.append([zh ? "预算执行" : "budget", number(budget.points), TerminalText.safe(budget.claimedScore?.description ?? "—"), "",
                     number(budget.score), rateNote.isEmpty ? "" : "\(zh ? "执行率" : "rate") \(rateNote)"])
        for category in card.categories {
            rows.append([TerminalText.safe(category.row.name), number(category.points), number(category.claimed), "", number(category.computed), ""])
        }
        let totalPoints = card.submission.total.points?.number ?? card.rubric.total
        rows.append([zh ? "总分" : "total", number(totalPoints), TerminalText.safe(card.total.claimed?.description ?? "—"),
                     number(card.total.computed), number(card.total.recomputed), mark(.totalMismatch)])
        rows.append([zh ? "等级" : "grade", "", TerminalText.safe(card.grade.claimed ?? "—"), card.grade.computed?.name ?? "—",
                     card.grade.recomputed?.name ?? "—", mark(.gradeMismatch)])
        return table(rows, rightAligned: [1, 2, 3, 4], style: style)
    }

    /// One line per finding, `file:line: 严重程度[code] path: message` (`file:第3页:` where the
    /// line is a place in a PDF, web page or Word document), and a count.
    public static func findings(_ result: AuditResult, language: Language, style: TextStyle) -> String {
        var lines = result.findings.map { finding in
            let location = TerminalText.safe(finding.location.place == nil ? "\(finding.location.file):\(finding.location.line)" : finding.location.text(language))
            let tag = style.severity(finding.severity, "\(finding.severity.label.text(language))[\(finding.code.rawValue)]")
            return "\(location): \(tag) \(TerminalText.safe(finding.path)): \(TerminalText.safe(finding.message.text(language)))"
        }
        lines.append(summary(result, language: language, style: style))
        return lines.joined(separator: "\n")
    }

    /// The count of findings; for a document with no table, also that its table was not checked.
    public static func summary(_ result: AuditResult, language: Language, style: TextStyle) -> String {
        guard result.narrativeFigures != nil else { return summary(result.findings, language: language, style: style) }
        let prose = result.findings.isEmpty
            ? (language == .zh ? "正文数据未发现问题" : "no findings in the prose's figures")
            : counts(result.findings, language: language)
        return prose + (language == .zh ? "；未找到自评表，表格未核查" : "; no self-evaluation table found, no table checked")
    }

    /// `2 个错误，1 个警告，0 个提示` or `no findings`.
    public static func summary(_ findings: [Finding], language: Language, style: TextStyle) -> String {
        if findings.isEmpty { return style.good(language == .zh ? "未发现问题" : "no findings") }
        return counts(findings, language: language)
    }

    /// `1 个错误，2 个警告，0 个提示`.
    static func counts(_ findings: [Finding], language: Language) -> String {
        let counts = Severity.allCases.reversed().map { severity in (severity, findings.filter { $0.severity == severity }.count) }
        return counts.map { severity, count in
            language == .zh
                ? "\(count) 个\(severity.label.zh)"
                : "\(count) \(severity.label.en)\(count == 1 ? "" : severity == .info ? "" : "s")"
        }.joined(separator: language == .zh ? "，" : ", ")
    }

    /// Rows in aligned columns; the first row is the header.
    package static func table(_ rows: [[String]], rightAligned: Set<Int>, style: TextStyle) -> String {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in
            rows.map { column < $0.count ? DisplayWidth.of(strip($0[column])) : 0 }.max() ?? 0
        }
        return rows.enumerated().map { index, row in
            let line = row.enumerated().map { column, cell in
                let padded = DisplayWidth.pad(strip(cell), to: widths[column], right: rightAligned.contains(column))
                return cell == strip(cell) ? padded : padded.replacingOccurrences(of: strip(cell), with: cell)
            }.joined(separator: "  ")
            let trimmed = String(line.reversed().drop(while: { $0 == " " }).reversed())
            return index == 0 ? style.dim(trimmed) : trimmed
        }.joined(separator: "\n")
    }

    /// Text without ANSI escapes, for measuring.
    static func strip(_ text: String) -> String {
        guard text.contains("\u{1B}") else { return text }
        var out = ""
        var inEscape = false
        for character in text {
            if character == "\u{1B}" { inEscape = true; continue }
            if inEscape { if character == "m" { inEscape = false }; continue }
            out.append(character)
        }
        return out
    }
}

extension TextReport {
    /// How every indicator's points were reached: target and actual as read, the rule, the
    /// claimed score against the computed one, and the formula (`score --explain`).
    public static func explanation(_ card: Scorecard, language: Language, style: TextStyle) -> String {
        let zh = language == .zh
        let decimals = card.rubric.rounding.decimals
        var rows: [[String]] = [[zh ? "指标" : "indicator", zh ? "规则" : "rule", zh ? "分值" : "points",
                                 zh ? "自评" : "claimed", zh ? "核定" : "computed", zh ? "算式" : "formula"]]
        for category in card.categories {
            for scored in category.indicators {
                let assessment = scored.assessment
                let computed = assessment.computed.map { $0.compact(decimals: decimals) }
                    ?? assessment.band.map { "\($0.points.lower.compact(decimals: decimals))–\($0.points.upper.compact(decimals: decimals))" }
                    ?? "—"
                rows.append([
                    TerminalText.safe(scored.indicator.name), ReportLabels.method(assessment.method, language),
                    TerminalText.safe(scored.indicator.points?.description ?? "—"), TerminalText.safe(scored.indicator.score?.description ?? "—"),
                    computed, TerminalText.safe(assessment.formula?.text ?? ""),
                ])
            }
        }
        return table(rows, rightAligned: [2, 3, 4], style: style)
    }
}
