/// Chinese text in the form the importer matches: simplified characters, no pinyin annotations.
///
/// Published tables reach us in traditional characters (績效指標, 年度資金總額, 執行率, 總分) when a
/// site or OCR converted the page, and some carry pinyin after a character (`項(xiàng)目`,
/// `绩(jì)效`). Every header, label and vocabulary word is simplified Chinese, so such text is
/// normalised where it enters (`DocumentText.init`); names and values are then reported in
/// simplified characters too.
///
/// Traditional → simplified is OpenCC's `t2s` (phrases first, then characters; it keeps
/// characters that are also simplified, such as 著 in 显著). When OpenCC cannot be opened (its
/// data package missing), text is left unconverted: such a table then reads as not found or
/// not checked, never as wrongly read (`conversionUnavailable` holds why; no message reports it,
/// as the binary does not link without OpenCC and its data is a dependency of the library).
package enum ChineseText {
    /// `text` without pinyin annotations and in simplified characters. Text with neither a
    /// tone-marked letter nor a character that OpenCC would change comes back as it is after
    /// one scan of its scalars; ASCII text never opens OpenCC. Line breaks stay where they are.
    package static func normalized(_ text: String) -> String {
        var pinyin = false
        var traditional = false
        var converter: OpenCCConverter?
        for scalar in text.unicodeScalars where scalar.value >= 0xC0 {
            if !pinyin, isToneMark(scalar) {
                pinyin = true
            } else if !traditional, scalar.value >= 0x2E80 {
                if scalar.value > 0xFFFF {
                    traditional = isIdeograph(scalar)
                } else {
                    if converter == nil {
                        guard case .success(let opened) = OpenCCConverter.traditionalToSimplified else { continue }
                        converter = opened
                    }
                    traditional = converter?.mayChange(scalar) ?? false
                }
            }
            if pinyin && traditional { break }
        }
        var result = text
        if pinyin { result = removingPinyin(result) }
        if traditional, case .success(let converter) = OpenCCConverter.traditionalToSimplified {
            result = converter.convert(result)
        }
        return result
    }

    /// Why traditional characters are left unconverted on this machine, or nil when OpenCC works.
    package static var conversionUnavailable: OpenCCConverter.OpenError? {
        if case .failure(let error) = OpenCCConverter.traditionalToSimplified { error } else { nil }
    }

    /// CJK unified ideographs (the BMP blocks, compatibility ideographs and the supplementary
    /// planes), without punctuation.
    package static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: true
        default: false
        }
    }
}
