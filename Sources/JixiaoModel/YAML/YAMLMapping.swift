import Foundation
import JixiaoBase

/// A YAML mapping being read into a model type: looks fields up by key, checks their types, and
/// turns every problem into an `InputError` at the node's position, named by its field path.
///
/// Unknown keys are refused when the mapping is opened, with a "did you mean" when a known key
/// is close, because a misspelt optional key would otherwise be silently ignored.
public struct YAMLMapping {
    public let node: YAMLNode
    public let file: String
    /// Dotted path of this mapping (`budget`, `categories[1]`); empty at the top.
    public let path: String
    /// The pairs as written and their keys: distinct and few (each is one of `allowed`), so a
    /// lookup is a short scan of `keys`, cheaper than hashing.
    private let entries: [YAMLPair]
    private let keys: [String]

    public init(_ node: YAMLNode, file: String, path: String, allowed: [String]) throws(InputError) {
        self.node = node
        self.file = file
        self.path = path
        guard case .mapping(let pairs) = node.content else { throw Self.notAMapping(node, file: file, path: path) }
        entries = pairs
        var keys: [String] = []
        keys.reserveCapacity(pairs.count)
        for pair in pairs {
            guard let key = pair.key.scalar else { throw Self.keyNotText(pair.key, file: file, path: path) }
            guard allowed.contains(key) else { throw Self.unknownKey(pair.key, key, allowed: allowed, file: file, path: path) }
            if keys.contains(key) { throw Self.duplicateKey(pair.key, key, file: file, path: path) }
            keys.append(key)
        }
        self.keys = keys
    }

    /// The keys, in the order they are written.
    public var writtenKeys: [String] { keys }

    private func entry(_ key: String) -> YAMLPair? {
        keys.firstIndex(of: key).map { entries[$0] }
    }

    /// The value node of `key`, or nil when it is absent or written as null.
    public func optional(_ key: String) -> YAMLNode? {
        guard let value = entry(key)?.value, !value.isNull else { return nil }
        return value
    }

    /// The value node of `key`; an error naming the field when it is absent or null.
    public func required(_ key: String) throws(InputError) -> YAMLNode {
        guard let value = optional(key) else {
            throw InputError(.missingField, at: Self.location(entry(key)?.key ?? node, file), field: field(key),
                             message: LocalizedText(zh: "缺少必填字段“\(key)”", en: "missing required field '\(key)'"))
        }
        return value
    }

    /// The dotted path of a field of this mapping.
    public func field(_ key: String) -> String { Self.join(path, key) }

    /// The position of `key`'s value, or of the mapping when the key is absent.
    public func location(of key: String) -> SourceLocation {
        Self.location(entry(key)?.value ?? node, file)
    }

    // MARK: Typed fields

    public func text(_ key: String) throws(InputError) -> String? {
        guard let value = optional(key) else { return nil }
        return try Self.text(value, file: file, field: field(key))
    }

    public func requiredText(_ key: String) throws(InputError) -> String {
        try Self.text(required(key), file: file, field: field(key))
    }

    public func number(_ key: String) throws(InputError) -> PrintedNumber? {
        guard let value = optional(key) else { return nil }
        return try Self.number(value, file: file, field: field(key))
    }

    public func requiredNumber(_ key: String) throws(InputError) -> PrintedNumber {
        try Self.number(required(key), file: file, field: field(key))
    }

    public func integer(_ key: String) throws(InputError) -> Int? {
        guard let value = optional(key) else { return nil }
        return try Self.integer(value, file: file, field: field(key))
    }

    public func requiredInteger(_ key: String) throws(InputError) -> Int {
        try Self.integer(required(key), file: file, field: field(key))
    }

    public func bool(_ key: String) throws(InputError) -> Bool? {
        guard let value = optional(key) else { return nil }
        switch value.scalar {
        case "true", "yes", "True": return true
        case "false", "no", "False": return false
        default:
            throw Self.wrongType(value, file: file, field: field(key), expected: LocalizedText(zh: "true 或 false", en: "true or false"))
        }
    }

    /// One of `choices`, by its raw value.
    public func choice<T: RawRepresentable>(_ key: String, _ type: T.Type, choices: [T]) throws(InputError) -> T?
    where T.RawValue == String {
        guard let value = optional(key) else { return nil }
        return try Self.choice(value, file: file, field: field(key), choices: choices)
    }

    public func requiredChoice<T: RawRepresentable>(_ key: String, _ type: T.Type, choices: [T]) throws(InputError) -> T
    where T.RawValue == String {
        _ = try required(key)
        return try choice(key, type, choices: choices)!
    }

    /// The items of a list field, each with its indexed path (`categories[0]`).
    public func list(_ key: String) throws(InputError) -> [ListItem] {
        guard let value = optional(key) else { return [] }
        return try Self.list(value, file: file, field: field(key))
    }

    public func mapping(_ key: String, allowed: [String]) throws(InputError) -> YAMLMapping? {
        guard let value = optional(key) else { return nil }
        return try YAMLMapping(value, file: file, path: field(key), allowed: allowed)
    }

    /// A list of texts; a single text is read as a one-item list.
    public func texts(_ key: String) throws(InputError) -> [String] {
        guard let value = optional(key) else { return [] }
        if value.scalar != nil { return [try Self.text(value, file: file, field: field(key))] }
        var out: [String] = []
        for item in try Self.list(value, file: file, field: field(key)) {
            out.append(try Self.text(item.node, file: file, field: item.path))
        }
        return out
    }

    // MARK: Node conversions

