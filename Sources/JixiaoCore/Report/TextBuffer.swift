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
        append(MarkdownReport.needsEscape(text) ? MarkdownReport.escape(text) : text)
    }
}
