/// A report being written, as UTF-8 bytes. Appending copies bytes, without the bookkeeping a
/// `String` does on every append (a Markdown report is a few thousand short pieces).
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
}
