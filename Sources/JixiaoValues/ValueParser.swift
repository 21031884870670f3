import Synchronization
import JixiaoBase

/// Reads 年度指标值 and 实际完成值 texts into ``ParsedValue``s (DOMAIN.md §4).
///
/// The reading is deliberately narrow: a text is read as a number only when exactly one value
/// stands in it, its unit is known and nothing around it (未, 约, 较上年, 排名, a second number)
/// changes what it means; otherwise the result is ``ParsedValue/unscorable(_:)`` with the reason.
/// A label before the number is ignored (`参加率达 ≥ 100%` is ≥ 100%), and so is an achievement
/// word that restates the target (`已完成每日 0.8 条以上` is ≥ 0.8 条 per 日).
///
/// Parsing is linear in the length of the text (longest-match word lookups, no backtracking) and
/// texts over ``maximumLength`` characters (after normalising) are not read at all. No input traps.
public final class ValueParser: Sendable {
    /// Longer texts are prose, not values: they are unscorable without being scanned.
    public static let maximumLength = 500

    public let vocabulary: ValueVocabulary
    let index: ValueVocabularyIndex
    /// Readings of recent texts, shared by every table this parser reads: a year's tables repeat
    /// the same targets (`≥95%`, `100%`, `按时完成`) thousands of times.
    private let recent: RecentReadings

    /// Prepares the word lists of `vocabulary` once, for parsing many texts.
    public init(vocabulary: ValueVocabulary = .standard) {
        self.vocabulary = vocabulary
        let standard = vocabulary == .standard
        index = standard ? Self.standardIndex : ValueVocabularyIndex(vocabulary)
        recent = standard ? Self.standardReadings : RecentReadings()
    }

    /// The standard lists, prepared once: most rubrics do not change them.
    private static let standardIndex = ValueVocabularyIndex(.standard)
    /// The readings of every parser with the standard lists, which read every text alike: the
    /// rubrics of several years keep one memo, not one each, so it stays small enough to be fast.
    private static let standardReadings = RecentReadings()

    /// Parses one text with `vocabulary` (prefer an instance when parsing many).
    public static func parse(_ text: String, vocabulary: ValueVocabulary = .standard) -> ParsedValue {
        ValueParser(vocabulary: vocabulary).parse(text)
    }

    /// Parses one 年度指标值 or 实际完成值 text.
    public func parse(_ text: String) -> ParsedValue {
        recent.reading(of: text) { text in
            do throws(Stop) {
                return try read(text)
            } catch {
                return .unscorable(error.unscorable)
            }
        }
    }

    /// Parses an actual and reads it against its target: an actual with no unit takes the
    /// target's (`227` against `220 篇` is 227 篇).
    public func parse(actual: String, target: ParsedValue) -> ParsedValue {
        parse(actual).resolved(against: target)
    }

    /// Ends a reading with an unscorable result.
    struct Stop: Error {
        var unscorable: ParsedValue.Unscorable

        init(_ reason: ParsedValue.Unscorable.Reason, _ detail: String = "") {
            unscorable = ParsedValue.Unscorable(reason, detail: detail)
        }
    }

    /// `，` `,` `；` `;` `。` `、` `!` `?`
    static func isClauseSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "，", ",", "；", ";", "。", "、", "!", "?": true
        default: false
        }
    }

    /// What may trail a value unread: a space, `.` or `…`.
    private static func isTrailingNoise(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "." || scalar == "…"
    }

    /// The text normalised, without the spaces and punctuation around it (`良好。` is `良好`).
    static func core(_ text: String) -> ValueText {
        var chars = ValueTextNormalizer.normalize(text)
        trim(&chars)
        return chars
    }

    private static func trim(_ chars: inout ValueText) {
        while let last = chars.last, isTrailingNoise(last) || isClauseSeparator(last) {
            chars.removeLast()
        }
        let leading = chars.prefix { $0 == " " || isClauseSeparator($0) }.count
        chars.removeFirst(leading)
    }

    func read(_ text: String, readsUnlistedUnits: Bool = false) throws(Stop) -> ParsedValue {
        var chars = ValueTextNormalizer.normalize(text)
        // A character may take several scalars: count characters only when the scalars are too many.
        if chars.count > Self.maximumLength, chars.text(chars.indices).count > Self.maximumLength {
            throw Stop(.tooLong)
        }
        Self.trim(&chars)
        guard chars.contains(where: { ValueTextNormalizer.isLetter($0) || ValueTextNormalizer.isDigit($0) }) else {
            throw Stop(.empty)
        }
        let numbers: [ValueNumber]
        do {
            numbers = try ValueNumberScanner.scan(chars, units: index.units)
        } catch {
            switch error {
            case .malformed(let digits): throw Stop(.malformedNumber, digits)
            case .tooLarge(let digits): throw Stop(.numberTooLarge, digits)
            }
        }
        let reading = ValueReading(
            chars: chars, numbers: numbers, index: index, readsUnlistedUnits: readsUnlistedUnits)
        if numbers.isEmpty {
            return try reading.qualitative()
        }
        return try reading.numeric()
    }
}

