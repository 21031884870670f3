import JixiaoBase
import JixiaoModel
import JixiaoFormats

/// Imports the self-evaluation tables of a PDF through the document importer.
///
/// The pages become text (`PDFText`): prose as lines and each table row as a line of
/// tab-separated cells, rebuilt from where the characters and ruling lines are, with page numbers
/// and running headers dropped between pages so a table continued on the next page stays one
/// table. That text is read by `DocumentImporter.parse`, so a PDF gives the same tables, notes and
/// findings as the same table pasted into a text file.
///
/// Line numbers in findings and notes count the lines of that text, and each location carries
/// the page its line is printed on (`SourceLocation.Place.page`), which the reports show. A scanned PDF (no text on any page) is an input
/// error asking for OCR; a PDF with text but no table is read like text without one.
package enum PDFImport {
    package static func read(path: String, options: ImportOptions) throws(InputError) -> ImportedDocument {
        let text = try PDFImport.text(path: path)
        var document = DocumentImporter.parse(text.text, file: path, options: options)
        document.place(text.places.map { .page($0.page) })
        if let deadline = TimeLimit.current, deadline.hasExpired { throw deadline.error(file: path) }
        return document
    }

    /// The PDF at `path` as text, with the page of each line.
    package static func text(path: String) throws(InputError) -> PDFText {
        let pages = try PDFReader.read(path: path)
        if let deadline = TimeLimit.current, deadline.hasExpired { throw deadline.error(file: path) }
        return PDFText(pages)
    }
}
