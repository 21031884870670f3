import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import JixiaoAudit
import JixiaoBase
import JixiaoModel
@testable import JixiaoReport
import JixiaoTestSupport

/// The bundled examples audited as the command line audits them from the package root, so the
/// reports name `Examples/…` and never an absolute path.
enum ReportExamples {
    static let directory = "Reports/examples"

    /// The file names in `Examples/`, sorted.
    static let names: [String] = {
        let all = (try? FileManager.default.contentsOfDirectory(atPath: Project.path("Examples"))) ?? []
        return all.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    static func audit(_ name: String) throws -> AuditResult {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: Project.example(name))))
        let submission = try Submission.parse(bytes, file: "Examples/\(name)")
        return try Auditor.audit(submission, catalog: Project.catalog)
    }

    /// `seed-003-department-2021` for `seed-003-department-2021.yaml`.
    static func stem(_ name: String) -> String {
        (name as NSString).deletingPathExtension
    }

    /// The dashboard of every example, linking to their reports beside it.
    static func dashboard(language: Language) throws -> String {
        let tables = try names.map { DashboardSummary.Table(try audit($0), report: stem($0) + ".html") }
        return Dashboard.render(DashboardSummary(tables: tables), language: language)
    }
}

/// Checks a page is well-formed (as XML: every element closed, attributes quoted, only XML's
/// entities), has no duplicate ids and names nothing outside itself.
enum PageCheck {
    struct Problems: Error, CustomStringConvertible {
        var list: [String]
        var description: String { list.joined(separator: "\n") }
    }

    static func problems(_ html: String) -> [String] {
        var problems: [String] = []
        let parser = XMLParser(data: Data(html.utf8))
        let collector = IDCollector()
        parser.delegate = collector
        if !parser.parse() {
            problems.append("not well-formed: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber), column \(parser.columnNumber)")
        }
        let duplicates = Dictionary(grouping: collector.ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        if !duplicates.isEmpty { problems.append("duplicate ids: \(duplicates)") }
        for reference in collector.references where !collector.ids.contains(reference) {
            problems.append("aria reference to a missing id: \(reference)")
        }
        for external in ["http:", "https:", "//", "@import", "url(", "src="] where html.contains(external) {
            problems.append("names something outside the page: \(external)")
        }
        return problems
    }

    private final class IDCollector: NSObject, XMLParserDelegate {
        var ids: [String] = []
        var references: [String] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if let id = attributes["id"] { ids.append(id) }
            for key in ["aria-labelledby", "for"] {
                if let value = attributes[key] { references += value.split(separator: " ").map(String.init) }
            }
        }
    }
}