/// One text being read: its characters, the numbers found in it and the word lists.
struct ValueReading {
    let chars: ValueText
    let numbers: [ValueNumber]
    let index: ValueVocabularyIndex
    /// Also read a measure word the vocabulary does not list (`14种`, `25TB`) and a compound
    /// rate (`元/人*月`) as units. Such a reading is kept only when target and actual print the
    /// same unit (``ValueParser/parse(target:actual:)``); read alone, both are unscorable.
    var readsUnlistedUnits = false

    typealias Stop = ValueParser.Stop

    /// The clauses of the text, split at separators outside numbers (`2,305.17` stays whole).
    func clauses() -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var position = 0
        var nextNumber = 0  // numbers come in order and do not overlap
        while position < chars.count {
            if nextNumber < numbers.count, position >= numbers[nextNumber].start {
                position = Swift.max(position, numbers[nextNumber].end)
                nextNumber += 1
                continue
            }
            if ValueParser.isClauseSeparator(chars[position]) {
                if start < position { result.append(start..<position) }
                start = position + 1
            }
            position += 1
        }
        if start < chars.count { result.append(start..<chars.count) }
        return result
    }

    func text(_ range: Range<Int>) -> String {
        chars.text(range)
    }

    func starts(with word: String, at position: Int, before end: Int) -> Bool {
        chars.length(of: word, at: position, before: end) != nil
    }

    /// Whether `range` holds `word` and nothing else.
    func holds(_ word: String, in range: Range<Int>) -> Bool {
        chars.length(of: word, at: range.lowerBound, before: range.upperBound) == range.count
    }

    /// The first of `words` found at `position`, with its length in ``chars``.
    func firstWord(_ words: [String], at position: Int, before end: Int) -> (word: String, length: Int)? {
        for word in words {
            if let length = chars.length(of: word, at: position, before: end) { return (word, length) }
        }
        return nil
    }

    func ends(with word: String, in range: Range<Int>) -> Bool {
        chars.hasWord(word, endingAt: range.upperBound, from: range.lowerBound)
    }

    func contains(_ word: String, in range: Range<Int>) -> Bool {
        guard !word.isEmpty else { return false }
        return range.contains { chars.length(of: word, at: $0, before: range.upperBound) != nil }
    }
}

/// Readings of recent texts, safe to share between threads, in a fixed number of slots: a
/// text's bytes choose its slot, and a new text takes the slot of the one there (a direct-mapped
/// cache). So memory stays flat however many texts a run reads, and a lookup costs one fold of
/// the text's bytes and one comparison, no hashing rounds.
final class RecentReadings: Sendable {
    /// A few megabytes of readings. In a year's tables most texts come back soon: four in five
    /// of the synthetic benchmark's targets and actuals are found here.
    static let capacity = 32_768
    /// The slots are split into shards, each under its own lock, so that a batch's threads
    /// seldom want the same lock at once (with one lock they took turns several times per table).
    private static let shardCount = 16
    private static let slotsPerShard = capacity / shardCount

    private final class Shard: Sendable {
        /// Keyed by bytes: a text spelt two ways is read twice, which is cheaper than comparing
        /// every text normalised.
        let slots = Mutex<[(key: UTF8Key, value: ParsedValue)?]>(Array(repeating: nil, count: slotsPerShard))
    }

    private let shards = (0..<shardCount).map { _ in Shard() }

    /// The reading of `text`: the one kept, or else `read(text)`, kept.
    func reading(of text: String, _ read: (String) -> ParsedValue) -> ParsedValue {
        let key = UTF8Key(text: text)
        // The fold's high bits choose the shard, its low bits the slot.
        let shard = shards[Int(key.fold >> 60) % Self.shardCount]
        let slot = Int(truncatingIfNeeded: key.fold) & (Self.slotsPerShard - 1)
        let known = shard.slots.withLock { slots -> ParsedValue? in
            guard let entry = slots[slot], entry.key == key else { return nil }
            return entry.value
        }
        if let known { return known }
        let value = read(text)
        shard.slots.withLock { $0[slot] = (key, value) }
        return value
    }
}
