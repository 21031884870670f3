extension ParsedValue {
    /// A calendar date, as precise as printed: `2021年12月` has no day, `12月底前` no year.
    public struct DateValue: Sendable, Hashable {
        /// `.atMost` for 前/之前/以前/不晚于 (by), `.atLeast` for 后/以后/不早于, else `.equal`.
        public var comparator: ValueComparator
        public var year: Int?
        public var month: Int?
        public var day: Int?

        public init(_ comparator: ValueComparator = .equal, year: Int? = nil, month: Int? = nil, day: Int? = nil) {
            self.comparator = comparator
            self.year = year
            self.month = month
            self.day = day
        }
    }
}
