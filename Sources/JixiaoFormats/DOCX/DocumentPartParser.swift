import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// word/document.xml, streamed: the body's paragraphs and tables (`w:tbl/w:tr/w:tc`) in order.
///
/// Names are compared without their namespace prefix, like the workbook's parts. Text is the
/// runs' `w:t` (deleted text, `w:delText`, and field codes, `w:instrText`, are other elements);
/// `w:tab` in a run is a tab and `w:br`/`w:cr` a space. The content of `mc:Fallback` repeats
/// its `mc:Choice` for older readers and is skipped. A paragraph inside a paragraph (a text box)
/// adds its text to the outer one, and so does a table inside a text box.
final class DocumentPartParser: NSObject, XMLParserDelegate {
    enum Problem {
        case tooManyItems
        case tooWide
        case tooLargeGrid(rows: Int, columns: Int)
    }

    /// The most paragraphs and cell positions in the document.
    let itemLimit: Int
    /// The most cell positions in one table row.
    let columnLimit: Int
    /// The most positions in one table's rectangle.
    let gridLimit: Int

    private(set) var blocks: [DOCXDocument.Block] = []
    private(set) var problem: Problem?
    /// Whether the part's root element is `w:document`.
    private(set) var isDocument = false

    private struct Cell {
        var span = 1
        var continuesMerge = false
        var paragraphs: [String] = []
    }

    private struct Table {
        var rows: [[String]] = []
        var row: [String] = []
        var cell: Cell?
    }

    private var tables: [Table] = []
    private var paragraph = ""
    private var paragraphDepth = 0
    private var runDepth = 0
    private var inText = false
    private var skippedDepth = 0
    private var items = 0
    private var started = false

    init(itemLimit: Int, columnLimit: Int, gridLimit: Int) {
        self.itemLimit = itemLimit
        self.columnLimit = columnLimit
        self.gridLimit = gridLimit
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        let name = local(elementName)
        if !started {
            started = true
            isDocument = name == "document"
        }
        // mc:Fallback repeats mc:Choice; *PrChange holds properties from before a tracked change.
        if name == "Fallback" || name.hasSuffix("PrChange") { skippedDepth += 1 }
        guard skippedDepth == 0 else { return }
        // Structure counts only outside paragraphs: a table in a text box is text of its paragraph.
        let structural = paragraphDepth == 0 && !tables.isEmpty
        switch name {
        case "p":
            paragraphDepth += 1
            if paragraphDepth == 1 { paragraph = "" }
        case "r":
            runDepth += 1
        case "t":
            inText = true
        case "tab" where runDepth > 0:
            paragraph += "\t"
        case "br" where runDepth > 0, "cr" where runDepth > 0:
            paragraph += " "
        case "noBreakHyphen" where runDepth > 0:
            paragraph += "-"
        case "tbl" where paragraphDepth == 0:
            tables.append(Table())
        case "tr" where structural:
            tables[tables.count - 1].row = []
        case "gridBefore" where structural:
            let count = attribute(attributes, "val").flatMap(Int.init) ?? 0
            if count > 0 { place(Array(repeating: "", count: min(count, columnLimit + 1)), parser) }
        case "tc" where structural:
            tables[tables.count - 1].cell = Cell()
        case "gridSpan" where structural:
            if let span = attribute(attributes, "val").flatMap(Int.init), span > 1 {
                tables[tables.count - 1].cell?.span = min(span, columnLimit + 1)
            }
        case "vMerge" where structural:
            // No value, or `continue`, continues the merge above; `restart` starts one.
            let value = attribute(attributes, "val")
            tables[tables.count - 1].cell?.continuesMerge = value == nil || value == "continue"
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        let name = local(elementName)
        if name == "Fallback" || name.hasSuffix("PrChange") {
            skippedDepth = max(0, skippedDepth - 1)
            return
        }
        guard skippedDepth == 0 else { return }
        let structural = paragraphDepth == 0 && !tables.isEmpty
        switch name {
        case "p" where paragraphDepth > 0:
            paragraphDepth -= 1
            if paragraphDepth == 0 { finishParagraph(parser) }
        case "r":
            runDepth = max(0, runDepth - 1)
        case "t":
            inText = false
        case "tc" where structural:
            finishCell(parser)
        case "tr" where structural:
            let row = tables[tables.count - 1].row
            tables[tables.count - 1].rows.append(row)
            tables[tables.count - 1].row = []
        case "tbl" where paragraphDepth == 0 && !tables.isEmpty:
            finishTable(parser)
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText, skippedDepth == 0, paragraphDepth > 0 { paragraph += string }
    }

    private func finishParagraph(_ parser: XMLParser) {
        if tables.isEmpty {
            // Line breaks inside `w:t` are not Word's own, but keep one paragraph on one line.
            let line = paragraph.contains(where: \.isNewline) ? String(paragraph.map { $0.isNewline ? " " : $0 }) : paragraph
            blocks.append(.paragraph(line))
            count(1, parser)
        } else if tables[tables.count - 1].cell != nil {
            tables[tables.count - 1].cell?.paragraphs.append(paragraph)
        }
        paragraph = ""
    }

    private func finishCell(_ parser: XMLParser) {
        guard let cell = tables[tables.count - 1].cell else { return }
        tables[tables.count - 1].cell = nil
        let text = cell.continuesMerge ? "" : Self.collapsed(cell.paragraphs.joined(separator: " "))
        place([text] + Array(repeating: "", count: cell.span - 1), parser)
    }

    /// Adds cell positions to the current row, within the limits.
    private func place(_ cells: [String], _ parser: XMLParser) {
        tables[tables.count - 1].row += cells
        if tables[tables.count - 1].row.count > columnLimit {
            stop(.tooWide, parser)
        } else {
            count(cells.count, parser)
        }
    }

    private func finishTable(_ parser: XMLParser) {
        let table = tables.removeLast()
        let width = table.rows.map(\.count).max() ?? 0
        guard table.rows.count * width <= gridLimit else {
            stop(.tooLargeGrid(rows: table.rows.count, columns: width), parser)
            return
        }
        if tables.isEmpty {
            blocks.append(.table(DOCXTable(rows: table.rows)))
        } else if tables[tables.count - 1].cell != nil {
            // A nested table's text is part of the cell that holds it.
            let text = table.rows.map { $0.filter { !$0.isEmpty }.joined(separator: " ") }.filter { !$0.isEmpty }
            tables[tables.count - 1].cell?.paragraphs += text
        }
    }

    private func count(_ added: Int, _ parser: XMLParser) {
        items += added
        if items > itemLimit { stop(.tooManyItems, parser) }
    }

    private func stop(_ problem: Problem, _ parser: XMLParser) {
        guard self.problem == nil else { return }
        self.problem = problem
        parser.abortParsing()
    }

    /// `text` on one line: every run of whitespace (tabs, line breaks, no-break and ideographic
    /// spaces) one space, none at either end.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
