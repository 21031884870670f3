import CYAML

/// Bounds that keep a hostile YAML file from exhausting memory or the stack.
public struct YAMLLimits: Sendable {
    /// Deepest nesting of lists and mappings accepted.
    public var maxDepth: Int
    /// Most nodes an alias may add in all, counting every node it copies.
    public var maxAliasNodes: Int

    public init(maxDepth: Int = 64, maxAliasNodes: Int = 10_000) {
        self.maxDepth = maxDepth
        self.maxAliasNodes = maxAliasNodes
    }
}

/// Reads YAML with libyaml's event parser into `YAMLNode` trees that keep their positions.
///
/// libyaml has no bound on alias expansion or nesting of its own; this reader enforces
/// `YAMLLimits`, so a "billion laughs" file fails fast with an error instead of a crash. Under a
/// `Deadline` (a batch's per-file time limit) it stops with `timed-out` once time has run out.
public enum YAMLReader {
    /// Parses every document of `bytes`; `file` names the input in errors.
    public static func documents(
        _ bytes: [UInt8], file: String, limits: YAMLLimits = YAMLLimits()
    ) throws(InputError) -> [YAMLNode] {
        var builder = TreeBuilder(file: file, limits: limits)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw InputError(.unreadableFile, at: SourceLocation(file: file, line: 0),
                             message: LocalizedText(zh: "无法初始化 YAML 解析器", en: "cannot initialise the YAML parser"))
        }
        defer { yaml_parser_delete(&parser) }
        return try bytes.withUnsafeBufferPointer { (buffer) throws(InputError) -> [YAMLNode] in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            var time = Deadline.Ticker()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    throw syntaxError(parser, file: file)
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { break }
                try time.check(file)
                try builder.handle(event)
            }
            return builder.documents
        }
    }

    /// Parses a single-document file; an empty file is an error.
    public static func document(
        _ bytes: [UInt8], file: String, limits: YAMLLimits = YAMLLimits()
    ) throws(InputError) -> YAMLNode {
        let all = try documents(bytes, file: file, limits: limits)
        guard let first = all.first, !first.isNull || all.count > 1 else {
            throw InputError(.emptyFile, at: SourceLocation(file: file, line: 1, column: 1),
                             message: LocalizedText(zh: "文件为空", en: "the file is empty"))
        }
        if all.count > 1 {
            let second = all[1]
            throw InputError(.yamlSyntax, at: SourceLocation(file: file, line: second.line, column: second.column),
                             message: LocalizedText(zh: "一个文件只能包含一个 YAML 文档", en: "a file may hold only one YAML document"))
        }
        return first
    }

    /// The node of a scalar event (`YAML_SCALAR_EVENT`), at the event's position; invalid UTF-8
    /// is repaired.
    fileprivate static func scalarNode(_ event: yaml_event_t) -> YAMLNode {
        let data = event.data.scalar
        let text = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
        return YAMLNode(.scalar(text, style(data.style)), line: event.start_mark.line + 1, column: event.start_mark.column + 1)
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    private static func syntaxError(_ parser: yaml_parser_t, file: String) -> InputError {
        let problem = parser.problem.map { String(cString: $0) } ?? "syntax error"
        let context = parser.context.map { String(cString: $0) }
        let mark = parser.problem_mark
        let detail = context.map { "\(problem) (\($0))" } ?? problem
        return InputError(
            .yamlSyntax,
            at: SourceLocation(file: file, line: mark.line + 1, column: mark.column + 1),
            message: LocalizedText(zh: "YAML 语法错误：\(detail)", en: "YAML syntax error: \(detail)"))
    }
}

/// Turns the event stream into trees, resolving anchors and counting what aliases expand to.
private struct TreeBuilder {
    /// An open sequence or mapping. Its children are appended in place (`stack[top].items`): a
    /// frame taken off the stack and put back would copy its array on every child, which a long
    /// list makes quadratic.
    private struct Frame {
        var isMapping: Bool
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        var line: Int
        var column: Int
        var anchor: String?

