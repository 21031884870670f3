/// The text of a Word document's body, in document order: each paragraph outside a table on
/// one line, each table row on one line with its cells separated by tabs (a blank row is a blank
/// line). Nothing is added between blocks, so every line is one paragraph or one table row.
public struct DOCXText: Sendable {
    /// What a line of `text` holds: a paragraph or a table row, numbered from 1 in the document.
    public enum Line: Sendable, Hashable {
        case paragraph(Int)
        case row(table: Int, row: Int)
    }

    public var text: String
    /// Line N of `text` is `lines[N - 1]`.
    public var lines: [Line]

    public init(_ document: DOCXDocument) {
        var out: [String] = []
        var lines: [Line] = []
        var paragraphs = 0
        var tables = 0
        for block in document.blocks {
            switch block {
            case .paragraph(let text):
                paragraphs += 1
                out.append(text)
                lines.append(.paragraph(paragraphs))
            case .table(let table):
                tables += 1
                for (index, row) in table.rows.enumerated() {
                    if row.allSatisfy(\.isEmpty) {
                        out.append("")
                    } else {
                        // At least two cells, so a one-column row stays a row of cells (tabbed).
                        out.append((row.count == 1 ? row + [""] : row).joined(separator: "\t"))
                    }
                    lines.append(.row(table: tables, row: index + 1))
                }
            }
        }
        text = out.joined(separator: "\n")
        self.lines = lines
    }

    /// What line `line` (1-based) holds, or nil past the end.
    public func location(ofLine line: Int) -> Line? {
        lines.indices.contains(line - 1) ? lines[line - 1] : nil
    }
}
