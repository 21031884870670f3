import Foundation
import JixiaoAudit
import JixiaoBase
import JixiaoImport
import JixiaoModel
import JixiaoReport
import JixiaoTestSupport
import Testing

/// A check runs only when every figure it depends on was read (issue 19, item 5): for each
/// check, a table where the check fires when everything is read, and the same table with one
/// input unread, where it does not. Tables are invented, tab-separated.
@Suite struct CoverageTests {
    /// A clean department table under national-2020: budget 10, 产出 50, 效益 30, 满意度 10.
    static let rows = [
        "2023年度部门整体支出绩效自评表",
        "单位名称\t某市测试局",
        "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "\t年度资金总额\t100\t100\t90\t10\t90.00%\t9",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
        "产出指标 (50分)\t数量指标\t培训场次\t≥ 10 次\t12 次\t25\t25\t",
        "\t质量指标\t合格率\t≥ 95%\t96%\t25\t25\t",
        "效益指标 (30分)\t社会效益指标\t覆盖人数\t≥ 1000 人\t1200 人\t30\t30\t",
        "满意度指标 (10分)\t服务对象满意度指标\t满意度\t≥ 90%\t92%\t10\t10\t",
        "总分\t\t\t\t\t100\t99\t",
    ]

    static func audit(_ rows: [String]) throws -> AuditResult {
        let document = DocumentImporter.parse(rows.joined(separator: "\n"), file: "coverage.txt", options: Project.importOptions)
        return try #require(try Auditor.audit(document, catalog: Project.catalog).first)
    }

    /// The table with line `index` (0-based) replaced.
    static func with(_ changes: [Int: String]) -> [String] {
        var rows = rows
        for (index, row) in changes { rows[index] = row }
        return rows
    }

    static func codes(_ result: AuditResult) -> Set<String> {
        Set(result.findings.map(\.code.rawValue))
    }

    @Test func aCleanTableIsReadWholeAndHasNoFindings() throws {
        let result = try Self.audit(Self.rows)
        #expect(result.findings.isEmpty)
        let coverage = result.scorecard.coverage
        #expect(coverage.isChecked && coverage.budget == .read && coverage.total == .read && coverage.totalPartsRead)
        #expect(coverage.indicatorsRead == 4 && coverage.indicatorRowsSeen == 4)
        #expect(coverage.columns == Submission.IndicatorColumn.allCases)
        #expect(CoverageText.line(coverage, language: .zh) == "预算执行一行已读取；三级指标 4/4 行；总分已读取")
    }

    @Test func aBlankBudgetScoreIsNotZeroAndStopsTheTotalCheck() throws {
        let printedWrong = try Self.audit(Self.with([9: "总分\t\t\t\t\t100\t98\t"]))
        #expect(Self.codes(printedWrong).contains("total-mismatch"))

        let blank = try Self.audit(Self.with([3: "\t年度资金总额\t100\t100\t90\t10\t90.00%\t", 9: "总分\t\t\t\t\t100\t98\t"]))
        #expect(Self.codes(blank) == ["missing-score"])
        #expect(blank.scorecard.coverage.budget == .partly)
        #expect(!blank.scorecard.coverage.totalPartsRead)
    }

    @Test func aRowLeftOutStopsTheSumsOverTheSection() throws {
        // Points that do not add up and a total that is not the sum: accused when read whole.
        let wrong = try Self.audit(Self.with([8: "满意度指标 (10分)\t服务对象满意度指标\t满意度\t≥ 90%\t92%\t5\t5\t", 9: "总分\t\t\t\t\t100\t90\t"]))
        #expect(Self.codes(wrong).isSuperset(of: ["weight-sum", "category-points-mismatch", "total-mismatch"]))

        // The 满意度 row's name unreadable: the row is left out, so its category, its points and
        // its score are unknown, not missing.
        let leftOut = try Self.audit(Self.with([8: "满意度指标 (10分)\t服务对象满意度指标\t\t≥ 90%\t92%\t10\t10\t", 9: "总分\t\t\t\t\t100\t90\t"]))
        #expect(Self.codes(leftOut) == ["import-note"])
        let coverage = leftOut.scorecard.coverage
        #expect(coverage.indicatorsRead == 3 && coverage.indicatorRowsSeen == 4 && !coverage.indicatorsComplete)
    }

    @Test func aCategoryWithoutItsPointsIsNotComparedWithTheRubric() throws {
        let wrong = try Self.audit(Self.with([7: "效益指标 (20分)\t社会效益指标\t覆盖人数\t≥ 1000 人\t1200 人\t30\t30\t"]))
        #expect(Self.codes(wrong).contains("rubric-weight"))
        // No points printed for the category nor for its one indicator.
        let unread = try Self.audit(Self.with([7: "效益指标\t社会效益指标\t覆盖人数\t≥ 1000 人\t1200 人\t\t30\t"]))
        #expect(!Self.codes(unread).contains("rubric-weight"))
        #expect(!Self.codes(unread).contains("weight-sum"))
    }

    @Test func fullMarksAtLowExecutionNeedTheWholeSection() throws {
        // 45 of 100 spent: 4.5 points, and every output indicator full.
        let low = Self.with([3: "\t年度资金总额\t100\t100\t45\t10\t45.00%\t4.5", 9: "总分\t\t\t\t\t100\t94.5\t"])
        #expect(Self.codes(try Self.audit(low)).contains("low-execution-full-marks"))
        // One output row's name unreadable: that row may not have full marks.
        let leftOut = Self.with([3: "\t年度资金总额\t100\t100\t45\t10\t45.00%\t4.5", 6: "\t质量指标\t\t≥ 95%\t96%\t25\t25\t",
                                 9: "总分\t\t\t\t\t100\t94.5\t"])
        #expect(!Self.codes(try Self.audit(leftOut)).contains("low-execution-full-marks"))
    }

