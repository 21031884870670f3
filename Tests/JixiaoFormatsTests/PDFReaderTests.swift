import Foundation
import Testing
import JixiaoBase
@testable import JixiaoFormats
import JixiaoTestSupport

/// What the PDF reader gives: rows and cells of the fixtures (printed by Chromium and
/// LibreOffice), pages, running lines dropped, tables continued over pages, and what it refuses.
struct PDFReaderTests {
    static func path(_ name: String) -> String { Project.fixture("pdf/\(name)") }

    static func text(_ name: String) throws -> PDFText {
        PDFText(try PDFReader.read(path: path(name)))
    }

    static func lines(_ text: PDFText) -> [String] {
        text.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func aRuledTableReadsAsRowsOfCells() throws {
        let text = try Self.text("project.pdf")
        let lines = Self.lines(text)
        #expect(lines.prefix(2) == ["2023年度项目支出绩效自评表", "（2023年度）"])
        // Merged cells: the text in the top-left position, the positions covered blank.
        #expect(lines[2] == "项目名称\t社区养老服务补助\t\t\t\t\t\t\t")
        #expect(lines[5] == "\t年度资金总额\t120\t150\t135\t10\t95.00%\t9\t")
        #expect(lines[8] == "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施")
        // Text wrapped inside a cell joins into the cell (补助发放及时率 and the reason wrap on the page).
        #expect(lines[11] == "\t\t时效指标\t补助发放及时率\t100%\t100%\t15\t15\t")
        #expect(lines[12] == "\t效益指标（30分）\t社会效益指标\t老人生活质量\t明显改善\t有所改善\t20\t19\t部分社区场地改造延期，已督促整改")
        #expect(lines[15] == "\t总分\t\t\t\t\t100\t97\t")
        #expect(lines.last == "注：以上数据均为虚构，仅供测试。")
        #expect(text.places.count == lines.count)
        #expect(text.place(ofLine: 1) == .prose(page: 1))
        #expect(text.place(ofLine: 16) == .tableRow(page: 1, table: 1, row: 14))
        #expect(text.place(ofLine: 18) == nil)
    }

    @Test func anotherProducerGivesTheSameCells() throws {
        // LibreOffice draws borders as strokes where Chromium fills thin rectangles; its cells
        // wrap elsewhere (95.00 then % on the next line).
        let chromium = Self.lines(try Self.text("project.pdf"))
        let libreOffice = Self.lines(try Self.text("project-lo.pdf"))
        #expect(libreOffice.contains("\t年度资金总额\t120\t150\t135\t10\t95.00%\t9\t"))
        #expect(libreOffice.filter { $0.contains("\t") }.count == chromium.filter { $0.contains("\t") }.count)
    }

    @Test func aTableOverThreePagesIsOneTable() throws {
        let pages = try PDFReader.read(path: Self.path("long.pdf"))
        #expect(pages.map(\.number) == [1, 2, 3])
        let text = PDFText(pages)
        let lines = Self.lines(text)
        // The running footer is on every page and nowhere in the text; the header row once.
        #expect(!text.text.contains("某区民政局2023年度项目支出绩效自评"))
        #expect(lines.filter { $0.contains("一级指标") }.count == 1)
        // Every indicator row, one table, rows numbered over the pages.
        let subcategories = ["数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标", "可持续影响指标", "服务对象满意度指标"]
        let rows = lines.filter { line in line.split(separator: "\t").contains { subcategories.contains(String($0)) } }
        #expect(rows.count == 37)
        let tables = Set(text.places.compactMap { if case .tableRow(_, let table, _) = $0 { table } else { nil } })
        #expect(tables == [1])
        // Page 2's rows line up with page 1's columns (page 1's grid is wider: the budget rows
        // above the indicators have other column borders).
        let first = try #require(lines.first { $0.contains("社区食堂场次1") })
        let later = try #require(lines.first { $0.contains("家属满意度") })
        #expect(first.split(separator: "\t", omittingEmptySubsequences: false).count == later.split(separator: "\t", omittingEmptySubsequences: false).count)
        let total = try #require(lines.firstIndex { $0.hasPrefix("总分") })
        #expect(text.places[total] == .tableRow(page: 2, table: 1, row: total))
        #expect(text.places.last == .prose(page: 3))
    }

    @Test func twoTablesOnAPage() throws {
        let text = try Self.text("two-tables.pdf")
        let lines = Self.lines(text)
        let second = try #require(lines.firstIndex(of: "2023年度项目支出绩效自评表（二）"))
        #expect(text.places[second] == .prose(page: 1))
        #expect(text.places[second - 1] == .tableRow(page: 1, table: 1, row: 9))
        #expect(text.places[second + 1] == .tableRow(page: 1, table: 2, row: 1))
    }

    @Test func aScanIsRefusedWithAnOCRHint() throws {
        let error = try #require(throws: InputError.self) { try PDFReader.read(path: Self.path("scan.pdf")) }
        #expect(error.code == .unsupportedFormat)
        #expect(error.hint?.zh.contains("OCR") == true)
    }

    @Test func damagedInputIsAnInputErrorNeverACrash() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.path("two-tables.pdf"))))
        for cut in [0, 9, 100, bytes.count / 2, bytes.count - 10] {
            do {
                _ = PDFText(try PDFReader.parse(Array(bytes.prefix(cut)), file: "cut.pdf"))
            } catch {
                #expect([.emptyFile, .unreadableFile].contains(error.code), "\(cut): \(error)")
            }
        }
        #expect(throws: InputError.self) { try PDFReader.parse(Array("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n".utf8), file: "x.pdf") }
    }

    // MARK: Pages already laid out

    static func laidOut(_ pages: [[PDFLayout.Block]]) -> PDFText {
        PDFText(laidOut: pages.enumerated().map { ($0.offset + 1, $0.element) })
    }

    static func table(_ rows: [[String]], columns: [Double] = []) -> PDFLayout.Block {
        .table(PDFLayout.Table(rows: rows, columns: columns))
    }

    @Test(arguments: ["- 3 -", "第 3 页", "第3页 共10页", "3/10", "3", "Page 3 of 10", "—3—"])
    func pageNumbersBetweenPagesDoNotCutATable(_ mark: String) {
        let text = Self.laidOut([
            [.prose("标题"), Self.table([["a", "b"], ["1", "2"]]), .prose(mark)],
            [.prose(mark), Self.table([["a", "b"], ["3", "4"]]), .prose("注")],
        ])
        #expect(Self.lines(text) == ["标题", "a\tb", "1\t2", "3\t4", "注"])
        #expect(text.places == [.prose(page: 1), .tableRow(page: 1, table: 1, row: 1), .tableRow(page: 1, table: 1, row: 2),
                                .tableRow(page: 2, table: 1, row: 3), .prose(page: 2)])
    }

    @Test func runningHeadersAreDroppedAndOtherProseKept() {
        let text = Self.laidOut([
            [.prose("某局2023年度决算公开 1"), Self.table([["a", "b"], ["1", "2"]])],
            [.prose("某局2023年度决算公开 2"), Self.table([["3", "4"]]), .prose("3")],
            [.prose("某局2023年度决算公开 3"), .prose("说明"), .prose("第 3 页")],
        ])
        #expect(Self.lines(text) == ["a\tb", "1\t2", "3\t4", "说明"])
        // One page only: nothing is running, a lone number stays unless it is a page mark.
        #expect(Self.lines(Self.laidOut([[.prose("标题"), .prose("12")]])) == ["标题"])
    }

    @Test func theSameTitleOnEveryPageIsNotARunningHeader() {
        // One table a page under the same title, printed larger than the body: kept, and the
        // tables stay apart. The same footer in small print is dropped.
        let pages: [[PDFLayout.Block]] = [
            [.prose("项目支出绩效自评表", height: 16), Self.table([["a", "b"], ["1", "2"]]), .prose("某局公开", height: 8)],
            [.prose("项目支出绩效自评表", height: 16), Self.table([["a", "b"], ["3", "4"]]), .prose("某局公开", height: 8)],
        ]
        let text = PDFText(laidOut: pages.enumerated().map { ($0.offset + 1, $0.element) }, bodyHeight: 10)
        #expect(Self.lines(text) == ["项目支出绩效自评表", "a\tb", "1\t2", "项目支出绩效自评表", "a\tb", "3\t4"])
        #expect(text.places[4] == .tableRow(page: 2, table: 2, row: 1))
    }

    @Test func aTableAfterProseOnTheNextPageIsANewTable() {
        let text = Self.laidOut([
            [Self.table([["a", "b"]])],
            [.prose("表二"), Self.table([["a", "b"]])],
        ])
        #expect(Self.lines(text) == ["a\tb", "表二", "a\tb"])
        #expect(text.places[2] == .tableRow(page: 2, table: 2, row: 1))
        // Two tables one under the other are kept apart by an empty line.
        #expect(Self.lines(Self.laidOut([[Self.table([["a", "b"]]), Self.table([["c", "d"]])]])) == ["a\tb", "", "c\td"])
    }

    @Test func aContinuationLinesUpWithTheColumnsOfItsFirstPage() {
        let text = Self.laidOut([
            [Self.table([["x", "", "y", "z"], ["1", "", "2", "3"]], columns: [10, 50, 60, 100])],
            [Self.table([["x", "y", "z"], ["4", "5", "6"]], columns: [10, 60, 100.5])],
        ])
        #expect(Self.lines(text) == ["x\t\ty\tz", "1\t\t2\t3", "4\t\t5\t6"])
        // Other column borders: another table, kept apart.
        let other = Self.laidOut([
            [Self.table([["x", "y"], ["1", "2"]], columns: [10, 60])],
            [Self.table([["p", "q"], ["3", "4"]], columns: [10, 200])],
        ])
        #expect(Self.lines(other) == ["x\ty", "1\t2", "", "p\tq", "3\t4"])
        #expect(other.places[3] == .tableRow(page: 2, table: 2, row: 1))
    }

    // MARK: The layout of characters and lines

    static func glyphs(_ text: String, x: Double, y: Double, size: Double = 10) -> [PDFPage.Glyph] {
        text.unicodeScalars.enumerated().compactMap { index, scalar in
            scalar == " " ? nil : PDFPage.Glyph(scalar, PDFPage.Box(x0: x + Double(index) * size, y0: y, x1: x + Double(index + 1) * size, y1: y + size))
        }
    }

    @Test func withoutBordersGapsMakeCellsAndAWrappedLineJoinsItsCell() {
        let page = PDFPage(number: 1, glyphs:
            Self.glyphs("标题行", x: 10, y: 10)
            + Self.glyphs("指标名称", x: 10, y: 30) + Self.glyphs("分值", x: 100, y: 30.8) + Self.glyphs("得分", x: 150, y: 29.5)
            + Self.glyphs("服务对象", x: 10, y: 45) + Self.glyphs("10", x: 100, y: 45) + Self.glyphs("9", x: 150, y: 45)
            + Self.glyphs("满意度", x: 10, y: 56)
            + Self.glyphs("覆盖率", x: 10, y: 70) + Self.glyphs("5", x: 100, y: 70) + Self.glyphs("5", x: 150, y: 70)
            + Self.glyphs("12", x: 100, y: 81)
            + Self.glyphs("注：说明文字", x: 10, y: 110), rules: [])
        #expect(PDFLayout.blocks(of: page) == [
            .prose("标题行", height: 10),
            Self.table([["指标名称", "分值", "得分"], ["服务对象满意度", "10", "9"], ["覆盖率", "5", "5"]]),
            // A figure alone is not wrapped text: it ends the table (a line of its own).
            .prose("12", height: 10),
            .prose("注：说明文字", height: 10),
        ])
    }

    @Test func withoutBordersABlankCellKeepsItsColumn() {
        // 年初预算数 blank: the row's figures stay under their headers.
        let page = PDFPage(number: 1, glyphs:
            Self.glyphs("项目", x: 0, y: 0) + Self.glyphs("年初", x: 60, y: 0) + Self.glyphs("全年", x: 120, y: 0) + Self.glyphs("执行", x: 180, y: 0)
            + Self.glyphs("总额", x: 0, y: 15) + Self.glyphs("45.2", x: 120, y: 15) + Self.glyphs("44.87", x: 175, y: 15), rules: [])
        #expect(PDFLayout.blocks(of: page) == [Self.table([["项目", "年初", "全年", "执行"], ["总额", "", "45.2", "44.87"]])])
    }

    @Test func fontBoxesTallerThanTheirPrintDoNotRunLinesTogether() {
        // Chromium's Type 3 fonts: each box 2.6 times the font size. A wrapped cell (项目名 / 称)
        // beside a cell of one line centred between them stays three lines, in order.
        func tall(_ text: String, x: Double, middle: Double) -> [PDFPage.Glyph] {
            Self.glyphs(text, x: x, y: 0).map { PDFPage.Glyph($0.scalar, PDFPage.Box(x0: $0.box.x0, y0: middle - 13, x1: $0.box.x1, y1: middle + 13)) }
        }
        let glyphs = PDFLayout.normalized(tall("项目名", x: 0, middle: 10) + tall("社区养老", x: 100, middle: 17.5) + tall("称", x: 10, middle: 25))
        #expect(PDFLayout.lines(glyphs).map { PDFLayout.text($0.glyphs) } == ["项目名", "社区养老", "称"])
    }

    @Test func bordersMakeCellsAndAMissingBorderMergesThem() {
        // Three columns, three rows; the first column's border between rows 2 and 3 is missing.
        let xs = [0.0, 100, 200, 300], ys = [0.0, 20, 40, 60]
        var rules = xs.map { PDFPage.Rule(horizontal: false, at: $0, from: 0, to: 60) }
            .filter { $0.position != 100 } + [PDFPage.Rule(horizontal: false, at: 100, from: 0, to: 60)]
        rules += ys.filter { $0 != 40 }.map { PDFPage.Rule(horizontal: true, at: $0, from: 0, to: 300) }
        rules.append(PDFPage.Rule(horizontal: true, at: 40, from: 100, to: 300))
        let page = PDFPage(number: 1, glyphs:
            Self.glyphs("一级", x: 5, y: 5) + Self.glyphs("二级", x: 105, y: 5) + Self.glyphs("分值", x: 205, y: 5)
            + Self.glyphs("产出", x: 5, y: 35) + Self.glyphs("数量", x: 105, y: 25) + Self.glyphs("10", x: 205, y: 25)
            // Wrapped in its cell: two lines, one cell.
            + Self.glyphs("质量指", x: 105, y: 41) + Self.glyphs("标", x: 105, y: 51) + Self.glyphs("95.00", x: 205, y: 41) + Self.glyphs("%", x: 205, y: 51)
            + Self.glyphs("表外文字", x: 5, y: 80), rules: rules)
        #expect(PDFLayout.blocks(of: page) == [
            Self.table([["一级", "二级", "分值"], ["产出", "数量", "10"], ["", "质量指标", "95.00%"]], columns: [0, 100, 200]),
            .prose("表外文字", height: 10),
        ])
    }

    @Test func ruleScannerTakesBordersNotGlyphsNorWhitePaint() {
        let svg = """
            <svg><defs><g id="glyph0-1"><path style="stroke:none;" d="M 0 0 L 9 0 L 9 0.8 L 0 0.8 Z"/></g></defs>
            <path style=" stroke:none;fill-rule:nonzero;fill:rgb(0%,0%,0%);fill-opacity:1;" d="M 33.75 68.25 L 135.75 68.25 L 135.75 69 L 33.75 69 Z M 33.75 68.25 "/>
            <path style=" stroke:none;fill-rule:nonzero;fill:rgb(100%,100%,100%);fill-opacity:1;" d="M 0 0 L 100 0 L 100 1 L 0 1 Z"/>
            <path style="fill:none;stroke-width:0.5;stroke-linecap:butt;stroke:rgb(0%,0%,0%);" d="M 10 20 L 10 120 " transform="matrix(1,0,0,1,5,0)"/>
            <path style=" stroke:none;fill:rgb(0%,0%,0%);" d="M 0 0 C 1 1 2 2 3 3 Z"/>
            """
        #expect(PDFRuleScanner.rules(inSVG: Array(svg.utf8)) == [
            PDFPage.Rule(horizontal: true, at: 68.625, from: 33.75, to: 135.75),
            PDFPage.Rule(horizontal: false, at: 15, from: 20, to: 120),
        ])
    }
}

