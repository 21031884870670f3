import Foundation
import JixiaoBase
import JixiaoModel
import JixiaoFormats

/// Imports the self-evaluation tables of an old Office or WPS file (.doc, .wps, .xls, .et):
/// LibreOffice converts it (`OfficeConverter`), then the converted .docx is read as `DOCXImport`
/// reads a Word document and the converted .xlsx as `XLSXImport` reads a workbook.
///
/// The converted file is read from memory under the name of the user's file, so findings, notes
/// and errors name that file and its lines are those of the converted document's text (one per
/// paragraph and table row, or one per sheet row).
package enum OfficeImport {
    package static func read(path: String, target: OfficeConverter.Target, options: ImportOptions) throws(InputError) -> ImportedDocument {
        let converted = try OfficeConverter.convert(path, to: target)
        let text = switch target {
        case .docx: DOCXText(try DOCXReader.read(data: converted, file: path)).text
        case .xlsx: XLSXText(try XLSXReader.read(data: converted, file: path)).text
        }
        let document = DocumentImporter.parse(text, file: path, options: options)
        if let deadline = TimeLimit.current, deadline.hasExpired { throw deadline.error(file: path) }
        return document
    }
}
