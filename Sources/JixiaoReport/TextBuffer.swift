import JixiaoBase

/// A report, page, JSON document or CSV row being written, as UTF-8 bytes.
///
/// The bytes go into storage of its own rather than an `Array` or a `String`: a report is a few
/// thousand short pieces, and `Array.append(contentsOf:)` (uniqueness check, generic copy) or
/// `String`'s bookkeeping costs more per call than most of them copy. Being noncopyable, the
/// buffer owns that storage alone. Numbers are written as digits straight into it, without a
/// `String` each.
package struct TextBuffer: ~Copyable {
    private var storage: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    /// A buffer whose storage starts with room for `capacity` bytes.
    package init(capacity: Int) {
        self.capacity = max(capacity, 64)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// The bytes written so far.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: storage, count: count)) }

    /// Calls `body` with the bytes written so far.
    package func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: storage, count: count))
    }

    /// The text written so far.
    package var text: String { String(decoding: UnsafeBufferPointer(start: storage, count: count), as: UTF8.self) }

    // MARK: Text

    package mutating func append(_ text: String) {
        text.withUTF8Bytes { append($0) }
    }

    /// Appends a literal: `out += "</td>"`. Texts are appended with `append(_:)`.
    static func += (buffer: inout TextBuffer, literal: StaticString) {
        buffer.append(literal: literal)
    }

    /// Appends a literal, without the check a `String` needs for where its bytes are.
    @inline(__always)
    package mutating func append(literal: StaticString) {
        append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends `text` escaped for a Markdown table cell (`MarkdownReport.escape`).
    mutating func append(markdownCell text: String) {
        let plain = text.withUTF8Bytes { utf8 in
            guard !MarkdownReport.needsEscape(utf8) else { return false }
            append(utf8)
            return true
        }
        if !plain { append(MarkdownReport.escape(text)) }
    }

    /// Appends `text` HTML-escaped (`HTMLText.escape`), byte by byte: a `"` or `<` is escaped even
    /// when a combining mark follows it (where a character-by-character comparison would see a
    /// different character). Text without those five characters, the usual case, is copied whole.
    mutating func append(html text: String) {
        text.withUTF8Bytes { utf8 in
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
                append(UnsafeBufferPointer(rebasing: utf8[start..<index]))
                append(literal: replacement)
                start = index + 1
            }
            append(UnsafeBufferPointer(rebasing: utf8[start...]))
        }
    }

    /// Appends `figure` in a Markdown table cell: its digits as they are, its text escaped.
    mutating func append(markdownCell figure: ReportModel.Figure) {
        switch figure {
        case .printed(let number): append(number)
        case .computed(let value, let decimals): append(compact: value, decimals: decimals)
        case .text(let text): append(markdownCell: text)
        }
    }

    /// Appends `figure` HTML-escaped: its digits as they are, its text escaped.
    mutating func append(html figure: ReportModel.Figure) {
        switch figure {
        case .printed(let number): append(number)
        case .computed(let value, let decimals): append(compact: value, decimals: decimals)
        case .text(let text): append(html: text)
        }
    }

    /// Appends `source` in a Markdown table cell.
    mutating func append(markdownCell source: ReportModel.Source) {
        switch source {
        case .line(let line, let language): append(line: line, language)
        case .place(let place, let language): append(markdownCell: place.text(language))
        case .elsewhere(let place): append(markdownCell: place)
        case .none: break
        }
    }

    /// Appends `source` HTML-escaped.
    mutating func append(html source: ReportModel.Source) {
        switch source {
        case .line(let line, let language): append(line: line, language)
        case .place(let place, let language): append(html: place.text(language))
        case .elsewhere(let place): append(html: place)
        case .none: break
        }
    }

    /// `第 23 行`, `line 23`.
    private mutating func append(line: Int, _ language: Language) {
        append(literal: language == .zh ? "第 " : "line ")
        append(Fixed(line), decimals: 0)
        if language == .zh { append(literal: " 行") }
    }

    // MARK: Numbers

    /// `value` with exactly `decimals` places (`Fixed.formatted`).
    mutating func append(_ value: Fixed, decimals: Int) {
        value.withText(decimals: decimals, compact: false) { append($0) }
    }

    /// `value` with at most `decimals` places (`Fixed.compact`).
    mutating func append(compact value: Fixed, decimals: Int) {
        value.withText(decimals: decimals, compact: true) { append($0) }
    }

    /// `number` as printed (`PrintedNumber.description`): `87.50%`, `2305.17`.
    mutating func append(_ number: PrintedNumber) {
        append(number.value, decimals: number.decimals)
        if number.isPercent { append(UInt8(ascii: "%")) }
    }

    // MARK: Bytes

    // The appends are inlined: most copy a few bytes, less than a call costs.

    @inline(__always)
    package mutating func append(_ byte: UInt8) {
        if count == capacity { grow(1) }
        storage[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let start = source.baseAddress else { return }
        if count + source.count > capacity { grow(source.count) }
        (storage + count).initialize(from: start, count: source.count)
        count += source.count
    }

    /// Appends `"name":`, room made once and the name copied byte by byte: a key is a few
    /// letters, fewer than a call to copy them costs, and a result has hundreds.
    @inline(__always)
    mutating func append(key name: StaticString) {
        let length = name.utf8CodeUnitCount
        if count + length + 3 > capacity { grow(length + 3) }
        storage[count] = UInt8(ascii: "\"")
        let start = name.utf8Start
        for index in 0..<length { storage[count + 1 + index] = start[index] }
        storage[count + 1 + length] = UInt8(ascii: "\"")
        storage[count + 2 + length] = UInt8(ascii: ":")
        count += length + 3
    }

    /// Appends `byte` `count` times.
    mutating func append(_ byte: UInt8, count extra: Int) {
        if count + extra > capacity { grow(extra) }
        (storage + count).initialize(repeating: byte, count: extra)
        count += extra
    }

    /// Makes room for `extra` more bytes, at least doubling the storage.
    @inline(never)
    private mutating func grow(_ extra: Int) {
        capacity = max(2 * capacity, count + extra)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = grown
    }

    package init(storage: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.storage = storage
        self.capacity = capacity
    }
}
