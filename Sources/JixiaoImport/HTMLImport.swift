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
/// `HTMLText.place(ofLine:)` tells which table and row (and which source line) a line is.
/// This keeps `SourceLocation` a plain `file:line`, as `XLSXImport` does.
public enum HTMLImport {
    public static func read(path: String, options: ImportOptions) throws(InputError) -> ImportedDocument {
        let text = HTMLText(try HTMLReader.read(path: path))
        let document = DocumentImporter.parse(text.text, file: path, options: options)
        if let deadline = TimeLimit.current, deadline.hasExpired { throw deadline.error(file: path) }
        return document
    }
}
