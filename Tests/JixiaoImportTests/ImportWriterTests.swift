import Foundation
import Testing
@testable import JixiaoImport
import JixiaoModel
import JixiaoTestSupport

/// import → YAML → load gives the same values, and rows still point into the document.
struct ImportWriterTests {
    @Test(arguments: ["seed-000.txt", "seed-002.txt", "seed-003.txt", "tabbed-department.txt", "piped-project.txt",
                      "one-cell-per-line-project.txt", "pdf-project.txt"])
    func roundTrip(_ name: String) throws {
        let document = try Documents.imported(name)
        #expect(!document.tables.isEmpty)
        for (index, table) in document.tables.enumerated() {
            let yaml = SubmissionWriter.yaml(table, notes: document.notes.filter { $0.table == index + 1 })
            let loaded = try Submission.parse(Array(yaml.utf8), file: "imported.yaml")
            #expect(differences(loaded, table) == [], "\(name) table \(index + 1)")
            #expect(loaded.source?.file == table.source?.file)
            #expect(loaded.source?.table == index + 1)
            #expect(loaded.source?.firstLine == table.source?.firstLine)
            #expect(loaded.source?.lastLine == table.source?.lastLine)
            #expect(loaded.budget.location == table.budget.location)
            #expect(loaded.budget.rateLocation == table.budget.rateLocation)
            #expect(loaded.total.location == table.total.location)
            #expect(loaded.categories.map(\.location) == table.categories.map(\.location))
            #expect(loaded.indicators.map(\.indicator.location) == table.indicators.map(\.indicator.location))
        }
    }

    @Test func auditingTheWrittenYAMLPointsIntoTheDocument() throws {
        let document = try Documents.imported("seed-003.txt")
        let table = try #require(document.tables.first)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-import-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("seed-003.yaml").path
        try Data(SubmissionWriter.yaml(table).utf8).write(to: URL(fileURLWithPath: file))
        let result = try Project.audit(file)
        let total = try #require(result.findings.first { $0.code == .totalMismatch })
        #expect(total.location.file == Documents.path("seed-003.txt"))
        #expect(total.location.line == 735)
    }
}
