import Foundation
import Testing
@testable import JixiaoReport
import JixiaoTestSupport

/// `Reports/examples/` holds the reports of `Examples/`; these tests fail when what the code
/// renders now differs. Regenerate (and review the diff) with `Reports/examples/regenerate.sh`,
/// which runs these tests with `JIXIAO_RECORD_REPORTS=1`.
struct GoldenReportTests {
    static let recording = ProcessInfo.processInfo.environment["JIXIAO_RECORD_REPORTS"] == "1"

    @Test(arguments: ReportExamples.names)
    func htmlReportMatchesTheCommittedOne(name: String) throws {
        let result = try ReportExamples.audit(name)
        try compare(HTMLReport.render(result, language: .zh), to: ReportExamples.stem(name) + ".html")
    }

    @Test(arguments: ReportExamples.names)
    func markdownReportMatchesTheCommittedOne(name: String) throws {
        let result = try ReportExamples.audit(name)
        try compare(MarkdownReport.render(result, language: .zh), to: ReportExamples.stem(name) + ".md")
    }

    @Test func englishReportMatchesTheCommittedOne() throws {
        let result = try ReportExamples.audit("seed-002-project-portal-2024.yaml")
        try compare(HTMLReport.render(result, language: .en), to: "en/seed-002-project-portal-2024.html")
        try compare(MarkdownReport.render(result, language: .en), to: "en/seed-002-project-portal-2024.md")
    }

    @Test func dashboardMatchesTheCommittedOne() throws {
        try compare(ReportExamples.dashboard(language: .zh), to: "index.html")
    }

    @Test func everyExampleHasItsReports() {
        #expect(ReportExamples.names.count >= 6)
    }

    private func compare(_ rendered: String, to file: String) throws {
        let path = Project.path("\(ReportExamples.directory)/\(file)")
        if Self.recording {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try rendered.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let committed = try String(contentsOfFile: path, encoding: .utf8)
        if committed != rendered {
            let lines = (committed.split(separator: "\n", omittingEmptySubsequences: false),
                         rendered.split(separator: "\n", omittingEmptySubsequences: false))
            let first = zip(lines.0, lines.1).enumerated().first { $0.element.0 != $0.element.1 }
            Issue.record("""
                \(file) differs from what the code renders now \
                (first at line \((first?.offset ?? min(lines.0.count, lines.1.count)) + 1)):
                committed: \(first.map { String($0.element.0) } ?? "(end)")
                rendered:  \(first.map { String($0.element.1) } ?? "(end)")
                Regenerate with Reports/examples/regenerate.sh and review the diff.
                """)
        }
    }
}
