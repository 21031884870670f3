extension ChineseText {
    /// `text` without pinyin annotations: `項(xiàng)目` → `項目`, `绩（jì）效` → `绩效`.
    ///
    /// An annotation is a parenthesised run (ASCII or full-width parentheses, in any pairing)
    /// directly after a Chinese character, holding only pinyin letters (a–z, ü, tone-marked
    /// vowels, combining tone marks) with single spaces or apostrophes between syllables, and at
    /// least one tone mark. The tone mark is required on purpose: without it `(TB)`, `(GDP)` or
    /// `(mu)` cannot be told from pinyin, and a wrongly removed unit or abbreviation costs more
    /// than a toneless annotation left in (which then only fails to match). `(PM2.5)` and
    /// `(ISO9001)` hold digits and are never touched. A Latin word with an accent in parentheses
    /// after a Chinese character (`咖啡(café)`) would be removed; tables hold none.
    package static func removingPinyin(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        var removed = false
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "(" || scalar == "（", index > 0, isIdeograph(scalars[index - 1]),
               let end = annotationEnd(scalars, from: index + 1) {
                index = end + 1
                removed = true
                continue
            }
            out.append(scalar)
            index += 1
        }
        return removed ? String(out) : text
    }

    /// The index of the closing parenthesis when the scalars from `start` are a pinyin
    /// annotation's content; nil otherwise. Annotations are short: a few syllables at most.
    private static func annotationEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var toned = false
        var afterLetter = false
        var index = start
        while index < scalars.count, index - start <= 40 {
            let scalar = scalars[index]
            switch scalar {
            case ")", "）":
                return toned && afterLetter ? index : nil
            case " ", "'", "’":
                guard afterLetter else { return nil }
                afterLetter = false
            case "\u{0300}", "\u{0301}", "\u{0304}", "\u{030C}", "\u{0308}":
                // Combining marks of decomposed text (a + U+0304 for ā, u + U+0308 for ü).
                guard afterLetter else { return nil }
                if scalar != "\u{0308}" { toned = true }
            default:
                if isToneMark(scalar) {
                    toned = true
                } else if !(("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "ü" || scalar == "Ü") {
                    return nil
                }
                afterLetter = true
            }
            index += 1
        }
        return nil
    }

    /// A vowel with a pinyin tone mark (ā á ǎ à … ǖ ǘ ǚ ǜ, either case, and ḿ ń ň ǹ of 呣 and 嗯),
    /// or a combining tone mark.
    package static func isToneMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00C0, 0x00C1, 0x00C8, 0x00C9, 0x00CC, 0x00CD, 0x00D2, 0x00D3, 0x00D9, 0x00DA,
             0x00E0, 0x00E1, 0x00E8, 0x00E9, 0x00EC, 0x00ED, 0x00F2, 0x00F3, 0x00F9, 0x00FA,
             0x0100, 0x0101, 0x0112, 0x0113, 0x011A, 0x011B, 0x012A, 0x012B, 0x0144, 0x0148,
             0x014C, 0x014D, 0x016A, 0x016B, 0x01CD...0x01DC, 0x01F9, 0x1E3F,
             0x0300, 0x0301, 0x0304, 0x030C:
            true
        default:
            false
        }
    }
}
