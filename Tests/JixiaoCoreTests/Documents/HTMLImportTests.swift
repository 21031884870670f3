import Foundation
import Testing
import JixiaoBase
@testable import JixiaoCore
import JixiaoFormats
import JixiaoImport
import JixiaoModel
import JixiaoTestSupport

/// Web pages imported end to end: the same tables and findings as the same table as text.
struct HTMLImportTests {
    static func path(_ name: String) -> String { Project.fixture("html/\(name)") }

    static func findings(_ path: String) throws -> [String] {
        try Engine(catalog: Project.catalog, words: Project.words).audit(path: path).flatMap(\.findings)
            .map { "\($0.code.rawValue) \($0.path) \($0.location.line)" }
    }

    /// department.html as text: CoverageTests' clean table with its total misprinted as 98,
    /// between the page's prose lines.
    static let departmentText = (["某市测试局2023年度部门决算公开", "本局 2023 年度全年预算数 100 万元， 全年执行数 90 万元。"]
        + CoverageTests.with([9: "总分\t\t\t\t\t100\t98\t"])
        + ["注：以上数据均为虚构，仅供测试。", "联系人：张某"]).joined(separator: "\n")

    @Test(arguments: ["department.html", "department-gbk.html"])
    func aPageTableReadsAsTheSameTableAsText(_ name: String) throws {
        let page = try SubmissionReader.readDocument(path: Self.path(name), options: Project.importOptions)
        let text = DocumentImporter.parse(Self.departmentText, file: "department.txt", options: Project.importOptions)
        let table = try #require(page.tables.first)
        #expect(page.tables.count == 1)
        #expect(differences(table, try #require(text.tables.first)).isEmpty, "\(differences(table, text.tables[0]))")
        #expect(table.unit == "某市测试局")
        #expect(table.budget.adjusted?.description == "100" && table.budget.executed?.description == "90")
        #expect(table.categories.flatMap(\.indicators).map(\.name) == ["培训场次", "合格率", "覆盖人数", "满意度"])
        #expect(table.total.score?.description == "98")
        // The same lines, so the same findings on the same lines.
        let textPath = NSTemporaryDirectory() + "/jixiao-html-\(getpid())-\(name).txt"
        try Self.departmentText.write(toFile: textPath, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: textPath) }
        let findings = try Self.findings(Self.path(name))
        #expect(findings == (try Self.findings(textPath)))
        #expect(findings == ["total-mismatch total 12"])
        // Line 12 is the page's table 1, row 10 (the 总分 row).
        let rendered = HTMLText(try HTMLReader.read(path: Self.path(name)))
        #expect(rendered.place(ofLine: 12) == .tableRow(table: 1, row: 10, sourceLine: 23))
    }

    @Test func theWorkbookFixturesSourceReadsAsTheWorkbook() throws {
        // project-merged.xlsx was made by LibreOffice from project-merged.html.
        let page = try #require(try SubmissionReader.readDocument(path: Project.fixture("xlsx/project-merged.html"), options: Project.importOptions).tables.first)
        let book = try #require(try SubmissionReader.readDocument(path: Workbooks.path("project-merged.xlsx"), options: Project.importOptions).tables.first)
        XLSXImportTests.expectRoadProject(page)
        #expect(differences(page, book).isEmpty, "\(differences(page, book))")
        #expect(try Self.findings(Project.fixture("xlsx/project-merged.html")) == (try Self.findings(Workbooks.path("project-merged.xlsx"))))
    }

    @Test func aPageWithoutATableIsAnUnknownFormat() throws {
        let error = try #require(throws: InputError.self) { try Self.findings(Self.path("no-table.html")) }
        #expect(error.code == .unknownFormat)
    }

    @Test func aDamagedPageIsAnInputError() throws {
        let error = try #require(throws: InputError.self) { try Self.findings(Self.path("damaged.html")) }
        #expect(error.code == .binaryFile)
        #expect(error.location == SourceLocation(file: Self.path("damaged.html"), line: 0))
    }

    @Test func theBatchWalksWebPages() {
        let files = BatchInputs.collect([Project.fixture("html")]).files
        #expect(files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["damaged.html", "department-gbk.html", "department.html", "no-table.html"])
    }
}
