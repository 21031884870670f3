/// One worksheet of an .xlsx workbook as the text of its cells.
///
/// `rows` is rectangular: every row has as many cells as the sheet's widest row, and row `i`
/// (0-based) is the sheet's row `i + 1`, so an empty row in the sheet is an empty row here.
/// Trailing empty rows and columns are dropped. A merged range keeps its text in its top-left
/// cell and leaves the other cells empty, as a table copied out of Excel does.
public struct XLSXSheet: Sendable, Hashable {
    /// The sheet's tab name (`Sheet1`, `项目支出`).
    public var name: String
    public var rows: [[String]]
    /// The merged ranges, as listed in the sheet.
    public var merges: [XLSXRange]

    public init(name: String, rows: [[String]], merges: [XLSXRange] = []) {
        self.name = name
        self.rows = rows
        self.merges = merges
    }

    /// The text of the cell at `reference` (`B3`), or nil outside the sheet's cells.
    public subscript(reference: String) -> String? {
        guard let cell = XLSXCellReference(reference), cell.row < rows.count,
              cell.column < rows[cell.row].count else { return nil }
        return rows[cell.row][cell.column]
    }
}

/// A cell's position: 0-based row and column (`A1` is row 0, column 0).
public struct XLSXCellReference: Sendable, Hashable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `B3`, `$B$3` or `AA10`; nil for anything else. Columns go up to XFD (16384) and
    /// rows up to 1,048,576, Excel's own limits.
    public init?(_ text: some StringProtocol) {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for scalar in text.unicodeScalars where scalar != "$" {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A:
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((scalar.value & ~0x20) - 0x40)
                letters += 1
            case 0x30...0x39:
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(scalar.value - 0x30)
                digits += 1
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, row >= 1, row <= Self.maxRows, column <= Self.maxColumns else { return nil }
        self.init(row: row - 1, column: column - 1)
    }

    /// Excel's limits: 1,048,576 rows and 16,384 columns (XFD).
    static let maxRows = 1_048_576
    static let maxColumns = 16_384

    /// The column's letters: 0 → `A`, 26 → `AA`.
    public var columnName: String {
        var number = column + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + remainder))), at: 0)
            number = (number - 1) / 26
        }
        return String(letters)
    }

    /// `B3`.
    public var description: String { "\(columnName)\(row + 1)" }
}

/// A rectangle of cells, as in `<mergeCell ref="A1:C2"/>`.
public struct XLSXRange: Sendable, Hashable, CustomStringConvertible {
    public var first: XLSXCellReference
    public var last: XLSXCellReference

    public init(first: XLSXCellReference, last: XLSXCellReference) {
        self.first = XLSXCellReference(row: min(first.row, last.row), column: min(first.column, last.column))
        self.last = XLSXCellReference(row: max(first.row, last.row), column: max(first.column, last.column))
    }

    /// Parses `A1:C2`, or a single cell `B4` (a range of one).
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":")
        guard parts.count == 1 || parts.count == 2, let first = XLSXCellReference(parts[0]),
              let last = XLSXCellReference(parts[parts.count - 1]) else { return nil }
        self.init(first: first, last: last)
    }

    public var description: String { first == last ? "\(first)" : "\(first):\(last)" }
}
