import Foundation
import Testing
import JixiaoAudit
import JixiaoBase
@testable import JixiaoCore
import JixiaoFormats
import JixiaoTestSupport

/// One table in every format users hold it in: Fixtures/formats/table.htm and the .docx, .doc,
/// .xlsx, .xls and PDFs LibreOffice and Chromium made from it audit exactly as table.yaml, the
/// same table written by hand. The .doc and .xls are read through LibreOffice and skip without it.
struct OfficeFormatsTests {
    static var engine: Engine { Engine(catalog: Project.catalog, words: Project.words) }

    static func audit(_ name: String) throws -> AuditResult {
        let results = try engine.audit(path: Formats.path(name))
        #expect(results.count == 1, "\(name)")
        return try #require(results.first)
    }

    /// The table's three deliberate errors, and what the rules make of its qualitative target.
    @Test func theYAMLTableHasItsDeliberateErrors() throws {
        let result = try Self.audit("table.yaml")
        #expect(result.keys(.error, .warning) == ["rate-mismatch budget.rate", "total-mismatch total", "unmet-but-full 产出指标/数量指标/助餐服务人次"])
        #expect(result.positionFree.contains("rate 92.00% 0.9"))
        #expect(result.positionFree.contains("total 98 99 97.5"))
        #expect(result.scorecard.coverage.indicatorsRead == 8)
    }

    static func expectSameAsYAML(_ name: String) throws {
        let expected = try Self.audit("table.yaml")
        let result = try Self.audit(name)
        #expect(result.positionFree == expected.positionFree, "\(name)")
        #expect(result.scorecard.coverage.indicatorsRead == 8 && result.scorecard.coverage.indicatorsComplete)
        // Every finding names the user's file, never a converted copy.
        #expect(result.findings.allSatisfy { $0.location.file == Formats.path(name) })
    }

    @Test(arguments: ["table.htm", "table.docx", "table.xlsx"])
    func auditsAsTheYAML(_ name: String) throws {
        try Self.expectSameAsYAML(name)
    }

    /// The page printed by Chromium (its `border="1"` drawn as each cell's own bevelled frame,
    /// its fonts Type 3) and the .docx printed by LibreOffice (stroked borders).
    @Test(arguments: ["table-chromium.pdf", "table-writer.pdf"])
    func printedAuditsAsTheYAML(_ name: String) throws {
        try Self.expectSameAsYAML(name)
    }

    @Test(.enabled(if: Formats.soffice != nil), arguments: ["table.doc", "table.xls"])
    func oldOfficeAuditsAsTheYAMLThroughLibreOffice(_ name: String) throws {
        try Self.expectSameAsYAML(name)
    }

    /// WPS 文字 and WPS 表格 save Word 97 and Excel 97 files under .wps and .et: the fixtures
    /// renamed stand for them (no WPS here to make real ones).
    @Test(.enabled(if: Formats.soffice != nil), arguments: [("table.doc", "wps"), ("table.xls", "et")])
    func wpsFilesAuditAsTheYAML(_ source: String, _ suffix: String) throws {
        let folder = try scratchFolder("wps")
        let copy = folder + "/表." + suffix.uppercased()
        try FileManager.default.copyItem(atPath: Formats.path(source), toPath: copy)
        let result = try #require(try Self.engine.audit(path: copy).first)
        #expect(result.positionFree == (try Self.audit("table.yaml")).positionFree)
        #expect(result.findings.allSatisfy { $0.location.file == copy })
    }

    @Test(arguments: ["table.doc", "table.xls", "table.wps", "table.et"])
    func withoutLibreOfficeTheErrorSaysWhatToInstall(_ name: String) {
        let target = try! #require(OfficeConverter.target(for: name))
        let error = #expect(throws: InputError.self) { _ = try OfficeConverter.convert(Formats.path(name), to: target, soffice: nil) }
        #expect(error?.code == .converterMissing)
        #expect(error?.location == SourceLocation(file: Formats.path(name), line: 0))
        #expect(error?.hint?.zh.contains("libreoffice-writer-nogui libreoffice-calc-nogui") == true)
        #expect(error?.hint?.en.contains(target == .docx ? "libreoffice-writer-nogui)" : "libreoffice-calc-nogui)") == true)
    }

    @Test func oldOfficeKindsGoThroughTheDocumentImporter() {
        for name in ["a.doc", "a.XLS", "a.wps", "a.Et"] {
            #expect(SubmissionReader.isDocument(name))
            #expect(BatchInputs.hasKnownExtension(name))
        }
        #expect(OfficeConverter.target(for: "dir.doc/a") == nil && OfficeConverter.target(for: ".xls") == nil)
        #expect(OfficeConverter.target(for: "/x/表.DOC") == .docx && OfficeConverter.target(for: "b.et") == .xlsx)
    }
}
