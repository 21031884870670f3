extension ParsedValue {
    /// A text read through the rubric's words: `完成目标` is band 达成.
    public struct Qualitative: Sendable, Hashable {
        /// Which list of ``ValueVocabulary`` the word came from.
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            /// A word of a band (完成, 基本完成, 未完成).
            case achievement
            /// An ``ValueVocabulary/improved`` word (提升).
            case improved
            /// A ``ValueVocabulary/noIncident`` word (无, 零, 未发生).
            case noIncident
            /// An actual that repeats its target word for word (`符合相关文件要求` against the
            /// same): the best band, and ``word`` is the repeated text.
            case repeatsTarget
        }

        /// The band name from the vocabulary (`达成`, `部分达成`, `未达成`).
        public var band: String
        /// The first vocabulary word found, as the vocabulary spells it.
        public var word: String
        public var kind: Kind

        public init(band: String, word: String, kind: Kind = .achievement) {
            self.band = band
            self.word = word
            self.kind = kind
        }
    }
}
