/// A report or page being written, as UTF-8 bytes. Appending copies bytes, without the
/// bookkeeping a `String` does on every append (a report is a few thousand short pieces).
struct TextBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    static func += (buffer: inout TextBuffer, text: String) {
        buffer.append(text)
    }

    /// Appends `text` escaped for a Markdown table cell (`MarkdownReport.escape`).
    mutating func append(markdownCell text: String) {
        var text = text
        let plain = text.withUTF8 { utf8 in
            guard !MarkdownReport.needsEscape(utf8) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if !plain { append(MarkdownReport.escape(text)) }
    }

    /// Appends `text` HTML-escaped (`HTMLText.escape`), byte by byte: a `"` or `<` is escaped even
    /// when a combining mark follows it (where a character-by-character comparison would see a
    /// different character). Text without those five characters, the usual case, is copied whole.
    mutating func append(html text: String) {
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() {
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                bytes.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
    }
}
