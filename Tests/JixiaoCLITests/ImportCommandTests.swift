import Foundation
import Testing

struct ImportCommandTests {
    private let document = "Tests/Fixtures/documents/seed-002.txt"

    @Test func importWritesOneLoadableFilePerTable() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-import-\(UUID().uuidString)").path
        let output = try CLI.run(["import", "--out", out, document])
        #expect(output.status == 0, "\(output.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count == 3)
        // Each written table audits, and its findings point back into the document.
        let audit = try CLI.run(["audit", "--format", "json"] + files.map { "\(out)/\($0)" })
        let results = try #require(try CLI.json(audit.stdout)["results"] as? [[String: Any]])
        #expect(results.count == 3)
        let portal = try #require(results.first { ($0["title"] as? String) == "政府门户网专项" })
        let findings = try #require(portal["findings"] as? [[String: Any]])
        let rate = try #require(findings.first { $0["code"] as? String == "rate-mismatch" })
        #expect(rate["file"] as? String == document)
        #expect(rate["line"] as? Int == 862)
    }

    @Test func auditReadsADocumentDirectlyAndInGB18030() throws {
        for file in [document, "Tests/Fixtures/documents/seed-002-gb18030.txt"] {
            let output = try CLI.run(["audit", "--lang", "en", file])
            #expect(output.status == 1)
            #expect(output.stdout.contains("\(file):862: error[rate-mismatch]"))
            #expect(output.stdout.contains("\(file):530: error[narrative-mismatch]"))
        }
    }
}

/// `import --out` into a folder it has written before replaces each file in one step.
struct ImportRewriteTests {
    @Test func importingTwiceIntoOneFolderReplacesTheFiles() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-reimport-\(UUID().uuidString)").path
        var written: [[String: Data]] = []
        for _ in 0..<3 {
            let output = try CLI.run(["import", "--out", out, "Tests/Fixtures/documents/seed-002.txt"])
            #expect(output.status == 0, "\(output.stderr)")
            let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
            written.append(Dictionary(uniqueKeysWithValues: names.map { ($0, FileManager.default.contents(atPath: out + "/" + $0) ?? Data()) }))
        }
        #expect(written[0].count == 3 && written[0].keys.allSatisfy { $0.hasSuffix(".yaml") }, "\(written[0].keys)")
        #expect(written[1] == written[0] && written[2] == written[0])
    }

    /// An --out that cannot be written says why, in words, naming the path (exit 2).
    @Test func anUnwritableOutSaysWhy() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-file-\(UUID().uuidString)").path
        #expect(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
        let output = try CLI.run(["import", "--out", file + "/tables", "Tests/Fixtures/documents/seed-002.txt"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("\(file)/tables: 错误[output]: 无法写入：路径中有一部分是文件，不是文件夹"), "\(output.stderr)")
        let batch = try CLI.run(["batch", "Examples/clean-project-2022.yaml", "--out", file + "/out", "--quiet", "--lang", "en"])
        #expect(batch.status == 2)
        #expect(batch.stderr.contains("\(file)/out: error[output]: cannot write: part of the path is a file, not a folder"), "\(batch.stderr)")
    }
}
