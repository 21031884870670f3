import Foundation
import JixiaoAudit
import JixiaoFormats

/// The fixtures under Fixtures/formats: one invented project table as table.htm and table.yaml,
/// and the files make_fixtures.sh makes from the page with LibreOffice and Chromium.
package enum Formats {
    package static func path(_ name: String) -> String { Project.fixture("formats/\(name)") }

    /// LibreOffice's soffice, or nil: the tests that convert old Office files skip without it,
    /// saying so once.
    package static let soffice: String? = {
        let found = OfficeConverter.executable()
        if found == nil {
            print("LibreOffice tests skipped: soffice is not installed (.ci/run installs libreoffice-writer-nogui libreoffice-calc-nogui)")
        }
        return found
    }()
}

extension AuditResult {
    /// What an audit says of a table wherever its lines are: each finding's code, severity,
    /// subject and claimed and computed values; then the execution rate, the budget score, the
    /// total (claimed and computed) and the grade.
    package var positionFree: [String] {
        let card = scorecard
        return findings.map { "\($0.code.rawValue) \($0.severity.rawValue) \($0.path) \($0.claimed?.description ?? "-") \($0.computed?.description ?? "-")" }.sorted()
            + ["rate \(card.budget.claimedRate?.description ?? "-") \(card.budget.rate?.description ?? "-")",
               "budget score \(card.budget.claimedScore?.description ?? "-") \(card.budget.score?.description ?? "-")",
               "total \(card.total.claimed?.description ?? "-") \(card.total.computed) \(card.total.recomputed?.description ?? "-")",
               "grade \(card.grade.claimed ?? "-") \(card.grade.computed?.name ?? "-") \(card.grade.recomputed?.name ?? "-")"]
    }
}
