/// The per-table HTML report: one self-contained page (inline CSS and SVG, no network) with the
/// heading, the headline totals and grades, the budget row, the indicator tree with each
/// finding on its row, a chart of each level-1 category and the list of findings.
///
/// The output depends only on the result and the language (no dates, no absolute paths beyond
/// the file names the result carries), so committed examples can be compared byte for byte.
public enum HTMLReport {
    public static func render(_ result: AuditResult, language: Language) -> String {
        ReportTemplates.render(ReportModel(result, language: language), template: "html-report")
    }
}
