import JixiaoBase

extension ParsedValue {
    /// Why a text could not be read.
    public struct Unscorable: Sendable, Hashable {
        public enum Reason: String, Sendable, Hashable, CaseIterable {
            /// Blank, or a placeholder such as `/` or `—`.
            case empty
            /// Longer than any table cell; not read.
            case tooLong
            /// No number and no word of the vocabulary.
            case unknownWords
            /// Words that deny or defer (未, 尚未, 计划 …) outside a listed word.
            case negated
            /// Words of different bands, or comparators that disagree.
            case contradictory
            /// More than one value (`5 个工作日、7 天回复`).
            case severalValues
            /// A number followed by a unit the parser does not know.
            case unknownUnit
            /// Digits that do not form a number (`1,2.3`, `.5`).
            case malformedNumber
            /// A number that cannot be held exactly: more than 18 digits, or in scientific
            /// notation (`1e308`).
            case numberTooLarge
            /// A change rather than a level (`较上年提高 5%`).
            case change
            /// An approximate number (`约 500 人`, `100 余人`, `左右`).
            case approximate
            /// A rank or ordinal (`排名前 10`, `第 1`).
            case rank
            /// A date that does not exist or is only partly readable (`2月30日`, `12月中旬`).
            case invalidDate
            /// A range whose ends disagree (`100-90%`, `90%-100 人`).
            case invalidRange
            /// A period or time phrase the parser cannot place (`每季度首月`, `10 日前`).
            case ambiguousTime
        }

        public var reason: Reason
        public var message: LocalizedText

        public init(_ reason: Reason, _ message: LocalizedText) {
            self.reason = reason
            self.message = message
        }
    }
}
