import Foundation
import Testing
import JixiaoBase
@testable import JixiaoFormats
import JixiaoTestSupport

/// The blocks and grids the HTML reader gives, and what it refuses.
struct HTMLReaderTests {
    typealias Cell = HTMLTableGrid.Cell

    static func page(_ html: String) throws -> HTMLPage {
        try HTMLReader.parse(Array(html.utf8), file: "page.html")
    }

    @Test func rowspanAndColspanLeaveBlanksAfterTheFirstPosition() throws {
        let grid = try #require(HTMLTableGrid.expand([
            [Cell("title", colspan: 3)],
            [Cell("a", rowspan: 2), Cell("b"), Cell("c")],
            [Cell("d"), Cell("e")],
            [Cell("f", colspan: 2), Cell("g")],
        ]))
        #expect(grid == [["title", "", ""], ["a", "b", "c"], ["", "d", "e"], ["f", "", "g"]])
    }

    @Test func spansAreClampedAndOverlapsKeepTheFirstCell() throws {
        // rowspan 0 and a rowspan past the end reach the last row; colspan 0 is 1.
        #expect(HTMLTableGrid.expand([[Cell("a", rowspan: 0), Cell("b", colspan: 0)], [Cell("c")], [Cell("d", rowspan: 9)]])
                == [["a", "b"], ["", "c"], ["", "d"]])
        // The second row's colspan runs over the first row's rowspan: the rowspan keeps it.
        #expect(HTMLTableGrid.expand([[Cell("x"), Cell("y", rowspan: 2)], [Cell("z", colspan: 3), Cell("w")]])
                == [["x", "y", "", ""], ["z", "", "", "w"]])
        // Columns blank in every row are dropped; ragged rows are padded.
        #expect(HTMLTableGrid.expand([[Cell("a"), Cell(""), Cell("")], [Cell("b"), Cell("c")]]) == [["a", ""], ["b", "c"]])
    }

    @Test func hugeSpansAreRefused() {
        let rows = Array(repeating: [Cell("a", rowspan: 0, colspan: 1000)], count: 5000)
        #expect(HTMLTableGrid.expand(rows) == nil)
        #expect(throws: InputError.self) {
            try Self.page("<table>" + String(repeating: "<tr><td rowspan=0 colspan=1000>a</td></tr>", count: 5000) + "</table>")
        }
    }

    @Test func proseAndTablesInDocumentOrder() throws {
        let page = try Self.page("""
            <html><head><title>not shown</title><script>var x = "<table>";</script></head><body>
            <h1>标题  一</h1><p>第一行<br>第二  行
            <table><caption>表的说明</caption>
              <tr><th colspan=2>表头</th>
              <tr><td rowspan="2">甲<td>乙<br>丙</td>
              <tr><td>&nbsp;丁&#x3000;</td></tr>
            </table>
            <div>结尾<span>文字</span></div>
            """)
        let prose = page.blocks.compactMap { if case .prose(let text, _) = $0 { text } else { nil } }
        #expect(prose == ["标题 一", "第一行", "第二 行", "表的说明", "结尾文字"])
        #expect(page.tables.map(\.rows) == [[["表头", ""], ["甲", "乙 丙"], ["", "丁"]]])
        #expect(page.tables.first?.sourceLines == [4, 5, 6])
        guard case .table = page.blocks[4] else { Issue.record("the table follows the caption: \(page.blocks)"); return }
    }

    @Test func aLayoutTableIsReadAsBlocksAndTheTableInsideItAsAGrid() throws {
        let page = try Self.page("""
            <table><tr><td>页眉</td></tr><tr><td><p>说明</p>
              <table><tr><td>a</td><td>b</td></tr></table>
            </td></tr></table>
            """)
        #expect(page.blocks.count == 3)
        #expect(page.blocks.first == .prose("页眉", sourceLine: 1))
        #expect(page.tables.map(\.rows) == [[["a", "b"]]])
    }

    @Test func renderedTextAndPlaces() throws {
        let page = try Self.page("<p>前言</p><table><tr><td>a</td></tr><tr><td></td></tr><tr><td>b</td><td>c</td></tr></table>")
        let text = HTMLText(page)
        #expect(text.text == "前言\na\t\n\nb\tc")
        #expect(text.place(ofLine: 1) == .prose(sourceLine: 1))
        #expect(text.place(ofLine: 4) == .tableRow(table: 1, row: 3, sourceLine: 1))
        #expect(text.place(ofLine: 5) == nil)
    }

    @Test func declaredCharsets() {
        #expect(HTMLReader.declaredCharset(Array("<meta charset=\"GBK\">".utf8)) == "gbk")
        #expect(HTMLReader.declaredCharset(Array("<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=gb2312'>".utf8)) == "gb2312")
        #expect(HTMLReader.declaredCharset(Array("<meta name=viewport content=x><meta charset=utf-8>".utf8)) == "utf-8")
        #expect(HTMLReader.declaredCharset(Array("<p>charset=gbk</p>".utf8)) == nil)
    }

    @Test func aGBKPageReadsAsItsUTF8Twin() throws {
        let utf8 = try HTMLReader.read(path: Project.fixture("html/department.html"))
        let gbk = try HTMLReader.read(path: Project.fixture("html/department-gbk.html"))
        #expect(gbk == utf8)
        #expect(utf8.tables.count == 1 && utf8.tables[0].rows[0][0] == "2023年度部门整体支出绩效自评表")
    }

    @Test func damagedFilesAreInputErrors() throws {
        #expect(throws: InputError.self) { try HTMLReader.read(path: Project.fixture("html/damaged.html")) }
        #expect(throws: InputError.self) { try HTMLReader.read(path: Project.fixture("html/no-such-page.html")) }
        #expect(throws: InputError.self) { try HTMLReader.parse([], file: "empty.html") }
        // Bytes that are neither UTF-8 nor GB18030 but hold no NUL; and markup cut anywhere.
        #expect(throws: InputError.self) { try HTMLReader.parse([0x81, 0x20, 0xFF, 0xFE, 0x80], file: "bad.html") }
        let whole = Array(try String(contentsOfFile: Project.fixture("html/department.html"), encoding: .utf8).utf8)
        for end in stride(from: 1, to: whole.count, by: 37) { _ = try? HTMLReader.parse(Array(whole.prefix(end)), file: "cut.html") }
    }
}
