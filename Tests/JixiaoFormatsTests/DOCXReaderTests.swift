import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import JixiaoBase
@testable import JixiaoFormats
import JixiaoTestSupport

/// What the Word reader gives: the fixtures' blocks, merged cells expanded, and input errors.
struct DOCXReaderTests {
    static func path(_ name: String) -> String { Project.fixture("docx/\(name)") }

    /// The blocks of a document.xml body, read by the part parser alone.
    static func blocks(_ body: String) throws -> [DOCXDocument.Block] {
        let xml = #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#
            + #"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>"#
            + body + "</w:body></w:document>"
        let delegate = DocumentPartParser(itemLimit: 1_000, columnLimit: 20, gridLimit: 1_000)
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = delegate
        #expect(parser.parse())
        #expect(delegate.isDocument)
        return delegate.blocks
    }

    static func rows(_ body: String) throws -> [[String]] {
        let tables = try blocks(body).compactMap { if case .table(let table) = $0 { table } else { nil } }
        return try #require(tables.first).rows
    }

    static func p(_ text: String) -> String { "<w:p><w:r><w:t>\(text)</w:t></w:r></w:p>" }

    static func tc(_ text: String, _ properties: String = "") -> String {
        "<w:tc>" + (properties.isEmpty ? "" : "<w:tcPr>\(properties)</w:tcPr>") + p(text) + "</w:tc>"
    }

    @Test func theFixtureInDocumentOrder() throws {
        let document = try DOCXReader.read(path: Self.path("department-merged.docx"))
        #expect(document.blocks.count == 3)
        #expect(document.blocks.first == .paragraph("2023年度，某市测试局认真开展部门整体支出绩效自评，结果如下表。"))
        #expect(document.blocks.last == .paragraph("2023年度本单位全年预算数100万元，执行数90万元，绩效自评得分98分。"))
        let rows = try #require(document.tables.first).rows
        #expect(rows.count == 10 && rows.allSatisfy { $0.count == 8 })
        // The title spans the eight columns; 单位名称's value seven.
        #expect(rows[0] == ["2023年度部门整体支出绩效自评表"] + Array(repeating: "", count: 7))
        #expect(rows[1] == ["单位名称", "某市测试局", "", "", "", "", "", ""])
        #expect(rows[3] == ["", "年度资金总额", "100", "100", "90", "10", "90.00%", "9"])
        // 产出指标 runs down two rows: its text in the first, the second blank.
        #expect(rows[5][0] == "产出指标 (50分)" && rows[6][0] == "")
        #expect(rows[6][1...3] == ["质量指标", "合格率", "≥ 95%"])
        #expect(rows[9] == ["总分", "", "", "", "", "100", "99", ""])
    }

