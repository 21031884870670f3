import CYAML
import JixiaoBase
#if canImport(Glibc)
import Glibc
#endif

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

/// One event of a YAML stream as the readers take it: positions 1-based, and no aliases (an
/// alias arrives as the events of the node it names).
///
/// A scalar's text is the bytes of libyaml's event, valid until the stream's next event, so that
/// a reader makes a `String` only of the scalars it keeps (`text`). An event replayed for an alias
/// points into the stream's own copy of it. An event owns nothing, so copying one costs nothing.
struct YAMLEvent {
    enum Kind {
        case documentStart, documentEnd, scalar, sequenceStart, sequenceEnd, mappingStart, mappingEnd, streamEnd
    }

    var kind: Kind
    var line: Int
    var column: Int
    var style: YAMLNode.ScalarStyle = .plain
    fileprivate var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

    init(kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    init(scalar bytes: UnsafeBufferPointer<UInt8>, style: YAMLNode.ScalarStyle, line: Int, column: Int) {
        self.init(kind: .scalar, line: line, column: column)
        self.bytes = bytes
        self.style = style
    }

    /// A scalar's text; empty for the other events. libyaml has checked the bytes as UTF-8.
    var text: String { String(copying: unsafe UTF8Span(unchecked: Span(_unsafeElements: bytes))) }

    /// Whether a scalar's text is `word`, byte for byte.
    func holds(_ word: String) -> Bool {
        word.withUTF8Bytes { word in
            word.count == bytes.count && (word.isEmpty || memcmp(word.baseAddress!, bytes.baseAddress!, word.count) == 0)
        }
    }

    /// Whether the event is a plain `null`, `~` or empty scalar: YAML's way of writing "no value".
    var isNull: Bool {
        guard kind == .scalar, style == .plain else { return false }
        return YAMLNode.isNull(bytes)
    }

    /// Whether the event starts a node: a scalar, a list or a mapping.
    var startsNode: Bool { kind == .scalar || kind == .sequenceStart || kind == .mappingStart }
}

/// libyaml's event parser with the bounds libyaml lacks: `YAMLLimits` on nesting and on what
/// aliases expand to, and the batch's per-file `TimeLimit`.
///
/// Anchored nodes are recorded as their events, and an alias replays them, its first event at the
/// alias's position: a reader sees the node the alias names, as if it were written there.
struct YAMLEventStream: ~Copyable {
    let file: String
    let limits: YAMLLimits
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// libyaml's last event, kept until the next one: a scalar event's text points into it.
    private let current: UnsafeMutablePointer<yaml_event_t>
    private var time = TimeLimit.Ticker()
    /// Open lists and mappings read from the file (not replayed).
    private var depth = 0
    private var aliasNodes = 0
    /// The events of the document's anchored nodes, each recorded once, and how many of them
    /// start a node.
    private var log: [YAMLEvent] = []
    private var loggedNodes = 0
    /// The text of the logged scalars, which their events point into: kept until the next
    /// document (or the stream's end), since libyaml's own goes with its next event.
    private var loggedTexts: [UnsafeMutableBufferPointer<UInt8>] = []
    /// Each anchor's node: its events in `log` and how many nodes it holds.
    private var anchors: [String: (events: Range<Int>, size: Int)] = [:]
    /// Anchored lists and mappings still open: where their events start in `log`, the nodes
    /// logged before them, and how deep inside them the stream is.
    private var recordings: [(anchor: String, start: Int, nodesBefore: Int, open: Int)] = []
    /// The alias being replayed: its node's events, the next one to give, and where it was written.
    private var replay: (events: Range<Int>, next: Int, line: Int, column: Int)?

    /// Runs `body` on the events of `bytes`; `file` names the input in errors.
    static func read<Result>(
        _ bytes: [UInt8], file: String, limits: YAMLLimits,
        _ body: (inout YAMLEventStream) throws(InputError) -> Result
    ) throws(InputError) -> Result {
        try bytes.withUnsafeBufferPointer { (buffer) throws(InputError) -> Result in
            var stream = try YAMLEventStream(buffer, file: file, limits: limits)
            return try body(&stream)
        }
    }

