import Foundation
import Testing
@testable import JixiaoAudit
import JixiaoBase
import JixiaoModel
import JixiaoTestSupport

/// Value shapes of real tables from other provinces, scored (figures invented): units no list
/// holds, compound rates, repeated targets, 百分比, and placeholder targets, which must score and
/// raise findings exactly as an empty target cell does.
struct RealValueScoringTests {
    private let rubric = Project.catalog.rubric(id: "national-2024")!

    private func indicator(_ target: String?, _ actual: String?, score: Int? = nil) -> Submission.Indicator {
        Submission.Indicator(
            subcategory: nil, name: "指标", target: target, actual: actual,
            points: PrintedNumber(Fixed(10), decimals: 0), score: score.map { PrintedNumber(Fixed($0), decimals: 0) },
            reason: nil, location: SourceLocation(file: "t", line: 1))
    }

    private func assess(_ target: String?, _ actual: String?) -> IndicatorAssessment {
        IndicatorScorer.assess(indicator(target, actual), rule: nil, rubric: rubric)
    }

    @Test(arguments: [
        // target, actual, met, computed
        ("不少于12种", "14种", true, "10"),
        ("不少于12种", "9种", false, "7.5"),
        ("≥20TB", "25TB", true, "10"),
        ("≥100百分比", "100%", true, "10"),
        ("≥100百分比", "80百分比", false, "8"),
        ("≥500元/人*月", "400元/人*月", false, "8"),
        ("≥500元/人·月", "530元/人/月", true, "10"),
    ])
    func sharedUnitsScoreAsNumbers(target: String, actual: String, met: Bool, computed: String) {
        let assessment = assess(target, actual)
        #expect(assessment.method == .positive)
        #expect(assessment.met == met)
        #expect(assessment.computed?.compact(decimals: 4) == computed)
        #expect(assessment.problem == nil)
    }

    @Test(arguments: [("不少于12种", "14类"), ("不少于12种", "14个"), ("≥500元/人·月", "530元/人")])
    func aUnitOnOneSideIsNotScoredAndAccusesNothing(target: String, actual: String) {
        let assessment = assess(target, actual)
        #expect(assessment.method == .unscored)
        #expect(assessment.problem == nil)
    }

    @Test func aRepeatedTargetScoresInTheBestBand() {
        let repeated = assess("符合相关文件要求", "符合相关文件要求。")
        #expect(repeated.method == .qualitative)
        #expect(repeated.band?.name == "达成")
        #expect(repeated.band?.points == Interval(8, 10))
        // The target is still words with no standard: the existing note stays.
        if case .unmeasurableTarget = repeated.problem {} else { Issue.record("expected unmeasurable-target") }
        let near = assess("符合相关文件要求", "基本符合相关文件要求")
        #expect(near.method == .unscored)
    }

    /// Findings of a table whose first indicator has `target` and `actual`.
    private func findings(target: String?, actual: String, score: Int) throws -> [String] {
        var submission = try Submission.load(path: Project.fixture("submissions/province-x-2023.yaml"))
        let province = try Rubric.load(path: Project.fixture("rubrics/province-x.yaml"))
        submission.categories[1].indicators[0].target = target
        submission.categories[1].indicators[0].actual = actual
        submission.categories[1].indicators[0].score = PrintedNumber(Fixed(score), decimals: 0)
        return Auditor.audit(Scorecard(submission, rubric: province)).findingKeys
    }

    @Test(arguments: ["一", "-", "/", "—", "／", "无"])
    func aPlaceholderTargetIsAnEmptyTarget(placeholder: String) throws {
        for actual in ["完成", "无", "一", "12 场", "14种", "是"] {
            let blank = assess(nil, actual)
            let assessment = assess(placeholder, actual)
            #expect(assessment.method == blank.method, "\(placeholder) / \(actual)")
            #expect(assessment.met == blank.met, "\(placeholder) / \(actual)")
            #expect(assessment.actual == blank.actual, "\(placeholder) / \(actual)")
            #expect(assessment.problem == nil && blank.problem == nil, "\(placeholder) / \(actual)")
            for score in [0, 10] {
                #expect(try findings(target: placeholder, actual: actual, score: score)
                        == findings(target: nil, actual: actual, score: score), "\(placeholder) / \(actual) / \(score)")
            }
        }
        // Before, 一 as a target was read as words and noted as unmeasurable.
        #expect(try !findings(target: placeholder, actual: "完成", score: 10).contains { $0.hasPrefix("unmeasurable-target") })
    }
}
