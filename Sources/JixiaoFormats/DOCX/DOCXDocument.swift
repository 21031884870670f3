/// The body of a Word document (.docx): its paragraphs and tables, in document order.
///
/// Only `word/document.xml` is read: headers, footers, footnotes and comments are other parts
/// and are left out, as is text deleted with tracked changes.
public struct DOCXDocument: Sendable, Hashable {
    public enum Block: Sendable, Hashable {
        /// A paragraph outside any table: its text on one line (a line break typed in it is a
        /// space; a tab stays a tab).
        case paragraph(String)
        case table(DOCXTable)
    }

    public var blocks: [Block]

    public init(blocks: [Block]) {
        self.blocks = blocks
    }

    /// The tables, in document order.
    public var tables: [DOCXTable] {
        blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    }
}

/// A Word table as a grid of cell texts.
///
/// `rows` is rectangular: every row has as many cells as the widest row. A cell merged across
/// columns (`w:gridSpan`) or down rows (`w:vMerge`) keeps its text in its first position and
/// leaves the positions it covers empty, as a table copied out of Word does. A cell's paragraphs
/// are joined by a space and its whitespace collapsed, so no cell holds a tab or a line break.
/// A table nested in a cell is not a table of its own: its cells' text is part of that cell's.
public struct DOCXTable: Sendable, Hashable {
    public var rows: [[String]]

    public init(rows: [[String]]) {
        let width = rows.map(\.count).max() ?? 0
        self.rows = rows.map { $0.count < width ? $0 + Array(repeating: "", count: width - $0.count) : $0 }
    }
}
