import Foundation
import Testing
import JixiaoBase
@testable import JixiaoCore
import JixiaoModel
import JixiaoTestSupport

/// The five seed documents import with no hand-written YAML: their tables equal the hand
/// transcriptions in Examples/, field by field, and auditing the documents gives the examples'
/// findings plus the narrative ones of DOMAIN.md §7, each pointing at a line of the document.
struct ImportSeedTests {
    /// Region is not printed in the tables (the examples add it by hand); seed 003's 部门名称
    /// cell is empty in the PDF text, so its unit cannot be read (the importer notes it).
    static let cases: [(document: String, examples: [String], ignoring: Set<String>)] = [
        ("seed-000.txt", ["seed-000-department-2024.yaml"], ["region"]),
        ("seed-002.txt", ["seed-002-department-2024.yaml", "seed-002-project-hotline-2024.yaml", "seed-002-project-portal-2024.yaml"], ["region"]),
        ("seed-002-gb18030.txt", ["seed-002-department-2024.yaml", "seed-002-project-hotline-2024.yaml", "seed-002-project-portal-2024.yaml"], ["region"]),
        ("seed-003.txt", ["seed-003-department-2021.yaml"], ["region", "unit"]),
    ]

    @Test(arguments: cases.indices)
    func tablesEqualTheHandTranscriptions(_ index: Int) throws {
        let (document, examples, ignoring) = Self.cases[index]
        let imported = try Documents.imported(document)
        #expect(imported.tables.count == examples.count)
        for (table, example) in zip(imported.tables, examples) {
            let expected = try Submission.load(path: Project.example(example))
            #expect(differences(table, expected, ignoring: ignoring) == [], "\(document) against \(example)")
            #expect(table.source?.file == Documents.path(document))
        }
    }

    @Test func seed003NotesTheUnreadableUnit() throws {
        let imported = try Documents.imported("seed-003.txt")
        #expect(imported.notes.contains { $0.field == "unit" && $0.location.line == 341 })
        #expect(imported.tables.first?.source?.firstLine == 339)
        #expect(imported.tables.first?.source?.lastLine == 735)
    }

    @Test(arguments: cases.indices)
    func auditGivesTheExamplesFindings(_ index: Int) throws {
        let (document, examples, _) = Self.cases[index]
        let results = try Documents.audit(document)
        #expect(results.count == examples.count)
        for (result, example) in zip(results, examples) {
            let expected = try Project.audit(Project.example(example))
            // What the import could not read is said too (import-note), apart from the table's own findings.
            let tableFindings = result.findingKeys.filter {
                !$0.contains(" narrative.") && !$0.contains(" base-data.") && !$0.hasPrefix("import-note ")
            }
            #expect(tableFindings == expected.findingKeys, "\(document) against \(example)")
            let notes = result.findings.filter { $0.code == .importNote }
            #expect(notes.allSatisfy { $0.severity == .info })
            #expect(result.findings.allSatisfy { $0.location.file == Documents.path(document) })
        }
    }

    @Test func seed002NarrativeContradictsTheTable() throws {
        let results = try Documents.audit("seed-002.txt")
        let department = try #require(results.first)
        let narrative = department.findings.filter { $0.code == .narrativeMismatch }
        #expect(Set(narrative.map(\.path)).isSuperset(of: ["narrative.budget", "narrative.rate", "narrative.score"]))
        #expect(narrative.allSatisfy { $0.location.line == 530 })
        let score = try #require(narrative.first { $0.path == "narrative.score" })
        #expect(score.claimed?.description == "99.5")
        #expect(score.computed?.description == "99.68")
        let rate = try #require(narrative.first { $0.path == "narrative.rate" })
        #expect(rate.claimed?.description == "100%")
        // 763.33 against ten parts in 万元 adding up to 763.32: within the parts' rounding from 元
        // (DOMAIN §5), a note and not an error.
        let sum = try #require(department.findings.first { $0.location.line == 604 })
        #expect(sum.code == .roundingDifference)
        #expect(sum.severity == .info)
        #expect(sum.claimed?.description == "763.33")
        #expect(sum.computed?.description == "763.32")
        #expect(sum.message.zh.contains("尾数误差"))
        #expect(!department.findings.contains { $0.code == .statedSumMismatch && $0.location.line == 604 })
        // The base data sheet's project list adds up as printed; so does its 三公经费.
        #expect(!department.findings.contains { $0.path.hasPrefix("base-data.") })
    }

    @Test func seed001NarrativeOnly() throws {
        let results = try Documents.audit("seed-001.txt")
        #expect(results.count == 1)
        let result = try #require(results.first)
        #expect(result.scorecard.submission.categories.isEmpty)
        #expect(result.scorecard.submission.year == 2024)
        let overspend = try #require(result.findings.first { $0.code == .overspend })
        #expect(overspend.location.line == 1725)
        #expect(overspend.computed?.description == "118.43%")
        let ratios = result.findings.filter { $0.code == .statedRatioMismatch }
        let completion = try #require(ratios.first { $0.location.line == 1795 })
        #expect(completion.claimed?.description == "92.56%")
        #expect(completion.computed?.description == "92.45%")
        #expect(completion.severity == .error)
        let printedTwice = try #require(ratios.first { $0.location.line == 1688 })
        #expect(printedTwice.claimed?.description == "118.42%")
        #expect(printedTwice.computed?.description == "118.43%")
        // 优秀 is the band of 99: no grade finding.
        #expect(!result.findings.contains { $0.code == .gradeMismatch })
    }

    @Test func seed004ListedProjectsAddUp() throws {
        let imported = try Documents.imported("seed-004.txt")
        #expect(imported.tables.isEmpty)
        let sums = imported.claims.compactMap { claim -> NarrativeClaim.Sum? in
            if case .sum(let sum) = claim.kind { return sum } else { return nil }
        }
        let listed = try #require(sums.first { $0.total.description == "2630.78" })
        #expect(listed.parts.count == 14)
        #expect(listed.parts.reduce(Fixed(0)) { $0 + $1.number } == Fixed("2630.78"))
        let results = try Documents.audit("seed-004.txt")
        #expect(results.count == 1)
        #expect(!results[0].findings.contains { $0.code == .statedSumMismatch })
    }

    @Test func seed000DepartmentTable() throws {
        let results = try Documents.audit("seed-000.txt")
        let result = try #require(results.first)
        let missing = try #require(result.findings.first { $0.code == .missingExplanation })
        #expect(missing.location.line == 732)
        // 基本 1490.47 + 项目 123.99 = 1614.46; control rate 23 / 23 = 100%.
        #expect(!result.findings.contains { $0.path == "budget.executed" || $0.path.hasPrefix("base-data.") })
    }
}

/// An unreadable cell is said in the audit itself, at its line in the document.
@Test func unreadableCellsAppearInTheAudit() throws {
    let results = try Documents.audit("seed-003.txt")
    let note = try #require(results.first?.findings.first { $0.code == .importNote && $0.path == "unit" })
    #expect(note.location.line == 341)
    #expect(note.severity == .info)
}
