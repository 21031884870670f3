import Foundation
import Testing
import JixiaoBase
@testable import JixiaoModel
import JixiaoTestSupport

struct SubmissionLoaderTests {
    private let valid = """
        unit: 某单位
        level: project
        year: 2023
        budget:
          adjusted: 100
          executed: 96.5
          points: 10
          rate: 96.50%
          score: 9.65
        categories:
          - name: 产出指标
            indicators:
              - {name: 指标一, target: 10 次, actual: 10 次, points: 90, score: 90}
        total: {points: 100, score: 99.65}
        """

    @Test func readsNumbersAtTheirPrintedPrecision() throws {
        let submission = try Project.submission(valid)
        #expect(submission.budget.rate?.description == "96.50%")
        #expect(submission.budget.score?.decimals == 2)
        #expect(submission.budget.executed?.value == Fixed("96.5"))
        #expect(submission.indicators.first?.indicator.target == "10 次")
        #expect(submission.indicators.first?.indicator.location.line == 13)
        #expect(submission.money == .wanYuan)
    }

    @Test(arguments: [
        ("1", "100%"), ("0.9627", "96.27%"), ("100", "100%"), ("96.27", "96.27%"), ("96.3%", "96.3%"),
    ])
    func ratesAreReadAsPercentages(printed: String, percent: String) throws {
        let submission = try Project.submission(valid.replacingOccurrences(of: "rate: 96.50%", with: "rate: \(printed)"))
        #expect(submission.budget.rate?.description == percent)
    }

    /// Each broken submission fails with one clear error naming the field and its position.
    @Test(arguments: [
        ("level: project", "level: [project", InputError.Code.yamlSyntax, 3, "", ""),
        ("year: 2023", "year: 二〇二三", .invalidNumber, 3, "year", "'二〇二三' is not a number"),
        ("  executed: 96.5", "  executed: [96.5]", .wrongType, 6, "budget.executed", "expected a number, found a list"),
        ("  adjusted: 100", "  adjusted: -100", .invalidNumber, 5, "budget.adjusted", "a budget amount cannot be negative (-100)"),
        ("  points: 10\n", "  pionts: 10\n", .unknownKey, 7, "budget.pionts", "unknown key 'pionts'"),
        ("level: project\n", "", .missingField, 1, "level", "missing required field 'level'"),
        ("    indicators:\n      - {name: 指标一,", "    indicators:\n      - {title: 指标一,", .unknownKey, 13, "categories[0].indicators[0].title", "unknown key 'title'"),
        ("  score: 9.65", "  score: 1e400", .invalidNumber, 9, "budget.score", "'1e400' is not a number"),
        ("level: project", "level: programme", .invalidValue, 2, "level", "'programme' is not an accepted value"),
    ])
    func brokenSubmissionsNameFileLineAndField(
        from: String, to: String, code: InputError.Code, line: Int, field: String, message: String
    ) {
        let text = valid.replacingOccurrences(of: from, with: to)
        #expect(text != valid)
        #expect {
            _ = try Project.submission(text, file: "broken.yaml")
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.code == code && error.location.file == "broken.yaml" && error.location.line == line
                && (field.isEmpty || error.field == field) && (message.isEmpty || error.message.en == message)
        }
    }

    @Test func unknownKeysSuggestTheClosestKnownOne() {
        #expect {
            _ = try Project.submission(valid.replacingOccurrences(of: "  points: 10\n", with: "  pionts: 10\n"))
        } throws: { ($0 as? InputError)?.hint?.zh == "是否想写“points”？" }
    }
}
