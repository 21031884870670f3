extension ValueReading {
    /// Words that may open a clause before a one-character no-incident word (`全年无事故`).
    private static let clauseOpeners = ValueWordList<Bool>(
        ["全年度内", "全年度", "全年", "年内", "本年度", "本年", "年度内", "年度", "当年", "本期", "期间", "报告期内"]
            .map { ($0, true) })

    /// Quotes and brackets around a clause's words: `“ ” " ' ‘ ’ 「 」 『 』 《 》 ( )`.
    private static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "“", "”", "\"", "'", "‘", "’", "「", "」", "『", "』", "《", "》", "(", ")": true
        default: false
        }
    }

    /// Reads a text with no number through the vocabulary: every word found must point to one
    /// band, and no negation may stand outside a listed word.
    func qualitative() throws(Stop) -> ParsedValue {
        var found: [ParsedValue.Qualitative] = []
        for clause in clauses() {
            let opening = clauseStart(clause)
            for match in index.qualitative.matches(in: chars, range: clause) {
                switch match.tag {
                case .negation(let word):
                    throw Stop(.negated, word)
                case .neutral:
                    continue
                case .band(_, let name, let word):
                    found.append(ParsedValue.Qualitative(band: name, word: word, kind: .achievement))
                case .improved(let word):
                    found.append(ParsedValue.Qualitative(band: index.improvedBand, word: word, kind: .improved))
                case .noIncident(let word):
                    // 无 and 零 mean "none" only where the clause starts: not in 信息无误 or 一百零.
                    guard match.length > 1 || match.start == opening else { continue }
                    found.append(ParsedValue.Qualitative(band: index.noIncidentBand, word: word, kind: .noIncident))
                }
            }
        }
        guard let first = found.first else {
            throw Stop(.unknownWords, text(0..<chars.count))
        }
        if let other = found.first(where: { $0.band != first.band }) {
            throw Stop(.contradictory, "\(first.word) / \(other.word)")
        }
        return .qualitative(first)
    }

    /// Where the clause's own words begin, past quotes and period words such as 全年.
    private func clauseStart(_ clause: Range<Int>) -> Int {
        var position = clause.lowerBound
        while position < clause.upperBound {
            if Self.isQuote(chars[position]) {
                position += 1
            } else if let match = Self.clauseOpeners.longestMatch(in: chars, at: position, upTo: clause.upperBound) {
                position += match.length
            } else {
                break
            }
        }
        return position
    }
}
