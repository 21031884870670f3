import JixiaoBase

/// The rows and cells that break a table's 年度资金总额 down (DOMAIN.md §6): 其中 rows by source
/// of funds (当年财政拨款, 上年结转, 其他资金) in the total's columns, and `基本支出：…` /
/// `项目支出：…` cells by nature of spending or `一般公共预算：…` cells by source. Each breakdown
/// must add up to the total; it is never counted as a second total.
public struct BudgetBreakdown: Sendable {
    /// A 其中 row: its amounts in the total row's columns.
    public struct Row: Sendable {
        public var line: Int
        public var initial: PrintedNumber?
        public var adjusted: PrintedNumber?
        public var executed: PrintedNumber?

        package init(line: Int, initial: PrintedNumber?, adjusted: PrintedNumber?, executed: PrintedNumber?) {
            self.line = line
            self.initial = initial
            self.adjusted = adjusted
            self.executed = executed
        }
    }

    /// A labelled amount in a cell (`基本支出：1835.20`); nil when the cell has the label only.
    public struct Amount: Sendable {
        public var label: String
        public var amount: PrintedNumber?
        public var line: Int

        package init(label: String, amount: PrintedNumber?, line: Int) {
            self.label = label
            self.amount = amount
            self.line = line
        }
    }

    /// 其中 rows, in order.
    public var rows: [Row] = []
    /// Amounts by nature of spending (基本支出, 项目支出).
    public var byNature: [Amount] = []
    /// Amounts by source of funds (一般公共预算, 政府性基金, 其他资金 …).
    public var bySource: [Amount] = []

    public init() {}
}
