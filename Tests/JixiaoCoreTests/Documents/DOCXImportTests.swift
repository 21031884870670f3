import Foundation
import Testing
import JixiaoAudit
import JixiaoBase
@testable import JixiaoCore
import JixiaoFormats
import JixiaoImport
import JixiaoModel
import JixiaoTestSupport

/// Word documents imported end to end: the same table and findings as the same text.
struct DOCXImportTests {
    static func path(_ name: String) -> String { Project.fixture("docx/\(name)") }

    static var engine: Engine { Engine(catalog: Project.catalog, words: Project.words) }

    /// department-merged.docx as a text file would hold it: its two paragraphs around the
    /// table of `CoverageTests`, one line per row.
    static let sameText = (["2023年度，某市测试局认真开展部门整体支出绩效自评，结果如下表。"] + CoverageTests.rows
        + ["2023年度本单位全年预算数100万元，执行数90万元，绩效自评得分98分。"]).joined(separator: "\n")

    static func keys(_ results: [AuditResult]) -> [String] {
        results.flatMap(\.findings).map { "\($0.code.rawValue) \($0.path) \($0.location.line)" }.sorted()
    }

    @Test func theTableReadsAsTheSameTableInText() throws {
        let docx = try SubmissionReader.readDocument(path: Self.path("department-merged.docx"), options: Project.importOptions)
        let text = DocumentImporter.parse(Self.sameText, file: "same.txt", options: Project.importOptions)
        #expect(docx.tables.count == 1 && text.tables.count == 1)
        let table = try #require(docx.tables.first)
        #expect(differences(table, try #require(text.tables.first)).isEmpty, "\(differences(table, text.tables[0]))")
        #expect(table.unit == "某市测试局" && table.level == .department && table.year == 2023)
        #expect(table.budget.executed?.description == "90" && table.total.score?.description == "99")
        #expect(table.categories.flatMap(\.indicators).map(\.name) == ["培训场次", "合格率", "覆盖人数", "满意度"])
        #expect(docx.notes.map(\.message.en) == text.notes.map(\.message.en))
        #expect(docx.claims.count == text.claims.count)
        // One line per paragraph and per row: the budget row is line 5, the total line 11.
        #expect(table.budget.location.line == 5 && table.total.location.line == 11)
    }

    @Test func theAuditFindsTheSameAsInText() throws {
        let docx = try Self.engine.audit(path: Self.path("department-merged.docx"))
        let text = try Self.engine.audit(DocumentImporter.parse(Self.sameText, file: "same.txt", options: Project.importOptions))
        #expect(Self.keys(docx) == Self.keys(text))
        // The closing paragraph's 98 is not the table's 99: the prose reached the narrative checks.
        #expect(Self.keys(docx) == ["narrative-mismatch narrative.score 12"])
        #expect(docx.first?.scorecard.coverage.indicatorsRead == 4)
    }

    @Test func aBatchWalksWordDocuments() {
        #expect(BatchInputs.hasKnownExtension("自评表.DOCX") && BatchInputs.hasKnownExtension("自评表.doc") && !BatchInputs.hasKnownExtension("自评表.docx.bak"))
        #expect(BatchInputs.collect([Project.fixture("docx")]).files.contains(Self.path("department-merged.docx")))
    }

    @Test func aDocumentWithoutATableIsUnknownFormat() throws {
        let error = #expect(throws: InputError.self) { try Self.engine.audit(path: Self.path("no-table.docx")) }
        #expect(error?.code == .unknownFormat)
        let document = try SubmissionReader.readDocument(path: Self.path("no-table.docx"), options: Project.importOptions)
        #expect(document.tables.isEmpty && document.noTableError().code == .unknownFormat)
    }

    @Test(arguments: ["not-a-zip.docx", "truncated.docx", "no-document.docx", "bad-xml.docx"])
    func damagedDocumentsAreInputErrorsNotEncodingAdvice(_ name: String) {
        for read in [{ _ = try Self.engine.audit(path: Self.path(name)) },
                     { _ = try SubmissionReader.read(path: Self.path(name), words: Project.words) }] as [() throws -> Void] {
            let error = #expect(throws: InputError.self) { try read() }
            #expect(error?.code != .unknownEncoding)
            #expect(error?.location.file == Self.path(name))
        }
    }
}
