import CYAML

/// Reads the plain block-style YAML that submissions are written in — indented mappings and
/// lists, plain or one-line quoted scalars, comments — into the very events libyaml gives for
/// it, several times faster; on anything else it returns nil and the caller asks libyaml.
///
/// The contract: for every input it accepts, its events are libyaml's (type, position, scalar
/// text and style; `BlockYAMLScannerTests` and the yaml fuzz target compare them). What it
/// accepts, line by line (`\n` or `\r\n` ends a line):
/// - blank lines and comment lines (`#` first after the indentation), anywhere;
/// - `key: value`, `key:` and `- ` lines, where a key is ASCII letters, digits, `_` and `-`;
///   a `- ` item is a scalar or the first `key:` of a mapping; a mapping or list under `key:`
///   is indented deeper than the key (never a list at the key's own indentation);
/// - values that are plain scalars on one line (a ` #` comment may follow), or double-quoted
///   (escapes `\" \\ \/ \n \t \r \xHH`) or single-quoted scalars on one line;
/// - printable UTF-8 only: no tab, carriage return (but in `\r\n`), byte order mark, control
///   character or Unicode line separator anywhere.
/// Anything else — flow collections, anchors, tags, block scalars, directives, document
/// markers, a scalar continued on the next line, unusual indentation — returns nil.
enum BlockYAMLScanner {
    /// One event; a scalar's text is `length` bytes at `start` of the input, or of `scratch`
    /// when `inScratch` (a quoted scalar whose escapes had to be decoded).
    struct Event {
        var type: yaml_event_type_t
        var style: yaml_scalar_style_t = YAML_ANY_SCALAR_STYLE
        var line: Int32
        var column: Int32
        var start: Int32 = 0
        var length: Int32 = 0
        var inScratch = false

        /// The event as libyaml writes it, its text in `input` or `scratch`.
        func libyamlEvent(input: UnsafeBufferPointer<UInt8>, scratch: UnsafeBufferPointer<UInt8>) -> yaml_event_t {
            var event = yaml_event_t()
            event.type = type
            event.start_mark = yaml_mark_t(index: 0, line: Int(line), column: Int(column))
            if type == YAML_SCALAR_EVENT, let base = (inScratch ? scratch : input).baseAddress {
                event.data.scalar.value = UnsafeMutablePointer(mutating: base + Int(start))
                event.data.scalar.length = Int(length)
                event.data.scalar.style = style
            }
            return event
        }
    }

    struct Events {
        var list: [Event] = []
        /// Decoded text of quoted scalars with escapes.
        var scratch: [UInt8] = []
    }

    static func scan(_ input: UnsafeBufferPointer<UInt8>) -> Events? {
        guard input.count < Int(Int32.max), isPlainText(input) else { return nil }
        var scanner = Scanner(input: input)
        return scanner.run() ? scanner.events : nil
    }

    /// Whether every character is one the scanner reads as libyaml does: valid UTF-8 of
    /// printable characters and line feeds, with none that libyaml treats specially.
    static func isPlainText(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = input.baseAddress else { return true }
        var index = 0
        let count = input.count
        while index < count {
            while index + 8 <= count, isPrintableASCII(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
            }
            guard index < count else { break }
            let byte = input[index]
            if byte < 0x80 {
                let isLineEnd = byte == 0x0A || byte == 0x0D && index + 1 < count && input[index + 1] == 0x0A
                guard byte >= 0x20 && byte != 0x7F || isLineEnd else { return false }
                index += 1
                continue
            }
            // U+1000–U+1FFF and U+3000–U+DFFF, Chinese among them: any two continuation bytes.
            if byte == 0xE1 || byte >= 0xE3 && byte <= 0xEC, index + 2 < count {
                guard input[index + 1] & 0xC0 == 0x80, input[index + 2] & 0xC0 == 0x80 else { return false }
                index += 3
                continue
            }
            let width: Int
            switch byte {
            case 0xC2...0xDF: width = 2
            case 0xE0...0xEF: width = 3
            case 0xF0...0xF4: width = 4
            default: return false
            }
            guard index + width <= count else { return false }
            var scalar = UInt32(byte) & (0xFF >> (width + 1))
            for offset in 1..<width {
                let next = input[index + offset]
                guard next & 0xC0 == 0x80 else { return false }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            switch width {  // shortest form, no surrogates, nothing past U+10FFFF
            case 3: guard scalar >= 0x800, !(0xD800...0xDFFF).contains(scalar) else { return false }
            case 4: guard (0x10000...0x10FFFF).contains(scalar) else { return false }
            default: break
            }
            // C1 controls (and NEL), the line and paragraph separators, BOM, U+FFFE and U+FFFF.
            if scalar < 0xA0 || scalar == 0x2028 || scalar == 0x2029 || scalar == 0xFEFF || scalar >= 0xFFFE && scalar <= 0xFFFF {
                return false
            }
            index += width
        }
        return true
    }

    /// Whether the eight bytes of `word` are each printable ASCII or a line feed (bytewise
    /// arithmetic that never carries from one byte into the next).
    private static func isPrintableASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high = 0x80 &* ones
        guard word & high == 0 else { return false }
        let control = ~(word &+ 0x60 &* ones) & high  // below 0x20
        let other = word ^ (0x0A &* ones)
        let notLineFeed = ((other & 0x7F &* ones) &+ 0x7F &* ones) & high
        let delete = (word &+ ones) & high  // 0x7F
        return control & notLineFeed | delete == 0
    }
}