    private init(_ bytes: UnsafeBufferPointer<UInt8>, file: String, limits: YAMLLimits) throws(InputError) {
        self.file = file
        self.limits = limits
        parser = .allocate(capacity: 1)
        current = .allocate(capacity: 1)
        current.initialize(to: yaml_event_t())
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            current.deallocate()
            throw InputError(.unreadableFile, at: SourceLocation(file: file, line: 0),
                             message: LocalizedText(zh: "无法初始化 YAML 解析器", en: "cannot initialise the YAML parser"))
        }
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
        // UTF-8 only: libyaml checks every character of it (so scalars are valid UTF-8), and a
        // UTF-16 byte order mark is not taken as one (`InputFile.decode` never gives UTF-16).
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    }

    deinit {
        for text in loggedTexts { text.deallocate() }
        yaml_event_delete(current)
        current.deallocate()
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// The next event; after `streamEnd`, `streamEnd` again.
    mutating func next() throws(InputError) -> YAMLEvent {
        if let (events, next, line, column) = replay, next < events.upperBound {
            var event = log[next]
            if next == events.lowerBound {
                event.line = line
                event.column = column
            }
            replay?.next += 1
            if !recordings.isEmpty { record(event) }
            return event
        }
        while true {
            yaml_event_delete(current)
            guard yaml_parser_parse(parser, current) == 1 else { throw syntaxError() }
            let type = current.pointee.type
            let line = current.pointee.start_mark.line + 1
            let column = current.pointee.start_mark.column + 1
            switch type {
            case YAML_STREAM_END_EVENT, YAML_NO_EVENT:  // libyaml gives no event after the stream's end
                return YAMLEvent(kind: .streamEnd, line: line, column: column)
            case YAML_ALIAS_EVENT:
                try time.check(file)
                try startReplay(String(cString: current.pointee.data.alias.anchor), line: line, column: column)
                return try next()
            case YAML_SCALAR_EVENT:
                try time.check(file)
                let data = current.pointee.data.scalar
                let event = YAMLEvent(scalar: UnsafeBufferPointer(start: data.value, count: data.length),
                                      style: Self.style(data.style), line: line, column: column)
                if !recordings.isEmpty || data.anchor != nil { record(event, anchor: data.anchor.map { String(cString: $0) }) }
                return event
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                try time.check(file)
                guard depth < limits.maxDepth else {
                    throw InputError(.yamlTooDeep, at: SourceLocation(file: file, line: line, column: column),
                                     message: LocalizedText(zh: "嵌套超过 \(limits.maxDepth) 层", en: "nesting deeper than \(limits.maxDepth) levels"))
                }
                depth += 1
                let isMapping = type == YAML_MAPPING_START_EVENT
                let anchor = isMapping ? current.pointee.data.mapping_start.anchor : current.pointee.data.sequence_start.anchor
                if let anchor { recordings.append((String(cString: anchor), log.count, loggedNodes, 0)) }
                let event = YAMLEvent(kind: isMapping ? .mappingStart : .sequenceStart, line: line, column: column)
                if !recordings.isEmpty { record(event) }
                return event
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try time.check(file)
                depth -= 1
                let event = YAMLEvent(kind: type == YAML_MAPPING_END_EVENT ? .mappingEnd : .sequenceEnd, line: line, column: column)
                if !recordings.isEmpty { record(event) }
                return event
            case YAML_DOCUMENT_START_EVENT:
                try time.check(file)
                forgetLog()
                return YAMLEvent(kind: .documentStart, line: line, column: column)
            case YAML_DOCUMENT_END_EVENT:
                try time.check(file)
                return YAMLEvent(kind: .documentEnd, line: line, column: column)
            default:
                try time.check(file)  // the stream's start
            }
        }
    }

    /// Reads past the node whose first event was `first`.
    mutating func skip(_ first: YAMLEvent) throws(InputError) {
        guard first.kind == .sequenceStart || first.kind == .mappingStart else { return }
        try skipRest()
    }

    /// Reads past the rest of the list or mapping the stream is in, to its end.
    mutating func skipRest() throws(InputError) {
        var open = 1
        while open > 0 {
            switch try next().kind {
            case .sequenceStart, .mappingStart: open += 1
            case .sequenceEnd, .mappingEnd: open -= 1
            case .streamEnd: return
            default: break
            }
        }
    }

    /// Logs `event`, for an anchored node still open or an anchored scalar; an anchored node that
    /// the event closes gets its anchor.
    private mutating func record(_ event: YAMLEvent, anchor: String? = nil) {
        var kept = event
        if event.kind == .scalar, !event.bytes.isEmpty {
            let text = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: event.bytes.count)
            _ = text.initialize(from: event.bytes)
            loggedTexts.append(text)
            kept.bytes = UnsafeBufferPointer(text)
        }
        log.append(kept)
        if event.startsNode { loggedNodes += 1 }
        if let anchor { anchors[anchor] = (log.count - 1..<log.count, 1) }
        let change = switch event.kind {
        case .sequenceStart, .mappingStart: 1
        case .sequenceEnd, .mappingEnd: -1
        default: 0
        }
        guard change != 0 else { return }
        for index in recordings.indices { recordings[index].open += change }
        while let last = recordings.last, last.open == 0 {
            recordings.removeLast()
            anchors[last.anchor] = (last.start..<log.count, loggedNodes - last.nodesBefore)
        }
    }

