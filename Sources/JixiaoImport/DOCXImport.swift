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
/// outside the tables and one per table row, nothing in between; a location on a table row also
/// carries the table and row (`SourceLocation.Place.tableRow`), which the reports show. A document with no table is read like text
/// without one: `noTableError()` unless its prose has figures to check.
public enum DOCXImport {
    public static func read(path: String, options: ImportOptions) throws(InputError) -> ImportedDocument {
        let text = DOCXText(try DOCXReader.read(path: path))
        var document = DocumentImporter.parse(text.text, file: path, options: options)
        document.place(text.documentPlaces)
        return document
    }
}

extension DOCXText {
    /// The place of each line in the document: its table and row, nil for a paragraph.
    var documentPlaces: [SourceLocation.Place?] {
        lines.map { line in
            if case .row(let table, let row) = line { .tableRow(table: table, row: row) } else { nil }
        }
    }
}
