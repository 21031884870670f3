import JixiaoBase

/// A position in the YAML file: 1-based line and column.
struct YAMLPosition {
    var line: Int
    var column: Int

    init(_ event: YAMLEvent) {
        line = event.line
        column = event.column
    }

    func location(_ file: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }
}

/// One field of a submission file as read: absent, written as null, its value, or the problem
/// with it. A problem is kept, not raised: `Submission.parse` raises the first one in the order
/// of the schema, whatever order the file is written in.
enum Slot<Value> {
    case absent
    case null(key: YAMLPosition, value: YAMLPosition)
    case value(Value, at: YAMLPosition)
    /// Boxed: a slot stays small, and so do the drafts made of them.
    indirect case failed(InputError)

    /// Whether the field has a value (as `YAMLMapping.optional(key) != nil`): a wrong one counts.
    var isPresent: Bool {
        switch self {
        case .absent, .null: false
        case .value, .failed: true
        }
    }

    /// The value; nil when absent or null.
    func optional() throws(InputError) -> Value? {
        switch self {
        case .absent, .null: return nil
        case .value(let value, _): return value
        case .failed(let error): throw error
        }
    }

    /// The value; absent or null is a missing field, at the key (or else the mapping).
    func required(_ name: String, in map: MappingDraft) throws(InputError) -> Value {
        switch self {
        case .value(let value, _): return value
        case .failed(let error): throw error
        case .absent, .null:
            let position = if case .null(let key, _) = self { key } else { map.position }
            throw InputError(.missingField, at: position.location(map.file), field: map.place.field(name),
                             message: LocalizedText(zh: "缺少必填字段“\(name)”", en: "missing required field '\(name)'"))
        }
    }

    /// Where the value is (a null one too), or else the mapping.
    func location(in map: MappingDraft) -> SourceLocation {
        switch self {
        case .null(_, let value): value.location(map.file)
        case .value(_, let position): position.location(map.file)
        case .absent, .failed: map.position.location(map.file)
        }
    }
}

/// A mapping of the schema as read: where it is, whether it is one, and the first problem with
/// its keys (not text, unknown or repeated) in file order.
struct MappingDraft {
    let file: String
    var position: YAMLPosition
    var place: FieldPath
    var problem: Problem?

    /// Why the mapping cannot be opened; boxed, so that a draft stays small.
    indirect enum Problem {
        /// A scalar or a list stands where the mapping belongs.
        case notAMapping(YAMLNode)
        /// The first key that is not text, unknown or repeated.
        case key(InputError)
    }

    /// Raises what `YAMLMapping` raises on opening a mapping.
    func open() throws(InputError) {
        switch problem {
        case .notAMapping(let node): throw YAMLMapping.notAMapping(node, file: file, path: place.text)
        case .key(let error): throw error
        case nil: break
        }
    }
}

/// Where a mapping sits, made into a dotted path only when a message needs one.
struct FieldPath {
    var parent: String
    /// The position in the `parent` list, for a list item.
    var index: Int?

    var text: String { index.map { "\(parent)[\($0)]" } ?? parent }

    func field(_ key: String) -> String { YAMLMapping.join(text, key) }
}

// MARK: The schema's mappings as read

/// A mapping of the schema as read, with its fields.
protocol Drafted {
    var map: MappingDraft { get set }
    init(map: MappingDraft)
}

struct SourceDraft: Drafted {
    var map: MappingDraft

    init(map: MappingDraft) { self.map = map }

    var file = Slot<String>.absent, table = Slot<Int>.absent, lines = Slot<String>.absent
}

struct BudgetDraft: Drafted {
    var map: MappingDraft

    init(map: MappingDraft) { self.map = map }

    var initial = Slot<PrintedNumber>.absent, adjusted = Slot<PrintedNumber>.absent, executed = Slot<PrintedNumber>.absent
    var points = Slot<PrintedNumber>.absent, rate = Slot<PrintedNumber>.absent, score = Slot<PrintedNumber>.absent
    var line = Slot<Int>.absent
}

struct IndicatorDraft: Drafted {
    var map: MappingDraft

    init(map: MappingDraft) { self.map = map }

    var subcategory = Slot<String>.absent, name = Slot<String>.absent, target = Slot<String>.absent, actual = Slot<String>.absent
    var points = Slot<PrintedNumber>.absent, score = Slot<PrintedNumber>.absent, reason = Slot<String>.absent
    var line = Slot<Int>.absent
}

struct CategoryDraft: Drafted {
    var map: MappingDraft

    init(map: MappingDraft) { self.map = map }

