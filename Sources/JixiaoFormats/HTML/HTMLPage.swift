/// A web page as the reader sees it: its tables and its prose, in document order.
///
/// What the page shows is kept, how it looks is not: a paragraph, heading, list item or line
/// ended by `<br>` is one line of prose with its whitespace collapsed; a table is a grid of cell
/// texts with its `rowspan`/`colspan` expanded (`HTMLTableGrid`).
public struct HTMLPage: Sendable, Hashable {
    public enum Block: Sendable, Hashable {
        /// A line of prose and the line of the page's source it starts on.
        case prose(String, sourceLine: Int)
        case table(Table)
    }

    /// A table as a rectangle of cells: a spanned cell's text is in its first (top-left)
    /// position and the positions it covers are blank, as in a worksheet's merged range.
    public struct Table: Sendable, Hashable {
        public var rows: [[String]]
        /// For each row, the line of the page's source its `<tr>` is on.
        public var sourceLines: [Int]

        public init(rows: [[String]], sourceLines: [Int]) {
            self.rows = rows
            self.sourceLines = sourceLines
        }
    }

    public var blocks: [Block]

    public init(blocks: [Block]) {
        self.blocks = blocks
    }

    /// The tables, in document order.
    public var tables: [Table] {
        blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    }
}
