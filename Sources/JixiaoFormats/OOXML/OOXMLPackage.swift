import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import JixiaoBase

/// An Office Open XML package (.xlsx, .docx) opened from a file: its parts found by path and
/// each read with the streaming `XMLParser` under a size bound.
///
/// Every failure (no file, not a zip, a missing, oversized or broken part) is an `InputError`
/// naming the file, and the part where there is one.
struct OOXMLPackage {
    /// What the package holds, for messages: 工作簿 / workbook, .xlsx.
    struct Kind {
        var zh: String
        var en: String
        var fileExtension: String
    }

    static let workbook = Kind(zh: "工作簿", en: "workbook", fileExtension: ".xlsx")
    static let wordDocument = Kind(zh: "Word 文档", en: "Word document", fileExtension: ".docx")

    let archive: ZipArchive
    let file: String
    let kind: Kind
    /// The largest part read, uncompressed.
    let partLimit: Int

    /// The package at `path`: checked to be a non-empty file within `InputFile.sizeLimit`, then
    /// opened as a zip.
    static func open(path: String, kind: Kind, partLimit: Int) throws(InputError) -> OOXMLPackage {
        try checkFile(path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw failure(path, .unreadableFile, zh: "无法读取文件", en: "the file cannot be read")
        }
        return try open(data: data, file: path, kind: kind, partLimit: partLimit)
    }

    /// The package held in `data`; `file` names it in errors.
    static func open(data: Data, file: String, kind: Kind, partLimit: Int) throws(InputError) -> OOXMLPackage {
        guard let archive = ZipArchive(data: data) else {
            throw failure(file, .unreadableFile, zh: "不是有效的 \(kind.fileExtension) 文件（无法作为 zip 打开）",
                          en: "not a valid \(kind.fileExtension) file (cannot be opened as a zip)")
        }
        return OOXMLPackage(archive: archive, file: file, kind: kind, partLimit: partLimit)
    }

    /// Whether the package lists `path` (a part it lists but cannot read is reported when parsed).
    func has(_ path: String) -> Bool { archive.entries[path] != nil || archive.skipped[path] != nil }

    /// The main part named by the package's `_rels/.rels` (its officeDocument relationship), or
    /// `fallback` when the package does not name one.
    func mainPartPath(fallback: String) throws(InputError) -> String {
        guard has("_rels/.rels") else { return fallback }
        let parser = RelationshipsPartParser()
        try parse("_rels/.rels", with: parser)
        let document = parser.relationships.first { $0.type.hasSuffix("/officeDocument") }
        return document.map { Self.resolve($0.target, from: "_rels/.rels") } ?? fallback
    }

    /// Reads the part at `path` and runs `delegate` over it. A delegate that stops the parse
    /// itself (a limit it reports) says so with `stoppedParsing`.
    func parse(_ path: String, with delegate: XMLParserDelegate, stoppedParsing: () -> Bool = { false }) throws(InputError) {
        guard let entry = archive.entries[path] else {
            switch archive.skipped[path] {
            case .zip64:
                throw Self.failure(file, .fileTooLarge, zh: "\(path) 是 ZIP64 条目（解压后可达 4 GB 以上），不予读取",
                                   en: "\(path) is a ZIP64 entry (4 GB or more uncompressed); not read")
            case .truncated:
                throw Self.failure(file, .unreadableFile, zh: "\(path) 的数据不完整（文件已损坏？）",
                                   en: "the data of \(path) is cut short (is the file damaged?)")
            case nil:
                throw Self.failure(file, .unreadableFile, zh: "\(kind.zh)缺少 \(path)", en: "the \(kind.en) has no \(path)")
            }
        }
        let tooLarge = Self.failure(file, .fileTooLarge, zh: "\(path) 解压后超过 \(partLimit / 1_048_576) MB",
                                    en: "\(path) is over \(partLimit / 1_048_576) MB uncompressed")
        guard entry.uncompressedSize <= partLimit else { throw tooLarge }
        var data = Data()
        data.reserveCapacity(Int(entry.uncompressedSize))
        do {
            try archive.extract(entry) { chunk in
                // The size in the header may lie: count what actually comes out.
                guard data.count + chunk.count <= partLimit else { throw PartTooLarge() }
                data.append(chunk)
            }
        } catch is PartTooLarge {
            throw tooLarge
        } catch {
            throw Self.failure(file, .unreadableFile, zh: "无法解压 \(path)（文件已损坏？）", en: "cannot decompress \(path) (is the file damaged?)")
        }
        guard let text = XLSXPartText.utf8(data) else {
            throw Self.failure(file, .unreadableFile, zh: "\(path) 不是 UTF-8 或 UTF-16 编码的 XML（文件已损坏？）",
                               en: "\(path) is not XML in UTF-8 or UTF-16 (is the file damaged?)")
        }
        let parser = XMLParser(data: text)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        // libxml2 recovers from some errors and still reports success: check the error too.
        let parsed = parser.parse()
        if !parsed || parser.parserError != nil, !stoppedParsing() {
            throw Self.failure(file, .unreadableFile, zh: "\(path) 不是有效的 XML（第 \(parser.lineNumber) 行）",
                               en: "\(path) is not valid XML (line \(parser.lineNumber))")
        }
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

    /// An input error about the whole file (line 0).
    static func failure(_ file: String, _ code: InputError.Code, zh: String, en: String,
                        hint: (zh: String, en: String)? = nil) -> InputError {
        InputError(code, at: SourceLocation(file: file, line: 0), message: LocalizedText(zh: zh, en: en),
                   hint: hint.map { LocalizedText(zh: $0.zh, en: $0.en) })
    }
}

private struct PartTooLarge: Error {}
