import JixiaoAudit
import JixiaoModel
import JixiaoTestSupport
import Testing

struct RubricChoiceTests {
    @Test func tableWeightsOverrideTheYearAndSaySo() throws {
        // A 2024 table printed with the 2020 weights (产出 50, 效益 30, no 成本) is scored under 2020.
        var submission = try Submission.load(path: Project.example("seed-003-department-2021.yaml"))
        submission.year = 2024
        let choice = try Project.catalog.choose(for: submission)
        let (rubric, note) = (choice.rubric, choice.note)
        #expect(rubric.id == "national-2020")
        #expect(note != nil)
        let result = Auditor.audit(Scorecard(submission, rubric: rubric, rubricNote: note))
        #expect(result.findings.contains { $0.code == .rubricInferred && $0.severity == .info })
    }
}
