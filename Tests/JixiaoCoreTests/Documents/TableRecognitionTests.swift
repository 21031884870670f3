import Foundation
import JixiaoAudit
import JixiaoImport
import JixiaoModel
import JixiaoTestSupport
import Testing

/// Tables found by their structure and read under the headers and titles other provinces print
/// (DOMAIN.md §8). The figures are CoverageTests' clean table.
struct TableRecognitionTests {
    static func read(_ rows: [String]) throws -> ImportedDocument {
        DocumentImporter.parse(rows.joined(separator: "\n"), file: "recognition.txt", options: Project.importOptions)
    }

    static var body: [String] { Array(CoverageTests.rows.dropFirst()) }

    @Test(arguments: [
        ("附件1：2023年度部门整体绩效自评表", EvaluationLevel.department),
        ("项目自评表（2023年度）", .project),
        ("绩效目标自评表 (2023年度)", .department),
    ])
    func titleVariants(_ title: String, _ level: EvaluationLevel) throws {
        var body = Self.body
        if level == .project { body.insert("项目名称\t某项目", at: 1) }
        let document = try Self.read([title] + body)
        let table = try #require(document.tables.first)
        #expect(table.year == 2023)
        #expect(table.level == level)
        #expect(table.total.score?.description == "99")
    }

    @Test func aProjectTableWhoseTitleNamesNoLevelIsKnownByItsProjectRow() throws {
        let document = try Self.read(["绩效目标自评表 (2023年度)", "项目名称\t某项目"] + Self.body)
        #expect(document.tables.first?.level == .project)
        #expect(document.tables.first?.project == "某项目")
    }

    @Test func aTableWithNoTitleIsFoundByItsHeader() throws {
        let rows = ["一、2023年度部门整体支出绩效自评情况", "", "本单位按要求开展了自评，结果如下。", ""] + Self.body + ["", "二、存在的问题"]
        let document = try Self.read(rows)
        let table = try #require(document.tables.first)
        #expect(document.tables.count == 1)
        #expect(table.year == 2023)
        #expect(table.budget.executed?.description == "90")
        #expect(table.categories.flatMap(\.indicators).count == 4)
        #expect(table.total.score?.description == "99")
    }

    @Test func aHeaderWithoutScoresIsNotASelfEvaluation() throws {
        let rows = ["2023年度绩效目标", "一级指标\t二级指标\t三级指标\t年度指标值", "产出指标\t数量指标\t培训场次\t≥ 10 次"]
        #expect(try Self.read(rows).tables.isEmpty)
    }

    @Test func renamedAndSpacedHeadersReadTheSame() throws {
        let renamed = CoverageTests.rows.map { row in
            row.replacingOccurrences(of: "一级指标\t二级指标", with: "一级 指标\t二级 指标")
                .replacingOccurrences(of: "实际完成值", with: "全年实际值")
                .replacingOccurrences(of: "\t分值\t得分\t偏差", with: "\t权重\t自评分\t偏差")
                .replacingOccurrences(of: "年度资金总额", with: "年度财政资金总额")
                .replacingOccurrences(of: "总分\t", with: "自评总分\t")
        }
        #expect(renamed != CoverageTests.rows)
        let plain = try #require(try Self.read(CoverageTests.rows).tables.first)
        var table = try #require(try Self.read(renamed).tables.first)
        table.file = plain.file
        #expect(table.budget == plain.budget)
        #expect(table.categories == plain.categories)
        #expect(table.total == plain.total)
    }

    @Test func aTargetInThreeColumnsIsOneTarget() throws {
        let rows = CoverageTests.rows.map { row -> String in
            var cells = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 8 else { return row }
            if cells[0] == "一级指标" {
                cells.replaceSubrange(3...3, with: ["指标性质", "指标值", "度量单位"])
            } else if let (comparator, value, unit) = Self.split(cells[3]) {
                cells.replaceSubrange(3...3, with: [comparator, value, unit])
            } else {
                cells.replaceSubrange(3...3, with: [cells[3], "", ""])
            }
            return cells.joined(separator: "\t")
        }
        #expect(rows.contains { $0.contains("≥\t10\t次") })
        let table = try #require(try Self.read(rows).tables.first)
        #expect(table.categories.flatMap(\.indicators).map(\.target) == ["≥ 10 次", "≥ 95 %", "≥ 1000 人", "≥ 90 %"])
        let result = try #require(try Auditor.audit(Self.read(rows), catalog: Project.catalog).first)
        #expect(result.findings.isEmpty)
    }

    /// `≥ 10 次` → (`≥`, `10`, `次`).
    static func split(_ target: String) -> (String, String, String)? {
        let words = target.split(separator: " ").map(String.init)
        guard words.count == 2, let digits = words[1].firstIndex(where: { !$0.isNumber }) else {
            return words.count == 3 ? (words[0], words[1], words[2]) : nil
        }
        return (words[0], String(words[1][..<digits]), String(words[1][digits...]))
    }

    @Test func theSelfAssessedScoreIsAuditedAndAReviewThatDiffersIsNoted() throws {
        let rows = CoverageTests.rows.map { row -> String in
            if row.hasPrefix("一级指标") { return row.replacingOccurrences(of: "\t得分\t", with: "\t自评分\t复核分\t") }
            var cells = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 8 || row.hasPrefix("总分") else { return row }
            if cells.count == 8, cells[5] != "" { cells.insert(cells[2] == "合格率" ? "20" : cells[6], at: 7) }
            return cells.joined(separator: "\t")
        }
        let document = try Self.read(rows)
        let table = try #require(document.tables.first)
        #expect(table.categories.flatMap(\.indicators).map { $0.score?.description } == ["25", "25", "30", "10"])
        #expect(document.notes.map(\.message.zh).contains { $0.contains("“合格率”自评分 25，复核分 20") })
        #expect(document.notes.filter { $0.message.zh.contains("复核分") }.count == 1)
    }
}
