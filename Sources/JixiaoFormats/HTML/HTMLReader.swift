import CXML2
import Foundation
import JixiaoBase

/// Reads a saved web page (`.htm`, `.html`) into its tables and prose (`HTMLPage`), with
/// libxml2's HTML parser, which repairs real-world markup (unclosed `<td>`, stray tags).
///
/// The encoding is the one the page declares in its first bytes (`<meta charset="gbk">`, or
/// `http-equiv="Content-Type" content="text/html; charset=gb2312"`): GBK, GB2312 and GB18030
/// pages are decoded as GB18030, any other page as `InputFile.decode` decodes text (UTF-8, else
/// GB18030). Empty, binary, undecodable and oversized files are input errors, never crashes.
///
/// Nested tables: a table with a table inside it is taken for page layout, so its cells are read
/// as blocks of the page, in order, and only the tables that hold no table become grids. A
/// `<caption>` is a line of prose before its table; `<head>`, scripts and styles are left out.
public enum HTMLReader {
    /// Whether `path` names a web page this reader takes (`.htm`, `.html`).
    public static func isPage(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".html") || lowered.hasSuffix(".htm")
    }

    /// The page at `path`.
    public static func read(path: String) throws(InputError) -> HTMLPage {
        try parse(InputFile.bytes(path), file: path)
    }

    /// The page held by `bytes` (as on disk, in any encoding the page declares).
    public static func parse(_ bytes: [UInt8], file: String) throws(InputError) -> HTMLPage {
        let gbk = declaredCharset(bytes).map { ["gbk", "gb2312", "gb18030", "x-gbk", "cp936", "euc-cn"].contains($0) } ?? false
        let text = try InputFile.decode(bytes, file: file, preferringGB18030: gbk)
        guard text.count < Int(Int32.max) else {
            throw InputError(.fileTooLarge, at: SourceLocation(file: file, line: 0),
                             message: LocalizedText(zh: "网页超过 2 GB，无法解析", en: "the web page is over 2 GB and cannot be parsed"))
        }
        guard let document = text.withUnsafeBufferPointer({ buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", Int32(parseOptions))
            }
        }) else {
            throw InputError(.unreadableFile, at: SourceLocation(file: file, line: 0),
                             message: LocalizedText(zh: "无法解析这个网页文件", en: "the web page cannot be parsed"),
                             hint: LocalizedText(zh: "请用浏览器打开确认，或另存为 .xlsx / .txt", en: "open it in a browser to check, or save it as .xlsx / .txt"))
        }
        defer { xmlFreeDoc(document) }
        var walker = Walker(file: file)
        if let root = xmlDocGetRootElement(document) { try walker.walk(root, depth: 0) }
        walker.flush()
        return HTMLPage(blocks: walker.blocks)
    }

    /// Recover from broken markup, say nothing on stderr, never fetch anything.
    private static let parseOptions = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue

    /// The charset the page declares in its first 4 KB (`charset=` in a `<meta>`), lowercased.
    public static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        var searchStart = head.startIndex
        while let meta = head.range(of: "<meta", range: searchStart..<head.endIndex) {
            let tagEnd = head[meta.upperBound...].firstIndex(of: ">") ?? head.endIndex
            let tag = head[meta.upperBound..<tagEnd]
            if let charset = tag.range(of: "charset") {
                let value = tag[charset.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
                let name = value.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                if !name.isEmpty { return String(name) }
            }
            searchStart = tagEnd
        }
        return nil
    }
}

/// The walk over the parsed tree that collects the page's blocks.
private struct Walker {
    let file: String
    var blocks: [HTMLPage.Block] = []
    /// The line of prose being collected, and where it starts in the source.
    var line = ""
    var lineStart = 0

