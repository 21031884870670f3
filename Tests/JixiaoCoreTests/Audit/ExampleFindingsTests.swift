import Foundation
import Testing
@testable import JixiaoCore

/// The bundled examples are real published tables (DOMAIN.md §7); each must give exactly the
/// findings the hand check found, and nothing else.
struct ExampleFindingsTests {
    @Test func seed000DepartmentLosesOnePointWithoutReason() throws {
        let result = try Project.audit(Project.example("seed-000-department-2024.yaml"))
        #expect(result.scorecard.rubric.id == "national-2024")
        #expect(result.findingKeys == ["missing-explanation 效益指标/经济效益指标/完成年度工作总体目标"])
        #expect(result.findings.allSatisfy { $0.severity != .error })
        // 1614.46 / 1676.98 = 96.27%, printed 96.3%; 10 × rate = 9.63, printed 9.6; parts sum to 98.6.
        #expect(result.scorecard.budget.rate?.rounded(4) == Decimal(string: "0.9627"))
        #expect(result.scorecard.budget.score?.rounded(2) == Decimal(string: "9.63"))
        #expect(result.scorecard.total.computed == Decimal(string: "98.6"))
        #expect(result.scorecard.grade.computed?.name == "优")
    }

    @Test func seed002DepartmentRateIsTruncatedNotWrong() throws {
        let result = try Project.audit(Project.example("seed-002-department-2024.yaml"))
        #expect(result.findingKeys == ["rate-truncated budget.rate"])
        let finding = try #require(result.findings.first)
        #expect(finding.severity == .info)
        #expect(finding.claimed?.description == "96.81")
        #expect(finding.message.zh.contains("截断"))
        #expect(finding.message.en.contains("truncation"))
        #expect(result.scorecard.total.computed == Decimal(string: "99.68"))
    }

    @Test func seed002HotlineCostIndicatorLosesPointsWithoutReason() throws {
        let result = try Project.audit(Project.example("seed-002-project-hotline-2024.yaml"))
        #expect(result.findingKeys == ["missing-explanation 成本指标/经济成本指标/降低全市政府服务热线平台综合成本"])
        #expect(result.scorecard.total.computed == 95)
    }

    @Test func seed002PortalRateIsWrong() throws {
        let result = try Project.audit(Project.example("seed-002-project-portal-2024.yaml"))
        #expect(result.findingKeys == ["rate-mismatch budget.rate"])
        let finding = try #require(result.findings.first)
        #expect(finding.severity == .error)
        #expect(finding.claimed?.description == "28.00")
        #expect(finding.computed?.description == "28.26")
        // 2.8 is 10 × 28.26% = 2.826 rounded to one decimal: no budget-score finding.
        #expect(!result.findings.contains { $0.code == .budgetScoreMismatch })
    }

    @Test func seed003TotalIsOnePointShortAndHasADuplicate() throws {
        let result = try Project.audit(Project.example("seed-003-department-2021.yaml"))
        #expect(result.scorecard.rubric.id == "national-2020")
        #expect(result.findingKeys == [
            "duplicate-indicator 效益指标/可持续影响/经费保障率",
            "missing-explanation 产出指标/数量指标/慰问困难群众",
            "missing-explanation 满意度指标/服务对象满意度指标/老干部满意度",
            "total-mismatch total",
        ])
        let total = try #require(result.findings.first { $0.code == .totalMismatch })
        #expect(total.claimed?.description == "96")
        #expect(total.computed?.description == "97")
        #expect(total.severity == .error)
        #expect(total.location?.line == 141)
        // 培训人数 lost a point but states a reason (疫情影响): no missing-explanation for it.
        #expect(!result.findings.contains { $0.path.hasSuffix("培训人数") })
        #expect(result.scorecard.categories.map { $0.claimed } == [48, 30, 9])
    }

    @Test func cleanExampleHasNoFindings() throws {
        let result = try Project.audit(Project.example("clean-project-2022.yaml"))
        #expect(result.findings.isEmpty)
    }
}