    @Test func noReasonColumnMeansNoMissingReason() throws {
        let deducted = Self.with([5: "产出指标 (50分)\t数量指标\t培训场次\t≥ 10 次\t8 次\t25\t20\t", 9: "总分\t\t\t\t\t100\t94\t"])
        #expect(Self.codes(try Self.audit(deducted)).contains("missing-explanation"))

        let withoutColumn = deducted.map { row in
            row.hasPrefix("一级指标") ? row.replacingOccurrences(of: "\t偏差原因分析及改进措施", with: "") : row
        }
        let result = try Self.audit(withoutColumn)
        #expect(!Self.codes(result).contains("missing-explanation"))
        #expect(CoverageText.line(result.scorecard.coverage, language: .zh).contains("缺少栏目：偏差原因"))
    }

    @Test func aLoneFigureUnderPointsIsNotTheTotal() throws {
        let result = try Self.audit(Self.with([9: "总分\t\t\t\t\t100\t\t"]))
        #expect(result.scorecard.submission.total.score == nil)
        #expect(result.scorecard.submission.total.points?.description == "100")
        #expect(result.scorecard.coverage.total == .blank)
        #expect(!Self.codes(result).contains("total-mismatch"))
    }

    @Test func theGradeIsCheckedAgainstThePrintedTotalWhenPartsAreMissing() throws {
        let rows = Self.with([3: "\t年度资金总额\t100\t100\t90\t10\t90.00%\t", 9: "总分\t\t\t\t\t100\t75\t等级：优"])
        let result = try Self.audit(rows)
        let grade = try #require(result.findings.first { $0.code == .gradeMismatch })
        #expect(grade.computed?.description == "中")
        #expect(!Self.codes(result).contains("total-mismatch"))
    }

    @Test func theProseScoreIsComparedWithTheSumOfThePartsOnlyWhenAllWereRead() throws {
        let prose = "经自评，本单位2023年度部门整体支出绩效自评得分为98分，评价等级为优秀。"
        let blankTotal = Self.with([9: "总分\t\t\t\t\t100\t\t"]) + [prose]
        #expect(Self.codes(try Self.audit(blankTotal)).contains("narrative-mismatch"))
        // The 满意度 row's name unreadable: the parts sum to 89, which says nothing of the total.
        let leftOut = Self.with([8: "满意度指标 (10分)\t服务对象满意度指标\t\t≥ 90%\t92%\t10\t10\t", 9: "总分\t\t\t\t\t100\t\t"]) + [prose]
        #expect(!Self.codes(try Self.audit(leftOut)).contains("narrative-mismatch"))
    }

    @Test func aTableOfWhichNothingWasReadIsNotChecked() throws {
        let rows = ["2023年度项目支出绩效自评表", "\t年度资金总额\t\t\t", "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分"]
        let result = try Self.audit(rows)
        #expect(!result.scorecard.coverage.isChecked)
        #expect(result.findings.filter { $0.code != .importNote }.map(\.code) == [.notChecked])
        let summary = TextReport.summary(result.findings, language: .zh, style: TextStyle(color: false))
        #expect(!summary.contains("未发现问题"))
        #expect(CoverageText.line(result.scorecard.coverage, language: .zh).hasPrefix("未核查"))
    }
}

/// The same clean table flattened as a web page does: `|`-separated, blank cells collapsed, or
/// the budget label alone on its line.
@Suite struct BudgetRowLayoutTests {
    static func piped(_ budgetRows: [String]) -> [String] {
        var rows = CoverageTests.rows.map { row in
            "| " + row.split(separator: "\t", omittingEmptySubsequences: false).joined(separator: " | ") + " |"
        }
        rows.replaceSubrange(3...3, with: budgetRows)
        return rows
    }

    @Test func aCollapsedBudgetRowIsReadByItsAnchors() throws {
        let result = try CoverageTests.audit(Self.piped(["| 年度资金总额 | 100 | 90 | 10 | 90.00% | 9 |"]))
        let budget = result.scorecard.submission.budget
        #expect(budget.initial == nil && budget.adjusted?.description == "100" && budget.executed?.description == "90")
        #expect(budget.rate?.description == "90.00%" && budget.score?.description == "9")
        #expect(result.findings.filter { $0.severity != .info }.isEmpty)
    }

    @Test func aLabelAloneOnItsLineTakesTheFiguresBelow() throws {
        let result = try CoverageTests.audit(Self.piped(["| 年度资金总额 |", "| 100 | 100 | 90 | 10 | 90.00% | 9 |"]))
        #expect(result.scorecard.submission.budget.executed?.description == "90")
        #expect(result.scorecard.coverage.budget == .read)
        #expect(result.findings.filter { $0.severity != .info }.isEmpty)
    }

    @Test func aCollapsedRowThatDoesNotAddUpIsNotReadNorAccused() throws {
        let result = try CoverageTests.audit(Self.piped(["| 年度资金总额 | 100 | 90 | 10 | 95.00% | 9 |"]))
        #expect(result.scorecard.coverage.budget == .notRead)
        #expect(!result.findings.contains { $0.code == .rateMismatch || $0.code == .totalMismatch })
    }
}