    @Test func gridSpanLeavesTheCoveredColumnsBlank() throws {
        let rows = try Self.rows("<w:tbl><w:tr>" + Self.tc("标题", #"<w:gridSpan w:val="3"/>"#) + Self.tc("x") + "</w:tr>"
            + "<w:tr>" + Self.tc("a") + Self.tc("b") + Self.tc("c") + Self.tc("d") + "</w:tr></w:tbl>")
        #expect(rows == [["标题", "", "", "x"], ["a", "b", "c", "d"]])
    }

    @Test func vMergeKeepsTheTextInTheFirstRow() throws {
        // A two-column cell merged down three rows; the continuing cells' own text is not shown.
        let restart = #"<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>"#
        let rows = try Self.rows("<w:tbl>"
            + "<w:tr>" + Self.tc("产出指标", restart) + Self.tc("1") + "</w:tr>"
            + "<w:tr>" + Self.tc("", #"<w:gridSpan w:val="2"/><w:vMerge/>"#) + Self.tc("2") + "</w:tr>"
            + "<w:tr>" + Self.tc("ignored", #"<w:gridSpan w:val="2"/><w:vMerge w:val="continue"/>"#) + Self.tc("3") + "</w:tr>"
            + "<w:tr>" + Self.tc("效益指标") + Self.tc("") + Self.tc("4") + "</w:tr></w:tbl>")
        #expect(rows == [["产出指标", "", "1"], ["", "", "2"], ["", "", "3"], ["效益指标", "", "4"]])
    }

    @Test func rowsAreMadeRectangularAndGridBeforeShiftsCells() throws {
        let rows = try Self.rows("<w:tbl><w:tr>" + Self.tc("a") + Self.tc("b") + Self.tc("c") + "</w:tr>"
            + #"<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>"# + Self.tc("d") + "</w:tr></w:tbl>")
        #expect(rows == [["a", "b", "c"], ["", "d", ""]])
    }

    @Test func cellParagraphsJoinedOnOneLine() throws {
        let cell = "<w:tc>" + Self.p("年度") + #"<w:p><w:r><w:t xml:space="preserve">总体  目标</w:t><w:tab/><w:t>一</w:t><w:br/><w:t>二</w:t></w:r></w:p>"#
            + "</w:tc>"
        let rows = try Self.rows("<w:tbl><w:tr>" + cell + "</w:tr></w:tbl>")
        #expect(rows == [["年度 总体 目标 一 二"]])
    }

    @Test func proseKeepsTabsAndSkipsWhatIsNotShown() throws {
        let blocks = try Self.blocks(
            #"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>"#
            + "<w:r><w:t>单位</w:t><w:tab/><w:t>某局</w:t></w:r>"
            + "<w:del><w:r><w:delText>删去</w:delText></w:r></w:del>"
            + #"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r></w:p>"#
            + "<w:p/>"
            + "<w:p><w:r><mc:AlternateContent><mc:Choice>" + Self.p("框内") + "</mc:Choice>"
            + "<mc:Fallback>" + Self.p("框内") + "</mc:Fallback></mc:AlternateContent></w:r></w:p>")
        #expect(blocks == [.paragraph("单位\t某局"), .paragraph(""), .paragraph("框内")])
    }

    @Test func aNestedTableIsTextOfItsCell() throws {
        let inner = "<w:tbl><w:tr>" + Self.tc("甲") + Self.tc("乙") + "</w:tr><w:tr>" + Self.tc("丙") + "</w:tr></w:tbl>"
        let blocks = try Self.blocks("<w:tbl><w:tr><w:tc>" + Self.p("外") + inner + "<w:p/></w:tc>" + Self.tc("x") + "</w:tr></w:tbl>" + Self.p("后"))
        #expect(blocks == [.table(DOCXTable(rows: [["外 甲 乙 丙", "x"]])), .paragraph("后")])
    }

    @Test func tooWideARowIsRefused() {
        let delegate = DocumentPartParser(itemLimit: 1_000, columnLimit: 5, gridLimit: 1_000)
        let xml = #"<w:document xmlns:w="w"><w:body><w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="99999999"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl></w:body></w:document>"#
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = delegate
        _ = parser.parse()
        #expect(delegate.problem != nil)
    }

    @Test func linesMapBackToParagraphsAndRows() throws {
        let text = DOCXText(try DOCXReader.read(path: Self.path("department-merged.docx")))
        let lines = text.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 12 && text.lines.count == 12)
        #expect(lines[1] == "2023年度部门整体支出绩效自评表\t\t\t\t\t\t\t")
        #expect(text.location(ofLine: 1) == .paragraph(1))
        #expect(text.location(ofLine: 11) == .row(table: 1, row: 10))
        #expect(text.location(ofLine: 12) == .paragraph(2))
        #expect(text.location(ofLine: 13) == nil)
        #expect(DOCXText(DOCXDocument(blocks: [.table(DOCXTable(rows: [["单独"], [""]]))])).text == "单独\t\n")
    }

    @Test(arguments: [
        ("not-a-zip.docx", InputError.Code.unreadableFile, "zip"),
        ("truncated.docx", .unreadableFile, "zip"),
        ("no-document.docx", .unknownFormat, "word/document.xml"),
        ("bad-xml.docx", .unreadableFile, "word/document.xml is not valid XML"),
        ("no-such-file.docx", .unreadableFile, "no such file"),
    ])
    func damagedDocumentsAreInputErrors(_ name: String, _ code: InputError.Code, _ mentioned: String) {
        let path = Self.path(name)
        let error = #expect(throws: InputError.self) { try DOCXReader.read(path: path) }
        #expect(error?.code == code)
        #expect(error?.location == SourceLocation(file: path, line: 0))
        #expect(error?.message.en.contains(mentioned) == true, "\(error?.message.en ?? "")")
        #expect(error?.message.zh.isEmpty == false)
    }

    @Test func aWorkbookIsNotAWordDocument() {
        // A zip whose main part is a workbook: not read as a document.
        let error = #expect(throws: InputError.self) { try DOCXReader.read(path: Workbooks.path("project-merged.xlsx")) }
        #expect(error?.code == .unknownFormat)
        #expect(DOCXReader.isWordDocument("表.DOCX") && DOCXReader.isWordDocument("a.docm") && !DOCXReader.isWordDocument("a.doc"))
    }
}
