/// A position in an input file: 1-based line and column (column counts Unicode scalars).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// Where the line is in the document as its reader sees it, when `line` counts the text a
    /// reader rendered from the file (a PDF's pages, a web page's or Word document's tables) and
    /// means nothing to someone holding the file; nil when the lines are the file's own (YAML,
    /// text) or a workbook's rows.
    public var place: Place?

    /// A place in a document that has no lines of its own.
    public enum Place: Sendable, Hashable {
        /// Page `n` (1-based) of a PDF.
        case page(Int)
        /// Row `row` (1-based) of table `table` (1-based, in document order) of a web page or a
        /// Word document.
        case tableRow(table: Int, row: Int)

        /// `第 3 页` / `p. 3`, `表 1 第 9 行` / `table 1, row 9`; `compact` leaves out the spaces
        /// of the Chinese form, for `file:第3页` (the English form is the same).
        public func text(_ language: Language, compact: Bool = false) -> String {
            let space = compact ? "" : " "
            switch (self, language) {
            case (.page(let page), .zh): return "第\(space)\(page)\(space)页"
            case (.page(let page), .en): return "p. \(page)"
            case (.tableRow(let table, let row), .zh): return "表\(space)\(table)\(space)第\(space)\(row)\(space)行"
            case (.tableRow(let table, let row), .en): return "table \(table), row \(row)"
            }
        }
    }

    public init(file: String, line: Int, column: Int = 0, place: Place? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.place = place
    }

    /// `file:line:column`, `file:line` when the column is unknown (0), or just `file` when the
    /// whole file is concerned (line 0). The place, if any, is left out: it is in a language.
    public var description: String {
        line == 0 ? file : column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
    }

    /// `file:第3页` / `file:p. 3` when the place is known, else `description`: what a user
    /// looks up in the file they hold.
    public func text(_ language: Language) -> String {
        guard let place, line > 0 else { return description }
        return "\(file):\(place.text(language, compact: true))"
    }
}
