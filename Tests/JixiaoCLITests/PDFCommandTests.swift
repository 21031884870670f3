import Foundation
import Testing

/// PDFs on the command line: audited, imported, and a scan refused with exit code 2.
struct PDFCommandTests {
    @Test func auditAndImportAPDF() throws {
        let audit = try CLI.run("audit", "Tests/Fixtures/pdf/project.pdf")
        #expect(audit.status == 1)
        // Findings point at the page, not at a line of the text the reader rebuilt.
        #expect(audit.stdout.contains("project.pdf:第1页: 错误[rate-mismatch] budget.rate"))
        #expect(audit.stdout.contains("project.pdf:第1页: 错误[total-mismatch] total"))
        let imported = try CLI.run("import", "Tests/Fixtures/pdf/project.pdf")
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("社区养老服务补助"))
    }

    @Test func aScannedPDFNeedsOCR() throws {
        let output = try CLI.run("audit", "Tests/Fixtures/pdf/scan.pdf")
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains("scan.pdf: 错误[unsupported-format]: 这是扫描版 PDF"))
        #expect(output.stderr.contains("OCR"))
        #expect(!output.stderr.contains("binary-file"))
    }
}
