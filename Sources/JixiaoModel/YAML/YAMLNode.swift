import JixiaoBase

/// A YAML node that remembers where it was written, so every error about a rubric or a
/// submission can point at `file:line:column`.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        case scalar(String, ScalarStyle)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public enum ScalarStyle: Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public var content: Content
    /// 1-based line and column of the node's first character.
    public var line: Int
    public var column: Int

    public init(_ content: Content, line: Int, column: Int) {
        self.content = content
        self.line = line
        self.column = column
    }

    /// The scalar's text, or nil for a sequence or mapping.
    public var scalar: String? {
        if case .scalar(let text, _) = content { text } else { nil }
    }

    /// A plain `null`, `~` or empty scalar: YAML's way of writing "no value".
    public var isNull: Bool {
        guard case .scalar(let text, let style) = content, style == .plain else { return false }
        return text.withUTF8Bytes(Self.isNull)
    }

    /// Whether a plain scalar's text is YAML's null: empty, `~`, `null`, `Null` or `NULL`.
    static func isNull(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        switch text.count {  // by length first: most scalars are longer text
        case 0: return true
        case 1: return text[0] == UInt8(ascii: "~")
        case 4: return text.elementsEqual("null".utf8) || text.elementsEqual("Null".utf8) || text.elementsEqual("NULL".utf8)
        default: return false
        }
    }

    /// The kind of node, for messages ("a mapping", "a list", "text").
    public var kindName: LocalizedText {
        switch content {
        case .scalar: LocalizedText(zh: "标量", en: "a scalar")
        case .sequence: LocalizedText(zh: "列表", en: "a list")
        case .mapping: LocalizedText(zh: "映射", en: "a mapping")
        }
    }
}

public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode
}
