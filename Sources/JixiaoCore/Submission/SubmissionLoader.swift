import Foundation

extension Submission {
    /// Reads a submission YAML file (format documented in README.md).
    public static func load(path: String) throws -> Submission {
        try parse(InputFile.read(path), file: path)
    }

    /// Reads a submission from YAML through a `YAMLNode` tree and `YAMLMapping`, with an error
    /// at its position for each way the file can be wrong.
    public static func parse(_ bytes: [UInt8], file: String) throws(InputError) -> Submission {
        let root = try YAMLReader.document(bytes, file: file)
        return try read(root, file: file)
    }

    /// The years a table may be for.
    static let plausibleYears = 1990...2100

    private static func read(_ root: YAMLNode, file: String) throws(InputError) -> Submission {
        let top = try YAMLMapping(root, file: file, path: "", allowed: TopKey.names)
        let source = try readSource(top)
        /// Rows carry `line:` when imported from a document: findings then point into it.
        func location(_ map: YAMLMapping) throws(InputError) -> SourceLocation {
            if let source, let line = try map.integer("line") {
                return SourceLocation(file: source.file, line: line)
            }
            return YAMLMapping.location(map.node, file)
        }
        func location(of key: String, in map: YAMLMapping) throws(InputError) -> SourceLocation {
            if source != nil, map.optional("line") != nil { return try location(map) }
            return map.location(of: key)
        }

        let year = try top.requiredInteger("year")
        guard plausibleYears.contains(year) else {
            throw InputError(.invalidValue, at: top.location(of: "year"), field: "year",
                             message: LocalizedText(zh: "年份 \(year) 不合理", en: "year \(year) is not plausible"))
        }

        let budgetMap = try YAMLMapping(top.required("budget"), file: file, path: "budget", allowed: BudgetKey.names)
        for key in ["initial", "adjusted", "executed"] {
            if let value = try budgetMap.number(key), value.number < 0 {
                throw InputError(.invalidNumber, at: budgetMap.location(of: key), field: budgetMap.field(key),
                                 message: LocalizedText(zh: "预算金额不能为负数（\(value)）", en: "a budget amount cannot be negative (\(value))"))
            }
        }
        let budget = BudgetRow(
            initial: try budgetMap.number("initial"), adjusted: try budgetMap.number("adjusted"),
            executed: try budgetMap.number("executed"), points: try budgetMap.number("points"),
            rate: try budgetMap.number("rate").map(Self.percentage), score: try budgetMap.number("score"),
            location: try location(budgetMap),
            rateLocation: try location(of: "rate", in: budgetMap), scoreLocation: try location(of: "score", in: budgetMap))

        var categories: [CategoryRow] = []
        let categoryItems = try top.list("categories")
        if top.optional("categories") == nil || categoryItems.isEmpty {
            throw InputError(.missingField, at: top.location(of: "categories"), field: "categories",
                             message: LocalizedText(zh: "缺少指标（categories）", en: "missing the indicators (categories)"))
        }
        for item in categoryItems {
            let map = try YAMLMapping(item.node, file: file, path: item.path, allowed: CategoryKey.names)
            var indicators: [Indicator] = []
            for entry in try map.list("indicators") {
                let row = try YAMLMapping(entry.node, file: file, path: entry.path, allowed: IndicatorKey.names)
                indicators.append(Indicator(
                    subcategory: try row.text("subcategory"), name: try row.requiredText("name"),
                    target: try row.text("target"), actual: try row.text("actual"),
                    points: try row.number("points"), score: try row.number("score"),
                    reason: try row.text("reason"), location: try location(row)))
            }
            categories.append(CategoryRow(
                name: try map.requiredText("name"), points: try map.number("points"),
                indicators: indicators, location: try location(map)))
        }

        let totalMap = try top.mapping("total", allowed: TotalKey.names)
        let total = TotalRow(
            points: try totalMap?.number("points"), score: try totalMap?.number("score"),
            location: try totalMap.map { (m) throws(InputError) in try location(of: "score", in: m) } ?? top.location(of: "total"))

        let goalsMap = try top.mapping("goals", allowed: GoalsKey.names)
        return Submission(
            file: file, unit: try top.text("unit"), title: try top.text("title"),
            level: try top.requiredChoice("level", EvaluationLevel.self, choices: EvaluationLevel.allCases),
            project: try top.text("project"), department: try top.text("department"),
            implementer: try top.text("implementer"), year: year, region: try top.text("region"),
            rubric: try top.text("rubric"),
            money: try top.choice("money", MoneyUnit.self, choices: MoneyUnit.allCases) ?? .wanYuan,
            budget: budget,
            goals: try goalsMap.map { (m) throws(InputError) in Goals(expected: try m.text("expected"), achieved: try m.text("achieved")) },
            categories: categories, total: total,
            grade: try top.text("grade").map { Claim(value: $0, location: top.location(of: "grade")) },
            source: source, location: YAMLMapping.location(root, file))
    }

    private static func readSource(_ top: YAMLMapping) throws(InputError) -> Source? {
        guard let map = try top.mapping("source", allowed: SourceKey.names) else { return nil }
        let lines = try map.text("lines").map(lineRange)
        return Source(file: try map.requiredText("file"), table: try map.integer("table"),
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