        init(isMapping: Bool, line: Int, column: Int, anchor: String?) {
            self.isMapping = isMapping
            self.line = line
            self.column = column
            self.anchor = anchor
            // Room for a table row's fields, so a short mapping grows once.
            if isMapping { pairs.reserveCapacity(8) } else { items.reserveCapacity(4) }
        }
    }

    let file: String
    let limits: YAMLLimits
    var documents: [YAMLNode] = []
    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var aliasNodes = 0

    init(file: String, limits: YAMLLimits) {
        self.file = file
        self.limits = limits
    }

    mutating func handle(_ event: yaml_event_t) throws(InputError) {
        let line = event.start_mark.line + 1
        let column = event.start_mark.column + 1
        switch event.type {
        case YAML_SCALAR_EVENT:
            let node = YAMLReader.scalarNode(event)
            if let anchor = event.data.scalar.anchor { anchors[String(cString: anchor)] = (node, 1) }
            try add(node)
        case YAML_SEQUENCE_START_EVENT:
            try push(Frame(isMapping: false, line: line, column: column,
                           anchor: event.data.sequence_start.anchor.map { String(cString: $0) }), line: line, column: column)
        case YAML_MAPPING_START_EVENT:
            try push(Frame(isMapping: true, line: line, column: column,
                           anchor: event.data.mapping_start.anchor.map { String(cString: $0) }), line: line, column: column)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return }
            let node = YAMLNode(frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items), line: frame.line, column: frame.column)
            if let anchor = frame.anchor { anchors[anchor] = (node, Self.size(node)) }
            try add(node)
        case YAML_ALIAS_EVENT:
            let name = String(cString: event.data.alias.anchor)
            guard let (target, size) = anchors[name] else {
                throw InputError(.yamlSyntax, at: SourceLocation(file: file, line: line, column: column),
                                 message: LocalizedText(zh: "别名 *\(name) 没有对应的锚点", en: "alias *\(name) has no anchor"))
            }
            aliasNodes += size
            if aliasNodes > limits.maxAliasNodes {
                throw InputError(.yamlAliasBomb, at: SourceLocation(file: file, line: line, column: column),
                                 message: LocalizedText(
                                     zh: "别名展开超过 \(limits.maxAliasNodes) 个节点，拒绝读取",
                                     en: "aliases expand to more than \(limits.maxAliasNodes) nodes; refusing to read"))
            }
            var copy = target
            copy.line = line
            copy.column = column
            try add(copy)
        case YAML_DOCUMENT_START_EVENT:
            anchors = [:]
        default:
            break
        }
    }

    private mutating func push(_ frame: Frame, line: Int, column: Int) throws(InputError) {
        guard stack.count < limits.maxDepth else {
            throw InputError(.yamlTooDeep, at: SourceLocation(file: file, line: line, column: column),
                             message: LocalizedText(zh: "嵌套超过 \(limits.maxDepth) 层", en: "nesting deeper than \(limits.maxDepth) levels"))
        }
        stack.append(frame)
    }

    private mutating func add(_ node: YAMLNode) throws(InputError) {
        guard !stack.isEmpty else {
            documents.append(node)
            return
        }
        let top = stack.count - 1
        if !stack[top].isMapping {
            stack[top].items.append(node)
        } else if let key = stack[top].pendingKey {
            stack[top].pairs.append(YAMLPair(key: key, value: node))
            stack[top].pendingKey = nil
        } else {
            stack[top].pendingKey = node
        }
    }

    private static func size(_ node: YAMLNode) -> Int {
        switch node.content {
        case .scalar: 1
        case .sequence(let items): items.reduce(1) { $0 + size($1) }
        case .mapping(let pairs): pairs.reduce(1) { $0 + size($1.key) + size($1.value) }
        }
    }
}
