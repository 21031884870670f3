import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import JixiaoBase
@testable import JixiaoFormats
import JixiaoTestSupport

/// The cells the reader gives for each fixture.
struct XLSXReaderTests {
    @Test func mergedCellsKeepTheirTextInTheTopLeftCell() throws {
        let sheets = try Workbooks.sheets("project-merged.xlsx")
        #expect(sheets.map(\.name) == ["Sheet1"])
        let sheet = sheets[0]
        #expect(sheet.rows.count == 15)
        #expect(sheet.rows.allSatisfy { $0.count == 9 })
        #expect(sheet.merges.map(\.description).contains("A8:A14"))
        #expect(sheet.merges.map(\.description).contains("B9:B11"))
        #expect(sheet["A1"] == "2023年度项目支出绩效自评表")
        #expect(sheet.rows[0].dropFirst().allSatisfy { $0.isEmpty })
        #expect(sheet["B2"] == "乡村公路养护补助")
        #expect(sheet["A8"] == "绩效指标")
        #expect(sheet["A9"] == "")
        #expect(sheet["B9"] == "产出指标（50分）")
        #expect(sheet["B10"] == "" && sheet["B11"] == "")
        #expect(sheet["C10"] == "质量指标")
        #expect(sheet["E10"] == "≥85%")
    }

    @Test func numbersKeepTheirStoredText() throws {
        let sheet = try #require(try Workbooks.sheets("project-merged.xlsx").first)
        // Stored as numbers (t="n"), the percentage as 0.9 in a 0.00% format.
        #expect(sheet.rows[4] == ["", "年度资金总额", "80", "80", "72", "10", "90.00%", "9", ""])
        #expect(sheet["H15"] == "98")
    }

    @Test func numbersStoredAsTextAndTwoSheets() throws {
        let sheets = try Workbooks.sheets("two-sheets-text.xlsx")
        #expect(sheets.map(\.name) == ["项目支出", "部门整体支出"])
        #expect(sheets[0].rows[4] == ["", "年度资金总额", "80", "80", "72", "10", "95.00%", "9.5", ""])
        #expect(sheets[1]["C2"] == "某县文化馆")
        #expect(sheets[1]["H14"] == "99.5")
        #expect(sheets[1].merges.map(\.description).contains("C2:I2"))
    }

    @Test func twoTablesStackedOnOneSheet() throws {
        let sheets = try Workbooks.sheets("stacked-one-sheet.xlsx")
        #expect(sheets.count == 1)
        #expect(sheets[0]["A1"] == "2023年度部门（单位）整体支出绩效自评表")
        #expect(sheets[0]["A15"] == "2023年度项目支出绩效自评表")
        #expect(sheets[0]["G4"] == "95%")
    }

    @Test func inlineStringsWithoutSharedStringsOrReferences() throws {
        // No sharedStrings.xml, an absolute sheet path, row 1 without r, row 2's cells without r.
        let sheets = try Workbooks.sheets("inline-strings.xlsx")
        #expect(sheets.map(\.name) == ["自评表"])
        let sheet = sheets[0]
        #expect(sheet["A1"] == "2023年度项目支出绩效自评表")
        #expect(sheet["A2"] == "项目名称")
        #expect(sheet["B2"] == "乡村公路养护补助")
        #expect(sheet.rows[4] == ["", "年度资金总额", "80", "80", "72", "10", "90.00%", "9", ""])
        #expect(sheet["G14"] == "10")
    }

