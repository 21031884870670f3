import Foundation
import Testing
@testable import JixiaoAudit
import JixiaoBase
import JixiaoModel
import JixiaoTestSupport

/// Another province's table under another rubric file works with no code change: the engine
/// takes every weight, denominator, rounding rule and grade label from the rubric.
struct ProvincialRubricTests {
    private let rubric: Rubric
    private let catalog: RubricCatalog

    init() throws {
        rubric = try Rubric.load(path: Project.fixture("rubrics/province-x.yaml"))
        catalog = RubricCatalog(rubrics: Project.catalog.rubrics + [rubric])
    }

    private func table() throws -> Submission {
        try Submission.load(path: Project.fixture("submissions/province-x-2023.yaml"))
    }

    @Test func theProvincialRubricIsChosenByRegionAndScoresCleanly() throws {
        let submission = try table()
        let choice = try catalog.choose(for: submission)
        let (chosen, note) = (choice.rubric, choice.note)
        #expect(chosen.id == "province-x-2023")
        #expect(note == nil)
        let result = Auditor.audit(Scorecard(submission, rubric: chosen))
        #expect(result.findingKeys == [])
        // The rate divides by the initial budget (年初预算数) as this rubric says: 1.9M / 2M.
        #expect(result.scorecard.budget.rate == Fixed("0.95"))
        #expect(result.scorecard.budget.score == 19)
        #expect(result.scorecard.grade.computed?.name == "好")
    }

    @Test func aRateOverTheWrongDenominatorIsFound() throws {
        var submission = try table()
        submission.budget.rate = PrintedNumber(parsing: "76%")  // 1.9M / 2.5M: the national denominator
        let result = try Auditor.audit(submission, catalog: catalog)
        #expect(result.findingKeys == ["rate-mismatch budget.rate"])
    }

    @Test func gradeLabelsComeFromTheRubric() throws {
        var submission = try table()
        submission.grade?.value = "中"  // an alias of 一般, not the 好 of 98 points
        let result = try Auditor.audit(submission, catalog: catalog)
        #expect(result.findingKeys == ["grade-mismatch grade"])
        #expect(result.findings.first?.computed?.description == "好")
    }

    @Test func wholeScoresCarryTheirRoundingUnderThisRubric() throws {
        // Under a rubric whose province rounds every score to a whole number, a total of 98 is
        // consistent with parts that are each ± 0.5; under the national rubric it is exact.
        var submission = try table()
        submission.total.score = PrintedNumber(parsing: "99")
        #expect(try Auditor.audit(submission, catalog: catalog).findingKeys == [])
        submission.total.score = PrintedNumber(parsing: "103")  // 5 off: beyond 7 × 0.5 + 0.5
        #expect(try Auditor.audit(submission, catalog: catalog).findingKeys == ["total-mismatch total"])
    }

    @Test func weightsThatDoNotAddUpAreErrors() throws {
        var submission = try table()
        submission.categories[2].indicators[0].points = PrintedNumber(parsing: "15")
        submission.categories[2].indicators[0].score = PrintedNumber(parsing: "15")
        submission.categories[2].points = PrintedNumber(parsing: "10")
        let keys = try Auditor.audit(submission, catalog: catalog).findingKeys
        #expect(keys.contains("weight-sum total.points"))
        #expect(keys.contains("category-points-mismatch 满意度指标"))
        #expect(keys.contains("rubric-weight 满意度指标") == false)  // its printed points still say 10
    }
}
