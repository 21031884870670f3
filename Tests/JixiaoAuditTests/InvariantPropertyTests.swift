import Foundation
import PropertyBased
import Testing
@testable import JixiaoAudit
import JixiaoBase
import JixiaoModel
import JixiaoTestSupport

/// Invariants over random valid submissions (a seed makes each one; a failure prints it).
struct InvariantPropertyTests {
    @Test func totalsAreTheSumsOfTheirParts() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            let card = RandomTable.scorecard(seed: seed)
            let claimedParts = card.submission.indicators.compactMap(\.indicator.score?.number).reduce(card.submission.budget.score?.number ?? 0, +)
            #expect(card.total.computed == claimedParts, "seed \(seed)")
            let ruleParts = card.categories.compactMap(\.computed).reduce(card.budget.score ?? 0, +)
            #expect(card.total.recomputed == ruleParts, "seed \(seed)")
        }
    }

    @Test func everyComputedScoreLiesWithinItsWeight() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            let card = RandomTable.scorecard(seed: seed)
            for scored in card.categories.flatMap(\.indicators) {
                let points = scored.indicator.points?.number ?? 0
                if let computed = scored.assessment.computed {
                    #expect(computed >= 0 && computed <= points, "seed \(seed): \(scored.indicator.name)")
                }
                if let band = scored.assessment.band {
                    #expect(band.points.lower >= 0 && band.points.upper <= points, "seed \(seed): \(scored.indicator.name)")
                }
            }
            if let score = card.budget.score { #expect(score >= 0 && score <= card.budget.points, "seed \(seed)") }
        }
    }

    @Test func shufflingIndicatorsChangesNoTotal() async {
        await propertyCheck(count: 100, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            let card = RandomTable.scorecard(seed: seed)
            var generator = SeededRandom(seed: UInt64(seed) &+ 1)
            var shuffled = card.submission
            shuffled.categories.shuffle(using: &generator)
            for index in shuffled.categories.indices { shuffled.categories[index].indicators.shuffle(using: &generator) }
            let again = Scorecard(shuffled, rubric: card.rubric)
            #expect(again.total.computed == card.total.computed, "seed \(seed)")
            #expect(again.total.recomputed?.rounded(10) == card.total.recomputed?.rounded(10), "seed \(seed)")
            let before = Auditor.audit(card).findings.map(\.code.rawValue).sorted()
            let after = Auditor.audit(again).findings.map(\.code.rawValue).sorted()
            #expect(before == after, "seed \(seed)")
        }
    }

    @Test func writingAndReadingASubmissionGivesItBack() async {
        await propertyCheck(count: 100, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            let submission = RandomTable.scorecard(seed: seed).submission
            let yaml = SubmissionWriter.yaml(submission)
            do {
                let reread = try Submission.parse(Array(yaml.utf8), file: submission.file)
                #expect(SubmissionWriter.yaml(reread) == yaml, "seed \(seed)")
                #expect(reread.indicators.map(\.indicator.score) == submission.indicators.map(\.indicator.score), "seed \(seed)")
                #expect(reread.budget.rate == submission.budget.rate, "seed \(seed)")
            } catch {
                Issue.record("seed \(seed): \(error)\n\(yaml)")
            }
        }
    }
}

/// Random but valid tables under the bundled national rubrics.
enum RandomTable {
    static func scorecard(seed: Int) -> Scorecard {
        var random = SeededRandom(seed: UInt64(seed))
        let rubric = Project.catalog.rubrics.randomElement(using: &random)!
        let location = SourceLocation(file: "random-\(seed).yaml", line: 1)
        func number(_ value: Fixed, _ decimals: Int) -> PrintedNumber {
            PrintedNumber(value.rounded(decimals), decimals: decimals)
        }
        let budget = Fixed(Int.random(in: 0...500_000, using: &random)) / 100
        let spent = budget * Fixed(Int.random(in: 0...130, using: &random)) / 100
        let rate = budget > 0 ? spent / budget : 0
        var categories: [Submission.CategoryRow] = []
        for category in rubric.categories {
            let count = Int.random(in: 1...5, using: &random)
            var left = Int(category.points.doubleValue)
            var indicators: [Submission.Indicator] = []
            for index in 0..<count {
                let points = index == count - 1 ? left : Int.random(in: 0...max(0, left - (count - index - 1)), using: &random)
                left -= points
                let goal = Int.random(in: 1...1000, using: &random)
                let done = Int.random(in: 0...1500, using: &random)
                let (target, actual): (String, String) = switch Int.random(in: 0..<5, using: &random) {
                case 0: ("≥ \(goal) 次", "\(done) 次")
                case 1: ("≤\(goal)万元", "\(done)万元")
                case 2: ("\(min(goal, 100))%", "\(min(done, 100))%")
                case 3: ("按目标完成", ["完成", "基本完成", "未完成"].randomElement(using: &random)!)
                default: ("不少于\(goal)篇", "\(done)")
                }
                let decimals = Int.random(in: 0...2, using: &random)
                let score = Fixed(Int.random(in: 0...(points * 100), using: &random)) / 100
                indicators.append(Submission.Indicator(
                    subcategory: category.subcategories.randomElement(using: &random)?.name, name: "指标\(categories.count)-\(index)",
                    target: target, actual: actual, points: number(Fixed(points), 0), score: number(score, decimals),
                    reason: Bool.random(using: &random) ? "原因" : nil, location: location))
            }
            categories.append(Submission.CategoryRow(name: category.name, points: number(category.points, 0), indicators: indicators, location: location))
        }
        let submission = Submission(
            file: location.file, unit: "单位", title: nil, level: .project, project: "项目", department: nil, implementer: nil,
            year: 2024, region: nil, rubric: nil, money: .wanYuan,
            budget: Submission.BudgetRow(
                initial: number(budget, 2), adjusted: number(budget, 2), executed: number(spent, 2),
                points: number(rubric.budget.points, 0), rate: PrintedNumber((rate * 100).rounded(2), decimals: 2, isPercent: true),
                score: number(rubric.budget.points * min(rate, 1), 2), location: location, rateLocation: location, scoreLocation: location),
            goals: nil, categories: categories,
            total: Submission.TotalRow(points: number(100, 0), score: nil, location: location),
            grade: nil, source: nil, location: location)
        return Scorecard(submission, rubric: rubric)
    }
}
