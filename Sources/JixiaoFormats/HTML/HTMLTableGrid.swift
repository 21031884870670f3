/// Lays out an HTML table's cells as a rectangle, as a browser does (HTML's table model,
/// simplified): each cell takes the first position of its row not covered by a `rowspan` from
/// above and covers `colspan` × `rowspan` positions; its text goes in the first of them and the
/// others stay blank.
///
/// Spans are clamped as browsers clamp them (`colspan` 1…1000; `rowspan` 0 or past the last row
/// reaches the last row), and the work is bounded: a table whose cells cover more than `limit`
/// positions in all is refused (`nil`), so a page of huge spans cannot exhaust memory or time.
public enum HTMLTableGrid {
    /// A cell as written: its text and its spans as printed in the attributes.
    public struct Cell: Sendable, Hashable {
        public var text: String
        public var rowspan: Int
        public var colspan: Int

        public init(_ text: String, rowspan: Int = 1, colspan: Int = 1) {
            self.text = text
            self.rowspan = rowspan
            self.colspan = colspan
        }
    }

    /// The most positions a table's cells may cover, in all (as `XLSXReader.gridLimit`).
    public static let limit = 4_000_000

    /// The rectangle of `rows`; columns blank in every row are dropped from the right. Nil when
    /// the cells cover more than `limit` positions. O(positions covered).
    public static func expand(_ rows: [[Cell]], limit: Int = limit) -> [[String]]? {
        var grid: [[String?]] = Array(repeating: [], count: rows.count)
        var covered = 0
        for (rowIndex, row) in rows.enumerated() {
            var column = 0
            for cell in row {
                while column < grid[rowIndex].count, grid[rowIndex][column] != nil { column += 1 }
                let width = min(max(cell.colspan, 1), 1000)
                let last = cell.rowspan <= 0 ? rows.count - 1 : min(rowIndex + cell.rowspan - 1, rows.count - 1)
                covered += width * (last - rowIndex + 1)
                guard covered <= limit else { return nil }
                for spanned in rowIndex...last {
                    if grid[spanned].count < column + width {
                        grid[spanned] += repeatElement(nil, count: column + width - grid[spanned].count)
                    }
                    for position in column..<(column + width) where grid[spanned][position] == nil {
                        // Overlapping spans (a malformed table): the first cell keeps the position.
                        grid[spanned][position] = spanned == rowIndex && position == column ? cell.text : ""
                    }
                }
                column += width
            }
        }
        let width = grid.map { row in (row.lastIndex { !($0 ?? "").isEmpty } ?? -1) + 1 }.max() ?? 0
        return grid.map { row in (0..<width).map { $0 < row.count ? row[$0] ?? "" : "" } }
    }
}
