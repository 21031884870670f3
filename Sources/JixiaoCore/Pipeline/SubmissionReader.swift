import Foundation
import JixiaoBase
import JixiaoModel
import JixiaoFormats
import JixiaoImport

/// Reads the tables of an input file, whatever its format.
public enum SubmissionReader {
    public static func read(path: String, words: TableWords) throws -> [Submission] {
        if XLSXReader.isWorkbook(path) { return try XLSXImport.read(path: path, options: ImportOptions(words: words)).tables }
        if DOCXReader.isWordDocument(path) { return try DOCXImport.read(path: path, options: ImportOptions(words: words)).tables }
        if HTMLReader.isPage(path) { return try HTMLImport.read(path: path, options: ImportOptions(words: words)).tables }
        if let target = OfficeConverter.target(for: path) { return try OfficeImport.read(path: path, target: target, options: ImportOptions(words: words)).tables }
        if PDFReader.isPDF(path) { return try PDFImport.read(path: path, options: ImportOptions(words: words)).tables }
        let lowered = path.lowercased()
        if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") { return [try Submission.load(path: path)] }
        let bytes = try InputFile.read(path)
        if isDocument(path) {
            return DocumentImporter.parse(String(decoding: bytes, as: UTF8.self), file: path, options: ImportOptions(words: words)).tables
        }
        throw InputError(
            .unknownFormat, at: SourceLocation(file: path, line: 0),
            message: LocalizedText(zh: "无法识别的文件格式", en: "unknown file format"),
            hint: LocalizedText(zh: "支持 .yaml / .yml 自评表，.xlsx 工作簿，.docx Word 文档，.htm / .html 网页，.pdf 文件，.txt / .text / .md 文档文本，以及经 LibreOffice 转换的 .doc / .wps / .xls / .et",
                                en: "supported: .yaml / .yml self-evaluation tables, .xlsx workbooks, .docx Word documents, .htm / .html web pages, .pdf files, .txt / .text / .md document text, and .doc / .wps / .xls / .et through LibreOffice"))
    }

    /// Reads a document to import: an .xlsx workbook (`XLSXImport`), a Word .docx
    /// (`DOCXImport`), a web page (`HTMLImport`), a PDF (`PDFImport`), an old Office/WPS file
    /// converted by LibreOffice (.doc, .wps, .xls, .et: `OfficeImport`) or document text (`DocumentImporter`).
    public static func readDocument(path: String, options: ImportOptions) throws(InputError) -> ImportedDocument {
        if XLSXReader.isWorkbook(path) { return try XLSXImport.read(path: path, options: options) }
        if DOCXReader.isWordDocument(path) { return try DOCXImport.read(path: path, options: options) }
        if HTMLReader.isPage(path) { return try HTMLImport.read(path: path, options: options) }
        if let target = OfficeConverter.target(for: path) { return try OfficeImport.read(path: path, target: target, options: options) }
        if PDFReader.isPDF(path) { return try PDFImport.read(path: path, options: options) }
        return try DocumentImporter.read(path: path, options: options)
    }

    /// Whether `path` is document text to import (部门决算, 绩效自评报告): `.txt`, `.text`,
    /// `.md`, a Word .docx or .doc, a web page (`.htm`, `.html`), a PDF, an old Office/WPS file
    /// LibreOffice converts (.xls and .et included), or any file that is neither YAML nor a spreadsheet.
    public static func isDocument(_ path: String) -> Bool {
        if OfficeConverter.target(for: path) != nil { return true }
        let lowered = path.lowercased()
        if [".yaml", ".yml", ".xlsx", ".xls", ".xlsm", ".csv"].contains(where: lowered.hasSuffix) { return false }
        return true
    }
}
