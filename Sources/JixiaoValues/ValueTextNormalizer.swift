import Foundation

/// Folds the ways a table writes the same value into one form before parsing.
///
/// - Full-width ASCII (`１２３`, `％`, `．`, `＞`, `（`) becomes half-width; the full-width comma
///   `，` stays, because in Chinese text it separates clauses, never digit groups.
/// - `≧ ≦ ⩾ ⩽ >= <=` become `≥ ≤`; `≮` (not less than) is `≥` and `≯` is `≤`.
/// - Dashes (`— – − ‐`) become `-`; wave dashes (`～ 〜`) become `~`.
/// - Zero-width characters, combining marks and variation selectors are dropped.
/// - Canonically equivalent spellings become one (NFC): a CJK compatibility ideograph from a PDF
///   (U+F961) is the 率 of the word lists, the Greek question mark is `;`.
/// - Whitespace (including line breaks from PDF extraction: `覆盖面扩 大`) is dropped, except a
///   single space between two digits, which keeps `10 100` two numbers instead of `10100`.
enum ValueTextNormalizer {
    /// The folded text, in one pass over the scalars. Composition (through Foundation) runs only
    /// on a text holding a scalar it could change, which the scripts of value texts never do; it
    /// leaves spaces, digits and `= < >` alone, so it may come after the spaces are settled.
    static func normalize(_ text: String) -> ValueText {
        var out: ValueText = []
        out.reserveCapacity(text.utf8.count)
        var isComposed = true
        // A run of spaces after a digit: kept as one space if a digit follows.
        var spaceAfterDigit = false
        for scalar in text.unicodeScalars {
            guard let folded = fold(scalar) else { continue }
            if folded == " " {
                if let previous = out.last, isDigit(previous) { spaceAfterDigit = true }
                continue
            }
            if spaceAfterDigit, isDigit(folded) {
                out.append(" ")
            }
            spaceAfterDigit = false
            if folded == "=", let previous = out.last, previous == ">" || previous == "<" {
                out[out.count - 1] = previous == ">" ? "≥" : "≤"
                continue
            }
            out.append(folded)
            isComposed = isComposed && folded.isCanonicallyStable
        }
        if !isComposed {
            let composed = String(String.UnicodeScalarView(out)).precomposedStringWithCanonicalMapping
            out = Array(composed.unicodeScalars)
        }
        return out
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value &- 0x30 < 10
    }

    /// The answer of `Character.isLetter` for a character of this one scalar (CJK ideographs,
    /// Latin and other letters; not digits, punctuation or symbols).
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x4E00...0x9FFF: true  // the common answers without a table lookup
        case 0x00..<0x80: false
        default: scalar.properties.isAlphabetic
        }
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
        case 0x0000..<0x0300, 0x4E00...0x9FFF:
            return scalar  // no marks among Latin and CJK: spares the property lookup
        default:
            // Stray accents and variation selectors carry nothing in a value.
            let category = scalar.properties.generalCategory
            return category == .nonspacingMark || category == .enclosingMark ? nil : scalar
        }
    }
}

extension Unicode.Scalar {
    /// Whether NFC leaves the scalar as it is whatever stands around it (no decomposition that
    /// differs from it, no combining class, never the second half of a composition): true for
    /// ASCII and Latin, punctuation, mathematical symbols, CJK and full-width forms. A text of
    /// such scalars is already composed, without asking Foundation.
    package var isCanonicallyStable: Bool {
        switch value {
        case 0x3030..<0x3099, 0x309B..<0xA000, 0x0000..<0x0300, 0x3000..<0x302A, 0xFF00..<0xFFF0,
            0x2010..<0x20D0, 0x2150..<0x2329, 0x2460..<0x2800:
            return true
        default:
            return false
        }
    }
}
