import Testing
@testable import JixiaoAudit
import JixiaoBase
import JixiaoTestSupport

/// Findings are listed in the order a reviewer reads them: errors, then warnings, then notes;
/// within a severity by line; and they stay so when more are added (document and history checks).
struct FindingOrderTests {
    private func isInReadingOrder(_ findings: [Finding]) -> Bool {
        zip(findings, findings.dropFirst()).allSatisfy { a, b in
            a.severity > b.severity || (a.severity == b.severity && a.location.line <= b.location.line)
        }
    }

    @Test func errorsThenWarningsThenNotesByLine() throws {
        let result = try Project.audit(Project.example("seed-003-department-2021.yaml"))
        #expect(Set(result.findings.map(\.severity)) == [.error, .warning, .info])
        #expect(result.findings.first?.code == .totalMismatch)
        #expect(isInReadingOrder(result.findings))
    }

    @Test func addedFindingsTakeTheirPlace() throws {
        var result = try Project.audit(Project.example("seed-003-department-2021.yaml"))
        let late = Finding(.gradeMismatch, .grade, at: SourceLocation(file: "x.yaml", line: 1), message: LocalizedText(zh: "等级", en: "grade"))
        result.findings += [late]
        #expect(result.findings.first?.code == .gradeMismatch)
        #expect(isInReadingOrder(result.findings))
    }
}
