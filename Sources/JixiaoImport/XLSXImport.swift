import Foundation
import JixiaoBase
import JixiaoModel
import JixiaoFormats

/// Imports the self-evaluation tables of an .xlsx workbook through the document importer.
///
/// The sheets become tab-separated text, the shape of a table copied out of Excel, and that
/// text is read by `DocumentImporter.parse`, so a workbook gives the same tables, notes and
/// findings as the same table pasted into a text file.
///
/// Line numbers in findings and notes count the lines of that text:
/// - the first sheet's row N is line N (`book.xlsx:12` is row 12 of the first sheet);
/// - each further sheet is preceded by a blank line and a line with its name, so its row N is
///   line N + the line of its name (`XLSXText.location(ofLine:)` maps a line back to a cell row).
/// This keeps `SourceLocation` a plain `file:line`, which the reports and the batch already
/// print and link, and makes the common one-sheet workbook's lines its row numbers exactly.
public enum XLSXImport {
    public static func read(path: String, options: ImportOptions) throws(InputError) -> ImportedDocument {
        let sheets = try XLSXReader.read(path: path)
        return DocumentImporter.parse(XLSXText(sheets).text, file: path, options: options)
    }
}