extension PDFReaderTests {
    @Test func ruleScannerTakesTheBevelledBordersOfAnHTMLBorderAttribute() {
        // Chromium draws `border="1"` inset and outset: four trapezoids per cell, unclosed, their
        // ends cut at 45° where two sides meet, so a corner is off the box's end by the width.
        let svg = """
            <svg><path style=" stroke:none;fill-rule:nonzero;fill:rgb(65.879822%,65.879822%,65.879822%);fill-opacity:1;" d="M 576.75 35.25 L 576.75 60 L 577.5 60 L 577.5 34.5 "/>
            <path style=" stroke:none;fill-rule:nonzero;fill:rgb(32.939148%,32.939148%,32.939148%);fill-opacity:1;" d="M 34.5 34.5 L 34.5 60 L 35.25 59.25 L 35.25 34.5 "/>
            <path style=" stroke:none;fill:rgb(0%,0%,0%);" d="M 0 0 L 1 0 L 1 30 L 2 30 L 2 0 L 3 0 L 3 31 L 0 31 Z"/>
            """
        #expect(PDFRuleScanner.rules(inSVG: Array(svg.utf8)) == [
            PDFPage.Rule(horizontal: false, at: 577.125, from: 34.5, to: 60),
            PDFPage.Rule(horizontal: false, at: 34.875, from: 34.5, to: 60),
        ])
    }
}
