/// One mapping of a submission file as the decoder met it: its position and kind, each key's key
/// and value nodes (a list or mapping value as an empty node of its kind, at its position), and
/// the first problem with its keys in file order.
///
/// Nothing is raised while the file is read: a problem is kept where it was found, and raised
/// when the submission is put together (`Submission.parse`), in the order of the schema, which is
/// the order in which a reader of the file would meet it whatever order the file is written in.
struct DecodedFields<Key: SubmissionKey>: YAMLFields {
    /// The mapping's position; a scalar or a list when the file has one where a mapping belongs.
    var node: YAMLNode
    let file: String
    let place: FieldPath
    /// By key, in case order; empty when the node is not a mapping.
    var entries: [YAMLPair?] = []
    var keyError: InputError?

    init(node: YAMLNode, file: String, place: FieldPath) {
        self.node = node
        self.file = file
        self.place = place
    }

    var path: String { place.text }

    func entry(_ key: Key) -> YAMLPair? {
        key.rawValue < entries.count ? entries[key.rawValue] : nil
    }

    func name(of key: Key) -> String { Key.names[key.rawValue] }

    /// Raises what `YAMLMapping` raises on opening a mapping: it is not one, or a key is not text,
    /// unknown or repeated.
    func open() throws(InputError) {
        guard case .mapping = node.content else { throw YAMLMapping.notAMapping(node, file: file, path: path) }
        if let keyError { throw keyError }
    }
}

/// Where a decoded mapping sits, made into a dotted path only when a message needs one.
struct FieldPath {
    var parent: String
    /// The position in the `parent` list, for a list item.
    var index: Int?

    var text: String { index.map { "\(parent)[\($0)]" } ?? parent }
}

/// A category row as read: its fields and those of its indicators.
struct DecodedCategory {
    var fields: DecodedFields<Submission.CategoryKey>
    var indicators: [DecodedFields<Submission.IndicatorKey>] = []
}

/// The top of a submission file as read: its fields and the mappings and lists under them.
struct DecodedSubmission {
    var fields: DecodedFields<Submission.TopKey>
    var budget: DecodedFields<Submission.BudgetKey>?
    var source: DecodedFields<Submission.SourceKey>?
    var total: DecodedFields<Submission.TotalKey>?
    var goals: DecodedFields<Submission.GoalsKey>?
    var categories: [DecodedCategory] = []
}

/// Reads a submission file's events into `DecodedSubmission`: each known key's value kept with
/// its position, each unknown or repeated key noted, everything else (`notes`, the insides of a
/// value of the wrong kind) passed over.
struct SubmissionDecoder {
    let file: String

    /// The first document's top mapping, and what the stream holds besides: the number of
    /// documents and the second one's root, if any.
    mutating func decode(_ stream: inout YAMLEventStream) throws(InputError)
        -> (top: DecodedSubmission?, root: YAMLNode?, documents: Int, second: YAMLNode?) {
        var top: DecodedSubmission?
        var root: YAMLNode?
        var second: YAMLNode?
        var documents = 0
        while true {
            let event = try stream.next()
            switch event.kind {
            case .streamEnd:
                return (top, root, documents, second)
            case .documentStart:
                documents += 1
                let first = try stream.next()
                if documents == 1 {
                    root = Self.placeholder(first)
                    top = try submission(first, &stream)
                } else {
                    if documents == 2 { second = Self.placeholder(first) }
                    try stream.skip(first)
                }
            default:
                break
            }
        }
    }

    private func submission(_ first: YAMLEvent, _ stream: inout YAMLEventStream) throws(InputError) -> DecodedSubmission {
        var budget: DecodedFields<Submission.BudgetKey>?
        var source: DecodedFields<Submission.SourceKey>?
        var total: DecodedFields<Submission.TotalKey>?
        var goals: DecodedFields<Submission.GoalsKey>?
        var categories: [DecodedCategory] = []
        let top = try fields(first, FieldPath(parent: ""), &stream) { (key: Submission.TopKey, value, stream) throws(InputError) in
            switch key {
            case .budget: budget = try fields(value, FieldPath(parent: "budget"), &stream)
            case .source: source = try fields(value, FieldPath(parent: "source"), &stream)
            case .total: total = try fields(value, FieldPath(parent: "total"), &stream)
            case .goals: goals = try fields(value, FieldPath(parent: "goals"), &stream)
            case .categories: categories = try list(value, &stream, item: category)
            default: return false
            }
            return true
        }
        return DecodedSubmission(fields: top, budget: budget, source: source, total: total, goals: goals, categories: categories)
    }

