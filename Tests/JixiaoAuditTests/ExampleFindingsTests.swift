import Foundation
import Testing
@testable import JixiaoAudit
import JixiaoBase
import JixiaoTestSupport

/// The bundled examples are real published tables (DOMAIN.md §7); each must give exactly the
/// findings the hand check found, and nothing else. Warnings and errors are §7's; info notes are
/// the quality remarks the rules make (targets that cannot be measured, actuals that only say
/// 完成目标), listed so that a change in them is seen.
struct ExampleFindingsTests {
    @Test func seed000DepartmentLosesOnePointWithoutReason() throws {
        let result = try Project.audit(Project.example("seed-000-department-2024.yaml"))
        #expect(result.scorecard.rubric.id == "national-2024")
        #expect(result.keys(.warning, .error) == ["missing-explanation 效益指标/经济效益指标/完成年度工作总体目标"])
        #expect(result.keys(.info) == [
            "unmeasurable-target 产出指标/时效指标/老干活动按时开展",
            "unmeasured-actual 效益指标/社会效益指标/鼓励老干发表正能量文章",
        ])
        // 完成年度工作总体目标 is qualitative and achieved: 9 of 10 lies inside the 达成 band.
        let goal = try #require(result.scorecard.categories[1].indicators.first)
        #expect(goal.assessment.method == .qualitative)
        #expect(goal.assessment.band?.points == Interval(8, 10))
        // 1614.46 / 1676.98 = 96.27%, printed 96.3%; 10 × rate = 9.63, printed 9.6; parts sum to 98.6.
        #expect(result.scorecard.budget.rate?.rounded(4) == Fixed("0.9627"))
        #expect(result.scorecard.budget.score?.rounded(2) == Fixed("9.63"))
        #expect(result.scorecard.total.computed == Fixed("98.6"))
        #expect(result.scorecard.grade.computed?.name == "优")
    }

    @Test func seed002DepartmentRateIsTruncatedNotWrong() throws {
        let result = try Project.audit(Project.example("seed-002-department-2024.yaml"))
        #expect(result.keys(.warning, .error) == [])
        // Notes on what the rules cannot check (a rank target) are not findings about the table.
        #expect(result.keys(.info).filter { !$0.hasPrefix("unmeasur") && !$0.hasPrefix("unscored") } == ["rate-truncated budget.rate"])
        #expect(result.keys(.info).contains("unscored-indicator 产出指标/质量指标/向省办上报政务信息得分全省排名"))
        let finding = try #require(result.findings.first)
        #expect(finding.severity == .info)
        #expect(finding.claimed?.description == "96.81%")
        #expect(finding.message.zh.contains("截断"))
        #expect(finding.message.en.contains("truncation"))
        #expect(result.scorecard.total.computed == Fixed("99.68"))
    }

    @Test func seed002HotlineCostIndicatorLosesPointsWithoutReason() throws {
        let result = try Project.audit(Project.example("seed-002-project-hotline-2024.yaml"))
        // 完成目标 is in the 达成 band, 16–20 of 20: 15 lies below it.
        #expect(result.keys(.warning, .error) == [
            "missing-explanation 成本指标/经济成本指标/降低全市政府服务热线平台综合成本",
            "score-out-of-band 成本指标/经济成本指标/降低全市政府服务热线平台综合成本",
        ])
        let band = try #require(result.findings.first { $0.code == .scoreOutOfBand })
        #expect(band.computed?.description == "16–20")
        #expect(result.scorecard.total.computed == 95)
    }

    @Test func seed002PortalRateIsWrong() throws {
        let result = try Project.audit(Project.example("seed-002-project-portal-2024.yaml"))
        #expect(result.keys(.warning, .error) == ["low-execution-full-marks budget.rate", "rate-mismatch budget.rate"])
        let finding = try #require(result.findings.first { $0.code == .rateMismatch })
        #expect(finding.severity == .error)
        #expect(finding.claimed?.description == "28.00%")
        #expect(finding.computed?.description == "28.26%")
        // 2.8 is 10 × 28.26% = 2.826 rounded to one decimal: no budget-score finding.
        #expect(!result.findings.contains { $0.code == .budgetScoreMismatch })
    }

    @Test func seed003TotalIsOnePointShortAndHasADuplicate() throws {
        let result = try Project.audit(Project.example("seed-003-department-2021.yaml"))
        #expect(result.scorecard.rubric.id == "national-2020")
        #expect(result.keys(.warning, .error) == [
            "duplicate-indicator 效益指标/可持续影响/经费保障率",
            "met-but-deducted 满意度指标/服务对象满意度指标/老干部满意度",
            "missing-explanation 产出指标/数量指标/慰问困难群众",
            "missing-explanation 满意度指标/服务对象满意度指标/老干部满意度",
            "score-off-rule 产出指标/数量指标/培训人数",
            "score-off-rule 产出指标/数量指标/慰问困难群众",
            "total-mismatch total",
        ])
        // 529 against 350 (151%) and 27 against 20 (135%), no reason given.
        #expect(result.keys(.info) == [
            "overshoot-unexplained 产出指标/数量指标/帮扶困难群众",
            "overshoot-unexplained 产出指标/数量指标/慰问老干部",
        ])
        let offRule = try #require(result.findings.first { $0.code == .scoreOffRule && $0.path.hasSuffix("慰问困难群众") })
        #expect(offRule.claimed?.description == "2")
        #expect(offRule.computed?.description == "2.55")
        #expect(offRule.message.en.contains("85 / 100 × 3 = 2.55"))
        let total = try #require(result.findings.first { $0.code == .totalMismatch })
        #expect(total.claimed?.description == "96")
        #expect(total.computed?.description == "97")
        #expect(total.severity == .error)
        #expect(total.location.line == 141)
        // 培训人数 90 of 210 → 0.857 of 2, printed 1: a whole-number score is exact (DOMAIN §5),
        // so 1 is off the rule just as 2 against 2.55 is; it states a reason (疫情影响), so no
        // missing-explanation.
        let training = try #require(result.findings.first { $0.code == .scoreOffRule && $0.path.hasSuffix("培训人数") })
        #expect(training.claimed?.description == "1")
        #expect(training.computed?.description == "0.86")
        #expect(!result.findings.contains { $0.code == .missingExplanation && $0.path.hasSuffix("培训人数") })
        #expect(result.scorecard.categories.map { $0.claimed } == [48, 30, 9])
    }

    @Test func cleanExampleHasNoFindings() throws {
        let result = try Project.audit(Project.example("clean-project-2022.yaml"))
        #expect(result.findings.isEmpty)
    }
}

/// A quantitative indicator that meets its target with full marks draws no warning or error.
/// (The hotline table has none: every actual there reads 完成目标.)
@Test(arguments: [
    "seed-000-department-2024.yaml", "seed-002-department-2024.yaml",
    "seed-002-project-portal-2024.yaml", "seed-003-department-2021.yaml", "clean-project-2022.yaml",
])
func metTargetsWithFullMarksDrawNoFinding(example: String) throws {
    let result = try Project.audit(Project.example(example))
    let metAndFull = result.scorecard.categories.flatMap(\.indicators).filter {
        $0.assessment.met == true && $0.assessment.method != .qualitative
            && $0.indicator.score?.number == $0.indicator.points?.number
    }
    #expect(!metAndFull.isEmpty)
    for scored in metAndFull {
        #expect(!result.findings.contains {
            $0.path.hasSuffix("/" + scored.indicator.name) && $0.severity >= .warning && $0.code != .duplicateIndicator
        },
                "\(scored.indicator.name)")
    }
}
