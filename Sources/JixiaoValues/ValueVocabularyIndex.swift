/// A ``ValueVocabulary`` turned into word lists ready for matching. A class: every reading
/// holds it, and sharing one reference is cheaper than copying a dozen lists.
final class ValueVocabularyIndex: Sendable {
    enum QualitativeTag: Sendable {
        case band(index: Int, name: String, word: String)
        case improved(word: String)
        case noIncident(word: String)
        case negation(word: String)
        case neutral
    }

    /// What the text around a value may hold: the qualitative words, and comparator words that
    /// are not next to the number (`10 万元（含）以内` when only `以内` is listed).
    enum ResidualTag: Sendable {
        case qualitative(QualitativeTag)
        case comparator(word: String, writtenAfter: Bool)
    }

    let comparatorsBefore: ValueWordList<ValueComparator>
    let comparatorsAfter: ValueWordList<ValueComparator>
    let qualitative: ValueWordList<QualitativeTag>
    let residual: ValueWordList<ResidualTag>
    let changes: ValueWordList<String>
    let units: ValueWordList<ValueUnit>
    /// 每日, 日均, 人均 … written before the number, tagged with what they count per.
    let periodsBefore: ValueWordList<String>
    /// What may follow `/` after a number (`0.8 条/日`, `5000 元/人`).
    let periodsAfter: ValueWordList<String>
    let improvedBand: String
    let noIncidentBand: String
    /// The best band, for an actual that repeats its target word for word; nil with no bands.
    let achievedBand: String?
    /// ``ValueVocabulary/placeholders``, normalised, and the longest of them in UTF-8 bytes: a
    /// longer text is not looked up.
    let placeholders: Set<ValueText>
    let placeholderBytes: Int

    init(_ vocabulary: ValueVocabulary) {
        var before: [(String, ValueComparator)] = []
        var after: [(String, ValueComparator)] = []
        for comparator in ValueComparator.allCases {
            before += vocabulary[comparator].before.map { ($0, comparator) }
            after += vocabulary[comparator].after.map { ($0, comparator) }
        }
        comparatorsBefore = ValueWordList(before)
        comparatorsAfter = ValueWordList(after)

        var words: [(String, QualitativeTag)] = []
        for (index, band) in vocabulary.bands.enumerated() {
            words += band.words.map { ($0, .band(index: index, name: band.band, word: $0)) }
        }
        words += vocabulary.improved.map { ($0, .improved(word: $0)) }
        words += vocabulary.noIncident.map { ($0, .noIncident(word: $0)) }
        words += vocabulary.negations.map { ($0, .negation(word: $0)) }
        words += vocabulary.neutral.map { ($0, .neutral) }
        qualitative = ValueWordList(words)
        // Qualitative words first, so that 达到预期目标 is not read as the comparator 达到.
        // One-character comparator words (达, 内) are too common inside other words to count.
        var residualWords = words.map { ($0.0, ResidualTag.qualitative($0.1)) }
        residualWords += before.filter { $0.0.count > 1 }.map { ($0.0, .comparator(word: $0.0, writtenAfter: false)) }
        residualWords += after.filter { $0.0.count > 1 }.map { ($0.0, .comparator(word: $0.0, writtenAfter: true)) }
        residual = ValueWordList(residualWords)
        changes = ValueWordList(vocabulary.changes.map { ($0, $0) })
        units = ValueUnitTable(countUnits: vocabulary.countUnits).units

        let periods: [(String, String)] = [
            ("每日", "日"), ("每天", "日"), ("日均", "日"), ("每周", "周"), ("每星期", "周"), ("周均", "周"),
            ("每月", "月"), ("月均", "月"), ("每季度", "季度"), ("每季", "季度"), ("季均", "季度"),
            ("每年", "年"), ("年均", "年"), ("每半年", "半年"), ("每年度", "年"), ("每人", "人"), ("人均", "人"), ("每户", "户"),
            ("户均", "户"), ("每次", "次"), ("每场", "场"), ("每期", "期"), ("每个工作日", "个工作日"),
        ]
        periodsBefore = ValueWordList(periods)
        var perAfter: [(String, String)] = [
            ("日", "日"), ("天", "日"), ("周", "周"), ("星期", "周"), ("月", "月"), ("季度", "季度"), ("季", "季度"),
            ("年", "年"), ("个工作日", "个工作日"), ("工作日", "个工作日"),
        ]
        perAfter += vocabulary.countUnits.map { ($0, $0) }
        periodsAfter = ValueWordList(perAfter)
        improvedBand = vocabulary.improvedBand
        noIncidentBand = vocabulary.noIncidentBand
        achievedBand = vocabulary.bands.first?.band
        placeholders = Set(vocabulary.placeholders.map(ValueTextNormalizer.normalize).filter { !$0.isEmpty })
        placeholderBytes = vocabulary.placeholders.map(\.utf8.count).max() ?? 0
    }

    /// What joins the parts of a compound rate: `元/人*月`, `元/人·月`, `元/人/月`.
    static func isRateJoiner(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "/", "*", "×", "·", "・", "•", "∙", "⋅": true
        default: false
        }
    }
}
