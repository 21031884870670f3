import Foundation
import JixiaoBase

extension ParsedValue {
    /// A time limit rather than a date.
    public enum Deadline: Sendable, Hashable {
        /// `每月 10 号前`: by this day of every month.
        case dayOfMonth(Int)
        /// `5 个工作日`, `三个工作日内`, `30 天内`, `≤ 24 小时`: within this many units of time.
        /// Working days, days and hours are kept apart (see ``ValueUnit``).
        case within(amount: Fixed, decimals: Int, unit: ValueUnit)
    }
}
