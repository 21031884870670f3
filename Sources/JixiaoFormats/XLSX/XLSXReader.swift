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
        try checkFile(path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw failure(path, .unreadableFile, zh: "无法读取文件", en: "the file cannot be read")
        }
        return try read(data: data, file: path)
    }

    /// The visible sheets of a workbook held in memory; `file` names it in errors.
    public static func read(data: Data, file: String) throws(InputError) -> [XLSXSheet] {
        guard let archive = ZipArchive(data: data) else {
            throw failure(file, .unreadableFile, zh: "不是有效的 .xlsx 文件（无法作为 zip 打开）",
                          en: "not a valid .xlsx file (cannot be opened as a zip)")
        }
        return try read(archive, file: file)
    }

    static func read(_ archive: ZipArchive, file: String) throws(InputError) -> [XLSXSheet] {
        let parts = Parts(archive: archive, file: file)
        let workbookPath = try parts.workbookPath()
        guard parts.has(workbookPath) else {
            throw failure(file, .unknownFormat, zh: "这个 zip 文件不是 Excel 工作簿（缺少 xl/workbook.xml）",
                          en: "this zip file is not an Excel workbook (no xl/workbook.xml)",
                          hint: ("请在 Excel 或 WPS 中另存为 .xlsx", "save it as .xlsx from Excel or WPS"))
        }
        let workbook = WorkbookPartParser()
        try parts.parse(workbookPath, with: workbook)
        let relationships = RelationshipsPartParser()
        let relsPath = Parts.relationshipsPath(of: workbookPath)
        if parts.has(relsPath) { try parts.parse(relsPath, with: relationships) }
        let targets = Dictionary(relationships.relationships.filter { !$0.external }.map { ($0.id, Parts.resolve($0.target, from: workbookPath)) },
                                 uniquingKeysWith: { first, _ in first })

        var sharedStrings: [String] = []
        let sharedPath = relationships.relationships.first { $0.type.hasSuffix("/sharedStrings") }
            .map { Parts.resolve($0.target, from: workbookPath) } ?? "xl/sharedStrings.xml"
        if parts.has(sharedPath) {
            let parser = SharedStringsPartParser(limit: cellLimit)
            try parts.parse(sharedPath, with: parser)
            if parser.overLimit {
                throw failure(file, .fileTooLarge, zh: "\(sharedPath) 的字符串超过 \(cellLimit) 个", en: "\(sharedPath) holds over \(cellLimit) strings")
            }
            sharedStrings = parser.strings
        }

        var percentDecimals: [Int: Int] = [:]
        let stylesPath = relationships.relationships.first { $0.type.hasSuffix("/styles") }
            .map { Parts.resolve($0.target, from: workbookPath) } ?? "xl/styles.xml"
        if parts.has(stylesPath) {
            let parser = StylesPartParser()
            try parts.parse(stylesPath, with: parser)
            percentDecimals = parser.percentDecimals
        }

        var sheets: [XLSXSheet] = []
        for sheet in workbook.sheets where !sheet.hidden {
            guard let path = targets[sheet.relationship], parts.has(path) else {
                let part = targets[sheet.relationship] ?? sheet.relationship
                throw failure(file, .unreadableFile, zh: "工作表“\(sheet.name)”缺失（\(part)）",
                              en: "the sheet “\(sheet.name)” is missing (\(part))")
            }
            let parser = WorksheetPartParser(sharedStrings: sharedStrings, percentDecimals: percentDecimals, cellLimit: cellLimit)
            try parts.parse(path, with: parser)
            switch parser.problem {
            case .tooManyCells:
                throw failure(file, .fileTooLarge, zh: "工作表“\(sheet.name)”（\(path)）超过 \(cellLimit) 个单元格",
                              en: "the sheet “\(sheet.name)” (\(path)) has over \(cellLimit) cells")
            case .badSharedString(let index, let cell):
                throw failure(file, .unreadableFile, zh: "\(path) 的 \(cell) 单元格引用了不存在的共享字符串 \(index)",
                              en: "cell \(cell) of \(path) refers to shared string \(index), which does not exist")
            case nil:
                break
            }
            sheets.append(try grid(parser, name: sheet.name, part: path, file: file))
        }
        if workbook.sheets.isEmpty {
            throw failure(file, .unknownFormat, zh: "工作簿中没有工作表", en: "the workbook has no sheets")
        }
        return sheets
    }

    /// The sheet's rectangle of cells, merged ranges emptied but for their top-left cell.
    private static func grid(_ parser: WorksheetPartParser, name: String, part: String, file: String) throws(InputError) -> XLSXSheet {
        let height = (parser.cells.map(\.row).max() ?? -1) + 1
        let width = (parser.cells.map(\.column).max() ?? -1) + 1
        guard height * width <= gridLimit else {
            throw failure(file, .fileTooLarge, zh: "工作表“\(name)”（\(part)）的区域超过 \(gridLimit) 个单元格（\(height) 行 × \(width) 列）",
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

    private static func checkFile(_ path: String) throws(InputError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw failure(path, .unreadableFile, zh: "文件不存在", en: "no such file")
        }
        if isDirectory.boolValue {
            throw failure(path, .unreadableFile, zh: "这是一个文件夹，不是文件", en: "this is a folder, not a file")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        if size > InputFile.sizeLimit {
            throw failure(path, .fileTooLarge, zh: "文件超过 \(InputFile.sizeLimit / 1_048_576) MB 的上限",
                          en: "the file is over the \(InputFile.sizeLimit / 1_048_576) MB limit")
        }
        if size == 0 {
            throw failure(path, .emptyFile, zh: "文件为空", en: "the file is empty")
        }
    }

    static func failure(_ file: String, _ code: InputError.Code, zh: String, en: String,
                        hint: (zh: String, en: String)? = nil) -> InputError {
        InputError(code, at: SourceLocation(file: file, line: 0), message: LocalizedText(zh: zh, en: en),
                   hint: hint.map { LocalizedText(zh: $0.zh, en: $0.en) })
    }
}

/// The parts of the zip, found by path and read with a size bound.
private struct Parts {
    let archive: ZipArchive
    let file: String

    func has(_ path: String) -> Bool { archive.entries[path] != nil }

    /// The workbook part named by the package's `_rels/.rels` (`xl/workbook.xml` by default).
    func workbookPath() throws(InputError) -> String {
        guard has("_rels/.rels") else { return "xl/workbook.xml" }
        let parser = RelationshipsPartParser()
        try parse("_rels/.rels", with: parser)
        let document = parser.relationships.first { $0.type.hasSuffix("/officeDocument") }
        return document.map { Parts.resolve($0.target, from: "_rels/.rels") } ?? "xl/workbook.xml"
    }

    /// Reads the part at `path` and runs `delegate` over it.
    func parse(_ path: String, with delegate: XMLParserDelegate) throws(InputError) {
        guard let entry = archive.entries[path] else {
            throw XLSXReader.failure(file, .unreadableFile, zh: "工作簿缺少 \(path)", en: "the workbook has no \(path)")
        }
        let tooLarge = XLSXReader.failure(file, .fileTooLarge, zh: "\(path) 解压后超过 \(XLSXReader.partLimit / 1_048_576) MB",
                                          en: "\(path) is over \(XLSXReader.partLimit / 1_048_576) MB uncompressed")
        guard entry.uncompressedSize <= XLSXReader.partLimit else { throw tooLarge }
        var data = Data()
        data.reserveCapacity(Int(entry.uncompressedSize))
        do {
            try archive.extract(entry) { chunk in
                // The size in the header may lie: count what actually comes out.
                guard data.count + chunk.count <= XLSXReader.partLimit else { throw PartTooLarge() }
                data.append(chunk)
            }
        } catch is PartTooLarge {
            throw tooLarge
        } catch {
            throw XLSXReader.failure(file, .unreadableFile, zh: "无法解压 \(path)（文件已损坏？）", en: "cannot decompress \(path) (is the file damaged?)")
        }
        guard let text = XLSXPartText.utf8(data) else {
            throw XLSXReader.failure(file, .unreadableFile, zh: "\(path) 不是 UTF-8 或 UTF-16 编码的 XML（文件已损坏？）",
                                     en: "\(path) is not XML in UTF-8 or UTF-16 (is the file damaged?)")
        }
        let parser = XMLParser(data: text)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        // libxml2 recovers from some errors and still reports success: check the error too.
        let parsed = parser.parse()
        if !parsed || parser.parserError != nil, !aborted(delegate) {
            throw XLSXReader.failure(file, .unreadableFile, zh: "\(path) 不是有效的 XML（第 \(parser.lineNumber) 行）",
                                     en: "\(path) is not valid XML (line \(parser.lineNumber))")
        }
    }

    /// Whether the delegate stopped the parse itself (a limit or a bad reference it reports).
    private func aborted(_ delegate: XMLParserDelegate) -> Bool {
        if let sheet = delegate as? WorksheetPartParser { return sheet.problem != nil }
        if let strings = delegate as? SharedStringsPartParser { return strings.overLimit }
        return false
    }

    /// The `_rels/NAME.rels` part beside `path` (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`).
    static func relationshipsPath(of path: String) -> String {
        let parts = path.split(separator: "/")
        let folder = parts.dropLast().joined(separator: "/")
        return (folder.isEmpty ? "" : folder + "/") + "_rels/" + (parts.last.map(String.init) ?? "") + ".rels"
    }

    /// A relationship's target as a zip path: absolute (`/xl/worksheets/sheet1.xml`) from the
    /// package root, otherwise relative to the folder of the part whose relationships these are
    /// (for `_rels/.rels`, the root). `..` and `.` are resolved.
    static func resolve(_ target: String, from source: String) -> String {
        let target = target.removingPercentEncoding ?? target
        var components: [Substring]
        if target.hasPrefix("/") {
            components = []
        } else if source == "_rels/.rels" {
            components = []
        } else {
            components = Array(source.split(separator: "/").dropLast())
        }
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }
}

private struct PartTooLarge: Error {}
