import CYAML

/// Reads a submission straight from libyaml's events, without `YAMLNode` trees or `YAMLMapping`:
/// the plain files a batch reads by the thousand, at a fraction of the cost. Plain block YAML
/// (`BlockYAMLScanner`'s subset, which synthesised, imported and most hand-written tables are
/// in) is not even given to libyaml: the scanner makes the same events several times faster.
///
/// The fallback contract: it returns a submission only for input that `Submission.parseTree`
/// reads to the very same submission (every field, text and position), and it gets there with
/// the same conversions (`YAMLReader.scalarNode`, `YAMLNode.isNull`, `YAMLMapping.number`,
/// `integer`, `choice`; figures through `PrintedNumber(utf8:)`, which `YAMLMapping.number`'s
/// reading is). On anything else it gives up and returns nil — a libyaml error, an
/// anchor, alias or tag, an unknown or repeated key, a list or mapping where a scalar belongs, a
/// figure that does not read, a missing or implausible field, an empty file, a second document,
/// nesting as deep as `YAMLLimits.maxDepth` — and `Submission.parse` reads the file again
/// through the tree, whose errors are the ones users see. The only error it throws is running
/// out of time (`Deadline`), which is the same error either way.
public enum SubmissionEventReader {
    /// The submission in `bytes`, or nil when the tree reader must read them (see above). With
    /// `plainOnly`, only plain block YAML (which `BlockYAMLScanner` reads) is read: any other
    /// input gives nil without being given to libyaml.
    public static func read(_ bytes: [UInt8], file: String, plainOnly: Bool = false) throws(InputError) -> Submission? {
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { event.deallocate() }
        return try bytes.withUnsafeBufferPointer { (input) throws(InputError) -> Submission? in
            // Plain block YAML, most submissions, is scanned without libyaml, to the same events.
            if let scanned = BlockYAMLScanner.scan(input) {
                return try scanned.scratch.withUnsafeBufferPointer { (scratch) throws(InputError) -> Submission? in
                    try read(from: .scanned(scanned.list, input: input, scratch: scratch), event: event, file: file)
                }
            }
            guard !plainOnly else { return nil }
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else { return nil }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_input_string(parser, input.baseAddress, input.count)
            return try read(from: .libyaml(parser), event: event, file: file)
        }
    }

    private static func read(from source: EventSource, event: UnsafeMutablePointer<yaml_event_t>,
                             file: String) throws(InputError) -> Submission? {
        var reader = EventReader(source: source, event: event, file: file)
        defer { reader.deleteEvent() }
        do throws(Stop) {
            return try reader.submission()
        } catch {
            switch error {
            case .fallBack: return nil
            case .timedOut(let error): throw error
            }
        }
    }
}

/// Where the events come from: libyaml's parser, or the events `BlockYAMLScanner` made, with
/// the text their scalars point into.
private enum EventSource {
    case libyaml(UnsafeMutablePointer<yaml_parser_t>)
    case scanned([BlockYAMLScanner.Event], input: UnsafeBufferPointer<UInt8>, scratch: UnsafeBufferPointer<UInt8>)
}

/// Why the event reader stopped short of a submission.
private enum Stop: Error {
    /// The input is not one it reads exactly as the tree reader does.
    case fallBack
    /// The file's time ran out (`Deadline`).
    case timedOut(InputError)
}

/// A mapping's keys as UTF-8 bytes, so that a key is recognised without making a String of it.
/// The spellings lie end to end in one array: a lookup compares bytes without touching an array
/// per key.
private struct KeyTable<Key: SubmissionKey>: Sendable {
    private let keys: [Key]
    private let utf8: [UInt8]
    /// Where each key's bytes start in `utf8`.
    private let starts: [Int]
    /// Each key's length and first byte as one number, compared before any bytes.
    private let signatures: [Int]

    init(_: Key.Type) {
        keys = Array(Key.allCases)
        utf8 = keys.flatMap(\.rawValue.utf8)
        var start = 0
        starts = keys.map { key in
            defer { start += key.rawValue.utf8.count }
            return start
        }
        signatures = keys.map { Self.signature($0.rawValue.utf8.count, $0.rawValue.utf8.first) }
    }