    @Test func richTextRunsJoinedAndPhoneticRunsSkipped() throws {
        let sheets = try Workbooks.sheets("rich-text-phonetic.xlsx")
        #expect(sheets.map(\.name) == ["Sheet1"], "the hidden sheet 下拉选项 is left out")
        let sheet = try #require(sheets.first)
        #expect(sheet["A1"] == "单位名称")
        // Three runs, one split around &amp;, and a phonetic run (ぼうけん) left out.
        #expect(sheet["B1"] == "某县文化&旅游局")
        #expect(sheet.rows[1].allSatisfy { $0.isEmpty })
        #expect(sheet.rows[2] == [
            "合计",
            "96.3",     // a formula's cached 96.299999999999997, shown to 15 digits as Excel does
            "96.3%",    // 0.96299999999999997 in a 0.0% format
            "100%",     // 1 in built-in format 9 (0%)
            "TRUE",     // t="b"
            "",         // t="e" (#DIV/0!)
            "0100",     // t="str": a formula's text, kept as is
        ])
    }

    @Test func cellReferences() {
        #expect(XLSXCellReference("A1") == XLSXCellReference(row: 0, column: 0))
        #expect(XLSXCellReference("$AA$10") == XLSXCellReference(row: 9, column: 26))
        #expect(XLSXCellReference("XFD1048576")?.description == "XFD1048576")
        #expect(XLSXCellReference("XFE1") == nil)
        #expect(XLSXCellReference("A0") == nil)
        #expect(XLSXCellReference("1A") == nil)
        #expect(XLSXCellReference("A") == nil)
        #expect(XLSXRange("C2:A1")?.description == "A1:C2")
        #expect(XLSXCellReference(row: 0, column: 701).columnName == "ZZ")
        #expect(XLSXCellReference(row: 0, column: 702).columnName == "AAA")
    }

    @Test(arguments: [
        ("1614.46", nil, "1614.46"),
        ("0100", nil, "0100"),
        ("96.299999999999997", nil, "96.3"),
        ("0.30000000000000004", nil, "0.3"),
        ("123456789012345678", nil, "123456789012346000"),
        ("1E-3", nil, "1E-3"),
        ("0.96272", 2, "96.27%"),
        ("0.9", 2, "90.00%"),
        ("1", 0, "100%"),
        ("0.99951", 1, "100.0%"),
        ("-0.05", 0, "-5%"),
        ("0.004", 0, "0%"),
    ] as [(String, Int?, String)])
    func storedNumbersAsShown(_ stored: String, _ percentDecimals: Int?, _ shown: String) {
        #expect(XLSXNumber.displayed(stored, percentDecimals: percentDecimals) == shown)
    }

    @Test func percentFormats() {
        #expect(XLSXNumber.percentDecimals(formatID: 9, code: nil) == 0)
        #expect(XLSXNumber.percentDecimals(formatID: 10, code: nil) == 2)
        #expect(XLSXNumber.percentDecimals(formatID: 164, code: "0.0%") == 1)
        #expect(XLSXNumber.percentDecimals(formatID: 164, code: "#,##0.00%;[Red]-#,##0.00%") == 2)
        #expect(XLSXNumber.percentDecimals(formatID: 164, code: "0.00") == nil)
        #expect(XLSXNumber.percentDecimals(formatID: 164, code: "0\"%\"") == nil)
        #expect(XLSXNumber.percentDecimals(formatID: 14, code: nil) == nil)
    }

    @Test func cellTextOnOneLine() {
        let text = XLSXText([XLSXSheet(name: "S", rows: [["年度\n总体目标", "a\tb"], ["单独"]])])
        #expect(text.text == "年度 总体目标\ta b\n单独\t")
    }

    @Test(arguments: [
        ("corrupt.xlsx", InputError.Code.unreadableFile, "zip"),
        ("not-a-workbook.xlsx", .unknownFormat, "xl/workbook.xml"),
        ("missing-sheet.xlsx", .unreadableFile, "xl/worksheets/sheet1.xml"),
        ("bad-xml.xlsx", .unreadableFile, "xl/worksheets/sheet1.xml"),
        ("huge-grid.xlsx", .fileTooLarge, "Sheet1"),
        ("bomb.xlsx", .fileTooLarge, "xl/worksheets/sheet1.xml"),
        ("no-such-file.xlsx", .unreadableFile, "no such file"),
    ])
    func brokenWorkbooksAreInputErrors(_ name: String, _ code: InputError.Code, _ mentioned: String) throws {
        let path = Workbooks.path(name)
        let error = #expect(throws: InputError.self) { try XLSXReader.read(path: path) }
        #expect(error?.code == code)
        #expect(error?.location == SourceLocation(file: path, line: 0))
        #expect(error?.message.en.contains(mentioned) == true, "\(error?.message.en ?? "")")
        #expect(error?.message.zh.isEmpty == false)
    }

    @Test func workbookInMemory() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Workbooks.path("project-merged.xlsx")))
        #expect(try XLSXReader.read(data: data, file: "book.xlsx") == Workbooks.sheets("project-merged.xlsx"))
        let error = #expect(throws: InputError.self) { try XLSXReader.read(data: Data("not a zip".utf8), file: "book.xlsx") }
        #expect(error?.location.file == "book.xlsx")
    }
}

/// Workbooks the fuzzer found that once hung or crashed the reader; each must end with an input
/// error naming the part.
@Test(arguments: [
    // Part names disagreeing with their local headers made the zip library inflate past the end
    // of the file forever.
    ("fuzz-endless-deflate.xlsx", "xl/sharedStrings.xml"),
    // A damaged xl/sharedStrings.xml with bytes that are not UTF-8 in an attribute name:
    // Foundation's XMLParser trapped on it (XLSXPartText).
    ("fuzz-attribute-name-not-utf8.xlsx", "xl/sharedStrings.xml"),
])
func fuzzFoundWorkbooksAreInputErrors(_ name: String, _ part: String) {
    let path = Project.fixture("xlsx/\(name)")
    let error = #expect(throws: InputError.self) { _ = try XLSXReader.read(path: path) }
    #expect(error?.code == .unreadableFile)
    #expect(error?.message.en.contains(part) == true, "\(error?.message.en ?? "")")
}

/// What `XMLParser` is given for a part: checked UTF-8, without the XML declaration.
struct XLSXPartTextTests {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let body = "<sst><si><t xml:space=\"preserve\">年度总体目标</t></si></sst>"

