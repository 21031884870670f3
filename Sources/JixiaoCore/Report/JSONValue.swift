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
        var out = ""
        write(to: &out, indent: pretty ? 0 : nil)
        return out
    }

    private func write(to out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): Self.quote(text, into: &out)
        case .array(let items):
            writeContainer(items.count, open: "[", close: "]", to: &out, indent: indent) { index, out, indent in
                items[index].write(to: &out, indent: indent)
            }
        case .object(let members):
            writeContainer(members.count, open: "{", close: "}", to: &out, indent: indent) { index, out, indent in
                Self.quote(members[index].0, into: &out)
                out += indent == nil ? ":" : ": "
                members[index].1.write(to: &out, indent: indent)
            }
        }
    }

    /// Writes `count` items between `open` and `close`, one per line when indented.
    private func writeContainer(
        _ count: Int, open: String, close: String, to out: inout String, indent: Int?,
        item: (Int, inout String, Int?) -> Void
    ) {
        guard count > 0 else {
            out += open + close
            return
        }
        out += open
        for index in 0..<count {
            if index > 0 { out += "," }
            if let indent { out += "\n" + String(repeating: "  ", count: indent + 1) }
            item(index, &out, indent.map { $0 + 1 })
        }
        if let indent { out += "\n" + String(repeating: "  ", count: indent) }
        out += close
    }

    private static func quote(_ text: String, into out: inout String) {
        out += "\""
        // Most text needs no escape: append it whole instead of scalar by scalar.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(c.value, radix: 16).count) + String(c.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
