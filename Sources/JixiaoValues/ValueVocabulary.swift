/// The words the value parser reads, supplied by the rubric so that a province can add its own
/// wording without a code change. ``standard`` holds the national defaults.
///
/// Every list is a plain array of strings. Words are matched after the same normalisation as the
/// parsed text (full-width folded, spaces dropped), longest word first, so 不低于 (≥) wins over
/// 低于 (<) and 未完成 (未达成) over 完成 (达成).
public struct ValueVocabulary: Sendable, Hashable {
    /// The words that select one comparator: written before the number (`不少于150篇`, `≥ 100%`)
    /// or after it (`2 次以上`, `5 个工作日内`).
    public struct ComparatorWords: Sendable, Hashable {
        public var before: [String]
        public var after: [String]

        public init(before: [String] = [], after: [String] = []) {
            self.before = before
            self.after = after
        }
    }

    /// One qualitative band (达成, 部分达成, 未达成) and the words that place a text in it.
    public struct Band: Sendable, Hashable {
        public var band: String
        public var words: [String]

        public init(band: String, words: [String]) {
            self.band = band
            self.words = words
        }
    }

    public var atLeast: ComparatorWords
    public var moreThan: ComparatorWords
    public var atMost: ComparatorWords
    public var lessThan: ComparatorWords
    public var equal: ComparatorWords

    /// Qualitative bands, best first. A number with a word of any band but the first
    /// (`基本完成 95%`) is not read, because the two say different things.
    public var bands: [Band]
    /// "Improved" (提升, 显著提升 …): a qualitative reading in band ``improvedBand``.
    public var improved: [String]
    /// The band that an ``improved`` word places a text in.
    public var improvedBand: String
    /// "No incident" (无, 零, 未发生 …): in band ``noIncidentBand``. A one-character word
    /// (无, 零) counts only at the start of a clause (`无安全生产事故`, `全年无事故`).
    public var noIncident: [String]
    /// The band that a ``noIncident`` word places a text in.
    public var noIncidentBand: String
    /// Words that deny or put off what follows (未, 尚未, 无法, 计划, 力争 …). A text holding one
    /// outside a listed word (未完成 is listed, so it is read) is unscorable.
    public var negations: [String]
    /// Words that contain a listed word but mean something else (无偿, 无障碍, 未来); they are
    /// skipped so that 无 or 未 inside them is not read.
    public var neutral: [String]
    /// Words that make a number a change rather than a level (较上年, 同比, 提高, 降低 …):
    /// `较上年提高 5%` is unscorable. A change word followed by 率 (`成本降低率`) names a measure
    /// and is allowed; `提高至`/`降低到` are comparator words.
    public var changes: [String]
    /// Count units (人次, 次, 人, 户 …); each is its own unit, with 万 and 亿 forms (万人次).
    public var countUnits: [String]
    /// What a template prints for "no target" (一, 无, /, —): a 年度指标值 that is one of these
    /// and nothing else is blank, like an empty cell. Only targets: an actual of 无 still means
    /// "no incident".
    public var placeholders: [String]

    public init(
        atLeast: ComparatorWords, moreThan: ComparatorWords, atMost: ComparatorWords,
        lessThan: ComparatorWords, equal: ComparatorWords,
        bands: [Band], improved: [String], improvedBand: String,
        noIncident: [String], noIncidentBand: String,
        negations: [String], neutral: [String], changes: [String], countUnits: [String],
        placeholders: [String] = []
    ) {
        self.atLeast = atLeast
        self.moreThan = moreThan
        self.atMost = atMost
        self.lessThan = lessThan
        self.equal = equal
        self.bands = bands
        self.improved = improved
        self.improvedBand = improvedBand
        self.noIncident = noIncident
        self.noIncidentBand = noIncidentBand
        self.negations = negations
        self.neutral = neutral
        self.changes = changes
        self.countUnits = countUnits
        self.placeholders = placeholders
    }

    /// The words for `comparator`.
    public subscript(comparator: ValueComparator) -> ComparatorWords {
        get {
            switch comparator {
            case .atLeast: atLeast
            case .moreThan: moreThan
            case .atMost: atMost
            case .lessThan: lessThan
            case .equal: equal
            }
        }
        set {
            switch comparator {
            case .atLeast: atLeast = newValue
            case .moreThan: moreThan = newValue
            case .atMost: atMost = newValue
            case .lessThan: lessThan = newValue
            case .equal: equal = newValue
            }
        }
    }
}
