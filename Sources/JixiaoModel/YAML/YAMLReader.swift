import JixiaoBase

/// Reads YAML into `YAMLNode` trees that keep their positions, from `YAMLEventStream`'s events
/// (libyaml's, within `YAMLLimits` and the batch's per-file `TimeLimit`): a "billion laughs" file
/// fails fast with an error instead of a crash, and a file past its time with `timed-out`.
public enum YAMLReader {
    /// Parses every document of `bytes`; `file` names the input in errors.
    public static func documents(
        _ bytes: [UInt8], file: String, limits: YAMLLimits = YAMLLimits()
    ) throws(InputError) -> [YAMLNode] {
        try YAMLEventStream.read(bytes, file: file, limits: limits) { (stream) throws(InputError) -> [YAMLNode] in
            var builder = TreeBuilder()
            while true {
                let event = try stream.next()
                if event.kind == .streamEnd { return builder.documents }
                builder.handle(event)
            }
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
}

/// Turns the event stream into trees.
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

        init(isMapping: Bool, line: Int, column: Int) {
            self.isMapping = isMapping
            self.line = line
            self.column = column
            // Room for a table row's fields, so a short mapping grows once.
            if isMapping { pairs.reserveCapacity(8) } else { items.reserveCapacity(4) }
        }
    }

    var documents: [YAMLNode] = []
    private var stack: [Frame] = []

    mutating func handle(_ event: YAMLEvent) {
        switch event.kind {
        case .scalar:
            add(YAMLNode(.scalar(event.text, event.style), line: event.line, column: event.column))
        case .sequenceStart, .mappingStart:
            stack.append(Frame(isMapping: event.kind == .mappingStart, line: event.line, column: event.column))
        case .sequenceEnd, .mappingEnd:
            guard let frame = stack.popLast() else { return }
            add(YAMLNode(frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items), line: frame.line, column: frame.column))
        case .documentStart, .documentEnd, .streamEnd:
            break
        }
    }

    private mutating func add(_ node: YAMLNode) {
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
}
