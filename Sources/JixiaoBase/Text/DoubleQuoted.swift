/// Text inside a double-quoted JSON string or YAML scalar: one escaper for both, so that
/// every string the reports and `score --fill` write reads back as it was.
///
/// Both escape `"`, `\` and the C0 controls (`\n`, `\r`, `\t`, else `\u001f`). YAML also
/// escapes what libyaml refuses in a stream (DEL, the C1 controls, U+FFFE, U+FFFF) and the
/// line breaks it would fold into a space (NEL, U+2028, U+2029); JSON writes those as they are.
package enum DoubleQuoted {
    package enum Syntax: Sendable {
        case json, yaml
    }

    /// `utf8` escaped, without the quotes: the runs that need no escape go to `write` as they are.
    @inlinable
    package static func escape(
        _ utf8: UnsafeBufferPointer<UInt8>, for syntax: Syntax, _ write: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        // Most text needs no escape: one scan, and it is written whole.
        guard needsEscape(utf8, for: syntax) else { return write(utf8) }
        var start = 0, index = 0
        while index < utf8.count {
            guard let (scalar, length) = escaped(utf8, at: index, for: syntax) else {
                index += 1
                continue
            }
            write(UnsafeBufferPointer(rebasing: utf8[start..<index]))
            writeEscape(scalar, write)
            index += length
            start = index
        }
        write(UnsafeBufferPointer(rebasing: utf8[start...]))
    }

    /// `text` in double quotes, escaped for `syntax`.
    package static func quoted(_ text: String, for syntax: Syntax) -> String {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 2)
        text.withUTF8Bytes { escape($0, for: syntax) { out.append(contentsOf: $0) } }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// The scalar to escape that starts at `index`, and its length in bytes; nil when the byte
    /// there is written as it is.
    @usableFromInline
    static func escaped(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int, for syntax: Syntax) -> (UInt32, Int)? {
        let byte = utf8[index]
        if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return (UInt32(byte), 1) }
        guard syntax == .yaml, byte >= 0x7F else { return nil }
        let next = index + 1 < utf8.count ? utf8[index + 1] : 0
        let third = index + 2 < utf8.count ? utf8[index + 2] : 0
        switch byte {
        case 0x7F: return (0x7F, 1)
        case 0xC2 where next < 0xA0: return (UInt32(next), 2)  // U+0080…U+009F
        case 0xE2 where next == 0x80 && (third == 0xA8 || third == 0xA9): return (0x2000 | UInt32(third & 0x3F), 3)
        case 0xEF where next == 0xBF && third >= 0xBE: return (0xFFC0 | UInt32(third & 0x3F), 3)
        default: return nil
        }
    }

    @usableFromInline
    static func writeEscape(_ scalar: UInt32, _ write: (UnsafeBufferPointer<UInt8>) -> Void) {
        let short: UInt8? = switch scalar {
        case 0x22: UInt8(ascii: "\"")
        case 0x5C: UInt8(ascii: "\\")
        case 0x0A: UInt8(ascii: "n")
        case 0x0D: UInt8(ascii: "r")
        case 0x09: UInt8(ascii: "t")
        default: nil
        }
        let hex = Array("0123456789abcdef".utf8)
        let bytes: [UInt8] = short.map { [UInt8(ascii: "\\"), $0] }
            ?? [UInt8(ascii: "\\"), UInt8(ascii: "u")] + [12, 8, 4, 0].map { hex[Int(scalar >> $0 & 0xF)] }
        bytes.withUnsafeBufferPointer(write)
    }

    /// Whether `utf8` may hold a character `syntax` escapes: a control character, `"` or `\`,
    /// and for YAML any byte from 0x7F up. Eight bytes at a time: a byte below 0x20 (or equal
    /// to 0, after XOR with `"` or `\`) is one whose subtraction borrows into a clear high bit.
    @usableFromInline
    static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>, for syntax: Syntax) -> Bool {
        guard let base = utf8.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs = ones &* 0x80
        // DEL and every non-ASCII byte are at or above 0x7F: adding 1 sets their high bit.
        let wide: UInt64 = syntax == .yaml ? highs : 0
        var index = 0
        while index + 8 <= utf8.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let quotes = word ^ (ones &* 0x22), backslashes = word ^ (ones &* 0x5C)
            let below = (word &- ones &* 0x20) | (quotes &- ones) | (backslashes &- ones)
            if below & ~word & highs != 0 || ((word & ~highs) &+ ones | word) & wide != 0 { return true }
            index += 8
        }
        while index < utf8.count {
            let byte = utf8[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            if syntax == .yaml && byte >= 0x7F { return true }
            index += 1
        }
        return false
    }
}