    private static func signature(_ count: Int, _ first: UInt8?) -> Int {
        count << 8 | Int(first ?? 0)
    }

    /// The key spelt by `bytes`, and its bit in a mapping's set of the keys seen so far.
    func match(_ bytes: UnsafeBufferPointer<UInt8>) -> (key: Key, bit: UInt32)? {
        let signature = Self.signature(bytes.count, bytes.first)
        for index in signatures.indices where signatures[index] == signature {
            let start = starts[index]
            if bytes.indices.allSatisfy({ utf8[start + $0] == bytes[$0] }) { return (keys[index], 1 << index) }
        }
        return nil
    }
}

/// One pass over one file's events, in the submission's schema (`Submission.TopKey` …). A
/// struct, not a class: its state changes on every event, and a class's stored properties would
/// be checked for exclusive access each time.
private struct EventReader {
    private static let topKeys = KeyTable(Submission.TopKey.self)
    private static let budgetKeys = KeyTable(Submission.BudgetKey.self)
    private static let categoryKeys = KeyTable(Submission.CategoryKey.self)
    private static let indicatorKeys = KeyTable(Submission.IndicatorKey.self)
    private static let totalKeys = KeyTable(Submission.TotalKey.self)
    private static let goalsKeys = KeyTable(Submission.GoalsKey.self)
    private static let sourceKeys = KeyTable(Submission.SourceKey.self)
    /// Nesting at which the tree reader's limit comes near enough to leave the file to it.
    private static let maxDepth = YAMLLimits().maxDepth

    private let events: EventSource
    /// The current event, valid from `advance()` until the next.
    private let event: UnsafeMutablePointer<yaml_event_t>
    /// Whether libyaml holds memory for the current event.
    private var holdsEvent = false
    /// The next of the scanned events.
    private var nextScanned = 0
    private let file: String
    private var depth = 0
    private var time = Deadline.Ticker()
    /// The `source` block, once read: a row's `line:` then places the row in that document.
    private var source: Submission.Source?
    /// Whether a row read before any `source` block had a `line:`, which a later block would
    /// have given a meaning.
    private var linesBeforeSource = false

    init(source: EventSource, event: UnsafeMutablePointer<yaml_event_t>, file: String) {
        events = source
        self.event = event
        self.file = file
    }

    /// Frees what libyaml holds for the current event, if any.
    mutating func deleteEvent() {
        if holdsEvent { yaml_event_delete(event) }
        holdsEvent = false
    }

    // MARK: Events

    /// Moves to the next event and returns its type; gives up on a libyaml error, an alias, an
    /// anchor, a tag, or deep nesting.
    private mutating func advance() throws(Stop) -> yaml_event_type_t {
        deleteEvent()
        switch events {
        case .libyaml(let parser):
            guard yaml_parser_parse(parser, event) == 1 else { throw .fallBack }
            holdsEvent = true
        case .scanned(let list, let input, let scratch):
            guard nextScanned < list.count else { throw .fallBack }
            event.pointee = list[nextScanned].libyamlEvent(input: input, scratch: scratch)
            nextScanned += 1
        }
        let current = event.pointee
        let type = current.type
        if type != YAML_STREAM_END_EVENT {
            do { try time.check(file) } catch { throw .timedOut(error) }
        }
        switch type {
        case YAML_SCALAR_EVENT:
            guard current.data.scalar.anchor == nil, current.data.scalar.tag == nil else { throw .fallBack }
        case YAML_SEQUENCE_START_EVENT:
            guard current.data.sequence_start.anchor == nil, current.data.sequence_start.tag == nil else { throw .fallBack }
            try enter()
        case YAML_MAPPING_START_EVENT:
            guard current.data.mapping_start.anchor == nil, current.data.mapping_start.tag == nil else { throw .fallBack }
            try enter()
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            depth -= 1
        case YAML_ALIAS_EVENT:
            throw .fallBack
        default:
            break
        }
        return type
    }

    private mutating func enter() throws(Stop) {
        depth += 1
        guard depth < Self.maxDepth else { throw .fallBack }
    }

    /// Where the current event starts.
    private var here: SourceLocation {
        let mark = event.pointee.start_mark
        return SourceLocation(file: file, line: mark.line + 1, column: mark.column + 1)
    }

