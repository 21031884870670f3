import Testing
import JixiaoBase
@testable import JixiaoReport

/// Every table's report opens with a 审核结论 a reviewer can sign: claimed and ruled totals and
/// grades, what to correct, what to explain, what was not checked — in the report's language.
struct ConclusionTests {
    @Test func seed003SaysWhatToCorrectAndExplain() throws {
        let result = try ReportExamples.audit("seed-003-department-2021.yaml")
        let conclusion = Conclusion(result, language: .zh)
        #expect(conclusion.verdict.hasPrefix("自评总分 96，等级“优”；按规则核定 98.41"))
        // Three banded indicators (2.4–3, 2.4–3, 1.6–2) claimed at the top leave 1.6 points open.
        #expect(conclusion.verdict.contains("96.81–98.41"))
        #expect(conclusion.toCorrect.count == 1)
        #expect(conclusion.toCorrect.first?.hasPrefix("总分填为 96") == true)
        #expect(conclusion.toExplain.count == result.findings.filter { $0.severity == .warning }.count)
        #expect(conclusion.unchecked == nil)

        let page = MarkdownReport.render(result, language: .zh)
        let conclusionAt = try #require(page.range(of: "## 审核结论"))
        let factsAt = try #require(page.range(of: "| 单位 |"))
        #expect(conclusionAt.lowerBound < factsAt.lowerBound)
        #expect(page.contains("**须更正（1）**"))
        #expect(page.contains("**未能核查**：全表已读取，各项均已核查"))
        #expect(HTMLReport.render(result, language: .zh).contains("<section id=\"conclusion\""))
    }

    @Test func aCleanTableHasNothingToCorrect() throws {
        let conclusion = Conclusion(try ReportExamples.audit("clean-project-2022.yaml"), language: .zh)
        #expect(conclusion.toCorrect.isEmpty)
        #expect(conclusion.toExplain.isEmpty)
    }

    @Test func englishReportsUseEnglishPunctuation() throws {
        let page = MarkdownReport.render(try ReportExamples.audit("seed-003-department-2021.yaml"), language: .en)
        #expect(page.contains("## Conclusion"))
        #expect(page.contains("**To correct (1)**"))
        // Outside the table's own Chinese text, no full-width punctuation.
        let ours = page.split(separator: "\n").filter { !$0.hasPrefix("| ") }
        for line in ours {
            #expect(!line.contains { "：（）；，、".contains($0) }, "\(line)")
        }
    }
}