    var name = Slot<String>.absent, points = Slot<PrintedNumber>.absent, line = Slot<Int>.absent
    var indicators = Slot<[IndicatorDraft]>.absent
}

struct TotalDraft: Drafted {
    var map: MappingDraft

    init(map: MappingDraft) { self.map = map }

    var points = Slot<PrintedNumber>.absent, score = Slot<PrintedNumber>.absent, line = Slot<Int>.absent
}

struct GoalsDraft: Drafted {
    var map: MappingDraft

    init(map: MappingDraft) { self.map = map }

    var expected = Slot<String>.absent, achieved = Slot<String>.absent
}

struct SubmissionDraft: Drafted {
    var map: MappingDraft

    init(map: MappingDraft) { self.map = map }

    var unit = Slot<String>.absent, title = Slot<String>.absent, level = Slot<EvaluationLevel>.absent
    var project = Slot<String>.absent, department = Slot<String>.absent, implementer = Slot<String>.absent
    var year = Slot<Int>.absent, region = Slot<String>.absent, rubric = Slot<String>.absent
    var money = Slot<Submission.MoneyUnit>.absent, grade = Slot<String>.absent
    var budget = Slot<BudgetDraft>.absent, goals = Slot<GoalsDraft>.absent, categories = Slot<[CategoryDraft]>.absent
    var total = Slot<TotalDraft>.absent, source = Slot<SourceDraft>.absent
}

/// Reads a submission file's events into a `SubmissionDraft`: every field of the schema
/// converted as it comes, each problem kept where it was found, everything else (`notes`, the
/// insides of a value of the wrong kind) passed over.
struct SubmissionDecoder {
    let file: String

