/// Text made safe for HTML element content and quoted attribute values.
package enum HTMLText {
    /// `text` with `<`, `>`, `&`, `"` and `'` replaced by `&lt;`, `&gt;`, `&amp;`, `&quot;` and `&#39;`.
    package static func escape(_ text: String) -> String {
        var out = TextBuffer(capacity: text.utf8.count)
        out.append(html: text)
        return out.text
    }
}
