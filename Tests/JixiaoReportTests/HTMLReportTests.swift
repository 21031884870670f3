import Foundation
import Ink
import Testing
import JixiaoBase
@testable import JixiaoReport

struct HTMLReportTests {
    @Test(arguments: ReportExamples.names)
    func pagesAreWellFormedWithUniqueIDsAndNothingExternal(name: String) throws {
        let result = try ReportExamples.audit(name)
        for language in Language.allCases {
            let problems = PageCheck.problems(HTMLReport.render(result, language: language))
            #expect(problems.isEmpty, "\(name) \(language): \(problems)")
        }
    }

    @Test func dashboardIsWellFormedWithUniqueIDsAndNothingExternal() throws {
        for language in Language.allCases {
            let page = try ReportExamples.dashboard(language: language)
            #expect(PageCheck.problems(page).isEmpty, "\(PageCheck.problems(page))")
            for name in ReportExamples.names {
                #expect(page.contains("href=\"\(ReportExamples.stem(name)).html\""))
            }
        }
    }

    @Test func headlineShowsClaimedAndComputedTotals() throws {
        let page = HTMLReport.render(try ReportExamples.audit("seed-003-department-2021.yaml"), language: .zh)
        #expect(page.contains("<span class=\"value\" id=\"total-claimed\">96</span>"))
        #expect(page.contains("<span class=\"value\" id=\"total-computed\">97</span>"))
        #expect(page.contains("<span class=\"value\" id=\"total-recomputed\">98.41</span>"))
        #expect(page.contains("class=\"card sev-error\" id=\"headline-total\""))
    }

    @Test func findingsSitOnTheRowTheyConcern() throws {
        let page = HTMLReport.render(try ReportExamples.audit("seed-003-department-2021.yaml"), language: .zh)
        // The row of 慰问困难群众 (line 49) is followed by its own note row with its findings.
        let row = try #require(page.range(of: "慰问困难群众<span class=\"src\">第 49 行</span>"))
        let rest = page[row.upperBound...]
        let nextRow = try #require(rest.range(of: "<tr class=\"indicator"))
        let between = rest[..<nextRow.lowerBound]
        #expect(between.contains("<code>score-off-rule</code>"))
        #expect(between.contains("<code>missing-explanation</code>"))
        #expect(!between.contains("total-mismatch"))
        // The list of findings gives the formula behind the computed value.
        #expect(page.contains("<code>85 / 100 × 3 = 2.55</code>"))
        #expect(page.contains("<code>10 + 48 + 30 + 9 = 97</code>"))
    }

    @Test func textFromTheTableIsEscaped() throws {
        var result = try ReportExamples.audit("clean-project-2022.yaml")
        result.scorecard.submission.unit = "<script>alert(1)</script> A&B \"单位\" | x"
        result.scorecard.submission.categories[0].indicators[0].name = "<b>名称</b>"
        let page = HTMLReport.render(result, language: .zh)
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<b>名称"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; A&amp;B &quot;单位&quot;"))
        #expect(PageCheck.problems(page).isEmpty, "\(PageCheck.problems(page))")

        let markdown = MarkdownReport.render(result, language: .zh)
        #expect(markdown.contains("\\<script\\>alert(1)\\</script\\> A&B \"单位\" \\| x"))
        let html = MarkdownParser().html(from: markdown)
        #expect(!html.contains("<script>"))
    }

    @Test func englishOnRequest() throws {
        let page = HTMLReport.render(try ReportExamples.audit("seed-002-project-portal-2024.yaml"), language: .en)
        #expect(page.contains("<html lang=\"en\">"))
        #expect(page.contains("Recomputed by the rules"))
        #expect(page.contains("the rate is printed 28.00% but 48.89 / 173 = 28.2601%"))
        #expect(!page.contains("按规则重算"))
    }

    @Test func unreadableInputsAreListed() {
        let summary = DashboardSummary(tables: [], unreadable: [
            DashboardSummary.Unreadable(InputError(.yamlSyntax, at: SourceLocation(file: "in/bad.yaml", line: 3, column: 7),
                                                   message: LocalizedText(zh: "缺少 ]", en: "missing ]"))),
        ])
        let page = Dashboard.render(summary, language: .en)
        #expect(page.contains("<code>in/bad.yaml</code>"))
        #expect(page.contains("<code>yaml-syntax</code> in/bad.yaml:3:7: missing ]"))
        #expect(PageCheck.problems(page).isEmpty, "\(PageCheck.problems(page))")
    }
}

struct MarkdownReportTests {
    /// Every section is a table once parsed: the facts, headline, budget, indicators, chart
    /// figures and findings.
    @Test(arguments: ReportExamples.names)
    func rendersAsTables(name: String) throws {
        let result = try ReportExamples.audit(name)
        let markdown = MarkdownReport.render(result, language: .zh)
        let html = MarkdownParser().html(from: markdown)
        let tables = html.components(separatedBy: "<table>").count - 1
        #expect(tables == (result.findings.isEmpty ? 5 : 6), "\(name): \(tables) tables")
        // Each indicator is one row of the indicator table: no cell text broke the row apart.
        let indicatorCount = result.scorecard.categories.reduce(0) { $0 + $1.indicators.count }
        let indicatorTable = try #require(html.components(separatedBy: "<table>").dropFirst(4).first)
        let rows = indicatorTable.components(separatedBy: "<tr>").count - 1
        #expect(rows == 1 + indicatorCount + result.scorecard.categories.count + 1)
        #expect(!html.contains("<p>|"), "no table line fell out of its table")
    }

    @Test func findingsTableHasOneRowPerFinding() throws {
        let result = try ReportExamples.audit("seed-003-department-2021.yaml")
        let html = MarkdownParser().html(from: MarkdownReport.render(result, language: .zh))
        let findingsTable = try #require(html.components(separatedBy: "<table>").last)
        #expect(findingsTable.components(separatedBy: "<tr>").count - 1 == 1 + result.findings.count)
        #expect(findingsTable.contains("total-mismatch"))
    }
}
