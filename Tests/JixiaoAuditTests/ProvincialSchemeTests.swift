import Foundation
import JixiaoAudit
import JixiaoBase
import JixiaoModel
import JixiaoTestSupport
import Testing

/// The provincial schemes of Rubrics/ (issue 19, item 6): each is chosen by a table's printed
/// level-1 points, never by its year; a national-shaped table keeps its national rubric; a table
/// that fits no scheme is checked against its own weights, its departures from the national
/// scheme only notes.
struct ProvincialSchemeTests {
    static let schemes = [
        "funds20-goals80", "budget10-indicators90", "indicator10-each", "decision-management-output-effect", "department-rate10",
    ]

    /// The invented table of a scheme, Fixtures/submissions/<id>.yaml.
    static func table(_ id: String) throws -> Submission {
        try Submission.load(path: Project.fixture("submissions/\(id).yaml"))
    }

    static func audit(_ submission: Submission, catalog: RubricCatalog = Project.catalog) throws -> AuditResult {
        try Auditor.audit(submission, catalog: catalog)
    }

    static func number(_ text: String) -> PrintedNumber? { PrintedNumber(parsing: text) }

    // MARK: Each scheme

    @Test(arguments: schemes)
    func eachSchemeIsChosenByItsPrintedPointsAndAuditsClean(id: String) throws {
        let submission = try Self.table(id)
        let choice = try Project.catalog.choose(for: submission)
        #expect(choice.rubric.id == id)
        #expect(choice.fits)
        #expect(choice.note?.en.contains("level-1 points") == true)
        #expect(choice.note?.zh.contains("与“\(id)”相符") == true)
        let result = Auditor.audit(Scorecard(submission, choice: choice))
        #expect(result.findingKeys == ["rubric-inferred rubric"])
        #expect(result.worstSeverity == .info)
        // The rules give what the table claims, the budget row and the 预算执行率 item included.
        #expect(result.scorecard.total.recomputed == result.scorecard.total.claimed?.number)
        #expect(result.scorecard.grade.computed?.name == "优")
    }

    @Test func theDecisionSchemeScoresTheRateAsAnItemOfManagement() throws {
        let result = try Self.audit(Self.table("decision-management-output-effect"))
        #expect(result.scorecard.budget.points == 0)
        #expect(result.scorecard.budget.rate == Fixed("0.98"))
        let management = try #require(result.scorecard.categories.first { $0.row.name == "管理" })
        #expect(management.indicators[0].computed == Fixed("9.8"))
        #expect(result.scorecard.categories.map(\.row.name) == ["决策", "管理", "产出", "效益"])
    }

    // MARK: National tables keep the national rubric