    /// Elements whose content is not shown.
    static let hidden: Set<String> = ["head", "script", "style", "noscript", "template", "title", "select", "textarea", "object", "iframe"]
    /// Elements that start and end a line of prose.
    static let blockElements: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section", "article",
        "header", "footer", "nav", "main", "aside", "blockquote", "pre", "form", "fieldset", "center", "address",
        "figure", "figcaption", "caption", "hr", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "body", "html",
    ]
    /// Deeper than this the tree is read as plain text (libxml2 bounds depth too; this keeps the
    /// walk's stack small whatever it allows).
    static let depthLimit = 200

    init(file: String) {
        self.file = file
    }

    mutating func walk(_ node: xmlNodePtr, depth: Int) throws(InputError) {
        var child = node.pointee.children
        while let current = child {
            child = current.pointee.next
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                append(Self.content(current), at: current)
            case XML_ELEMENT_NODE:
                let name = Self.name(current)
                if Self.hidden.contains(name) { continue }
                if name == "br" {
                    flush()
                } else if name == "table" && !Self.containsTable(current) {
                    flush()
                    try table(current)
                } else if depth >= Self.depthLimit {
                    append(Self.text(current), at: current)
                } else if Self.blockElements.contains(name) {
                    flush()
                    try walk(current, depth: depth + 1)
                    flush()
                } else {
                    try walk(current, depth: depth + 1)
                }
            default:
                continue
            }
        }
    }

    mutating func append(_ text: String, at node: xmlNodePtr) {
        if line.isEmpty { lineStart = Self.sourceLine(node) }
        line += text
    }

    /// Ends the line of prose being collected, if it has any text.
    mutating func flush() {
        let text = Self.collapsed(line)
        if !text.isEmpty { blocks.append(.prose(text, sourceLine: lineStart)) }
        line = ""
    }

    /// A table that holds no table: its caption as prose, then its rows as a grid.
    mutating func table(_ node: xmlNodePtr) throws(InputError) {
        var rows: [[HTMLTableGrid.Cell]] = []
        var lines: [Int] = []
        func addRows(_ parent: xmlNodePtr) {
            var child = parent.pointee.children
            while let current = child {
                child = current.pointee.next
                guard current.pointee.type == XML_ELEMENT_NODE else { continue }
                switch Self.name(current) {
                case "tr":
                    rows.append(Self.cells(current))
                    lines.append(Self.sourceLine(current))
                case "thead", "tbody", "tfoot":
                    addRows(current)
                default:
                    continue
                }
            }
        }
        var child = node.pointee.children
        while let current = child {
            child = current.pointee.next
            if current.pointee.type == XML_ELEMENT_NODE, Self.name(current) == "caption" {
                append(Self.text(current), at: current)
                flush()
            }
        }
        addRows(node)
        guard let grid = HTMLTableGrid.expand(rows) else {
            let number = blocks.count(where: { if case .table = $0 { true } else { false } }) + 1
            throw InputError(.fileTooLarge, at: SourceLocation(file: file, line: 0),
                             message: LocalizedText(zh: "第 \(number) 个表格（源文件第 \(Self.sourceLine(node)) 行）的合并单元格超过 \(HTMLTableGrid.limit) 格",
                                                    en: "table \(number) (source line \(Self.sourceLine(node))) spans over \(HTMLTableGrid.limit) cells"))
        }
        guard grid.contains(where: { $0.contains { !$0.isEmpty } }) else { return }
        blocks.append(.table(HTMLPage.Table(rows: grid, sourceLines: lines)))
    }

    /// The `<td>` and `<th>` cells of a row, each with its text on one line and its spans.
    static func cells(_ row: xmlNodePtr) -> [HTMLTableGrid.Cell] {
        var cells: [HTMLTableGrid.Cell] = []
        var child = row.pointee.children
        while let current = child {
            child = current.pointee.next
            guard current.pointee.type == XML_ELEMENT_NODE else { continue }
            let name = name(current)
            guard name == "td" || name == "th" else { continue }
            cells.append(HTMLTableGrid.Cell(collapsed(text(current)), rowspan: span(current, "rowspan"), colspan: span(current, "colspan")))
        }
        return cells
    }

    /// A `rowspan` or `colspan` as browsers read it: its leading digits, 1 when absent or unreadable.
    static func span(_ node: xmlNodePtr, _ attribute: String) -> Int {
        let value = attribute.withCString { xmlGetProp(node, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
        guard let value else { return 1 }
        defer { free(value) }
        let digits = String(cString: value).drop { $0 == " " }.prefix { $0.isASCII && $0.isNumber }.prefix(6)
        return Int(digits) ?? 1
    }

    /// The text under `node` with a space where a line would break (`<br>`, a block element),
    /// without hidden elements. Iterative, so any depth is safe.
    static func text(_ node: xmlNodePtr) -> String {
        var result = ""
        var walk = Descendants(node)
        while let current = walk.next() {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                result += content(current)
            case XML_ELEMENT_NODE:
                let name = name(current)
                if hidden.contains(name) { continue }
                if name == "br" || blockElements.contains(name) { result += " " }
                walk.descend(current)
            default:
                continue
            }
        }
        return result
    }

    /// Whether a table lies anywhere under `node`.
    static func containsTable(_ node: xmlNodePtr) -> Bool {
        var walk = Descendants(node)
        while let current = walk.next() {
            guard current.pointee.type == XML_ELEMENT_NODE else { continue }
            if name(current) == "table" { return true }
            walk.descend(current)
        }
        return false
    }

    static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    static func content(_ node: xmlNodePtr) -> String {
        node.pointee.content.map { String(cString: $0) } ?? ""
    }

    static func sourceLine(_ node: xmlNodePtr) -> Int {
        Int(xmlGetLineNo(node))
    }

    /// `text` on one line: every run of whitespace (tabs, line breaks, no-break and ideographic
    /// spaces) one space, none at the ends.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// The nodes under a node in document order, without recursion: `next()` gives the following
/// sibling or, after `descend(node)`, the node's first child.
private struct Descendants {
    private var stack: [xmlNodePtr] = []
    private var following: xmlNodePtr?

    init(_ node: xmlNodePtr) {
        following = node.pointee.children
    }

    mutating func next() -> xmlNodePtr? {
        while following == nil, let parent = stack.popLast() { following = parent.pointee.next }
        guard let current = following else { return nil }
        following = current.pointee.next
        return current
    }

    /// Visit `node`'s children before its next sibling (`node` is the one `next()` just gave).
    mutating func descend(_ node: xmlNodePtr) {
        guard let first = node.pointee.children else { return }
        stack.append(node)
        following = first
    }
}
