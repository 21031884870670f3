import Foundation
import JixiaoBase
import JixiaoModel
import JixiaoTestSupport
import Testing

/// A category's points in a rubric file: a number, a range or `printed`, validated against the
/// total; and the `applies` keys that say how a rubric is chosen.
struct RubricPointsTests {
    /// The made-up provincial rubric (资金 20 · 产出 40 · 效益 30 · 满意度 10) with `change` made.
    static func rubric(_ change: (String) -> String) throws -> Rubric {
        let text = try String(contentsOfFile: Project.fixture("rubrics/province-x.yaml"), encoding: .utf8)
        return try Rubric.parse(Array(change(text).utf8), file: "test.yaml")
    }

    static func replacing(_ old: String, _ new: String) -> (String) -> String {
        { text in
            precondition(text.contains(old))
            return text.replacingOccurrences(of: old, with: new)
        }
    }

    static func fails(_ change: @escaping (String) -> String, code: InputError.Code) -> Bool {
        do {
            _ = try rubric(change)
            return false
        } catch let errors as InputErrors {
            return errors.errors.contains { $0.code == code }
        } catch let error as InputError {
            return error.code == code
        } catch {
            return false
        }
    }

    @Test func pointsAreANumberARangeOrPrinted() throws {
        let fixed = try Self.rubric { $0 }
        #expect(fixed.category(named: "效益指标")?.allowed == .fixed(30))
        #expect(fixed.applies.match == .year)
        let ranged = try Self.rubric(Self.replacing("    points: 30\n", "    points: 20-30\n"))
        let outcomes = try #require(ranged.category(named: "效益指标"))
        #expect(outcomes.allowed == .range(20, 30))
        #expect(outcomes.points == 20)
        #expect(outcomes.allowed.allows(25) && !outcomes.allowed.allows(31))
        #expect(outcomes.allowed.text(.zh) == "20–30")
        let printed = try Self.rubric(Self.replacing("    points: 30\n", "    points: printed\n"))
        #expect(printed.category(named: "效益指标")?.allowed == .asPrinted)
        #expect(printed.category(named: "效益指标")?.allowed.allows(55) == true)
    }

    @Test func rangesMustBeOrderedAndAllowTheTotal() {
        #expect(Self.fails(Self.replacing("    points: 30\n", "    points: 30-20\n"), code: .invalidRubric))
        // 20 + 40 + (10–20) + 10 is at most 90: never the total of 100.
        #expect(Self.fails(Self.replacing("    points: 30\n", "    points: 10-20\n"), code: .invalidRubric))
        #expect(Self.fails(Self.replacing("    points: 30\n", "    points: 20~30\n"), code: .invalidNumber))
        #expect(Self.fails(Self.replacing("    points: 30\n", "    points: 2x-30\n"), code: .invalidValue))
    }

    @Test func appliesSaysHowTheRubricIsChosen() throws {
        let shape = try Self.rubric(Self.replacing("  years: 2023\n", "  years: 2023\n  match: shape\n  words: [核心指标]\n"))
        #expect(shape.applies.match == .shape)
        #expect(shape.applies.words == ["核心指标"])
        #expect(Self.fails(Self.replacing("  years: 2023\n", "  years: 2023\n  match: sometimes\n"), code: .invalidValue))
        let each = try Self.rubric(Self.replacing("total: 100\n", "total: 100\nindicator-points: 10\n"))
        #expect(each.indicatorPoints == 10)
        #expect(Self.fails(Self.replacing("total: 100\n", "total: 100\nindicator-points: 0\n"), code: .invalidRubric))
    }
}