    /// Drops the anchors and the events logged for them, at a new document and at the end.
    private mutating func forgetLog() {
        anchors = [:]
        log = []
        loggedNodes = 0
        for text in loggedTexts { text.deallocate() }
        loggedTexts = []
    }

    private mutating func startReplay(_ name: String, line: Int, column: Int) throws(InputError) {
        guard let (events, size) = anchors[name] else {
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
        replay = (events, events.lowerBound, line, column)
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

    private func syntaxError() -> InputError {
        let problem = parser.pointee.problem.map { String(cString: $0) } ?? "syntax error"
        let context = parser.pointee.context.map { String(cString: $0) }
        let mark = parser.pointee.problem_mark
        let detail = context.map { "\(problem) (\($0))" } ?? problem
        let said = Self.chineseLead(problem).map { "\($0)（libyaml：\(detail)）" } ?? detail
        return InputError(
            .yamlSyntax,
            at: SourceLocation(file: file, line: mark.line + 1, column: mark.column + 1),
            message: LocalizedText(zh: "YAML 语法错误（第 \(mark.line + 1) 行）：\(said)", en: "YAML syntax error: \(detail)"))
    }

    /// libyaml's usual problems said in Chinese, with what usually causes them; nil for others.
    static func chineseLead(_ problem: String) -> String? {
        switch problem {
        case "mapping values are not allowed in this context":
            "此处不能再写“键: 值”：值里的冒号要加引号，或上一行缺少冒号、缩进不对"
        case "found character that cannot start any token":
            "有不能出现在此处的字符（常见于用制表符 Tab 缩进，请改用空格）"
        case "did not find expected key":
            "缩进不对或缺少字段名：同一层的字段要对齐"
        case "found unexpected end of stream":
            "文件意外结束：引号或括号没有闭合"
        case "found unknown escape character":
            "双引号内有无法识别的转义（反斜杠 \\ 后的字符），请改用单引号或去掉反斜杠"
        case "did not find expected ',' or ']'":
            "方括号列表没有闭合，或元素之间缺少逗号"
        case "did not find expected ',' or '}'":
            "花括号没有闭合，或元素之间缺少逗号"
        case "did not find expected '-' indicator":
            "列表缩进不一致：同一列表的“- ”要对齐"
        case "could not find expected ':'":
            "缺少冒号"
        case "block sequence entries are not allowed in this context":
            "此处不能开始列表：“- ”的缩进不对"
        default:
            nil
        }
    }
}
