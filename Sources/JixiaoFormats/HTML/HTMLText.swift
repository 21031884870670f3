/// The text of a web page in the shape of a document pasted as text: each line of prose one
/// line, each table row one line of tab-separated cells (the shape of a table copied out of
/// Excel or Word), in the page's order.
///
/// A spanned cell's text stands in its first position and the positions it covers are blank
/// cells, as `XLSXText` writes a worksheet's merged ranges. A row with text in one cell only
/// still gets a tab, so it stays a row of cells; a row with no text is an empty line.
public struct HTMLText: Sendable {
    /// What a line of `text` holds.
    public enum Place: Sendable, Hashable {
        /// Row `row` (1-based) of the page's table `table` (1-based, counting the tables read
        /// as grids), whose `<tr>` is on line `sourceLine` of the page.
        case tableRow(table: Int, row: Int, sourceLine: Int)
        /// A line of prose that starts on line `sourceLine` of the page.
        case prose(sourceLine: Int)
    }

    public var text: String
    /// The place of each line: `places[n - 1]` for line n.
    public var places: [Place]

    public init(_ page: HTMLPage) {
        var lines: [String] = []
        var places: [Place] = []
        var tableNumber = 0
        for block in page.blocks {
            switch block {
            case .prose(let line, let sourceLine):
                lines.append(line)
                places.append(.prose(sourceLine: sourceLine))
            case .table(let table):
                tableNumber += 1
                for (index, row) in table.rows.enumerated() {
                    if row.allSatisfy(\.isEmpty) {
                        lines.append("")
                    } else {
                        lines.append((row.count == 1 ? row + [""] : row).joined(separator: "\t"))
                    }
                    places.append(.tableRow(table: tableNumber, row: index + 1, sourceLine: table.sourceLines[index]))
                }
            }
        }
        text = lines.joined(separator: "\n")
        self.places = places
    }

    /// What line `line` (1-based) of `text` holds, or nil past the end.
    public func place(ofLine line: Int) -> Place? {
        line >= 1 && line <= places.count ? places[line - 1] : nil
    }
}
