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
        // The row of the Word table, as for a .docx.
        #expect(audit.stdout.contains("Tests/Fixtures/formats/table.doc:表1第5行: 错误[rate-mismatch] budget.rate: 执行率填为 92.00%"))
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

    /// A batch reports a hanging conversion as timed out on time and ends; soffice (here a
    /// stand-in that hangs) is killed and its folder removed when the batch exits.
    @Test func aBatchThatTimesOutLeavesNoConversionBehind() throws {
        let folder = NSTemporaryDirectory() + "jixiao-cli-hang-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder + "/bin", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = """
            #!/bin/sh
            for a in "$@"; do echo "$a"; done > \(folder)/arguments
            sleep 60 &
            echo $! > \(folder)/child
            wait
            """
        try script.write(toFile: folder + "/bin/soffice", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder + "/bin/soffice")
        try FileManager.default.copyItem(atPath: Formats.path("table.doc"), toPath: folder + "/table.doc")

        let output = try CLI.run(["batch", "--timeout", "1", "--out", folder + "/out", folder + "/table.doc"],
                                 environment: ["PATH": folder + "/bin:/usr/bin:/bin"])
        #expect(output.status == 2, "\(output.stderr)")
        #expect(try String(contentsOfFile: folder + "/out/errors.csv", encoding: .utf8).contains("table.doc,timed-out"))
        let arguments = try String(contentsOfFile: folder + "/arguments", encoding: .utf8).split(separator: "\n")
        let work = ((arguments.last.map(String.init) ?? "") as NSString).deletingLastPathComponent
        #expect(work.contains("jixiao-office-") && !FileManager.default.fileExists(atPath: work), "the conversion's folder is removed")
        let child = try #require(Int32(try String(contentsOfFile: folder + "/child", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        var gone = false
        for _ in 0..<50 where !gone {
            let stat = try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8)
            gone = stat.map { $0.split(separator: ")").last?.dropFirst().first == "Z" } ?? true
            if !gone { usleep(20_000) }
        }
        #expect(gone, "what soffice started is killed")
    }
}
