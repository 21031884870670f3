/// A position in an input file: 1-based line and column (column counts Unicode scalars).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, `file:line` when the column is unknown (0), or just `file` when the
    /// whole file is concerned (line 0).
    public var description: String {
        line == 0 ? file : column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
    }
}
