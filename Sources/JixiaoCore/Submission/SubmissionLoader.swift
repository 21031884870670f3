import Foundation

extension Submission {
    /// Reads a submission YAML file (format documented in README.md).
    public static func load(path: String) throws -> Submission {
        try parse(InputFile.read(path), file: path)
    }

    /// Reads a submission from YAML, straight from libyaml's events (`SubmissionDecoder`), with an
    /// error at its position for each way the file can be wrong.
    public static func parse(_ bytes: [UInt8], file: String) throws(InputError) -> Submission {
        let (top, root, documents, second) = try YAMLEventStream.read(bytes, file: file, limits: YAMLLimits()) {
            (stream) throws(InputError) in
            var decoder = SubmissionDecoder(file: file)
            return try decoder.decode(&stream)
        }
        guard let top, let root, !root.isNull || documents > 1 else {
            throw InputError(.emptyFile, at: SourceLocation(file: file, line: 1, column: 1),
                             message: LocalizedText(zh: "文件为空", en: "the file is empty"))
        }
        if let second {
            throw InputError(.yamlSyntax, at: SourceLocation(file: file, line: second.line, column: second.column),
                             message: LocalizedText(zh: "一个文件只能包含一个 YAML 文档", en: "a file may hold only one YAML document"))
        }
        return try assemble(top, file: file)
    }

    /// The years a table may be for.
    static let plausibleYears = 1990...2100

    /// The submission of a decoded file, each field read (and each problem raised) in the order
    /// below: the schema of the submission file (README, "Submission format").
    private static func assemble(_ decoded: DecodedSubmission, file: String) throws(InputError) -> Submission {
        let top = decoded.fields
        try top.open()
        let source = try readSource(top, decoded.source)
        /// Rows carry `line:` when imported from a document: findings then point into it.
        func location<Fields: YAMLFields>(_ map: Fields, line: Fields.Key) throws(InputError) -> SourceLocation {
            if let source, let line = try map.integer(line) {
                return SourceLocation(file: source.file, line: line)
            }
            return YAMLMapping.location(map.node, file)
        }
        func location<Fields: YAMLFields>(of key: Fields.Key, in map: Fields, line: Fields.Key) throws(InputError) -> SourceLocation {
            if source != nil, map.optional(line) != nil { return try location(map, line: line) }
            return map.location(of: key)
        }

        let year = try top.requiredInteger(.year)
        guard plausibleYears.contains(year) else {
            throw InputError(.invalidValue, at: top.location(of: .year), field: "year",
                             message: LocalizedText(zh: "年份 \(year) 不合理", en: "year \(year) is not plausible"))
        }

        _ = try top.required(.budget)
        let budgetMap = decoded.budget!
        try budgetMap.open()
        for key in [BudgetKey.initial, .adjusted, .executed] {
            if let value = try budgetMap.number(key), value.number < 0 {
                throw InputError(.invalidNumber, at: budgetMap.location(of: key), field: budgetMap.field(key),
                                 message: LocalizedText(zh: "预算金额不能为负数（\(value)）", en: "a budget amount cannot be negative (\(value))"))
            }
        }
        let budget = BudgetRow(
            initial: try budgetMap.number(.initial), adjusted: try budgetMap.number(.adjusted),
            executed: try budgetMap.number(.executed), points: try budgetMap.number(.points),
            rate: try budgetMap.number(.rate).map(Self.percentage), score: try budgetMap.number(.score),
            location: try location(budgetMap, line: .line),
            rateLocation: try location(of: .rate, in: budgetMap, line: .line),
            scoreLocation: try location(of: .score, in: budgetMap, line: .line))

        var categories: [CategoryRow] = []
        let categoryItems = try list(top, .categories, decoded.categories)
        if top.optional(.categories) == nil || categoryItems.isEmpty {
            throw InputError(.missingField, at: top.location(of: .categories), field: "categories",
                             message: LocalizedText(zh: "缺少指标（categories）", en: "missing the indicators (categories)"))
        }
        for item in categoryItems {
            let map = item.fields
            try map.open()
            var indicators: [Indicator] = []
            for entry in try list(map, .indicators, item.indicators) {
                let row = entry
                try row.open()
                indicators.append(Indicator(
                    subcategory: try row.text(.subcategory), name: try row.requiredText(.name),
                    target: try row.text(.target), actual: try row.text(.actual),
                    points: try row.number(.points), score: try row.number(.score),
                    reason: try row.text(.reason), location: try location(row, line: .line)))
            }
            categories.append(CategoryRow(
                name: try map.requiredText(.name), points: try map.number(.points),
                indicators: indicators, location: try location(map, line: .line)))
        }

        let totalMap = try opened(decoded.total, if: top.optional(.total) != nil)
        let total = TotalRow(
            points: try totalMap?.number(.points), score: try totalMap?.number(.score),
            location: try totalMap.map { (m) throws(InputError) in try location(of: .score, in: m, line: .line) } ?? top.location(of: .total))

        let goalsMap = try opened(decoded.goals, if: top.optional(.goals) != nil)
        return Submission(
            file: file, unit: try top.text(.unit), title: try top.text(.title),
            level: try top.requiredChoice(.level, EvaluationLevel.self, choices: EvaluationLevel.allCases),
            project: try top.text(.project), department: try top.text(.department),
            implementer: try top.text(.implementer), year: year, region: try top.text(.region),
            rubric: try top.text(.rubric),
            money: try top.choice(.money, MoneyUnit.self, choices: MoneyUnit.allCases) ?? .wanYuan,
            budget: budget,
            goals: try goalsMap.map { (m) throws(InputError) in Goals(expected: try m.text(.expected), achieved: try m.text(.achieved)) },
            categories: categories, total: total,
            grade: try top.text(.grade).map { Claim(value: $0, location: top.location(of: .grade)) },
            source: source, location: YAMLMapping.location(decoded.fields.node, file))
    }

