import Foundation

/// The text of a workbook's sheets: one line per row, cells separated by tabs, and the sheets
/// after the first each introduced by a blank line and a line with the sheet's name.
public struct XLSXText: Sendable {
    public var text: String
    /// For each sheet, its name, the line its row 1 is on and its number of rows.
    public var sheetStarts: [(name: String, line: Int, rows: Int)]

    public init(_ sheets: [XLSXSheet]) {
        var lines: [String] = []
        var starts: [(name: String, line: Int, rows: Int)] = []
        for (index, sheet) in sheets.enumerated() {
            if index > 0 {
                lines.append("")
                lines.append(Self.cellText(sheet.name))
            }
            starts.append((sheet.name, lines.count + 1, sheet.rows.count))
            for row in sheet.rows {
                if row.allSatisfy(\.isEmpty) {
                    lines.append("")
                } else {
                    // At least two cells, so a one-column row stays a row of cells (tabbed).
                    let cells = row.count == 1 ? row + [""] : row
                    lines.append(cells.map(Self.cellText).joined(separator: "\t"))
                }
            }
        }
        text = lines.joined(separator: "\n")
        sheetStarts = starts
    }

    /// The sheet and the 1-based row that line `line` of `text` holds, or nil for a separator
    /// line or a line past the end.
    public func location(ofLine line: Int) -> (sheet: String, row: Int)? {
        guard let start = sheetStarts.last(where: { $0.line <= line }), line - start.line < start.rows else { return nil }
        return (start.name, line - start.line + 1)
    }

    /// A cell's text on one line: line breaks typed in the cell (Alt+Enter) and tabs become
    /// spaces, which the importer then treats as it treats a wrapped cell.
    static func cellText(_ text: String) -> String {
        guard text.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" }) else { return text }
        return String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" ? " " : $0 })
    }
}
