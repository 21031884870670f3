import Foundation
import Testing
@testable import JixiaoAudit
import JixiaoBase
import JixiaoModel
import JixiaoTestSupport

/// `score --fill` on a table with its 得分 column removed gives back every quantitative score the
/// original got right.
struct ScoreFillerTests {
    @Test(arguments: [
        "seed-000-department-2024.yaml", "seed-002-department-2024.yaml", "seed-002-project-portal-2024.yaml",
        "seed-003-department-2021.yaml", "clean-project-2022.yaml",
    ])
    func fillingAnEmptyScoreColumnReproducesTheRightScores(example: String) throws {
        let original = try Project.audit(Project.example(example))
        var blank = original.scorecard.submission
        for c in blank.categories.indices {
            for i in blank.categories[c].indicators.indices { blank.categories[c].indicators[i].score = nil }
        }
        blank.total.score = nil
        let rubric = original.scorecard.rubric
        let filled = ScoreFiller.fill(Scorecard(blank, rubric: rubric))
        // Written and read back as a user would save it.
        let reloaded = try Submission.parse(Array(filled.yaml(language: .zh).utf8), file: "filled.yaml")

        let wrong = Set(original.findings.filter { [.scoreOffRule, .metButDeducted, .unmetButFull].contains($0.code) }.map(\.path))
        let originals = original.scorecard.categories.flatMap { c in c.indicators.map { (c.row, $0) } }
        #expect(originals.count == reloaded.indicators.count)
        var compared = 0
        for ((category, scored), refilled) in zip(originals, reloaded.indicators) {
            let path = [category.name, scored.indicator.subcategory, scored.indicator.name].compactMap { $0 }.joined(separator: "/")
            guard [.positive, .reverse, .equal, .date].contains(scored.assessment.method), !wrong.contains(path) else { continue }
            let claimed = try #require(scored.indicator.score)
            let value = try #require(refilled.indicator.score)
            // The original's whole-number score may be the rounding of a proportional one (0.86 → 1).
            #expect(Agreement.of(claimed, against: Interval(exactly: value.number)) != .mismatch, "\(path): \(claimed) vs \(value)")
            compared += 1
        }
        #expect(compared > 0)
        // A total is filled only when every part could be.
        let complete = reloaded.indicators.allSatisfy { $0.indicator.score != nil }
        #expect((reloaded.total.score != nil) == complete)
    }

    @Test func qualitativeScoresTakeTheBandTopWithANote() throws {
        var submission = try Submission.load(path: Project.example("seed-000-department-2024.yaml"))
        submission.categories[1].indicators[0].score = nil  // 完成年度工作总体目标: 按目标完成 / 完成, 10 points
        let rubric = try #require(Project.catalog.rubric(id: "national-2024"))
        let filled = ScoreFiller.fill(Scorecard(submission, rubric: rubric))
        #expect(filled.submission.categories[1].indicators[0].score?.description == "10")
        #expect(filled.notes.count == 1)
        #expect(filled.notes[0].message.zh.contains("8–10"))
        #expect(filled.yaml(language: .zh).contains("notes:"))
    }

    @Test func theBudgetRowIsFilledAndRoundedAsTheRubricSays() throws {
        var submission = try Submission.load(path: Project.example("seed-002-department-2024.yaml"))
        submission.budget.rate = nil
        submission.budget.score = nil
        let rubric = try #require(Project.catalog.rubric(id: "national-2024"))
        let filled = ScoreFiller.fill(Scorecard(submission, rubric: rubric)).submission
        #expect(filled.budget.rate?.description == "96.82%")
        #expect(filled.budget.score?.description == "9.68")
    }
}
