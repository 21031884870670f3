/// A list of words, each with a tag, found by longest match at a position or ending at one.
///
/// Words are normalised the way parsed text is (full-width folded, spaces removed), so a rubric
/// may write `≧` or `以 上`, and compared with a ``ValueText`` scalar by scalar. Lookup costs
/// O(k·m) for the k words sharing a first (or last) scalar and m their length: no backtracking,
/// so scanning a text stays linear in its length.
struct ValueWordList<Tag: Sendable>: Sendable {
    private struct Entry: Sendable {
        var word: ValueText
        var tag: Tag
    }

    private var byFirst: [Unicode.Scalar: [Entry]] = [:]
    private var byLast: [Unicode.Scalar: [Entry]] = [:]

    /// The first occurrence of a word wins; later duplicates are ignored.
    init(_ entries: [(String, Tag)]) {
        var seen = Set<ValueText>()
        for (word, tag) in entries {
            let scalars = ValueTextNormalizer.normalize(word)
            guard let first = scalars.first, let last = scalars.last, seen.insert(scalars).inserted else { continue }
            let entry = Entry(word: scalars, tag: tag)
            byFirst[first, default: []].append(entry)
            byLast[last, default: []].append(entry)
        }
        for key in byFirst.keys { byFirst[key]?.sort { $0.word.count > $1.word.count } }
        for key in byLast.keys { byLast[key]?.sort { $0.word.count > $1.word.count } }
    }

    /// The longest word that starts at `index`.
    func longestMatch(in text: ValueText, at index: Int, upTo limit: Int? = nil) -> (length: Int, tag: Tag)? {
        let end = min(limit ?? text.count, text.count)
        guard index >= 0, index < end, let candidates = byFirst[text[index]] else { return nil }
        for entry in candidates where index + entry.word.count <= end {
            if text[index..<(index + entry.word.count)].elementsEqual(entry.word) {
                return (entry.word.count, entry.tag)
            }
        }
        return nil
    }

    /// The longest word that ends just before `end`, starting no earlier than `start`.
    func longestMatch(in text: ValueText, endingAt end: Int, from start: Int = 0) -> (length: Int, tag: Tag)? {
        guard end > start, end <= text.count, let candidates = byLast[text[end - 1]] else { return nil }
        for entry in candidates where end - entry.word.count >= start {
            if text[(end - entry.word.count)..<end].elementsEqual(entry.word) {
                return (entry.word.count, entry.tag)
            }
        }
        return nil
    }

    /// Leftmost-longest scan of `text[range]`: every non-overlapping match, in order.
    func matches(in text: ValueText, range: Range<Int>) -> [(start: Int, length: Int, tag: Tag)] {
        var found: [(start: Int, length: Int, tag: Tag)] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if let match = longestMatch(in: text, at: index, upTo: range.upperBound) {
                found.append((index, match.length, match.tag))
                index += match.length
            } else {
                index += 1
            }
        }
        return found
    }
}
