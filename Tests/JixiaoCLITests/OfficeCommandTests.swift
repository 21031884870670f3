import Foundation
import Testing
import JixiaoTestSupport

/// Old Office files on the command line: audited through LibreOffice like any other format, or,
/// without it, exit 2 with what to install.
struct OfficeCommandTests {
    @Test(.enabled(if: Formats.soffice != nil))
    func auditAndImportAnOldWordFile() throws {
        let audit = try CLI.run("audit", "Tests/Fixtures/formats/table.doc")
        #expect(audit.status == 1)
        #expect(audit.stdout.contains("Tests/Fixtures/formats/table.doc:5: 错误[rate-mismatch] budget.rate: 执行率印为 92.00%"))
        #expect(audit.stderr.isEmpty, "nothing of LibreOffice's output: \(audit.stderr)")
        let imported = try CLI.run("import", "Tests/Fixtures/formats/table.xls")
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("社区老年人助餐服务补助"))
    }

    @Test func withoutLibreOfficeTheAuditExitsTwoWithWhatToInstall() throws {
        for (name, package) in [("table.doc", "libreoffice-writer-nogui"), ("table.xls", "libreoffice-calc-nogui")] {
            let output = try CLI.run(["audit", "Tests/Fixtures/formats/\(name)"], environment: ["PATH": "/nonexistent"])
            #expect(output.status == 2)
            #expect(output.stdout.isEmpty)
            #expect(output.stderr.contains("Tests/Fixtures/formats/\(name): 错误[converter-missing]"), "\(output.stderr)")
            #expect(output.stderr.contains(package))
        }
    }

    @Test(.enabled(if: Formats.soffice != nil))
    func aDamagedOldFileIsAnInputError() throws {
        let folder = NSTemporaryDirectory() + "jixiao-cli-damaged-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let whole = try Data(contentsOf: Project.root.appendingPathComponent("Tests/Fixtures/formats/table.doc"))
        try whole.prefix(3000).write(to: URL(fileURLWithPath: folder + "/damaged.doc"))
        let output = try CLI.run(["audit", "--lang", "en", folder + "/damaged.doc"])
        #expect(output.status == 2)
        #expect(output.stderr.contains(folder + "/damaged.doc: error[conversion-failed]: LibreOffice could not convert the file to .docx"), "\(output.stderr)")
        #expect(!output.stderr.contains("jixiao-office-"), "no temporary path")
    }
}
