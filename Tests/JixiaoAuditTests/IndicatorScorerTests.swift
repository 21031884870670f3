import Foundation
import PropertyBased
import Testing
@testable import JixiaoAudit
import JixiaoBase
import JixiaoModel
import JixiaoTestSupport

struct IndicatorScorerTests {
    private let rubric = Project.catalog.rubric(id: "national-2024")!

    private func indicator(_ target: String, _ actual: String, points: Int = 10) -> Submission.Indicator {
        Submission.Indicator(
            subcategory: nil, name: "指标", target: target, actual: actual,
            points: PrintedNumber(Fixed(points), decimals: 0), score: nil, reason: nil,
            location: SourceLocation(file: "t", line: 1))
    }

    private func assess(_ target: String, _ actual: String, points: Int = 10, rule: Rubric.IndicatorRule? = nil) -> IndicatorAssessment {
        IndicatorScorer.assess(indicator(target, actual, points: points), rule: rule, rubric: rubric)
    }

    @Test(arguments: [
        // target, actual, rule, method, met, computed
        ("≥ 100 人次", "85 人次", nil, IndicatorAssessment.Method.positive, false, "8.5"),
        ("220 篇", "227", nil, .positive, true, "10"),
        ("不少于150篇", "150篇", nil, .positive, true, "10"),
        (">60%", "75%", nil, .positive, true, "10"),
        (">60%", "60%", nil, .positive, false, "10"),
        ("≤1676.98万元", "1614.46万元", nil, .reverse, true, "10"),
        ("≤ 100 万元", "125 万元", nil, .reverse, false, "8"),
        ("≤ 100 万元", "1,250,000 元", nil, .reverse, false, "8"),
        ("100 万元", "80 万元", Rubric.IndicatorRule.reverse, .reverse, true, "10"),
        ("2021年12月", "2021年11月", nil, .date, true, "10"),
        ("2021 年 12", "2022年1月", nil, .date, false, nil),
    ] as [(String, String, Rubric.IndicatorRule?, IndicatorAssessment.Method, Bool, String?)])
    func quantitativeRules(target: String, actual: String, rule: Rubric.IndicatorRule?, method: IndicatorAssessment.Method, met: Bool, computed: String?) {
        let assessment = assess(target, actual, rule: rule)
        #expect(assessment.method == method)
        #expect(assessment.met == met)
        #expect(assessment.computed?.compact(decimals: 4) == computed)
    }

    /// Every rule's formula, as reports print it.
    @Test func formulasShowHowThePointsWereReached() {
        var linear = rubric
        linear.scoring.reverse = .linearExcess
        let cases: [(IndicatorAssessment, String)] = [
            (assess("≥ 100 人次", "120 人次"), "120 ≥ 100 → 10"),
            (assess("≥ 100 人次", "85 人次"), "85 / 100 × 10 = 8.5"),
            (assess("≤ 100 万元", "125 万元"), "100 / 125 × 10 = 8"),
            (assess("≤ 1676.98万元", "1614.46万元"), "1614.46 ≤ 1676.98 → 10"),
            (IndicatorScorer.assess(indicator("≤ 100 万元", "150 万元"), rule: nil, rubric: linear), "10 × (1 − (150 − 100) / 100) = 5"),
            (assess("100 次", "100 次", rule: .equal), "100 = 100 → 10"),
            (assess("2021年12月", "2021年11月"), "2021-11 ≤ 2021-12 → 10"),
            (assess("按目标完成", "基本完成", points: 5), "“基本完成” → 部分达成：5 × [60%, 80%] = [3, 4]"),
        ]
        for (assessment, text) in cases {
            #expect(assessment.formula?.text == text)
        }
    }

    @Test func reverseLinearExcessReachesZeroAtTwiceTheTarget() throws {
        var linear = rubric
        linear.scoring.reverse = .linearExcess
        let over = IndicatorScorer.assess(indicator("≤ 100 万元", "150 万元"), rule: nil, rubric: linear)
        #expect(over.computed == 5)
        let double = IndicatorScorer.assess(indicator("≤ 100 万元", "250 万元"), rule: nil, rubric: linear)
        #expect(double.computed == 0)
    }

    @Test func qualitativeActualsScoreInBands() {
        let achieved = assess("按目标完成", "完成")
        #expect(achieved.method == .qualitative)
        #expect(achieved.band?.name == "达成")
        #expect(achieved.band?.points == Interval(8, 10))
        let partly = assess("按目标完成", "基本完成", points: 5)
        #expect(partly.band?.points == Interval(3, 4))
    }

    @Test func incompatibleUnitsAreNotScored() {
        let assessment = assess("224 人", "224 人次")
        #expect(assessment.method == .unscored)
        if case .unitMismatch = assessment.problem {} else { Issue.record("expected a unit mismatch") }
    }

    @Test func numericTargetWithAWordActualIsANote() {
        let assessment = assess("40 万次", "完成目标")
        if case .unmeasuredActual = assessment.problem {} else { Issue.record("expected unmeasured-actual") }
        #expect(assessment.band?.name == "达成")
    }

    @Test func computedPointsStayWithinTheWeight() async {
        await propertyCheck(input: Gen.int(in: 1...2000), Gen.int(in: 0...5000), Gen.int(in: 1...30), Gen.bool) { target, actual, points, reverse in
            let comparator = reverse ? "≤" : "≥"
            let assessment = assess("\(comparator) \(target) 次", "\(actual) 次", points: points)
            let computed = assessment.computed ?? -1
            #expect(computed >= 0 && computed <= Fixed(points), "\(comparator) \(target), actual \(actual)")
        }
    }

    @Test func positivePointsNeverFallAsTheActualRises() async {
        await propertyCheck(input: Gen.int(in: 1...1000), Gen.int(in: 0...3000), Gen.int(in: 0...500), Gen.int(in: 1...20)) { target, actual, step, points in
            let lower = assess("≥ \(target) 人次", "\(actual) 人次", points: points).computed ?? -1
            let higher = assess("≥ \(target) 人次", "\(actual + step) 人次", points: points).computed ?? -2
            #expect(lower >= 0 && lower <= higher, "≥ \(target): \(actual) → \(lower), +\(step) → \(higher)")
        }
    }
}
