import Foundation
import JixiaoAudit
import JixiaoBase
import JixiaoCore
import JixiaoImport
import JixiaoTestSupport
import Testing

/// Inputs the document fuzz target found crashing (`Tests/Fuzz/document/crash-*`): each imports
/// and audits without a crash.
struct FuzzFoundDocumentTests {
    static let crashes: [String] = {
        let folder = Project.path("Tests/Fuzz/document")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix("crash-") }.sorted()
    }()

    @Test func thereAreSome() {
        #expect(!Self.crashes.isEmpty)
    }

    /// Read as the fuzz target reads them: the bytes as text, past the checks a file gets
    /// (binary content), straight into the importer and the audit. `crash-fused-figure-alone.txt`
    /// is a PDF-text row of one figure and nothing before it, which the fused-figure reading
    /// indexed out of range.
    @Test(arguments: crashes)
    func importsAndAudits(_ name: String) throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Project.path("Tests/Fuzz/document/\(name)")))
        let document = DocumentImporter.parse(String(decoding: bytes, as: UTF8.self), file: name, options: Project.importOptions)
        let engine = Engine(catalog: Project.catalog, words: Project.words)
        for table in document.tables { _ = try? engine.audit(table) }
    }
}