    private func category(_ first: YAMLEvent, _ index: Int, _ stream: inout YAMLEventStream) throws(InputError) -> DecodedCategory {
        var indicators: [DecodedFields<Submission.IndicatorKey>] = []
        let fields = try fields(first, FieldPath(parent: "categories", index: index), &stream) {
            (key: Submission.CategoryKey, value, stream) throws(InputError) in
            guard key == .indicators else { return false }
            let parent = "categories[\(index)].indicators"
            indicators = try list(value, &stream) { (row, position, stream) throws(InputError) in
                try self.fields(row, FieldPath(parent: parent, index: position), &stream)
            }
            return true
        }
        return DecodedCategory(fields: fields, indicators: indicators)
    }

    /// Reads the node that starts with `first` as a mapping of `Key`s. `nested` reads the value of
    /// a key that holds more than a scalar and says whether it did; other values are kept as
    /// nodes (a list or mapping as an empty one of its kind) and their insides passed over.
    private func fields<Key: SubmissionKey>(
        _ first: YAMLEvent, _ place: FieldPath, _ stream: inout YAMLEventStream,
        nested: (Key, YAMLEvent, inout YAMLEventStream) throws(InputError) -> Bool = { _, _, _ in false }
    ) throws(InputError) -> DecodedFields<Key> {
        var fields = DecodedFields<Key>(node: Self.placeholder(first), file: file, place: place)
        guard first.kind == .mappingStart else {
            try stream.skip(first)
            return fields
        }
        fields.entries = Array(repeating: nil, count: Key.names.count)
        while true {
            let keyEvent = try stream.next()
            guard keyEvent.kind != .mappingEnd, keyEvent.kind != .streamEnd else { return fields }
            // The key is looked at now: a scalar's bytes last until the stream's next event.
            let index = keyEvent.kind == .scalar ? Key.names.firstIndex(where: keyEvent.holds) : nil
            let key = index.map { YAMLNode(.scalar(Key.names[$0], keyEvent.style), line: keyEvent.line, column: keyEvent.column) }
                ?? Self.placeholder(keyEvent)
            try stream.skip(keyEvent)
            let value = try stream.next()
            if fields.keyError == nil {
                if keyEvent.kind != .scalar {
                    fields.keyError = YAMLMapping.keyNotText(key, file: file, path: place.text)
                } else if let index, let name = Key(rawValue: index) {
                    if fields.entries[index] != nil {
                        fields.keyError = YAMLMapping.duplicateKey(key, Key.names[index], file: file, path: place.text)
                    } else {
                        fields.entries[index] = YAMLPair(key: key, value: Self.placeholder(value))
                        if try nested(name, value, &stream) { continue }
                    }
                } else {
                    fields.keyError = YAMLMapping.unknownKey(key, key.scalar ?? "", allowed: Key.names, file: file, path: place.text)
                }
            }
            try stream.skip(value)
        }
    }

    /// Reads each item of the list that starts with `first` with `item`; nothing when it is not a list.
    private func list<Item>(
        _ first: YAMLEvent, _ stream: inout YAMLEventStream,
        item: (YAMLEvent, Int, inout YAMLEventStream) throws(InputError) -> Item
    ) throws(InputError) -> [Item] {
        guard first.kind == .sequenceStart else {
            try stream.skip(first)
            return []
        }
        var items: [Item] = []
        while true {
            let next = try stream.next()
            guard next.kind != .sequenceEnd, next.kind != .streamEnd else { return items }
            items.append(try item(next, items.count, &stream))
        }
    }

    /// The node an event starts, without its insides: a scalar, or an empty list or mapping.
    static func placeholder(_ event: YAMLEvent) -> YAMLNode {
        switch event.kind {
        case .sequenceStart: YAMLNode(.sequence([]), line: event.line, column: event.column)
        case .mappingStart: YAMLNode(.mapping([]), line: event.line, column: event.column)
        default: YAMLNode(.scalar(event.text, event.style), line: event.line, column: event.column)
        }
    }
}
