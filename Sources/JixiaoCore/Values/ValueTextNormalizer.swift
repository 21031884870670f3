/// Folds the ways a table writes the same value into one form before parsing.
///
/// - Full-width ASCII (`１２３`, `％`, `．`, `＞`, `（`) becomes half-width; the full-width comma
///   `，` stays, because in Chinese text it separates clauses, never digit groups.
/// - `≧ ≦ ⩾ ⩽ >= <=` become `≥ ≤`; `≮` (not less than) is `≥` and `≯` is `≤`.
/// - Dashes (`— – − ‐`) become `-`; wave dashes (`～ 〜`) become `~`.
/// - Zero-width characters, combining marks and variation selectors are dropped.
/// - Whitespace (including line breaks from PDF extraction: `覆盖面扩 大`) is dropped, except a
///   single space between two digits, which keeps `10 100` two numbers instead of `10100`.
enum ValueTextNormalizer {
    static func normalize(_ text: String) -> [Character] {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let mapped = fold(scalar) {
                scalars.append(mapped)
            }
        }
        let folded = Array(String(scalars))
        var out: [Character] = []
        out.reserveCapacity(folded.count)
        var index = 0
        while index < folded.count {
            let character = folded[index]
            if character == " " {
                // Keep one space only where it separates two digits.
                var next = index
                while next < folded.count, folded[next] == " " { next += 1 }
                if let previous = out.last, isDigit(previous), next < folded.count, isDigit(folded[next]) {
                    out.append(" ")
                }
                index = next
                continue
            }
            if character == "=", let previous = out.last, previous == ">" || previous == "<" {
                out[out.count - 1] = previous == ">" ? "≥" : "≤"
                index += 1
                continue
            }
            out.append(character)
            index += 1
        }
        return out
    }

    static func isDigit(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return ascii >= 0x30 && ascii <= 0x39
    }

    /// One scalar's folded form; nil drops it (zero-width characters).
    private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0xFF0C:  // ， stays a clause separator
            return scalar
        case 0xFF01...0xFF5E:
            return Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
        case 0x3000, 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x0009...0x000D, 0x0085, 0x2028, 0x2029:
            return " "
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0x00AD:
            return nil
        case _ where scalar.properties.generalCategory == .nonspacingMark
            || scalar.properties.generalCategory == .enclosingMark:
            return nil  // stray accents and variation selectors carry nothing in a value
        case 0x2267, 0x2A7E, 0x226E:  // ≧ ⩾ ≮
            return "≥"
        case 0x2266, 0x2A7D, 0x226F:  // ≦ ⩽ ≯
            return "≤"
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0x2500, 0x2501:
            return "-"
        case 0x301C, 0x223C:  // 〜 ∼
            return "~"
        case 0xFE6A, 0x066A:  // ﹪ ٪
            return "%"
        case 0xFE52:  // ﹒
            return "."
        default:
            return scalar
        }
    }
}
