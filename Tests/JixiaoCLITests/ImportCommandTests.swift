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
