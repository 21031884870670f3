import Foundation
import Testing
import JixiaoAudit
import JixiaoBase
@testable import JixiaoCore
import JixiaoReport
import JixiaoTestSupport

/// Findings point where a user of the file looks (issue #20): a PDF's page, a web page's or
/// Word document's table and row, in the text, JSON, Markdown and HTML reports; files whose
/// lines are their own (YAML, text, workbooks) keep `file:line` alone.
struct SourcePlaceTests {
    static func audit(_ name: String) throws -> AuditResult {
        try #require(try Engine(catalog: Project.catalog, words: Project.words).audit(path: Formats.path(name)).first)
    }

    static func finding(_ code: String, in result: AuditResult) throws -> Finding {
        try #require(result.findings.first { $0.code.rawValue == code })
    }

    /// The findings of the JSON report, by code.
    static func jsonFindings(_ result: AuditResult) throws -> [String: [String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport.result(result, language: .zh))) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        return Dictionary(findings.map { ($0["code"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func aPDFFindingCarriesItsPage() throws {
        let result = try Self.audit("table-chromium.pdf")
        let file = Formats.path("table-chromium.pdf")
        // The budget row is on page 1, the total on page 2.
        let rate = try Self.finding("rate-mismatch", in: result), total = try Self.finding("total-mismatch", in: result)
        #expect(rate.location.place == .page(1) && total.location.place == .page(2))
        #expect(result.findings.allSatisfy { $0.location.place != nil })

        let zh = TextReport.findings(result, language: .zh, style: TextStyle(color: false))
        #expect(zh.contains("\(file):第2页: 错误[total-mismatch] total: "))
        let en = TextReport.findings(result, language: .en, style: TextStyle(color: false))
        #expect(en.contains("\(file):p. 1: error[rate-mismatch] budget.rate: "))

        // JSON keeps `line` (the line of the text read) and adds the place.
        let json = try Self.jsonFindings(result)
        #expect(json["total-mismatch"]?["line"] as? Int == total.location.line)
        #expect(json["total-mismatch"]?["place"] as? [String: Int] == ["page": 2])
        #expect(json["rate-mismatch"]?["place"] as? [String: Int] == ["page": 1])

        // The scorecard's source cells and the findings list say the page.
        let markdown = MarkdownReport.render(result, language: .zh)
        #expect(markdown.contains("| 第 1 页 |") && markdown.contains("\(file):第2页"))
        #expect(!markdown.contains("| 第 17 行 |"))
        #expect(HTMLReport.render(result, language: .en).contains("p. 2"))
        // The document the table came from: its pages, not the lines of the text read.
        #expect(markdown.contains("| \(file) · 表 1 · 第 1–2 页 |"))
        #expect(MarkdownReport.render(result, language: .en).contains("\(file) · table 1 · pp. 1–2"))
    }

    @Test(arguments: ["table.htm", "table.docx"])
    func aWebPageOrWordFindingCarriesItsTableAndRow(_ name: String) throws {
        let result = try Self.audit(name)
        let file = Formats.path(name)
        // Row 5 of the one table is the budget row, row 17 the total (table.htm's rows).
        let rate = try Self.finding("rate-mismatch", in: result), total = try Self.finding("total-mismatch", in: result)
        #expect(rate.location.place == .tableRow(table: 1, row: 5))
        #expect(total.location.place == .tableRow(table: 1, row: 17))
        #expect(try Self.finding("unmet-but-full", in: result).location.place == .tableRow(table: 1, row: 9))

        #expect(TextReport.findings(result, language: .zh, style: TextStyle(color: false)).contains("\(file):表1第17行: 错误[total-mismatch]"))
        #expect(TextReport.findings(result, language: .en, style: TextStyle(color: false)).contains("\(file):table 1, row 5: error[rate-mismatch]"))
        let json = try Self.jsonFindings(result)
        #expect(json["total-mismatch"]?["place"] as? [String: Int] == ["table": 1, "row": 17])
        let markdown = MarkdownReport.render(result, language: .zh)
        #expect(markdown.contains("| 表 1 第 9 行 |"))
        #expect(markdown.contains("| \(file) · 表 1 第 1–17 行 |"))
    }

    @Test func aNarrativeMismatchNamesTheTableRowNotALineOfText() throws {
        let results = try Engine(catalog: Project.catalog, words: Project.words).audit(path: Project.fixture("docx/department-merged.docx"))
        let finding = try #require(results.flatMap(\.findings).first { $0.code.rawValue == "narrative-mismatch" })
        // The prose is a paragraph: no place; the table it is compared with is named by its row.
        #expect(finding.location.place == nil)
        #expect(finding.message.zh.contains("但自评表（表 1 第 4 行）为 99 分"))
        #expect(finding.message.en.contains("the table (table 1, row 4)"))
    }

    @Test(arguments: ["table.yaml", "table.xlsx"])
    func filesWithTheirOwnLinesKeepFileAndLine(_ name: String) throws {
        let result = try Self.audit(name)
        #expect(result.findings.allSatisfy { $0.location.place == nil })
        let total = try Self.finding("total-mismatch", in: result)
        #expect(TextReport.findings(result, language: .zh, style: TextStyle(color: false))
            .contains("\(Formats.path(name)):\(total.location.line): 错误[total-mismatch]"))
        #expect(try Self.jsonFindings(result).values.allSatisfy { $0["place"] == nil && $0["line"] is Int })
    }

    @Test func placesReadInBothLanguages() {
        #expect(SourceLocation.Place.page(3).text(.zh) == "第 3 页" && SourceLocation.Place.page(3).text(.zh, compact: true) == "第3页")
        #expect(SourceLocation.Place.page(3).text(.en) == "p. 3")
        #expect(SourceLocation.Place.tableRow(table: 2, row: 9).text(.zh) == "表 2 第 9 行")
        #expect(SourceLocation.Place.tableRow(table: 2, row: 9).text(.en, compact: true) == "table 2, row 9")
        let placed = SourceLocation(file: "a.pdf", line: 12, place: .page(3))
        #expect(placed.text(.zh) == "a.pdf:第3页" && placed.description == "a.pdf:12")
        #expect(SourceLocation(file: "a.yaml", line: 12).text(.en) == "a.yaml:12")
    }
}