    public static func text(_ node: YAMLNode, file: String, field: @autoclosure () -> String) throws(InputError) -> String {
        guard let text = node.scalar else {
            throw wrongType(node, file: file, field: field(), expected: LocalizedText(zh: "文本", en: "text"))
        }
        return text
    }

    public static func number(_ node: YAMLNode, file: String, field: @autoclosure () -> String) throws(InputError) -> PrintedNumber {
        guard let text = node.scalar else {
            throw wrongType(node, file: file, field: field(), expected: LocalizedText(zh: "数字", en: "a number"))
        }
        guard let number = PrintedNumber(parsing: text) else {
            // Plain digits that are a number, but one that cannot be held, are named as such.
            let digits = text.trimmingCharacters(in: .whitespaces).drop { $0 == "-" || $0 == "+" }
            let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
            let plain = !digits.isEmpty && parts.count <= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
            throw InputError(
                .invalidNumber, at: location(node, file), field: field(),
                message: plain
                    ? LocalizedText(zh: "“\(text)”的位数超出可精确计算的范围（整数至多 26 位，小数至多 \(Fixed.scaleDigits) 位）",
                                    en: "'\(text)' has more digits than can be held exactly (at most 26 before the point and \(Fixed.scaleDigits) after)")
                    : LocalizedText(zh: "“\(text)”不是数字", en: "'\(text)' is not a number"),
                hint: LocalizedText(zh: "按表中所填写数字，如 2305.17、87.5%、2,305.17",
                                    en: "write the number as printed, e.g. 2305.17, 87.5%, 2,305.17"))
        }
        return number
    }

    public static func integer(_ node: YAMLNode, file: String, field: @autoclosure () -> String) throws(InputError) -> Int {
        let number = try number(node, file: file, field: field())
        guard number.decimals == 0, !number.isPercent, let value = Int(number.description) else {
            throw InputError(.invalidNumber, at: location(node, file), field: field(),
                             message: LocalizedText(zh: "“\(node.scalar ?? "")”不是整数", en: "'\(node.scalar ?? "")' is not a whole number"))
        }
        return value
    }

    /// One of `choices`, by its raw value.
    public static func choice<T: RawRepresentable>(
        _ node: YAMLNode, file: String, field: @autoclosure () -> String, choices: [T]
    ) throws(InputError) -> T where T.RawValue == String {
        let raw = try text(node, file: file, field: field())
        if let match = choices.first(where: { $0.rawValue == raw }) { return match }
        let names = choices.map(\.rawValue)
        throw InputError(
            .invalidValue, at: location(node, file), field: field(),
            message: LocalizedText(zh: "“\(raw)”不是可用的取值", en: "'\(raw)' is not an accepted value"),
            hint: LocalizedText(zh: "可用取值：\(names.joined(separator: "、"))", en: "accepted values: \(names.joined(separator: ", "))"))
    }

    public static func list(_ node: YAMLNode, file: String, field: @autoclosure () -> String) throws(InputError) -> [ListItem] {
        guard case .sequence(let items) = node.content else {
            throw wrongType(node, file: file, field: field(), expected: LocalizedText(zh: "列表", en: "a list"))
        }
        let path = field()
        return items.enumerated().map { ListItem(node: $0.element, list: path, index: $0.offset) }
    }

    /// An item of a list field; its path (`categories[0]`) is made only when a message needs it.
    public struct ListItem {
        public var node: YAMLNode
        let list: String
        let index: Int

        public var path: String { "\(list)[\(index)]" }
    }

    public static func location(_ node: YAMLNode, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column)
    }

    static func wrongType(_ node: YAMLNode, file: String, field: String?, expected: LocalizedText) -> InputError {
        InputError(.wrongType, at: location(node, file), field: field,
                   message: LocalizedText(zh: "应为\(expected.zh)，实际是\(node.kindName.zh)",
                                          en: "expected \(expected.en), found \(node.kindName.en)"))
    }

    /// A mapping was expected and `node` is something else.
    static func notAMapping(_ node: YAMLNode, file: String, path: String) -> InputError {
        wrongType(node, file: file, field: path.isEmpty ? nil : path, expected: LocalizedText(zh: "映射（键: 值）", en: "a mapping (key: value)"))
    }

    static func keyNotText(_ key: YAMLNode, file: String, path: String) -> InputError {
        InputError(.wrongType, at: location(key, file), field: path.isEmpty ? nil : path,
                   message: LocalizedText(zh: "键必须是文本", en: "a key must be text"))
    }

    static func unknownKey(_ node: YAMLNode, _ key: String, allowed: [String], file: String, path: String) -> InputError {
        InputError(
            .unknownKey, at: location(node, file), field: join(path, key),
            message: LocalizedText(zh: "未知字段“\(key)”", en: "unknown key '\(key)'"),
            hint: closest(to: key, in: allowed).map { LocalizedText(zh: "是否想写“\($0)”？", en: "did you mean '\($0)'?") }
                ?? LocalizedText(zh: "可用字段：\(allowed.joined(separator: "、"))",
                                 en: "known keys: \(allowed.joined(separator: ", "))"))
    }

    static func duplicateKey(_ node: YAMLNode, _ key: String, file: String, path: String) -> InputError {
        InputError(.duplicateKey, at: location(node, file), field: join(path, key),
                   message: LocalizedText(zh: "字段“\(key)”重复出现", en: "key '\(key)' appears twice"))
    }

    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// The known key closest to a misspelt one, if it is close enough to be a likely typo.
    static func closest(to key: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(key.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(1, min(key.count, best.0.count) / 3) ? best.0 : nil
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