    /// The next key of the mapping being read, or nil at its end; gives up on a key that is
    /// not one of `table`'s or that comes twice.
    private mutating func key<Key: SubmissionKey>(in table: KeyTable<Key>, seen: inout UInt32) throws(Stop) -> Key? {
        let type = try advance()
        if type == YAML_MAPPING_END_EVENT { return nil }
        guard type == YAML_SCALAR_EVENT else { throw .fallBack }
        let scalar = event.pointee.data.scalar
        guard let (key, bit) = table.match(UnsafeBufferPointer(start: scalar.value, count: scalar.length)),
              seen & bit == 0 else { throw .fallBack }
        seen |= bit
        return key
    }

    /// The next value, which must be a scalar; a null one too (its position can count).
    private mutating func value() throws(Stop) -> YAMLNode {
        guard try advance() == YAML_SCALAR_EVENT else { throw .fallBack }
        return scalarNode()
    }

    /// The current scalar event as a node. The scanner's text is valid UTF-8 (it checked the
    /// whole input, and wrote the escapes it decoded as UTF-8), so it is not checked again.
    private func scalarNode() -> YAMLNode {
        if case .scanned = events { return YAMLReader.scalarNode(event.pointee, validated: true) }
        return YAMLReader.scalarNode(event.pointee)
    }

    /// Moves to the next value, which must be a mapping or null: true at a mapping's start.
    private mutating func mappingOrNull() throws(Stop) -> Bool {
        switch try advance() {
        case YAML_MAPPING_START_EVENT: return true
        case YAML_SCALAR_EVENT where scalarNode().isNull: return false
        default: throw .fallBack
        }
    }

    /// Moves to the next value, which must be a list or null: true at a list's start.
    private mutating func listOrNull() throws(Stop) -> Bool {
        switch try advance() {
        case YAML_SEQUENCE_START_EVENT: return true
        case YAML_SCALAR_EVENT where scalarNode().isNull: return false
        default: throw .fallBack
        }
    }

    /// Moves to the next item of the list being read, which must be a mapping: false at the
    /// list's end.
    private mutating func nextItem() throws(Stop) -> Bool {
        switch try advance() {
        case YAML_MAPPING_START_EVENT: return true
        case YAML_SEQUENCE_END_EVENT: return false
        default: throw .fallBack
        }
    }

    /// Passes over the next value, whatever it is.
    private mutating func skip() throws(Stop) {
        let type = try advance()
        if type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT { try skipToEnd() }
    }

    /// Passes over the rest of the list or mapping just entered.
    private mutating func skipToEnd() throws(Stop) {
        let outer = depth - 1
        while depth > outer { _ = try advance() }
    }

    // MARK: Conversions, the tree reader's own (the error it would report is dropped)

    private func text(_ node: YAMLNode) -> String? {
        node.isNull ? nil : node.scalar
    }

    /// The next value as a figure, nil when null, read from the event's bytes without a node:
    /// `number(value())` without the `String` and the `YAMLNode`.
    private mutating func figure() throws(Stop) -> PrintedNumber? {
        guard try advance() == YAML_SCALAR_EVENT else { throw .fallBack }
        let scalar = event.pointee.data.scalar
        let text = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
        if scalar.style == YAML_PLAIN_SCALAR_STYLE && YAMLNode.isNull(text) { return nil }
        guard let number = PrintedNumber(utf8: text) else { throw .fallBack }
        return number
    }

    /// A figure; nil for an absent or null value.
    private func number(_ node: YAMLNode?) throws(Stop) -> PrintedNumber? {
        guard let node, !node.isNull else { return nil }
        do { return try YAMLMapping.number(node, file: file, field: "") } catch { throw .fallBack }
    }

    private func integer(_ node: YAMLNode) throws(Stop) -> Int? {
        if node.isNull { return nil }
        do { return try YAMLMapping.integer(node, file: file, field: "") } catch { throw .fallBack }
    }

    private func choice<T: RawRepresentable>(_ node: YAMLNode, _ choices: [T]) throws(Stop) -> T? where T.RawValue == String {
        if node.isNull { return nil }
        do { return try YAMLMapping.choice(node, file: file, field: "", choices: choices) } catch { throw .fallBack }
    }

