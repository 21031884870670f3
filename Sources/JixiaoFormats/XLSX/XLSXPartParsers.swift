import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

// Streaming (SAX) readers of the workbook's XML parts. Each collects only what the importer
// needs; none builds a document tree. Element and attribute names are compared without their
// namespace prefix (`x:c` is `c`, `local` and `attribute` in OOXMLPartParsers.swift), since some
// writers prefix the spreadsheet namespace.

/// `<sheet name="…" r:id="…" state="hidden"/>` in xl/workbook.xml.
final class WorkbookPartParser: NSObject, XMLParserDelegate {
    struct Sheet {
        var name: String
        var relationship: String
        var hidden: Bool
    }

    var sheets: [Sheet] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        guard local(elementName) == "sheet", let id = attribute(attributes, "id") else { return }
        let state = attribute(attributes, "state") ?? "visible"
        sheets.append(Sheet(name: attribute(attributes, "name") ?? "Sheet\(sheets.count + 1)",
                            relationship: id, hidden: state != "visible"))
    }
}

/// The percent formats of xl/styles.xml: for each cell style index (`s`), the decimals of its
/// percent format, if it has one.
final class StylesPartParser: NSObject, XMLParserDelegate {
    private var codes: [Int: String] = [:]
    private var formatIDs: [Int] = []
    private var inCellFormats = false

    var percentDecimals: [Int: Int] {
        var out: [Int: Int] = [:]
        for (index, id) in formatIDs.enumerated() {
            if let decimals = XLSXNumber.percentDecimals(formatID: id, code: codes[id]) { out[index] = decimals }
        }
        return out
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch local(elementName) {
        case "numFmt":
            if let id = attribute(attributes, "numFmtId").flatMap(Int.init), let code = attribute(attributes, "formatCode") {
                codes[id] = code
            }
        case "cellXfs":
            inCellFormats = true
        case "xf" where inCellFormats:
            formatIDs.append(attribute(attributes, "numFmtId").flatMap(Int.init) ?? 0)
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if local(elementName) == "cellXfs" { inCellFormats = false }
    }
}

/// Collects the text of a rich or plain string (`<si>` or `<is>`): every `<t>` joined, the
/// phonetic runs (`<rPh>`, furigana) skipped. Text can arrive in several chunks (around
/// entities such as `&amp;`), so chunks are appended.
struct StringItemText {
    private(set) var text = ""
    private var phoneticDepth = 0
    private var inText = false

    mutating func start(_ name: Substring) {
        if name == "rPh" { phoneticDepth += 1 }
        if name == "t", phoneticDepth == 0 { inText = true }
    }

    mutating func end(_ name: Substring) {
        if name == "rPh" { phoneticDepth = max(0, phoneticDepth - 1) }
        if name == "t" { inText = false }
    }

    mutating func characters(_ string: String) {
        if inText { text += string }
    }
}

/// xl/sharedStrings.xml: the strings that `t="s"` cells point to by index.
final class SharedStringsPartParser: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var item: StringItemText?
    let limit: Int
    var overLimit = false

    init(limit: Int) {
        self.limit = limit
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        let name = local(elementName)
        if name == "si" {
            item = StringItemText()
        } else {
            item?.start(name)
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        let name = local(elementName)
        if name == "si" {
            strings.append(item?.text ?? "")
            item = nil
            if strings.count > limit {
                overLimit = true
                parser.abortParsing()
            }
        } else {
            item?.end(name)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        item?.characters(string)
    }
}

/// A worksheet part: each cell's text, and the merged ranges (listed after the data).
///
/// Rows and cells without an `r` attribute follow the previous one. A cell's text: the shared
/// string for `t="s"`, the joined runs for `t="inlineStr"`, `TRUE`/`FALSE` for `t="b"`, nothing
/// for an error (`t="e"`), and otherwise the stored `<v>` text (see `XLSXNumber`); a formula's
/// cached value is its text.
final class WorksheetPartParser: NSObject, XMLParserDelegate {
    struct Cell {
        var row: Int
        var column: Int
        var text: String
    }

    enum Problem {
        case tooManyCells
        case badSharedString(index: String, cell: String)
    }

    let sharedStrings: [String]
    let percentDecimals: [Int: Int]
    let cellLimit: Int

    private(set) var cells: [Cell] = []
    private(set) var merges: [XLSXRange] = []
    private(set) var problem: Problem?

    private var row = -1
    private var column = -1
    private var cellType = "n"
    private var cellStyle = 0
    private var value: String?
    private var inValue = false
    private var inline: StringItemText?

    init(sharedStrings: [String], percentDecimals: [Int: Int], cellLimit: Int) {
        self.sharedStrings = sharedStrings
        self.percentDecimals = percentDecimals
        self.cellLimit = cellLimit
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        let name = local(elementName)
        switch name {
        case "row":
            if let number = attribute(attributes, "r").flatMap(Int.init), number >= 1, number <= XLSXCellReference.maxRows {
                row = number - 1
            } else {
                row += 1
            }
            column = -1
        case "c":
            if row < 0 { row = 0 }
            if let reference = attribute(attributes, "r").flatMap(XLSXCellReference.init) {
                row = reference.row
                column = reference.column
            } else {
                column += 1
            }
            cellType = attribute(attributes, "t") ?? "n"
            cellStyle = attribute(attributes, "s").flatMap(Int.init) ?? 0
            value = nil
            inline = nil
        case "v":
            inValue = true
            value = ""
        case "is":
            inline = StringItemText()
        case "mergeCell":
            if let range = attribute(attributes, "ref").flatMap(XLSXRange.init) { merges.append(range) }
        default:
            inline?.start(name)
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        let name = local(elementName)
        switch name {
        case "v":
            inValue = false
        case "c":
            finishCell(parser)
        default:
            inline?.end(name)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue {
            value? += string
        } else {
            inline?.characters(string)
        }
    }

    private func finishCell(_ parser: XMLParser) {
        let text: String
        switch cellType {
        case "s":
            guard let value else { return }
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                problem = .badSharedString(index: value, cell: "\(XLSXCellReference(row: row, column: column))")
                parser.abortParsing()
                return
            }
            text = sharedStrings[index]
        case "inlineStr":
            text = inline?.text ?? value ?? ""
        case "b":
            text = value.map { $0.trimmingCharacters(in: .whitespaces) == "1" ? "TRUE" : "FALSE" } ?? ""
        case "e":
            text = ""
        case "str", "d":
            text = value ?? ""
        default:
            guard let value else { return }
            text = XLSXNumber.displayed(value.trimmingCharacters(in: .whitespaces), percentDecimals: percentDecimals[cellStyle])
        }
        guard !text.isEmpty else { return }
        cells.append(Cell(row: row, column: column, text: text))
        if cells.count > cellLimit {
            problem = .tooManyCells
            parser.abortParsing()
        }
    }
}
