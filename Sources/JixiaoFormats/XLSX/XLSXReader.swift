import Foundation
#if canImport(FoundationXML)
import FoundationXML
import JixiaoBase
#endif

/// Reads the sheets of an .xlsx workbook (Office Open XML) as the text of their cells.
///
/// The zip is opened with ZIPFoundation and each XML part read with the streaming `XMLParser`:
/// no document tree is built, and what a part may hold is bounded (`partLimit` bytes
/// uncompressed, `cellLimit` cells with text per sheet, `gridLimit` cells in a sheet's
/// rectangle), so a zip bomb is refused rather than read. Every failure (not a zip, not a
/// workbook, a missing or broken part) is an `InputError` naming the file and the part.
///
/// Hidden sheets are left out: they hold lookup lists, not what the unit filled in.
public enum XLSXReader {
    /// The largest XML part read, uncompressed: 100 MB.
    public static let partLimit = 100 * 1_048_576
    /// The most cells with text in one sheet.
    public static let cellLimit = 1_000_000
    /// The most cells in one sheet's rectangle (rows × widest row), empty ones included.
    public static let gridLimit = 4_000_000

    /// Whether `path` names a workbook this reader takes (`.xlsx`, `.xlsm`).
    public static func isWorkbook(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".xlsx") || lowered.hasSuffix(".xlsm")
    }

    /// The visible sheets of the workbook at `path`, in tab order.
    public static func read(path: String) throws(InputError) -> [XLSXSheet] {
        try read(OOXMLPackage.open(path: path, kind: OOXMLPackage.workbook, partLimit: partLimit))
    }

    /// The visible sheets of a workbook held in memory; `file` names it in errors.
    public static func read(data: Data, file: String) throws(InputError) -> [XLSXSheet] {
        try read(OOXMLPackage.open(data: data, file: file, kind: OOXMLPackage.workbook, partLimit: partLimit))
    }

    static func read(_ parts: OOXMLPackage) throws(InputError) -> [XLSXSheet] {
        let file = parts.file
        let workbookPath = try parts.mainPartPath(fallback: "xl/workbook.xml")
        guard parts.has(workbookPath) else {
            throw OOXMLPackage.failure(file, .unknownFormat, zh: "这个 zip 文件不是 Excel 工作簿（缺少 xl/workbook.xml）",
                          en: "this zip file is not an Excel workbook (no xl/workbook.xml)",
                          hint: ("请在 Excel 或 WPS 中另存为 .xlsx", "save it as .xlsx from Excel or WPS"))
        }
        let workbook = WorkbookPartParser()
        try parts.parse(workbookPath, with: workbook)
        let relationships = RelationshipsPartParser()
        let relsPath = OOXMLPackage.relationshipsPath(of: workbookPath)
        if parts.has(relsPath) { try parts.parse(relsPath, with: relationships) }
        let targets = Dictionary(relationships.relationships.filter { !$0.external }.map { ($0.id, OOXMLPackage.resolve($0.target, from: workbookPath)) },
                                 uniquingKeysWith: { first, _ in first })

        var sharedStrings: [String] = []
        let sharedPath = relationships.relationships.first { $0.type.hasSuffix("/sharedStrings") }
            .map { OOXMLPackage.resolve($0.target, from: workbookPath) } ?? "xl/sharedStrings.xml"
        if parts.has(sharedPath) {
            let parser = SharedStringsPartParser(limit: cellLimit)
            try parts.parse(sharedPath, with: parser) { parser.overLimit }
            if parser.overLimit {
                throw OOXMLPackage.failure(file, .fileTooLarge, zh: "\(sharedPath) 的字符串超过 \(cellLimit) 个", en: "\(sharedPath) holds over \(cellLimit) strings")
            }
            sharedStrings = parser.strings
        }

        var percentDecimals: [Int: Int] = [:]
        let stylesPath = relationships.relationships.first { $0.type.hasSuffix("/styles") }
            .map { OOXMLPackage.resolve($0.target, from: workbookPath) } ?? "xl/styles.xml"
        if parts.has(stylesPath) {
            let parser = StylesPartParser()
            try parts.parse(stylesPath, with: parser)
            percentDecimals = parser.percentDecimals
        }

        var sheets: [XLSXSheet] = []
        for sheet in workbook.sheets where !sheet.hidden {
            guard let path = targets[sheet.relationship], parts.has(path) else {
                let part = targets[sheet.relationship] ?? sheet.relationship
                throw OOXMLPackage.failure(file, .unreadableFile, zh: "工作表“\(sheet.name)”缺失（\(part)）",
                              en: "the sheet “\(sheet.name)” is missing (\(part))")
            }
            let parser = WorksheetPartParser(sharedStrings: sharedStrings, percentDecimals: percentDecimals, cellLimit: cellLimit)
            try parts.parse(path, with: parser) { parser.problem != nil }
            switch parser.problem {
            case .tooManyCells:
                throw OOXMLPackage.failure(file, .fileTooLarge, zh: "工作表“\(sheet.name)”（\(path)）超过 \(cellLimit) 个单元格",
                              en: "the sheet “\(sheet.name)” (\(path)) has over \(cellLimit) cells")
            case .badSharedString(let index, let cell):
                throw OOXMLPackage.failure(file, .unreadableFile, zh: "\(path) 的 \(cell) 单元格引用了不存在的共享字符串 \(index)",
                              en: "cell \(cell) of \(path) refers to shared string \(index), which does not exist")
            case nil:
                break
            }
            sheets.append(try grid(parser, name: sheet.name, part: path, file: file))
        }
        if workbook.sheets.isEmpty {
            throw OOXMLPackage.failure(file, .unknownFormat, zh: "工作簿中没有工作表", en: "the workbook has no sheets")
        }
        return sheets
    }

    /// The sheet's rectangle of cells, merged ranges emptied but for their top-left cell.
    private static func grid(_ parser: WorksheetPartParser, name: String, part: String, file: String) throws(InputError) -> XLSXSheet {
        let height = (parser.cells.map(\.row).max() ?? -1) + 1
        let width = (parser.cells.map(\.column).max() ?? -1) + 1
        guard height * width <= gridLimit else {
            throw OOXMLPackage.failure(file, .fileTooLarge, zh: "工作表“\(name)”（\(part)）的区域超过 \(gridLimit) 个单元格（\(height) 行 × \(width) 列）",
                          en: "the sheet “\(name)” (\(part)) spans over \(gridLimit) cells (\(height) rows × \(width) columns)")
        }
        var rows = Array(repeating: Array(repeating: "", count: width), count: height)
        for cell in parser.cells { rows[cell.row][cell.column] = cell.text }
        for range in parser.merges where range.first.row < height && range.first.column < width {
            for row in range.first.row...min(range.last.row, height - 1) {
                for column in range.first.column...min(range.last.column, width - 1)
                where row != range.first.row || column != range.first.column {
                    rows[row][column] = ""
                }
            }
        }
        return XLSXSheet(name: name, rows: rows, merges: parser.merges)
    }
}
