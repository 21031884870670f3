import Foundation

/// A JSON document built in memory and written with keys in the order given, numbers exactly
/// as their decimal text (never through `Double`, so no `98.60000000001`).
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number's text, e.g. `9.63`.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    public static func decimal(_ value: Fixed?, decimals: Int) -> JSONValue {
        value.map { .number($0.compact(decimals: decimals)) } ?? .null
    }

    public static func printed(_ number: PrintedNumber?) -> JSONValue {
        number.map { .number($0.value.formatted(decimals: $0.decimals)) } ?? .null
    }

    public static func string(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }

    /// Serialised with two-space indentation, or on one line when `pretty` is false.
    public func serialized(pretty: Bool = true) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, indent: pretty ? 0 : nil)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(to out: inout [UInt8], indent: Int?) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .string(let text): Self.quote(text, into: &out)
        case .array(let items):
            writeContainer(items.count, open: "[", close: "]", to: &out, indent: indent) { index, out, indent in
                items[index].write(to: &out, indent: indent)
            }
        case .object(let members):
            writeContainer(members.count, open: "{", close: "}", to: &out, indent: indent) { index, out, indent in
                Self.quote(members[index].0, into: &out)
                out.append(contentsOf: (indent == nil ? ":" : ": ").utf8)
                members[index].1.write(to: &out, indent: indent)
            }
        }
    }

    /// Writes `count` items between `open` and `close`, one per line when indented.
    private func writeContainer(
        _ count: Int, open: Unicode.Scalar, close: Unicode.Scalar, to out: inout [UInt8], indent: Int?,
        item: (Int, inout [UInt8], Int?) -> Void
    ) {
        out.append(UInt8(ascii: open))
        guard count > 0 else {
            out.append(UInt8(ascii: close))
            return
        }
        func newline(_ depth: Int) {
            out.append(UInt8(ascii: "\n"))
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
        }
        for index in 0..<count {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            if let indent { newline(indent + 1) }
            item(index, &out, indent.map { $0 + 1 })
        }
        if let indent { newline(indent) }
        out.append(UInt8(ascii: close))
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped, the rest
    /// (Chinese included) written as UTF-8.
    private static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most text needs no escape: copy it whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(contentsOf: text.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: "\\n".utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: "\\r".utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
