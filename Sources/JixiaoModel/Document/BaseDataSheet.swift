import JixiaoBase

/// 部门整体支出绩效评价基础数据表: staffing, 三公经费 and the project list of a department, and
/// which of its rows must add up to which (DOMAIN.md §6: 控制率 = 实际在职人数 / 编制数; 三公经费 =
/// 公务用车 + 出国 + 公务接待; 公务用车 = 购置 + 运行维护; 项目支出 = Σ listed projects).
public struct BaseDataSheet: Sendable {
    /// 财政供养人员情况.
    public struct Staffing: Sendable {
        /// 编制数
        public var authorized: PrintedNumber?
        /// 实际在职人数
        public var actual: PrintedNumber?
        /// 控制率 as printed
        public var controlRate: PrintedNumber?
        public var line: Int

        package init(authorized: PrintedNumber? = nil, actual: PrintedNumber? = nil,
            controlRate: PrintedNumber? = nil, line: Int) {
            self.authorized = authorized
            self.actual = actual
            self.controlRate = controlRate
            self.line = line
        }
    }

    /// A row of the 经费控制情况 part: its label and one amount per column (absent when blank).
    public struct Row: Sendable {
        public var label: String
        /// The label without spaces and a trailing colon, for messages (`三公经费`).
        public var name: String
        public var values: [PrintedNumber?]
        public var line: Int
        /// The heading the row sits under (`三公经费`, `项目支出`, `公用经费`…).
        public var section: String?

        package init(label: String, name: String, values: [PrintedNumber?], line: Int, section: String? = nil) {
            self.label = label
            self.name = name
            self.values = values
            self.line = line
            self.section = section
        }
    }

    /// The document the sheet was read from.
    public var file: String
    public var firstLine: Int
    public var lastLine: Int
    public var staffing: Staffing?
    /// Column headings of the amounts (`2023 年决算数`, `2024 年预算数`, `2024 年决算数`).
    public var columns: [String]
    public var rows: [Row]
    /// The rows that the rows listed under them must add up to, in the order they are checked.
    public var subtotals: [Subtotal]

    /// A row and the rows (by their index in `rows`) that add up to it.
    public struct Subtotal: Sendable {
        public var total: Int
        public var parts: [Int]

        package init(total: Int, parts: [Int]) {
            self.total = total
            self.parts = parts
        }
    }

    package init(file: String, firstLine: Int, lastLine: Int, staffing: Staffing? = nil, columns: [String],
        rows: [Row], subtotals: [Subtotal]) {
        self.file = file
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.staffing = staffing
        self.columns = columns
        self.rows = rows
        self.subtotals = subtotals
    }
}
