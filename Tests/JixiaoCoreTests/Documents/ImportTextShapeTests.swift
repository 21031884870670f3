import Foundation
import Testing
import JixiaoBase
@testable import JixiaoCore
import JixiaoFormats
import JixiaoImport
import JixiaoReport
import JixiaoTestSupport

/// Each text shape the importer reads, on small documents made for the purpose.
struct ImportTextShapeTests {
    @Test func tabSeparatedWithWrappedCellsPlaceholdersAndYuan() throws {
        let document = try Documents.imported("tabbed-department.txt")
        #expect(document.tables.count == 1)
        let table = try #require(document.tables.first)
        #expect(table.level == .department)
        #expect(table.year == 2023)
        #expect(table.unit == "某县农业农村局")
        #expect(table.money == .yuan)
        #expect(table.budget.adjusted?.description == "250000")
        #expect(table.budget.rate?.description == "96%")
        #expect(table.budget.location.line == 32)
        #expect(table.goals?.expected == "完成春耕备耕工作")
        #expect(table.goals?.achieved == "全部完成")
        #expect(table.categories.map(\.name) == ["产出指标", "效益指标", "满意度指标"])
        #expect(table.categories.map { $0.points?.description } == ["50", "30", "10"])
        let output = table.categories[0].indicators
        // 培训农户人 / 数 wrapped; the 无 row of 质量指标 is dropped.
        #expect(output.map(\.name) == ["培训农户人数", "资金拨付及时率", "人均培训成本"])
        #expect(output[1].reason == "部分资金年底拨付")
        #expect(output[1].location.line == 45)
        // 社会效 / 益指标 wrapped, with the level-1 points on the continuation line.
        #expect(table.categories[1].indicators.map { $0.subcategory } == ["社会效益指标", "可持续影响指标"])
        #expect(table.total.score?.description == "98.6")
        #expect(table.total.location.line == 52)
    }

    @Test func tabSeparatedFindings() throws {
        let results = try Documents.audit("tabbed-department.txt")
        let keys = try #require(results.first).findings.map { "\($0.code.rawValue) \($0.path) \($0.location.line)" }
        // 基本支出 + 项目支出 ≠ 全年执行数; the 其中 rows do add up.
        #expect(keys.contains("stated-sum-mismatch budget.executed 36"))
        #expect(!keys.contains { $0.hasPrefix("stated-sum-mismatch budget.adjusted") })
        // Base data sheet: 45 / 50 is not 95%; 三公经费 and 项目支出 决算 do not add up.
        #expect(keys.contains("stated-ratio-mismatch base-data.staffing.control-rate 15"))
        #expect(keys.contains("stated-sum-mismatch base-data.三公经费 17"))
        #expect(keys.contains("stated-sum-mismatch base-data.项目支出 23"))
        // The prose's 30 万元 and 80% against the table's 250000 元 and 96%; 24 万元 agrees.
        #expect(keys.contains("narrative-mismatch narrative.budget 7"))
        #expect(keys.contains("narrative-mismatch narrative.rate 7"))
        #expect(!keys.contains { $0.hasPrefix("narrative-mismatch narrative.executed") })
        #expect(!keys.contains { $0.hasPrefix("narrative-mismatch narrative.score") })
    }

    @Test(arguments: ["piped-project.txt", "piped-project-crlf-bom.txt"])
    func pipeSeparated(_ name: String) throws {
        let table = try #require(try Documents.imported(name).tables.first)
        #expect(table.level == .project)
        #expect(table.project == "城区绿化提升")
        #expect(table.department == "某市园林局")
        #expect(table.implementer == "某市园林绿化中心")
        #expect(table.budget.rate?.description == "90.00%")
        #expect(table.categories.flatMap(\.indicators).map(\.name) == ["新增绿地面积", "完工时间", "绿化覆盖率", "市民满意度"])
        #expect(table.categories[0].indicators[1].actual == "2023年9月")
        #expect(table.total.score?.description == "99")
        #expect(table.total.location.line == 14)
        // No accusation; the one note says the change target (提高1个百分点) cannot be scored.
        #expect(try Documents.audit(name).first?.findings.map(\.code) == [.unscoredIndicator])
    }

