/// Writes a JSON document straight into UTF-8 bytes, members in the order written and numbers
/// exactly as their decimal text (never through `Double`, so no `98.60000000001`).
///
/// Pretty output puts each member and item on its own line, indented two spaces per level, with
/// `": "` after keys; compact output is one line with `":"`. Empty containers are `[]` and `{}`
/// either way. Nothing checks the document's shape: a key is written only inside an object and
/// is followed by exactly one value.
///
/// The bytes go into storage of its own rather than an `Array`: a result is a thousand or so
/// small appends, and `Array.append(contentsOf:)` costs more per call (uniqueness check, generic
/// copy) than most of them copy. Being noncopyable, the writer owns that storage alone.
public struct JSONWriter: ~Copyable {
    private var storage: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private let pretty: Bool
    private var depth = 0
    /// Whether the innermost open container has no item yet.
    private var isEmpty = true
    /// Whether a key was just written, so the next value follows it without a separator.
    private var afterKey = false

    /// A writer whose storage starts with room for `capacity` bytes.
    public init(pretty: Bool, capacity: Int = 4096) {
        self.pretty = pretty
        self.capacity = max(capacity, 64)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// The document so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: storage, count: count)) }

    /// The document as text.
    public var text: String { String(decoding: UnsafeBufferPointer(start: storage, count: count), as: UTF8.self) }

    // MARK: Containers

    /// An object whose members `members` writes, each a `key` then one value.
    public mutating func object(_ members: (inout JSONWriter) -> Void) {
        container(open: "{", close: "}", members)
    }

    /// An array whose items `items` writes.
    public mutating func array(_ items: (inout JSONWriter) -> Void) {
        container(open: "[", close: "]", items)
    }

    private mutating func container(open: Unicode.Scalar, close: Unicode.Scalar, _ content: (inout JSONWriter) -> Void) {
        startValue()
        append(UInt8(ascii: open))
        depth += 1
        isEmpty = true
        content(&self)
        depth -= 1
        if pretty && !isEmpty { newline() }
        append(UInt8(ascii: close))
        // The container just closed is an item of the one around it.
        isEmpty = false
    }

    /// A member's key; the next value written is the member's value. The members below write
    /// both at once: `string("unit", text)` is `key("unit")` then `string(text)`.
    ///
    /// Keys are the contract's field names, literals that need no escape: they are copied as
    /// they are, which saves scanning them (about half of the strings in a result).
    public mutating func key(_ name: StaticString) {
        startValue()
        append(UInt8(ascii: "\""))
        append(name)
        append(pretty ? "\": " : "\":")
        afterKey = true
    }

    // MARK: Values

    public mutating func null() {
        startValue()
        append("null")
    }

    /// `true` or `false`, or `null` when absent.
    public mutating func bool(_ value: Bool?) {
        guard let value else { return null() }
        startValue()
        append(value ? "true" : "false")
    }

    /// A number given as its decimal text (`9.63`), or `null` when absent.
    public mutating func number(_ text: String?) {
        guard var text else { return null() }
        startValue()
        text.withUTF8 { append($0) }
    }

    /// An integer, or `null` when absent.
    public mutating func number(_ value: Int?) {
        number(value.map { String($0) })
    }

    /// At most `decimals` places, trailing zeros dropped (`Fixed.compact`), or `null` when absent.
    public mutating func decimal(_ value: Fixed?, decimals: Int) {
        number(value?.compact(decimals: decimals))
    }

    /// A number as it was printed in the table, or `null` when absent.
    public mutating func printed(_ number: PrintedNumber?) {
        self.number(number.map { $0.value.formatted(decimals: $0.decimals) })
    }

    /// A string, or `null` when absent.
    public mutating func string(_ text: String?) {
        guard let text else { return null() }
        startValue()
        quote(text)
    }

    // MARK: Members: a key and its value

    public mutating func object(_ key: StaticString, _ members: (inout JSONWriter) -> Void) {
        self.key(key)
        object(members)
    }

    public mutating func array(_ key: StaticString, _ items: (inout JSONWriter) -> Void) {
        self.key(key)
        array(items)
    }

    public mutating func bool(_ key: StaticString, _ value: Bool?) {
        self.key(key)
        bool(value)
    }

    public mutating func number(_ key: StaticString, _ text: String?) {
        self.key(key)
        number(text)
    }

    public mutating func number(_ key: StaticString, _ value: Int?) {
        self.key(key)
        number(value)
    }

    public mutating func decimal(_ key: StaticString, _ value: Fixed?, decimals: Int) {
        self.key(key)
        decimal(value, decimals: decimals)
    }

    public mutating func printed(_ key: StaticString, _ number: PrintedNumber?) {
        self.key(key)
        printed(number)
    }

    public mutating func string(_ key: StaticString, _ text: String?) {
        self.key(key)
        string(text)
    }

    // MARK: Layout

    /// Writes what comes before a value or key: nothing after a key or at the top level, else a
    /// comma after the previous item and, when pretty, a new line.
    private mutating func startValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        if !isEmpty { append(UInt8(ascii: ",")) }
        if pretty { newline() }
        isEmpty = false
    }

    private mutating func newline() {
        append(UInt8(ascii: "\n"))
        reserve(2 * depth)
        (storage + count).initialize(repeating: UInt8(ascii: " "), count: 2 * depth)
        count += 2 * depth
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped, the rest
    /// (Chinese included) written as UTF-8.
    private mutating func quote(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            append(UInt8(ascii: "\""))
            // Most text needs no escape: copy it whole.
            if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                append(utf8)
                append(UInt8(ascii: "\""))
                return
            }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): append("\\\"")
                case UInt8(ascii: "\\"): append("\\\\")
                case UInt8(ascii: "\n"): append("\\n")
                case UInt8(ascii: "\r"): append("\\r")
                case UInt8(ascii: "\t"): append("\\t")
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    append("\\u00")
                    append(hex[Int(byte >> 4)])
                    append(hex[Int(byte & 0xF)])
                default: append(byte)
                }
            }
            append(UInt8(ascii: "\""))
        }
    }

    // MARK: Storage

    private mutating func append(_ byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    private mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let start = source.baseAddress else { return }
        reserve(source.count)
        (storage + count).initialize(from: start, count: source.count)
        count += source.count
    }

    private mutating func append(_ literal: StaticString) {
        append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Makes room for `extra` more bytes, doubling the storage when it is full.
    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        capacity = max(2 * capacity, count + extra)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = grown
    }
}
