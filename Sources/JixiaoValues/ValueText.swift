/// A value text as ``ValueTextNormalizer`` leaves it: one Unicode scalar per element, indexed
/// from 0.
///
/// Scalars rather than `Character`s: the normaliser has dropped the marks and joiners that join
/// a character to its neighbour and composed what is left (NFC), so in a value text one scalar is
/// one character, and comparing scalars costs no grapheme breaking. Where a character still
/// takes several scalars (a flag, a Hangul syllable spelled in jamo, a vowel sign after its
/// consonant) its scalars are read one by one, which only matters in texts no table prints.
typealias ValueText = [Unicode.Scalar]

extension ValueText {
    /// How many scalars `word` takes when it is written at `position` and ends by `end`; nil
    /// when it is not written there. Reads `word` in place: no array is made of it.
    func length(of word: String, at position: Int, before end: Int) -> Int? {
        guard position >= 0 else { return nil }
        let limit = Swift.min(end, count)
        var index = position
        for scalar in word.unicodeScalars {
            guard index < limit, self[index] == scalar else { return nil }
            index += 1
        }
        return index - position
    }

    /// Whether `word` is written just before `end`, starting no earlier than `start`.
    func hasWord(_ word: String, endingAt end: Int, from start: Int) -> Bool {
        let limit = Swift.max(start, 0)
        guard end <= count, end > limit else { return end <= count && word.isEmpty }
        var index = end
        for scalar in word.unicodeScalars.reversed() {
            guard index > limit, self[index - 1] == scalar else { return false }
            index -= 1
        }
        return true
    }

    /// `self[range]` as a string, for messages.
    func text(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(self[range.clamped(to: 0..<count)]))
    }
}