    private func position(_ node: YAMLNode) -> SourceLocation {
        YAMLMapping.location(node, file)
    }

    /// The next value of a `line:` key: a non-null scalar, else nil. Any value is fine while
    /// there is no `source` block, which the tree reader needs before it reads `line:` at all.
    private mutating func line() throws(Stop) -> YAMLNode? {
        switch try advance() {
        case YAML_SCALAR_EVENT:
            let node = scalarNode()
            return node.isNull ? nil : node
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            guard source == nil else { throw .fallBack }
            linesBeforeSource = true
            try skipToEnd()
            return nil
        default:
            throw .fallBack
        }
    }

    /// Where a row is: at its `line:` in the source document when there is one, else where
    /// its mapping starts (`location(_:)` in `Submission.read`).
    private mutating func rowLocation(_ mapping: SourceLocation, line: YAMLNode?) throws(Stop) -> SourceLocation {
        guard let line else { return mapping }
        guard let source else {
            linesBeforeSource = true
            return mapping
        }
        guard let number = try integer(line) else { return mapping }
        return SourceLocation(file: source.file, line: number)
    }

    // MARK: The schema

    mutating func submission() throws(Stop) -> Submission {
        guard try advance() == YAML_STREAM_START_EVENT, try advance() == YAML_DOCUMENT_START_EVENT,
              try advance() == YAML_MAPPING_START_EVENT else { throw .fallBack }
        let submission = try top()
        guard try advance() == YAML_DOCUMENT_END_EVENT, try advance() == YAML_STREAM_END_EVENT else { throw .fallBack }
        return submission
    }

    private mutating func top() throws(Stop) -> Submission {
        let location = here
        var unit, title, project, department, implementer, region, rubric: String?
        var level: EvaluationLevel?, money: Submission.MoneyUnit?, year: Int?
        var grade: Submission.Claim<String>?
        var budget: Submission.BudgetRow?, goals: Submission.Goals?, categories: [Submission.CategoryRow]?
        var total: Submission.TotalRow?, totalLocation: SourceLocation?
        var seen: UInt32 = 0
        while let key = try key(in: Self.topKeys, seen: &seen) {
            switch key {
            case .unit: unit = text(try value())
            case .title: title = text(try value())
            case .level: level = try choice(value(), EvaluationLevel.allCases)
            case .project: project = text(try value())
            case .department: department = text(try value())
            case .implementer: implementer = text(try value())
            case .year: year = try integer(value())
            case .region: region = text(try value())
            case .rubric: rubric = text(try value())
            case .money: money = try choice(value(), Submission.MoneyUnit.allCases)
            case .budget:
                guard try mappingOrNull() else { throw .fallBack }
                budget = try budgetRow()
            case .goals:
                if try mappingOrNull() { goals = try goalsRow() }
            case .categories:
                guard try listOrNull() else { throw .fallBack }
                var rows: [Submission.CategoryRow] = []
                while try nextItem() { rows.append(try categoryRow()) }
                categories = rows
            case .total:
                let isMapping = try mappingOrNull()
                totalLocation = here
                if isMapping { total = try totalRow() }
            case .grade:
                let node = try value()
                grade = text(node).map { Submission.Claim(value: $0, location: position(node)) }
            case .source:
                if try mappingOrNull() { source = try sourceBlock() }
            case .notes:
                try skip()
            }
        }
        guard let level, let year, Submission.plausibleYears.contains(year), let budget,
              let categories, !categories.isEmpty, source == nil || !linesBeforeSource else { throw .fallBack }
        return Submission(
            file: file, unit: unit, title: title, level: level, project: project, department: department,
            implementer: implementer, year: year, region: region, rubric: rubric, money: money ?? .wanYuan,
            budget: budget, goals: goals, categories: categories,
            total: total ?? Submission.TotalRow(points: nil, score: nil, location: totalLocation ?? location),
            grade: grade, source: source, location: location)
    }

