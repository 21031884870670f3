import JixiaoBase
import JixiaoAudit

/// Writes a JSON document straight into UTF-8 bytes, members in the order written and numbers
/// exactly as their decimal text (never through `Double`, so no `98.60000000001`).
///
/// Pretty output puts each member and item on its own line, indented two spaces per level, with
/// `": "` after keys; compact output is one line with `":"`. Empty containers are `[]` and `{}`
/// either way. Nothing checks the document's shape: a key is written only inside an object and
/// is followed by exactly one value.
///
/// The bytes go into a `TextBuffer`, and numbers are written as digits straight into it.
public struct JSONWriter: ~Copyable {
    private var out: TextBuffer
    private let pretty: Bool
    private var depth = 0
    /// Whether the innermost open container has no item yet.
    private var isEmpty = true
    /// Whether a key was just written, so the next value follows it without a separator.
    private var afterKey = false

    /// A writer whose storage starts with room for `capacity` bytes.
    public init(pretty: Bool, capacity: Int = 4096) {
        self.pretty = pretty
        out = TextBuffer(capacity: capacity)
    }

    /// The document so far.
    public var bytes: [UInt8] { out.bytes }

    /// The document as text.
    public var text: String { out.text }

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
        begin(open)
        content(&self)
        end(close)
    }

    /// Opens an object; its members follow, then `endObject()`. The closure form (`object`)
    /// reads better; this one is for the hot loops, where a closure's captures cost copies.
    public mutating func beginObject() { begin("{") }

    public mutating func endObject() { end("}") }

    private mutating func begin(_ open: Unicode.Scalar) {
        startValue()
        out.append(UInt8(ascii: open))
        depth += 1
        isEmpty = true
    }

    private mutating func end(_ close: Unicode.Scalar) {
        depth -= 1
        if pretty && !isEmpty { newline() }
        out.append(UInt8(ascii: close))
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
        out.append(key: name)
        if pretty { out.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    // MARK: Values

    public mutating func null() {
        startValue()
        out.append(literal: "null")
    }

    /// `true` or `false`, or `null` when absent.
    public mutating func bool(_ value: Bool?) {
        guard let value else { return null() }
        startValue()
        out.append(literal: value ? "true" : "false")
    }

    /// A number given as its decimal text (`9.63`), or `null` when absent.
    public mutating func number(_ text: String?) {
        guard let text else { return null() }
        startValue()
        text.withUTF8Bytes { out.append($0) }
    }

    /// An integer, or `null` when absent.
    public mutating func number(_ value: Int?) {
        number(value.map { Fixed($0) }, decimals: 0)
    }

    /// Exactly `decimals` places (`Fixed.formatted`), or `null` when absent.
    public mutating func number(_ value: Fixed?, decimals: Int) {
        guard let value else { return null() }
        startValue()
        out.append(value, decimals: decimals)
    }

    /// At most `decimals` places, trailing zeros dropped (`Fixed.compact`), or `null` when absent.
    public mutating func decimal(_ value: Fixed?, decimals: Int) {
        guard let value else { return null() }
        startValue()
        out.append(compact: value, decimals: decimals)
    }

    /// A number as it was printed in the table (without its `%`), or `null` when absent.
    public mutating func printed(_ number: PrintedNumber?) {
        self.number(number?.value, decimals: number?.decimals ?? 0)
    }

    /// A string, or `null` when absent.
    public mutating func string(_ text: String?) {
        guard let text else { return null() }
        startValue()
        quote(text)
    }

    // MARK: Members: a key and its value

    /// `key` and an indicator's path, `一级/二级/三级` (the level 2 left out when absent), written
    /// part by part instead of joined first.
    public mutating func path(_ key: StaticString, _ level1: String, _ level2: String?, _ level3: String) {
        self.key(key)
        startValue()
        out.append(UInt8(ascii: "\""))
        appendEscaped(level1)
        if let level2 {
            out.append(UInt8(ascii: "/"))
            appendEscaped(level2)
        }
        out.append(UInt8(ascii: "/"))
        appendEscaped(level3)
        out.append(UInt8(ascii: "\""))
    }

    /// `key` and a formula's text, written piece by piece instead of made first.
    public mutating func formula(_ key: StaticString, _ formula: Formula?) {
        self.key(key)
        guard let formula else { return null() }
        startValue()
        out.append(UInt8(ascii: "\""))
        formula.forEachPart { part in
            switch part {
            case .literal(let literal): out.append(literal: literal)
            case .number(let value, let decimals): out.append(compact: value, decimals: decimals)
            case .words(let words): appendEscaped(words)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

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

    public mutating func number(_ key: StaticString, _ value: Fixed?, decimals: Int) {
        self.key(key)
        number(value, decimals: decimals)
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
        if !isEmpty { out.append(UInt8(ascii: ",")) }
        if pretty { newline() }
        isEmpty = false
    }

    private mutating func newline() {
        out.append(UInt8(ascii: "\n"))
        out.append(UInt8(ascii: " "), count: 2 * depth)
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped, the rest
    /// (Chinese included) written as UTF-8.
    private mutating func quote(_ text: String) {
        out.append(UInt8(ascii: "\""))
        appendEscaped(text)
        out.append(UInt8(ascii: "\""))
    }

    /// `text` escaped as inside a JSON string.
    private mutating func appendEscaped(_ text: String) {
        text.withUTF8Bytes { utf8 in DoubleQuoted.escape(utf8, for: .json) { out.append($0) } }
    }
}
