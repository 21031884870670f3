import Foundation
import Testing
import JixiaoBase
@testable import JixiaoCore
import JixiaoFormats
import JixiaoImport
import JixiaoModel
import JixiaoTestSupport

/// PDFs imported end to end: the fixtures printed by Chromium and LibreOffice from invented
/// tables (Tests/Fixtures/pdf/make_fixtures.sh) read as the same tables written as YAML.
struct PDFImportTests {
    static func path(_ name: String) -> String { Project.fixture("pdf/\(name)") }

    static var engine: Engine { Engine(catalog: Project.catalog, words: Project.words) }

    /// project.pdf (Chromium) and project-lo.pdf (LibreOffice, through .docx) are project.html;
    /// project.yaml is the same table by hand, with the same two misprints.
    @Test(arguments: ["project.pdf", "project-lo.pdf"])
    func aPrintedTableReadsAsItsYAML(_ name: String) throws {
        let document = try SubmissionReader.readDocument(path: Self.path(name), options: Project.importOptions)
        let table = try #require(document.tables.first)
        #expect(document.tables.count == 1)
        let yaml = try Submission.load(path: Self.path("project.yaml"))
        // LibreOffice prints this table wider than the paper: the reason's comma, at the end of
        // its first line, falls past the page's edge and is not in the PDF at all.
        let clipped: Set<String> = name == "project-lo.pdf" ? ["效益指标/老人生活质量.reason"] : []
        let differences = differences(table, yaml, ignoring: clipped.union(["unit", "region", "money"]))
        #expect(differences.isEmpty, "\(differences)")
        #expect(table.budget.rate?.description == "95.00%" && table.total.score?.description == "97")
        let printed = try #require(try Self.engine.audit(path: Self.path(name)).first)
        let written = try #require(try Self.engine.audit(path: Self.path("project.yaml")).first)
        #expect(printed.findingKeys == written.findingKeys)
        #expect(printed.findingKeys == ["rate-mismatch budget.rate", "total-mismatch total", "unmeasurable-target 效益指标/可持续影响指标/服务长效机制"])
    }

    /// long.pdf: 37 indicator rows over three pages, the header repeated on each, a running
    /// footer on each: one table, every row read, the total on page 2.
    @Test func aTableOverThreePagesReadsWhole() throws {
        let document = try SubmissionReader.readDocument(path: Self.path("long.pdf"), options: Project.importOptions)
        let table = try #require(document.tables.first)
        #expect(document.tables.count == 1)
        let indicators = table.categories.flatMap(\.indicators)
        #expect(indicators.count == 37)
        #expect(table.categories.map(\.name) == ["产出指标", "效益指标", "满意度指标"])
        #expect(table.categories.map { $0.indicators.count } == [25, 10, 2])
        #expect(indicators.first?.name == "社区食堂场次1" && indicators.last?.name == "家属满意度")
        #expect(indicators.map(\.name).filter { $0.hasPrefix("心理慰藉覆盖率") } == ["心理慰藉覆盖率2"])
        #expect(table.budget.executed?.description == "304" && table.total.score?.description == "99")
        let result = try #require(try Self.engine.audit(path: Self.path("long.pdf")).first)
        // The one deliberate deduction, and nothing the page breaks made up.
        #expect(result.keys(.error) == [])
        #expect(result.keys(.warning) == ["met-but-deducted 产出指标/成本指标/心理慰藉人均成本1"])
    }

    @Test func twoTablesOnOnePageAreTwoTables() throws {
        let tables = try SubmissionReader.readDocument(path: Self.path("two-tables.pdf"), options: Project.importOptions).tables
        #expect(tables.map(\.project) == ["老年助餐补贴", "适老化改造补助"])
        #expect(tables.map { $0.total.score?.description } == ["99.5", "99"])
        #expect(tables.map { $0.categories.flatMap(\.indicators).count } == [4, 4])
        #expect(try Self.engine.audit(path: Self.path("two-tables.pdf")).map { $0.keys(.error, .warning) } == [[], []])
    }

    @Test func aScanAsksForOCR() throws {
        let error = try #require(throws: InputError.self) { try Self.engine.audit(path: Self.path("scan.pdf")) }
        #expect(error.code == .unsupportedFormat)
        #expect(error.message.zh.contains("扫描版 PDF") && error.hint?.en.contains("OCR") == true)
        #expect(error.location == SourceLocation(file: Self.path("scan.pdf"), line: 0))
    }

    @Test func aDamagedPDFIsAnInputError() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.path("project.pdf")))
        let folder = NSTemporaryDirectory() + "/jixiao-pdf-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, contents) in [("truncated.pdf", bytes.prefix(bytes.count / 3)), ("text.pdf", Data("not a pdf".utf8)), ("header.pdf", Data("%PDF-1.7\n".utf8))] {
            let path = folder + "/" + name
            #expect(FileManager.default.createFile(atPath: path, contents: contents))
            let error = try #require(throws: InputError.self) { try Self.engine.audit(path: path) }
            #expect(error.code == .unreadableFile, "\(name)")
            #expect(error.message.en.contains("damaged"), "\(name)")
        }
        let empty = folder + "/empty.pdf"
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        #expect(throws: InputError.self) { try Self.engine.audit(path: empty) }
    }

    /// A PDF whose table is no self-evaluation table (the fuzz seed: a small table in English)
    /// is what the same text would be: no table found, said as for any document.
    @Test func aPDFWithoutASelfEvaluationTableIsTheImportersNoTableError() throws {
        let path = Project.path("Tests/Fuzz/pdf/ascii-table.pdf")
        let error = try #require(throws: InputError.self) { try Self.engine.audit(path: path) }
        #expect(error.code == .unknownFormat)
        let text = PDFText(try PDFReader.read(path: path)).text
        #expect(text.hasPrefix("2023 project\nname\tdemo"))
        #expect(!text.contains("- 1 -"))
    }

    @Test func theBatchAuditsPDFs() {
        let collected = BatchInputs.collect([Project.fixture("pdf")])
        #expect(collected.files.map { URL(fileURLWithPath: $0).lastPathComponent }.filter { $0.hasSuffix(".pdf") }
                == ["long.pdf", "project-lo.pdf", "project.pdf", "scan.pdf", "two-tables.pdf"])
        #expect(collected.unsupported.allSatisfy { !$0.hasSuffix(".pdf") })
    }
}
