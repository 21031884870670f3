import Foundation
import Testing

/// Word documents on the command line: audited, imported, and refused with an input error.
struct DOCXCommandTests {
    @Test func auditAndImportAWordDocument() throws {
        let audit = try CLI.run("audit", "Tests/Fixtures/docx/department-merged.docx")
        #expect(audit.status == 1)
        #expect(audit.stdout.contains("department-merged.docx:12: 错误[narrative-mismatch] narrative.score"))
        let imported = try CLI.run("import", "Tests/Fixtures/docx/department-merged.docx")
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("某市测试局"))
    }

    @Test func aDamagedWordDocumentIsAnInputError() throws {
        let output = try CLI.run("audit", "Tests/Fixtures/docx/not-a-zip.docx")
        #expect(output.status == 2)
        #expect(output.stderr.contains("not-a-zip.docx: 错误[unreadable-file]: 不是有效的 .docx 文件（无法作为 zip 打开）"))
        #expect(!output.stderr.contains("UTF-8"), "no advice to save as UTF-8")
    }
}