    private mutating func budgetRow() throws(Stop) -> Submission.BudgetRow {
        let mapping = here
        var initial, adjusted, executed, points: PrintedNumber?
        var rate, score, line: YAMLNode?
        var seen: UInt32 = 0
        while let key = try key(in: Self.budgetKeys, seen: &seen) {
            switch key {
            case .initial: initial = try figure()
            case .adjusted: adjusted = try figure()
            case .executed: executed = try figure()
            case .points: points = try figure()
            case .rate: rate = try value()
            case .score: score = try value()
            case .line: line = try self.line()
            }
        }
        for amount in [initial, adjusted, executed] {
            if let amount, amount.number < 0 { throw .fallBack }
        }
        let location = try rowLocation(mapping, line: line)
        let isPlaced = source != nil && line != nil
        return Submission.BudgetRow(
            initial: initial, adjusted: adjusted, executed: executed, points: points,
            rate: try number(rate).map(Submission.percentage), score: try number(score),
            location: location,
            rateLocation: isPlaced ? location : rate.map(position) ?? mapping,
            scoreLocation: isPlaced ? location : score.map(position) ?? mapping)
    }

    private mutating func categoryRow() throws(Stop) -> Submission.CategoryRow {
        let mapping = here
        var name: String?, points: PrintedNumber?, line: YAMLNode?
        var indicators: [Submission.Indicator] = []
        var seen: UInt32 = 0
        while let key = try key(in: Self.categoryKeys, seen: &seen) {
            switch key {
            case .name: name = text(try value())
            case .points: points = try figure()
            case .indicators:
                if try listOrNull() {
                    while try nextItem() { indicators.append(try indicatorRow()) }
                }
            case .line: line = try self.line()
            }
        }
        guard let name else { throw .fallBack }
        return Submission.CategoryRow(name: name, points: points, indicators: indicators,
                                      location: try rowLocation(mapping, line: line))
    }

    private mutating func indicatorRow() throws(Stop) -> Submission.Indicator {
        let mapping = here
        var subcategory, name, target, actual, reason: String?
        var points, score: PrintedNumber?
        var line: YAMLNode?
        var seen: UInt32 = 0
        while let key = try key(in: Self.indicatorKeys, seen: &seen) {
            switch key {
            case .subcategory: subcategory = text(try value())
            case .name: name = text(try value())
            case .target: target = text(try value())
            case .actual: actual = text(try value())
            case .points: points = try figure()
            case .score: score = try figure()
            case .reason: reason = text(try value())
            case .line: line = try self.line()
            }
        }
        guard let name else { throw .fallBack }
        return Submission.Indicator(
            subcategory: subcategory, name: name, target: target, actual: actual, points: points, score: score,
            reason: reason, location: try rowLocation(mapping, line: line))
    }

    private mutating func totalRow() throws(Stop) -> Submission.TotalRow {
        let mapping = here
        var points: PrintedNumber?, score, line: YAMLNode?
        var seen: UInt32 = 0
        while let key = try key(in: Self.totalKeys, seen: &seen) {
            switch key {
            case .points: points = try figure()
            case .score: score = try value()
            case .line: line = try self.line()
            }
        }
        let location = try rowLocation(mapping, line: line)
        let isPlaced = source != nil && line != nil
        return Submission.TotalRow(points: points, score: try number(score),
                                   location: isPlaced ? location : score.map(position) ?? mapping)
    }

    private mutating func goalsRow() throws(Stop) -> Submission.Goals {
        var goals = Submission.Goals()
        var seen: UInt32 = 0
        while let key = try key(in: Self.goalsKeys, seen: &seen) {
            switch key {
            case .expected: goals.expected = text(try value())
            case .achieved: goals.achieved = text(try value())
            }
        }
        return goals
    }

    private mutating func sourceBlock() throws(Stop) -> Submission.Source {
        var file: String?, table: Int?, lines: (first: Int?, last: Int?)?
        var seen: UInt32 = 0
        while let key = try key(in: Self.sourceKeys, seen: &seen) {
            switch key {
            case .file: file = text(try value())
            case .table: table = try integer(value())
            case .lines: lines = text(try value()).map(Submission.lineRange)
            }
        }
        guard let file else { throw .fallBack }
        return Submission.Source(file: file, table: table, firstLine: lines?.first, lastLine: lines?.last)
    }
}
