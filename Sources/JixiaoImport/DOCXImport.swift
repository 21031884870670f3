import Foundation
import JixiaoBase
import JixiaoModel
import JixiaoFormats

/// Imports the self-evaluation tables of a Word document (.docx) through the document importer.
///
/// The body becomes text (`DOCXText`): each table row a tab-separated line, merged cells
/// expanded with their text in the first position, and each paragraph outside the tables a line,
/// in document order. That text is read by `DocumentImporter.parse`, so a .docx gives the same
/// tables, notes and findings as the same table pasted into a text file, and its prose is read
/// for titles and narrative figures as a text document's is.
///
/// Line numbers in findings and notes count the lines of that text: one line per paragraph
/// outside the tables and one per table row, nothing in between (`DOCXText.location(ofLine:)`
/// maps a line back to its paragraph or table row). A document with no table is read like text
/// without one: `noTableError()` unless its prose has figures to check.
public enum DOCXImport {
    public static func read(path: String, options: ImportOptions) throws(InputError) -> ImportedDocument {
        let document = try DOCXReader.read(path: path)
        return DocumentImporter.parse(DOCXText(document).text, file: path, options: options)
    }
}
