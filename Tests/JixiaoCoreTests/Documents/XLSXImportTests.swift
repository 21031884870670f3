import Foundation
import Testing
import JixiaoBase
@testable import JixiaoCore
import JixiaoFormats
import JixiaoModel
import JixiaoTestSupport

/// Workbooks imported end to end: the tables they give and what an audit finds in them.
struct XLSXImportTests {
    static func imported(_ name: String) throws -> ImportedDocument {
        try SubmissionReader.readDocument(path: Workbooks.path(name), options: Project.importOptions)
    }

    static func findings(_ name: String) throws -> [String] {
        try Engine(catalog: Project.catalog, words: Project.words).audit(path: Workbooks.path(name)).flatMap(\.findings)
            .map { "\($0.code.rawValue) \($0.path) \($0.location.line)" }
    }

    /// The project table of project-merged.html as every fixture that holds it should read.
    static func expectRoadProject(_ table: Submission, rate: String = "90.00%", score: String = "9") {
        #expect(table.level == .project)
        #expect(table.year == 2023)
        #expect(table.project == "乡村公路养护补助")
        #expect(table.department == "某县交通运输局")
        #expect(table.implementer == "某县公路养护中心")
        #expect(table.budget.initial?.description == "80")
        #expect(table.budget.adjusted?.description == "80")
        #expect(table.budget.executed?.description == "72")
        #expect(table.budget.points?.description == "10")
        #expect(table.budget.rate?.description == rate)
        #expect(table.budget.score?.description == score)
        #expect(table.goals?.expected == "完成乡村公路养护120公里，路面优良率不低于85%")
        #expect(table.goals?.achieved == "完成养护125公里，路面优良率88%")
        #expect(table.categories.map(\.name) == ["产出指标", "效益指标", "满意度指标"])
        #expect(table.categories.map { $0.points?.description } == ["50", "30", "10"])
        #expect(table.categories.map { $0.indicators.map(\.name) } == [
            ["公路养护里程", "路面优良率", "养护完工时间"], ["群众出行便利度", "养护长效机制"], ["沿线群众满意度"],
        ])
        let quality = table.categories[0].indicators[1]
        #expect(quality.subcategory == "质量指标")
        #expect(quality.target == "≥85%")
        #expect(quality.actual == "88%")
        #expect(quality.points?.description == "15")
        let convenience = table.categories[1].indicators[0]
        #expect(convenience.score?.description == "18")
        #expect(convenience.reason == "部分路段雨季积水")
        #expect(table.total.points?.description == "100")
        #expect(table.total.score?.description == "98")
    }

    static func expectCulturalCentre(_ table: Submission) {
        #expect(table.level == .department)
        #expect(table.year == 2023)
        #expect(table.unit == "某县文化馆")
        #expect(table.budget.initial?.description == "150")
        #expect(table.budget.adjusted?.description == "160")
        #expect(table.budget.executed?.description == "152")
        #expect(table.budget.rate?.description == "95%")
        #expect(table.budget.score?.description == "9.5")
        #expect(table.categories.map(\.name) == ["产出指标", "效益指标", "满意度指标"])
        #expect(table.categories.flatMap(\.indicators).map(\.name) == ["公益展览场次", "活动安全事故", "活动按期完成率", "群众文化参与人次", "群众满意度"])
        #expect(table.categories[0].indicators[2].target == "100%")
        #expect(table.total.score?.description == "99.5")
    }

    @Test func projectWithMergedCells() throws {
        let document = try Self.imported("project-merged.xlsx")
        #expect(document.tables.count == 1)
        let table = try #require(document.tables.first)
        Self.expectRoadProject(table)
        // Line N is row N of the first sheet.
        #expect(table.budget.location.line == 5)
        #expect(table.total.location.line == 15)
        let findings = try Self.findings("project-merged.xlsx")
        // 9 + 50 + 28 + 10 = 97, not the stated 98.
        #expect(findings.contains("total-mismatch total 15"))
    }

    @Test func numbersAsTextOnTwoSheets() throws {
        let document = try Self.imported("two-sheets-text.xlsx")
        #expect(document.tables.count == 2)
        Self.expectRoadProject(document.tables[0], rate: "95.00%", score: "9.5")
        Self.expectCulturalCentre(document.tables[1])
        // The second sheet starts on line 18: line 15 is the first sheet's last row, then a
        // blank line and the sheet's name.
        let text = XLSXText(try Workbooks.sheets("two-sheets-text.xlsx"))
        #expect(text.sheetStarts.map(\.line) == [1, 18])
        #expect(document.tables[1].total.location.line == 31)
        #expect(text.location(ofLine: 31)! == ("部门整体支出", 14))
        #expect(text.location(ofLine: 16) == nil)
        // 72 / 80 is 90%, not the stated 95.00%.
        let findings = try Self.findings("two-sheets-text.xlsx")
        #expect(findings.contains("rate-mismatch budget.rate 5"))
        #expect(findings.contains("budget-score-mismatch budget.score 5"))
    }

    @Test func twoTablesStackedOnOneSheet() throws {
        let document = try Self.imported("stacked-one-sheet.xlsx")
        #expect(document.tables.map(\.level) == [.department, .project])
        Self.expectCulturalCentre(document.tables[0])
        Self.expectRoadProject(document.tables[1])
        #expect(document.tables[1].total.location.line == 29)
        #expect(try Self.findings("stacked-one-sheet.xlsx").contains("total-mismatch total 29"))
    }

    @Test func inlineStringsGiveTheSameTable() throws {
        let inline = try #require(try Self.imported("inline-strings.xlsx").tables.first)
        let shared = try #require(try Self.imported("project-merged.xlsx").tables.first)
        Self.expectRoadProject(inline)
        #expect(differences(inline, shared).isEmpty, "\(differences(inline, shared))")
    }

    @Test(arguments: ["corrupt.xlsx", "not-a-workbook.xlsx", "missing-sheet.xlsx", "bad-xml.xlsx", "huge-grid.xlsx", "bomb.xlsx", "no-such-file.xlsx"])
    func brokenWorkbooksAreInputErrorsOfTheAudit(_ name: String) {
        #expect(throws: InputError.self) { try Engine(catalog: Project.catalog, words: Project.words).audit(path: Workbooks.path(name)) }
    }

    @Test func submissionReaderAndFileNames() throws {
        let tables = try SubmissionReader.read(path: Workbooks.path("two-sheets-text.xlsx"), words: Project.words)
        #expect(tables.map(\.level) == [.project, .department])
        #expect(tables.allSatisfy { $0.source?.file == Workbooks.path("two-sheets-text.xlsx") })
        #expect(XLSXReader.isWorkbook("表.XLSX") && XLSXReader.isWorkbook("a.xlsm") && !XLSXReader.isWorkbook("a.xls"))
    }
}
