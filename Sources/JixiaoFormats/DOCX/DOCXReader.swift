import Foundation
import JixiaoBase

/// Reads the body of a Word document (.docx, Office Open XML): its paragraphs and its tables
/// as grids of cells, merged cells expanded (`DOCXDocument`, `DOCXTable`).
///
/// The zip and its parts are read as the workbook reader reads them (`OOXMLPackage`), with the
/// same bounds: `XLSXReader.partLimit` bytes for word/document.xml uncompressed, and at most
/// `XLSXReader.cellLimit` paragraphs and cell positions, `columnLimit` positions in a row and
/// `XLSXReader.gridLimit` in a table's rectangle. Every failure (not a zip, no
/// word/document.xml, XML that does not parse, a limit) is an `InputError` naming the file.
public enum DOCXReader {
    /// The most cell positions in one table row (Word itself makes at most 63 columns).
    public static let columnLimit = 1_000

    /// Whether `path` names a document this reader takes (`.docx`, `.docm`).
    public static func isWordDocument(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".docx") || lowered.hasSuffix(".docm")
    }

    /// The body of the Word document at `path`.
    public static func read(path: String) throws(InputError) -> DOCXDocument {
        try read(OOXMLPackage.open(path: path, kind: OOXMLPackage.wordDocument, partLimit: XLSXReader.partLimit))
    }

    /// The body of a Word document held in memory; `file` names it in errors.
    public static func read(data: Data, file: String) throws(InputError) -> DOCXDocument {
        try read(OOXMLPackage.open(data: data, file: file, kind: OOXMLPackage.wordDocument, partLimit: XLSXReader.partLimit))
    }

    static func read(_ package: OOXMLPackage) throws(InputError) -> DOCXDocument {
        let file = package.file
        let path = try package.mainPartPath(fallback: "word/document.xml")
        let notWord = OOXMLPackage.failure(
            file, .unknownFormat, zh: "这个 zip 文件不是 Word 文档（缺少 word/document.xml）",
            en: "this zip file is not a Word document (no word/document.xml)",
            hint: ("请在 Word 或 WPS 中另存为 .docx", "save it as .docx from Word or WPS"))
        guard package.has(path) else { throw notWord }
        let parser = DocumentPartParser(itemLimit: XLSXReader.cellLimit, columnLimit: columnLimit, gridLimit: XLSXReader.gridLimit)
        try package.parse(path, with: parser) { parser.problem != nil }
        switch parser.problem {
        case .tooManyItems:
            throw OOXMLPackage.failure(file, .fileTooLarge, zh: "\(path) 的段落和单元格超过 \(XLSXReader.cellLimit) 个",
                                       en: "\(path) holds over \(XLSXReader.cellLimit) paragraphs and cells")
        case .tooWide:
            throw OOXMLPackage.failure(file, .fileTooLarge, zh: "\(path) 中有一行表格超过 \(columnLimit) 列",
                                       en: "a table row of \(path) is over \(columnLimit) columns wide")
        case .tooLargeGrid(let rows, let columns):
            throw OOXMLPackage.failure(file, .fileTooLarge,
                                       zh: "\(path) 中有一个表格超过 \(XLSXReader.gridLimit) 个单元格（\(rows) 行 × \(columns) 列）",
                                       en: "a table of \(path) spans over \(XLSXReader.gridLimit) cells (\(rows) rows × \(columns) columns)")
        case nil:
            break
        }
        guard parser.isDocument else { throw notWord }
        return DOCXDocument(blocks: parser.blocks)
    }
}
