import JixiaoBase
import JixiaoModel
import JixiaoFormats

/// Imports the self-evaluation tables of a saved web page (`.htm`, `.html`) through the
/// document importer.
///
/// The page becomes text (`HTMLText`): its prose as lines and each table row as a line of
/// tab-separated cells, `rowspan` and `colspan` expanded into blank cells, so a page gives the
/// same tables, notes and findings as the same table pasted into a text file, and its prose is
/// read for the title and the narrative claims.
///
/// Line numbers in findings and notes count the lines of that text, not of the page's source;
/// a location on a table row also carries the table and row (`SourceLocation.Place.tableRow`),
/// which the reports show.
public enum HTMLImport {
    public static func read(path: String, options: ImportOptions) throws(InputError) -> ImportedDocument {
        let text = HTMLText(try HTMLReader.read(path: path))
        var document = DocumentImporter.parse(text.text, file: path, options: options)
        document.place(text.places.map { place in
            if case .tableRow(let table, let row, _) = place { .tableRow(table: table, row: row) } else { nil }
        })
        if let deadline = TimeLimit.current, deadline.hasExpired { throw deadline.error(file: path) }
        return document
    }
}
