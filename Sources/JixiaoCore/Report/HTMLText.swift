/// Text made safe for HTML element content and quoted attribute values.
enum HTMLText {
    /// `text` with `<`, `>`, `&`, `"` and `'` replaced by `&lt;`, `&gt;`, `&amp;`, `&quot;` and `&#39;`.
    static func escape(_ text: String) -> String {
        var out = ""
        out.append(html: text)
        return out
    }
}

extension String {
    /// Appends `text` HTML-escaped (`HTMLText.escape`). Text without those five characters, the
    /// usual case, is appended whole.
    ///
    /// Works on UTF-8 bytes, so a `"` or `<` is escaped even when a combining mark follows it
    /// (where a character-by-character comparison would see a different character).
    mutating func append(html text: String) {
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        let end = utf8.endIndex
        while index != end {
            let replacement: String
            switch utf8[index] {
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default:
                utf8.formIndex(after: &index)
                continue
            }
            append(contentsOf: text[start..<index])
            append(replacement)
            utf8.formIndex(after: &index)
            start = index
        }
        if start == utf8.startIndex {
            append(text)
        } else {
            append(contentsOf: text[start..<end])
        }
    }
}