    /// The first document's top mapping, and what the stream holds besides: the number of
    /// documents, the first one's root and the second one's, if any.
    func decode(_ stream: inout YAMLEventStream) throws(InputError)
        -> (top: SubmissionDraft?, root: YAMLNode?, documents: Int, second: YAMLNode?) {
        var top: SubmissionDraft?
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
                    root = Self.node(first)
                    top = try submission(first, &stream)
                } else {
                    if documents == 2 { second = Self.node(first) }
                    try stream.skip(first)
                }
            default:
                break
            }
        }
    }

    private func submission(_ first: YAMLEvent, _ stream: inout YAMLEventStream) throws(InputError) -> SubmissionDraft {
        var draft = SubmissionDraft(map: MappingDraft(file: file, position: YAMLPosition(first), place: FieldPath(parent: "")))
        typealias Key = Submission.TopKey
        draft.map = try mapping(first, draft.map, Key.self, &stream) { (key, target, value, stream) throws(InputError) in
            switch key {
            case .unit: text(value, target, &draft.unit)
            case .title: text(value, target, &draft.title)
            case .level: choice(value, target, EvaluationLevel.allCases, &draft.level)
            case .project: text(value, target, &draft.project)
            case .department: text(value, target, &draft.department)
            case .implementer: text(value, target, &draft.implementer)
            case .year: integer(value, target, &draft.year)
            case .region: text(value, target, &draft.region)
            case .rubric: text(value, target, &draft.rubric)
            case .money: choice(value, target, Submission.MoneyUnit.allCases, &draft.money)
            case .grade: text(value, target, &draft.grade)
            case .notes: break
            case .budget:
                try nested(value, target, &draft.budget, &stream) { (draft, key: Submission.BudgetKey, target, value, _) throws(InputError) in
                    switch key {
                    case .initial: number(value, target, &draft.initial)
                    case .adjusted: number(value, target, &draft.adjusted)
                    case .executed: number(value, target, &draft.executed)
                    case .points: number(value, target, &draft.points)
                    case .rate: number(value, target, &draft.rate)
                    case .score: number(value, target, &draft.score)
                    case .line: integer(value, target, &draft.line)
                    }
                    return false
                }
                return true
            case .source:
                try nested(value, target, &draft.source, &stream) { (draft, key: Submission.SourceKey, target, value, _) throws(InputError) in
                    switch key {
                    case .file: text(value, target, &draft.file)
                    case .table: integer(value, target, &draft.table)
                    case .lines: text(value, target, &draft.lines)
                    }
                    return false
                }
                return true
            case .total:
                try nested(value, target, &draft.total, &stream) { (draft, key: Submission.TotalKey, target, value, _) throws(InputError) in
                    switch key {
                    case .points: number(value, target, &draft.points)
                    case .score: number(value, target, &draft.score)
                    case .line: integer(value, target, &draft.line)
                    }
                    return false
                }
                return true
            case .goals:
                try nested(value, target, &draft.goals, &stream) { (draft, key: Submission.GoalsKey, target, value, _) throws(InputError) in
                    switch key {
                    case .expected: text(value, target, &draft.expected)
                    case .achieved: text(value, target, &draft.achieved)
                    }
                    return false
                }
                return true
            case .categories:
                try list(value, target, &draft.categories, &stream) { (item, index, stream) throws(InputError) in
                    try category(item, index, &stream)
                }
                return true
            }
            return false
        }
        return draft
    }

    private func category(_ first: YAMLEvent, _ index: Int, _ stream: inout YAMLEventStream) throws(InputError) -> CategoryDraft {
        var draft = CategoryDraft(map: MappingDraft(file: file, position: YAMLPosition(first),
                                                    place: FieldPath(parent: "categories", index: index)))
        draft.map = try mapping(first, draft.map, Submission.CategoryKey.self, &stream) { (key, target, value, stream) throws(InputError) in
            switch key {
            case .name: text(value, target, &draft.name)
            case .points: number(value, target, &draft.points)
            case .line: integer(value, target, &draft.line)
            case .indicators:
                let parent = target.field
                try list(value, target, &draft.indicators, &stream) { (row, position, stream) throws(InputError) in
                    try indicator(row, FieldPath(parent: parent, index: position), &stream)
                }
                return true
            }
            return false
        }
        return draft
    }

    private func indicator(_ first: YAMLEvent, _ place: FieldPath, _ stream: inout YAMLEventStream) throws(InputError) -> IndicatorDraft {
        var draft = IndicatorDraft(map: MappingDraft(file: file, position: YAMLPosition(first), place: place))
        draft.map = try mapping(first, draft.map, Submission.IndicatorKey.self, &stream) { (key, target, value, _) throws(InputError) in
            switch key {
            case .subcategory: text(value, target, &draft.subcategory)
            case .name: text(value, target, &draft.name)
            case .target: text(value, target, &draft.target)
            case .actual: text(value, target, &draft.actual)
            case .points: number(value, target, &draft.points)
            case .score: number(value, target, &draft.score)
            case .reason: text(value, target, &draft.reason)
            case .line: integer(value, target, &draft.line)
            }
            return false
        }
        return draft
    }

    // MARK: Mappings and lists

    /// What a value is being read for: its key's position and the field's dotted path.
    struct Target {
        var key: YAMLPosition
        var place: FieldPath
        var name: String

        var field: String { place.field(name) }
    }

    /// Reads the node that starts with `first` as a mapping of `Key`s into `map`. `field` reads
    /// the value of each key met for the first time into its slot and says whether it read the
    /// value's events (a nested mapping or list); other values' insides are passed over.
    private func mapping<Key: SubmissionKey>(
        _ first: YAMLEvent, _ map: MappingDraft, _ keys: Key.Type, _ stream: inout YAMLEventStream,
        field: (Key, Target, YAMLEvent, inout YAMLEventStream) throws(InputError) -> Bool
    ) throws(InputError) -> MappingDraft {
        var map = map
        guard first.kind == .mappingStart else {
            map.problem = .notAMapping(Self.node(first))
            try stream.skip(first)
            return map
        }
        var seen: UInt32 = 0
        while true {
            let keyEvent = try stream.next()
            guard keyEvent.kind != .mappingEnd, keyEvent.kind != .streamEnd else { return map }
            // The key is looked at now: a scalar's bytes last until the stream's next event.
            let index = keyEvent.kind == .scalar ? Key.names.firstIndex(where: keyEvent.holds) : nil
            let keyNode = index == nil ? Self.node(keyEvent) : nil
            let keyPosition = YAMLPosition(keyEvent)
            try stream.skip(keyEvent)
            let value = try stream.next()
            if map.problem == nil {
                if let keyNode, keyEvent.kind != .scalar {
                    map.problem = .key(YAMLMapping.keyNotText(keyNode, file: file, path: map.place.text))
                } else if let keyNode {
                    map.problem = .key(YAMLMapping.unknownKey(keyNode, keyNode.scalar ?? "", allowed: Key.names, file: file, path: map.place.text))
                } else if let index, let key = Key(rawValue: index) {
                    if seen & 1 << index != 0 {
                        map.problem = .key(YAMLMapping.duplicateKey(
                            YAMLNode(.scalar(Key.names[index], keyEvent.style), line: keyPosition.line, column: keyPosition.column),
                            Key.names[index], file: file, path: map.place.text))
                    } else {
                        seen |= 1 << index
                        if try field(key, Target(key: keyPosition, place: map.place, name: Key.names[index]), value, &stream) { continue }
                    }
                }
            }
            try stream.skip(value)
        }
    }

    /// Reads a nested mapping into `slot`, each of its fields with `field`.
    private func nested<Draft: Drafted, Key: SubmissionKey>(
        _ value: YAMLEvent, _ target: Target, _ slot: inout Slot<Draft>, _ stream: inout YAMLEventStream,
        field: (inout Draft, Key, Target, YAMLEvent, inout YAMLEventStream) throws(InputError) -> Bool
    ) throws(InputError) {
        if value.isNull {
            slot = .null(key: target.key, value: YAMLPosition(value))
            return
        }
        let position = YAMLPosition(value)
        var draft = Draft(map: MappingDraft(file: file, position: position, place: FieldPath(parent: target.field)))
        draft.map = try mapping(value, draft.map, Key.self, &stream) { (key, target, value, stream) throws(InputError) in
            try field(&draft, key, target, value, &stream)
        }
        slot = .value(draft, at: position)
    }

    /// Reads each item of a list into `slot` with `item`; a value that is not a list is a problem.
    /// An item that cannot be opened is the last read: the schema's order raises its problem
    /// before anything after it is looked at, so a huge list of scalars costs no memory.
    private func list<Item: Drafted>(
        _ value: YAMLEvent, _ target: Target, _ slot: inout Slot<[Item]>,
        _ stream: inout YAMLEventStream, item: (YAMLEvent, Int, inout YAMLEventStream) throws(InputError) -> Item
    ) throws(InputError) {
        if value.isNull {
            slot = .null(key: target.key, value: YAMLPosition(value))
            return
        }
        guard value.kind == .sequenceStart else {
            slot = .failed(YAMLMapping.wrongType(Self.node(value), file: file, field: target.field, expected: LocalizedText(zh: "列表", en: "a list")))
            try stream.skip(value)
            return
        }
        var items: [Item] = []
        while true {
            let next = try stream.next()
            guard next.kind != .sequenceEnd, next.kind != .streamEnd else { break }
            items.append(try item(next, items.count, &stream))
            if items[items.count - 1].map.problem != nil {
                try stream.skipRest()
                break
            }
        }
        slot = .value(items, at: YAMLPosition(value))
    }

    // MARK: Scalars

    private func convert<Value>(
        _ value: YAMLEvent, _ target: Target, _ slot: inout Slot<Value>,
        _ conversion: (YAMLNode) throws(InputError) -> Value
    ) {
        if value.isNull {
            slot = .null(key: target.key, value: YAMLPosition(value))
            return
        }
        do {
            slot = .value(try conversion(Self.node(value)), at: YAMLPosition(value))
        } catch {
            slot = .failed(error)
        }
    }

    private func text(_ value: YAMLEvent, _ target: Target, _ slot: inout Slot<String>) {
        // Most values are text: read at once, without a node.
        if value.kind == .scalar, !value.isNull { return slot = .value(value.text, at: YAMLPosition(value)) }
        convert(value, target, &slot) { (node) throws(InputError) in try YAMLMapping.text(node, file: file, field: target.field) }
    }

    private func number(_ value: YAMLEvent, _ target: Target, _ slot: inout Slot<PrintedNumber>) {
        // Most values are numbers as printed: read at once; anything else through the node, which says why not.
        if value.kind == .scalar, let number = PrintedNumber(parsing: value.text) { return slot = .value(number, at: YAMLPosition(value)) }
        convert(value, target, &slot) { (node) throws(InputError) in try YAMLMapping.number(node, file: file, field: target.field) }
    }

    private func integer(_ value: YAMLEvent, _ target: Target, _ slot: inout Slot<Int>) {
        convert(value, target, &slot) { (node) throws(InputError) in try YAMLMapping.integer(node, file: file, field: target.field) }
    }

    private func choice<T: RawRepresentable>(_ value: YAMLEvent, _ target: Target, _ choices: [T], _ slot: inout Slot<T>)
    where T.RawValue == String {
        convert(value, target, &slot) { (node) throws(InputError) in
            try YAMLMapping.choice(node, file: file, field: target.field, choices: choices)
        }
    }

    /// The node an event starts, without its insides: a scalar, or an empty list or mapping.
    static func node(_ event: YAMLEvent) -> YAMLNode {
        switch event.kind {
        case .sequenceStart: YAMLNode(.sequence([]), line: event.line, column: event.column)
        case .mappingStart: YAMLNode(.mapping([]), line: event.line, column: event.column)
        default: YAMLNode(.scalar(event.text, event.style), line: event.line, column: event.column)
        }
    }
}