    /// A mapping field, as `YAMLMapping.mapping` gives it: none when the field is absent or null.
    private static func opened<Key>(_ fields: DecodedFields<Key>?, if present: Bool) throws(InputError) -> DecodedFields<Key>? {
        guard present, let fields else { return nil }
        try fields.open()
        return fields
    }

    /// The items of a list field, as `YAMLMapping.list` gives them: none when the field is absent
    /// or null, an error when it is not a list.
    private static func list<Fields: YAMLFields, Item>(_ map: Fields, _ key: Fields.Key, _ items: [Item]) throws(InputError) -> [Item] {
        guard let value = map.optional(key) else { return [] }
        guard case .sequence = value.content else {
            throw YAMLMapping.wrongType(value, file: map.file, field: map.field(key), expected: LocalizedText(zh: "列表", en: "a list"))
        }
        return items
    }

    private static func readSource(
        _ top: DecodedFields<TopKey>, _ decoded: DecodedFields<SourceKey>?
    ) throws(InputError) -> Source? {
        guard let map = try opened(decoded, if: top.optional(.source) != nil) else { return nil }
        let lines = try map.text(.lines).map(lineRange)
        return Source(file: try map.requiredText(.file), table: try map.integer(.table),
                      firstLine: lines?.first, lastLine: lines?.last)
    }

    /// A source's `lines: "12-40"`: the numbers either side of the dash; a part that is not a
    /// number is left out.
    static func lineRange(_ lines: String) -> (first: Int?, last: Int?) {
        let parts = lines.split(separator: "-").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        return (parts.first, parts.last)
    }

    /// A printed 执行率 as a percentage: `96.3%` stays; a bare `1` or `0.9627` is a fraction
    /// (100%, 96.27%); a bare `100` or `96.27` is already a percent figure.
    static func percentage(_ number: PrintedNumber) -> PrintedNumber {
        if number.isPercent { return number }
        if number.value <= 2 {
            return PrintedNumber(number.value * 100, decimals: max(0, number.decimals - 2), isPercent: true)
        }
        return PrintedNumber(number.value, decimals: number.decimals, isPercent: true)
    }
}