    @Test func oneCellPerLine() throws {
        let table = try #require(try Documents.imported("one-cell-per-line-project.txt").tables.first)
        #expect(table.project == "社区养老服务补助")
        #expect(table.budget.executed?.description == "40")
        #expect(table.budget.rate?.description == "100%")
        #expect(table.categories.map(\.name) == ["产出指标", "效益指标", "满意度指标"])
        let first = table.categories[0].indicators[0]
        #expect(first.subcategory == "数量指标")
        #expect(first.target == "200人")
        #expect(first.actual == "210人")
        #expect(first.points?.description == "50")
        #expect(table.total.score?.description == "100")
    }

    @Test func pdfTextWithReflowedColumns() throws {
        let document = try Documents.imported("pdf-project.txt")
        let table = try #require(document.tables.first)
        #expect(table.project == "乡村道路养护")
        #expect(table.department == "某县交通运输局")
        #expect(table.budget.initial?.description == "80")
        #expect(table.budget.executed?.description == "90")
        #expect(table.budget.score?.description == "9")
        #expect(table.categories.map(\.name) == ["产出指标", "效益指标", "满意度指标"])
        let benefit = table.categories[1].indicators[0]
        #expect(benefit.name == "群众出行便利程度")
        #expect(benefit.subcategory == "社会效益指标")
        #expect(benefit.target == "提升")
        #expect(benefit.reason == "雨季影响")
        #expect(table.categories[2].indicators[0].name == "群众满意度")
        #expect(table.categories[0].indicators[0].target == "120 公里")
        #expect(table.grade?.value == "优")
        // The goals are not recovered from PDF text, and the note says so.
        #expect(table.goals == nil)
        #expect(document.notes.contains { $0.field == "goals" })
        // The audit says the goals could not be read, and finds nothing else.
        #expect(try Documents.audit("pdf-project.txt").first?.findingKeys == ["import-note goals"])
    }

    @Test func narrativeOnlyDocument() throws {
        let results = try Documents.audit("narrative-only.txt")
        #expect(results.count == 1)
        let keys = results[0].findings.map { "\($0.code.rawValue) \($0.location.line)" }.sorted()
        #expect(keys == [
            "grade-mismatch 9",          // 85 分 is 良, not 优
            "overspend 9",               // 550 / 500 = 110%
            "stated-ratio-mismatch 13",  // 216 / 240 = 90%, not 92%
            "stated-sum-mismatch 17",    // 120 + 80 + 90 = 290, not 300
        ])
        // The enumerated list (200 + 150) adds up to the stated 350.
        let claims = try Documents.imported("narrative-only.txt").claims
        #expect(claims.contains { claim in
            if case .sum(let sum) = claim.kind { return sum.total.description == "350" && sum.parts.count == 2 }
            return false
        })
    }

    @Test func aDocumentWithoutATableSaysSoAndIsNoTable() throws {
        let result = try #require(try Documents.audit("narrative-only.txt").first)
        #expect(result.narrativeFigures == 5)
        let text = TextReport.heading(result, language: .zh, style: TextStyle(color: false))
        #expect(text.contains("未找到自评表"))
        #expect(!text.contains("部门整体支出"))
        #expect(text.contains("只核对了正文中的 5 处数据"))
        #expect(TextReport.summary(result, language: .zh, style: TextStyle(color: false)).hasSuffix("；未找到自评表，表格未核查"))
        var clean = result
        clean.findings = []
        #expect(TextReport.summary(clean, language: .zh, style: TextStyle(color: false)) == "正文数据未发现问题；未找到自评表，表格未核查")
        let json = String(decoding: JSONReport.result(result, language: .zh), as: UTF8.self)
        #expect(json.contains("\"narrativeFigures\":5"))
    }

    @Test func aBudgetDocumentIsSaidToBeOne() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-budget-\(UUID()).txt").path
        let text = "某局 2025 年部门预算\n\n一、收支预算总体情况\n2025 年收入预算 1200.50 万元，比上年增长 5.2%。\n"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: InputError.self) { try Engine(catalog: Project.catalog, words: Project.words).audit(path: path) }
        #expect(error.location.line == 1)
        #expect(error.message.zh.hasPrefix("这是预算文件（“某局 2025 年部门预算”）"))
        #expect(error.message.en.contains("budget document"))
    }

    @Test func documentWithNothingToCheckIsAnInputError() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-empty-\(UUID()).txt").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("一段没有表格的文字。\n".utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: InputError.self) { try Engine(catalog: Project.catalog, words: Project.words).audit(path: path) }
    }
}
