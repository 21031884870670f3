import Foundation
import Mustache

/// The compiled Mustache templates of the reports (their text is in `Templates/`), and the
/// Markdown escaping they use.
enum ReportTemplates {
    /// Every template, by name; partials (`{{> chart}}`, `{{> style}}`) resolve among them.
    static let library: MustacheLibrary = {
        MustacheContentTypes.register(MarkdownCellContent(), named: "MARKDOWN")
        var library = MustacheLibrary()
        for (name, text) in [
            ("style", ReportStyleTemplate.text),
            ("chart", ChartTemplate.text),
            ("html-report", HTMLReportTemplate.text),
            ("markdown-report", MarkdownReportTemplate.text),
            ("dashboard", DashboardTemplate.text),
        ] {
            do {
                try library.register(text, named: name)
            } catch {
                // The templates are constants of this module: a parse error is a bug caught by the tests.
                preconditionFailure("template \(name) does not parse: \(error)")
            }
        }
        return library
    }()

    static func render(_ object: Any, template name: String) -> String {
        guard let text = library.render(object, withTemplate: name) else {
            preconditionFailure("no template named \(name)")
        }
        return text
    }
}

/// Text inside a Markdown table cell: pipes and Markdown punctuation escaped with a backslash,
/// line breaks folded to spaces, so the cell stays one cell and reads as typed.
struct MarkdownCellContent: MustacheContentType {
    func escapeText(_ text: String) -> String {
        MarkdownReport.escape(text)
    }
}