    @Test func everyExampleKeepsItsNationalRubricWithNoNote() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Project.path("Examples")).filter { $0.hasSuffix(".yaml") }
        #expect(!files.isEmpty)
        for file in files {
            let submission = try Submission.load(path: Project.example(file))
            let choice = try Project.catalog.choose(for: submission)
            #expect(choice.rubric.id == (submission.year >= 2024 ? "national-2024" : "national-2020"), "\(file)")
            #expect(choice.note == nil, "\(file)")
            #expect(choice.fits, "\(file)")
        }
    }

    /// 产出 50 · 效益 30 · 满意度 10 with every indicator worth 10: the national scheme fits
    /// exactly, indicator10-each only as printed, so the national one is kept.
    @Test func aNationalTableWithTenPointIndicatorsStaysNational() throws {
        var submission = try Self.table("indicator10-each")
        let moved = submission.categories[0].indicators.removeFirst()
        submission.categories[0].points = Self.number("50")
        submission.categories[1].indicators.append(moved)
        submission.categories[1].points = Self.number("30")
        let choice = try Project.catalog.choose(for: submission)
        #expect(choice.rubric.id == "national-2020")
        #expect(choice.note == nil)
        #expect(try Self.audit(submission).findingKeys == [])

        submission.year = 2024  // the year's rubric no longer fits: the closest fit wins
        #expect(try Project.catalog.choose(for: submission).rubric.id == "national-2020")
    }

    // MARK: A negative case per selection rule

    /// The budget row's printed 分值 must be the scheme's: 资金 10 is not 资金 20.
    @Test func theBudgetRowsPointsRuleOutASchemes() throws {
        var submission = try Self.table("funds20-goals80")
        submission.budget.points = Self.number("10")
        submission.budget.score = Self.number("9.5")
        let choice = try Project.catalog.choose(for: submission)
        #expect(choice.rubric.id == "national-2020")
        #expect(!choice.fits)
    }

    /// A category's points outside the scheme's range (效益 20–30) rule it out.
    @Test func pointsOutsideARangeRuleOutTheScheme() throws {
        var submission = try Self.table("funds20-goals80")
        submission.categories[1].points = Self.number("30")
        submission.categories[1].indicators[0].points = Self.number("20")
        submission.categories[1].indicators[0].score = Self.number("20")
        submission.categories[2].points = Self.number("10")
        submission.categories[2].indicators[0].points = Self.number("10")
        submission.categories[2].indicators[0].score = Self.number("10")
        #expect(try Project.catalog.choose(for: submission).rubric.id == "funds20-goals80")  // 30 and 10: in range

        submission.categories[1].points = Self.number("35")
        submission.categories[1].indicators[0].points = Self.number("25")
        submission.categories[1].indicators[0].score = Self.number("25")
        submission.categories[2].points = Self.number("5")
        submission.categories[2].indicators[0].points = Self.number("5")
        submission.categories[2].indicators[0].score = Self.number("5")
        let choice = try Project.catalog.choose(for: submission)
        #expect(choice.rubric.id == "national-2020")
        #expect(!choice.fits)
    }

    /// One indicator not worth 10 rules out indicator10-each.
    @Test func anIndicatorNotWorthTenRulesOutTheEveryTenScheme() throws {
        var submission = try Self.table("indicator10-each")
        submission.categories[0].indicators[0].points = Self.number("5")
        submission.categories[0].indicators[0].score = Self.number("5")
        submission.categories[0].indicators[1].points = Self.number("15")
        submission.categories[0].indicators[1].score = Self.number("15")
        let choice = try Project.catalog.choose(for: submission)
        #expect(choice.rubric.id == "national-2020")
        #expect(!choice.fits)
    }

    /// A level-1 category the scheme does not have rules it out: 满意度 is inside 效益 in
    /// budget10-indicators90, so a table printing it as level 1 is another shape.
    @Test func aCategoryTheSchemeLacksRulesItOut() throws {
        var submission = try Self.table("budget10-indicators90")
        var satisfaction = submission.categories[1]
        satisfaction.name = "满意度指标"
        satisfaction.points = Self.number("10")
        satisfaction.indicators = [submission.categories[1].indicators.removeLast()]
        submission.categories[1].points = Self.number("20")
        submission.categories.append(satisfaction)
        let choice = try Project.catalog.choose(for: submission)
        #expect(choice.rubric.id == "national-2020")
        #expect(!choice.fits)
    }

    /// department-rate10 takes any weights, so it needs its word in the title.
    @Test func aSchemeKnownByAWordNeedsTheWord() throws {
        var submission = try Self.table("department-rate10")
        submission.title = "2024 年度部门整体支出绩效自评表"
        let choice = try Project.catalog.choose(for: submission)
        #expect(choice.rubric.id == "national-2024")
        #expect(!choice.fits)
        submission.level = .project  // a department form only
        submission.title = "2024 年度项目支出绩效自评表（核心指标）"
        #expect(try Project.catalog.choose(for: submission).rubric.id == "national-2024")
    }

    /// A closer fit beats a looser one, and a regional rubric beats a nationwide one: a table of
    /// 资金 20 · 产出 40 · 效益 30 · 满意度 10 fits funds20-goals80 within its ranges and the
    /// made-up province-x exactly.
    @Test func theClosestFitThenTheRegionChoose() throws {
        let submission = try Submission.load(path: Project.fixture("submissions/province-x-2023.yaml"))
        #expect(try Project.catalog.choose(for: submission).rubric.id == "funds20-goals80")
        let province = try Rubric.load(path: Project.fixture("rubrics/province-x.yaml"))
        let catalog = RubricCatalog(rubrics: Project.catalog.rubrics + [province])
        let choice = try catalog.choose(for: submission)
        #expect(choice.rubric.id == "province-x-2023")
        #expect(choice.note == nil)
    }

    /// A rubric the submission names is used whatever its points: departures are warnings.
    @Test func aNamedRubricIsKeptAndItsDeparturesAreWarnings() throws {
        var submission = try Self.table("funds20-goals80")
        submission.rubric = "national-2020"
        let result = try Self.audit(submission)
        #expect(result.scorecard.rubric.id == "national-2020")
        #expect(result.keys(.warning) == ["rubric-weight 效益指标", "rubric-weight 满意度指标", "rubric-weight 产出指标"].sorted())
    }

    // MARK: Tables in no scheme

    /// 决策 10 · 管理 20 · 产出 30 · 效益 40: not the four-part scheme's 25 and 35, nor any other.
    /// Scored under the year's national rubric, every departure from it is a note.
    @Test func aTableInNoSchemeGetsOnlyNotesAboutItsWeights() throws {
        var submission = try Self.table("decision-management-output-effect")
        submission.categories[1].points = Self.number("20")
        submission.categories[1].indicators[2].points = Self.number("5")
        submission.categories[1].indicators[2].score = Self.number("5")
        submission.categories[3].points = Self.number("40")
        submission.categories[3].indicators[0].points = Self.number("20")
        submission.categories[3].indicators[0].score = Self.number("20")
        let choice = try Project.catalog.choose(for: submission)
        #expect(choice.rubric.id == "national-2020")
        #expect(!choice.fits)
        let result = try Self.audit(submission)
        #expect(result.keys(.error, .warning) == [])
        #expect(result.findingKeys == [
            "missing-category 满意度指标", "rubric-weight 产出", "rubric-weight 效益", "unknown-category 决策", "unknown-category 管理",
        ])
        #expect(result.findings.allSatisfy { $0.message.en.contains("fit no known scheme") })
    }

    /// National categories with adjusted weights (产出 45 · 效益 25 · 满意度 10 · 成本 10 in 2024):
    /// notes, not warnings; the table's own arithmetic is still checked.
    @Test func adjustedNationalWeightsAreNotesButTheArithmeticIsChecked() throws {
        var submission = try Self.table("department-rate10")
        submission.title = nil
        let result = try Self.audit(submission)
        #expect(result.scorecard.rubric.id == "national-2024")
        #expect(result.keys(.info) == ["rubric-weight 产出指标", "rubric-weight 成本指标", "rubric-weight 效益指标"])
        #expect(result.keys(.error, .warning) == [])

        // Points that do not add up to the table's own total are still an error.
        submission.categories[1].indicators[0].points = Self.number("20")
        submission.categories[1].indicators[0].score = Self.number("20")
        let keys = try Self.audit(submission).keys(.error)
        #expect(keys.contains("weight-sum total.points"))
        #expect(keys.contains("category-points-mismatch 效益指标"))
    }
}