    @Test func utf8LosesItsDeclarationAndBOMButKeepsItsLines() {
        let expected = Data(("\n" + Self.body).utf8)
        #expect(XLSXPartText.utf8(Data((Self.declaration + Self.body).utf8)) == expected)
        #expect(XLSXPartText.utf8(Data([0xEF, 0xBB, 0xBF] + Array((Self.declaration + Self.body).utf8))) == expected)
        let twoLines = "<?xml version=\"1.0\"\n encoding=\"UTF-8\"?>" + Self.body
        #expect(XLSXPartText.utf8(Data(twoLines.utf8)) == expected)
        // A processing instruction is not a declaration.
        let instruction = "<?xml-stylesheet href=\"a.xsl\"?>" + Self.body
        #expect(XLSXPartText.utf8(Data(instruction.utf8)) == Data(instruction.utf8))
    }

    @Test func utf16WithAByteOrderMarkBecomesUTF8() throws {
        let text = Self.declaration.replacingOccurrences(of: "UTF-8", with: "UTF-16") + Self.body
        let units = Array(text.utf16)
        let little: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for bytes in [little, big] {
            let utf8 = try #require(XLSXPartText.utf8(Data(bytes)))
            #expect(utf8 == Data(("\n" + Self.body).utf8))
            let parser = SharedStringsPartParser(limit: 10)
            let xml = XMLParser(data: utf8)
            xml.delegate = parser
            #expect(xml.parse())
            #expect(parser.strings == ["年度总体目标"])
        }
        // An unpaired surrogate, or an odd byte count.
        #expect(XLSXPartText.utf8(Data([0xFF, 0xFE, 0x3C, 0x00, 0x00, 0xD8, 0x3E, 0x00])) == nil)
        #expect(XLSXPartText.utf8(Data(little.dropLast())) == nil)
    }

    /// Bytes that are neither UTF-8 nor UTF-16 with a byte-order mark.
    static let refused: [[UInt8]] = {
        func around(_ bytes: [UInt8], _ before: String = "<sst>", _ after: String = "</sst>") -> [UInt8] {
            Array(before.utf8) + bytes + Array(after.utf8)
        }
        return [
            around([0xE8], "<sst x", "y=\"1\"/>"),  // a name libxml2 would pass on raw
            around([0xC0, 0xAF]),  // an overlong encoding
            around([0xED, 0xA0, 0x80]),  // an encoded surrogate
            Array("<\0?\0x\0m\0l\0".utf8),  // UTF-16 without a byte-order mark
            [0x4C, 0x6F, 0xA7, 0x94],  // EBCDIC "<?xm"
        ]
    }()

    @Test(arguments: refused)
    func otherBytesAreRefused(_ bytes: [UInt8]) {
        #expect(XLSXPartText.utf8(Data(bytes)) == nil)
    }
}

/// A ZIP64 entry (a zip bomb declares one of 16 GB) is named as too large, not as missing.
struct ZipBombTests {
    private static func le(_ value: UInt64, _ bytes: Int) -> [UInt8] { (0..<bytes).map { UInt8((value >> (8 * $0)) & 0xFF) } }

    /// A zip of one deflated entry, `name`, whose sizes are in a ZIP64 extra field.
    static func zip64(_ name: String) -> Data {
        let nameBytes = Array(name.utf8)
        let extra = le(0x0001, 2) + le(16, 2) + le(16 << 30, 8) + le(10, 8)
        let local = le(0x0403_4B50, 4) + le(45, 2) + le(0, 2) + le(8, 2) + le(0, 4) + le(0, 4)
            + le(0xFFFF_FFFF, 4) + le(0xFFFF_FFFF, 4) + le(UInt64(nameBytes.count), 2) + le(UInt64(extra.count), 2) + nameBytes + extra
            + [UInt8](repeating: 0, count: 10)
        let central = le(0x0201_4B50, 4) + le(45, 2) + le(45, 2) + le(0, 2) + le(8, 2) + le(0, 4) + le(0, 4)
            + le(0xFFFF_FFFF, 4) + le(0xFFFF_FFFF, 4) + le(UInt64(nameBytes.count), 2) + le(UInt64(extra.count), 2)
            + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(0, 4) + nameBytes + extra
        let end = le(0x0605_4B50, 4) + le(0, 2) + le(0, 2) + le(1, 2) + le(1, 2)
            + le(UInt64(central.count), 4) + le(UInt64(local.count), 4) + le(0, 2)
        return Data(local + central + end)
    }

    @Test func aZip64PartIsNamedAsTooLarge() {
        let error = #expect(throws: InputError.self) { try XLSXReader.read(data: Self.zip64("xl/workbook.xml"), file: "bomb.xlsx") }
        #expect(error?.code == .fileTooLarge)
        #expect(error?.message.zh == "xl/workbook.xml 是 ZIP64 条目（解压后可达 4 GB 以上），不予读取")
    }
}