private struct Scanner {
    /// An open mapping or list, and the column its keys or `-` are at.
    private struct Frame {
        var isList: Bool
        var indent: Int
    }

    private let input: UnsafeBufferPointer<UInt8>
    var events = BlockYAMLScanner.Events()
    private var stack: [Frame] = []
    private var line: Int32 = 0
    /// A `key:` with nothing after it, whose value is the block below or else null: where
    /// libyaml puts that null (just after the colon) and the indentation of the key's mapping.
    private var pending: (line: Int32, column: Int32, indent: Int)?
    /// After a scalar value: the indentation a continuation line would have to exceed, which
    /// the next line must not (libyaml would fold it into the scalar).
    private var scalarIndent: Int?

    init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        events.list.reserveCapacity(input.count / 8 + 16)  // about one event per 11 bytes
    }

    mutating func run() -> Bool {
        emit(YAML_STREAM_START_EVENT, column: 0)
        emit(YAML_DOCUMENT_START_EVENT, column: 0)
        var start = 0
        while start < input.count {
            var end = start
            while end < input.count && input[end] != 0x0A { end += 1 }
            guard take(start, end > start && input[end - 1] == 0x0D ? end - 1 : end) else { return false }
            start = end + 1
            line += 1
        }
        guard !stack.isEmpty else { return false }  // nothing but comments
        closePending()
        close(above: -1)
        emit(YAML_DOCUMENT_END_EVENT, column: 0)
        emit(YAML_STREAM_END_EVENT, column: 0)
        return true
    }

    // MARK: Lines

    /// Reads the line `input[start..<end]`.
    private mutating func take(_ start: Int, _ end: Int) -> Bool {
        var at = start
        while at < end && input[at] == 0x20 { at += 1 }
        if at == end || input[at] == 0x23 { return true }  // blank, or a comment
        let indent = at - start
        if let limit = scalarIndent, indent > limit { return false }
        scalarIndent = nil
        if stack.isEmpty {
            guard indent == 0 else { return false }
            return openMapping(at, start, end)
        }
        if let pending, indent > pending.indent {
            self.pending = nil
            return isItem(at, end) ? openList(at, start, end) : openMapping(at, start, end)
        }
        closePending()
        close(above: indent)
        guard let top = stack.last, top.indent == indent else { return false }
        if top.isList {
            return isItem(at, end) && item(at, start, end)
        }
        return !isItem(at, end) && entry(at, start, end)
    }

    private func isItem(_ at: Int, _ end: Int) -> Bool {
        input[at] == 0x2D && (at + 1 == end || input[at + 1] == 0x20)
    }

    private mutating func openMapping(_ at: Int, _ start: Int, _ end: Int) -> Bool {
        stack.append(Frame(isList: false, indent: at - start))
        emit(YAML_MAPPING_START_EVENT, column: at - start)
        return entry(at, start, end)
    }

    private mutating func openList(_ at: Int, _ start: Int, _ end: Int) -> Bool {
        stack.append(Frame(isList: true, indent: at - start))
        emit(YAML_SEQUENCE_START_EVENT, column: at - start)
        return item(at, start, end)
    }

    /// A `- ` line of the open list: a scalar, or the first entry of a mapping.
    private mutating func item(_ dash: Int, _ start: Int, _ end: Int) -> Bool {
        var at = dash + 1
        while at < end && input[at] == 0x20 { at += 1 }
        guard at < end, input[at] != 0x23 else { return false }  // an empty item
        if keyEnd(at, end) != nil {
            stack.append(Frame(isList: false, indent: at - start))
            emit(YAML_MAPPING_START_EVENT, column: at - start)
            return entry(at, start, end)
        }
        guard scalar(at, start, end) else { return false }
        scalarIndent = dash - start
        return true
    }

    /// A `key: value` or `key:` line of the open mapping, the key at `at`.
    private mutating func entry(_ at: Int, _ start: Int, _ end: Int) -> Bool {
        guard let colon = keyEnd(at, end) else { return false }
        emitScalar(YAML_PLAIN_SCALAR_STYLE, column: at - start, start: at, length: colon - at)
        var value = colon + 1
        while value < end && input[value] == 0x20 { value += 1 }
        let indent = stack[stack.count - 1].indent
        if value == end || input[value] == 0x23 {
            pending = (line, Int32(colon + 1 - start), indent)
            return true
        }
        guard scalar(value, start, end) else { return false }
        scalarIndent = indent
        return true
    }

    /// Where the key at `at` ends, at its colon (followed by a space or the line's end); nil
    /// if there is no such key.
    private func keyEnd(_ at: Int, _ end: Int) -> Int? {
        var index = at
        while index < end {
            switch input[index] {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: index += 1
            case 0x2D where index > at: index += 1
            case 0x3A where index > at && (index + 1 == end || input[index + 1] == 0x20):
                return index - at < 1000 ? index : nil  // libyaml looks no further for a key's colon
            default: return nil
            }
        }
        return nil
    }

    // MARK: Scalars

    /// A scalar value from `at` to the line's end, with only a comment after it.
    private mutating func scalar(_ at: Int, _ start: Int, _ end: Int) -> Bool {
        switch input[at] {
        case 0x22: return quoted(at, start, end, double: true)
        case 0x27: return quoted(at, start, end, double: false)
        // , [ ] { } # & * ! | > % @ ` ? : and "- ": libyaml's indicators
        case 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x25, 0x40, 0x60, 0x3F, 0x3A:
            return false
        case 0x2D where at + 1 == end || input[at + 1] == 0x20:
            return false
        default:
            return plain(at, start, end)
        }
    }

    private mutating func plain(_ at: Int, _ start: Int, _ end: Int) -> Bool {
        var index = at
        var last = at  // one past the last character that is not a space
        while index < end {
            let byte = input[index]
            if byte == 0x20 {
                if index + 1 < end && input[index + 1] == 0x23 { break }  // " #": a comment
            } else {
                if byte == 0x3A && (index + 1 == end || input[index + 1] == 0x20) { return false }  // "key: value"
                last = index + 1
            }
            index += 1
        }
        emitScalar(YAML_PLAIN_SCALAR_STYLE, column: at - start, start: at, length: last - at)
        return true
    }

    private mutating func quoted(_ at: Int, _ start: Int, _ end: Int, double: Bool) -> Bool {
        let quote = input[at]
        var index = at + 1
        // The text once an escape is met: what came before it, then each piece decoded.
        var decoded: [UInt8] = []
        var isDecoded = false
        var copiedUpTo = index
        while true {
            guard index < end else { return false }  // no closing quote on this line
            let byte = input[index]
            if byte == quote {
                guard !double && index + 1 < end && input[index + 1] == quote else { break }
                decoded += input[copiedUpTo...index]  // '' in '…' is one '
                isDecoded = true
                index += 2
                copiedUpTo = index
                continue
            }
            guard double && byte == 0x5C else {  // not a backslash escape
                index += 1
                continue
            }
            guard index + 1 < end else { return false }
            decoded += input[copiedUpTo..<index]
            isDecoded = true
            switch input[index + 1] {
            case 0x22, 0x5C, 0x2F: decoded.append(input[index + 1])
            case 0x6E: decoded.append(0x0A)
            case 0x74: decoded.append(0x09)
            case 0x72: decoded.append(0x0D)
            case 0x78:
                guard index + 3 < end, let high = hexDigit(input[index + 2]), let low = hexDigit(input[index + 3]) else { return false }
                let value = high << 4 | low
                decoded += value < 0x80 ? [value] : [0xC0 | value >> 6, 0x80 | value & 0x3F]
                index += 2
            default: return false
            }
            index += 2
            copiedUpTo = index
        }
        // Only spaces and a comment may follow the closing quote.
        var after = index + 1
        while after < end && input[after] == 0x20 { after += 1 }
        guard after == end || input[after] == 0x23 && after > index + 1 else { return false }
        let style = double ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_SINGLE_QUOTED_SCALAR_STYLE
        if isDecoded {
            decoded += input[copiedUpTo..<index]
            emitScalar(style, column: at - start, start: events.scratch.count, length: decoded.count, inScratch: true)
            events.scratch += decoded
        } else {
            emitScalar(style, column: at - start, start: at + 1, length: index - at - 1)
        }
        return true
    }

    private func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    // MARK: Events

    /// A pending key's value turns out to be null: libyaml's empty scalar just after the colon.
    private mutating func closePending() {
        guard let pending else { return }
        self.pending = nil
        events.list.append(BlockYAMLScanner.Event(
            type: YAML_SCALAR_EVENT, style: YAML_PLAIN_SCALAR_STYLE, line: pending.line, column: pending.column))
    }

    /// Ends every open mapping and list indented deeper than `indent`.
    private mutating func close(above indent: Int) {
        while let top = stack.last, top.indent > indent {
            stack.removeLast()
            emit(top.isList ? YAML_SEQUENCE_END_EVENT : YAML_MAPPING_END_EVENT, column: 0)
        }
    }

    private mutating func emit(_ type: yaml_event_type_t, column: Int) {
        events.list.append(BlockYAMLScanner.Event(type: type, line: line, column: Int32(column)))
    }

    private mutating func emitScalar(_ style: yaml_scalar_style_t, column: Int, start: Int, length: Int, inScratch: Bool = false) {
        events.list.append(BlockYAMLScanner.Event(
            type: YAML_SCALAR_EVENT, style: style, line: line, column: Int32(column),
            start: Int32(start), length: Int32(length), inScratch: inScratch))
    }
}
