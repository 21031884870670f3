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
/// paragraph and table row, or one per sheet row); a Word table row's location carries its table
/// and row, as `DOCXImport`'s do.
package enum OfficeImport {
    package static func read(path: String, target: OfficeConverter.Target, options: ImportOptions) throws(InputError) -> ImportedDocument {
        let converted = try OfficeConverter.convert(path, to: target)
        var document: ImportedDocument
        switch target {
        case .docx:
            let text = DOCXText(try DOCXReader.read(data: converted, file: path))
            document = DocumentImporter.parse(text.text, file: path, options: options)
            document.place(text.documentPlaces)
        case .xlsx:
            document = DocumentImporter.parse(XLSXText(try XLSXReader.read(data: converted, file: path)).text, file: path, options: options)
        }
        if let deadline = TimeLimit.current, deadline.hasExpired { throw deadline.error(file: path) }
        return document
    }
}
