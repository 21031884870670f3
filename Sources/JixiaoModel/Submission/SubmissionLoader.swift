import Foundation
import JixiaoBase

extension Submission {
    /// Reads a submission YAML file (format documented in README.md). UTF-8 is checked by libyaml
    /// as it reads; a file that is not UTF-8 is decoded (GBK/GB18030) and read again.
    public static func load(path: String) throws(InputError) -> Submission {
        let raw = try InputFile.bytes(path)
        let text = try InputFile.screen(raw, file: path)
        do {
            return try parse(text, file: path)
        } catch where !InputFile.isUTF8(text) {
            return try parse(InputFile.decode(raw, file: path), file: path)
        }
    }

    /// Reads a submission from YAML, straight from libyaml's events (`SubmissionDecoder`), with an
    /// error at its position for each way the file can be wrong.
    public static func parse(_ bytes: [UInt8], file: String) throws(InputError) -> Submission {
        let (top, root, documents, second) = try YAMLEventStream.read(bytes, file: file, limits: YAMLLimits()) {
            (stream) throws(InputError) in try SubmissionDecoder(file: file).decode(&stream)
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

    /// The submission of a file as read, each field taken (and each problem raised) in the order
    /// below: the schema of the submission file (README, "Submission format").
    private static func assemble(_ top: SubmissionDraft, file: String) throws(InputError) -> Submission {
        try top.map.open()
        let source = try readSource(top.source, in: top.map)
        /// Rows carry `line:` when imported from a document: findings then point into it.
        func location(_ map: MappingDraft, line: Slot<Int>) throws(InputError) -> SourceLocation {
            if let source, let line = try line.optional() {
                return SourceLocation(file: source.file, line: line)
            }
            return map.position.location(file)
        }
        func location<Value>(of slot: Slot<Value>, in map: MappingDraft, line: Slot<Int>) throws(InputError) -> SourceLocation {
            if source != nil, line.isPresent { return try location(map, line: line) }
            return slot.location(in: map)
        }

        let year = try top.year.required("year", in: top.map)
        guard plausibleYears.contains(year) else {
            throw InputError(.invalidValue, at: top.year.location(in: top.map), field: "year",
                             message: LocalizedText(zh: "年份 \(year) 不合理", en: "year \(year) is not plausible"))
        }

        let budgetDraft = try top.budget.required("budget", in: top.map)
        try budgetDraft.map.open()
        for (slot, name) in [(budgetDraft.initial, "initial"), (budgetDraft.adjusted, "adjusted"), (budgetDraft.executed, "executed")] {
            if let value = try slot.optional(), value.number < 0 {
                throw InputError(.invalidNumber, at: slot.location(in: budgetDraft.map), field: budgetDraft.map.place.field(name),
                                 message: LocalizedText(zh: "预算金额不能为负数（\(value)）", en: "a budget amount cannot be negative (\(value))"))
            }
        }
        let budget = BudgetRow(
            initial: try budgetDraft.initial.optional(), adjusted: try budgetDraft.adjusted.optional(),
            executed: try budgetDraft.executed.optional(), points: try budgetDraft.points.optional(),
            rate: try budgetDraft.rate.optional().map(Self.percentage), score: try budgetDraft.score.optional(),
            location: try location(budgetDraft.map, line: budgetDraft.line),
            rateLocation: try location(of: budgetDraft.rate, in: budgetDraft.map, line: budgetDraft.line),
            scoreLocation: try location(of: budgetDraft.score, in: budgetDraft.map, line: budgetDraft.line))

        var categories: [CategoryRow] = []
        let categoryDrafts = try top.categories.optional() ?? []
        if !top.categories.isPresent || categoryDrafts.isEmpty {
            throw InputError(.missingField, at: top.categories.location(in: top.map), field: "categories",
                             message: LocalizedText(zh: "缺少指标（categories）", en: "missing the indicators (categories)"))
        }
        for item in categoryDrafts {
            try item.map.open()
            let rows = try item.indicators.optional() ?? []
            var indicators: [Indicator] = []
            indicators.reserveCapacity(rows.count)
            // Each field read in place (`rows[index].name`): a copy of a whole row would count a
            // reference for every text in it.
            for index in rows.indices {
                try rows[index].map.open()
                indicators.append(Indicator(
                    subcategory: try rows[index].subcategory.optional(), name: try rows[index].name.required("name", in: rows[index].map),
                    target: try rows[index].target.optional(), actual: try rows[index].actual.optional(),
                    points: try rows[index].points.optional(), score: try rows[index].score.optional(),
                    reason: try rows[index].reason.optional(), location: try location(rows[index].map, line: rows[index].line)))
            }
            categories.append(CategoryRow(
                name: try item.name.required("name", in: item.map), points: try item.points.optional(),
                indicators: indicators, location: try location(item.map, line: item.line)))
        }

        let totalDraft = try opened(top.total)
        let total = TotalRow(
            points: try totalDraft?.points.optional(), score: try totalDraft?.score.optional(),
            location: try totalDraft.map { (m) throws(InputError) in try location(of: m.score, in: m.map, line: m.line) }
                ?? top.total.location(in: top.map))

        let goalsDraft = try opened(top.goals)
        var submission = Submission(
            file: file, unit: try top.unit.optional(), title: try top.title.optional(),
            level: try top.level.required("level", in: top.map),
            project: try top.project.optional(), department: try top.department.optional(),
            implementer: try top.implementer.optional(), year: year, region: try top.region.optional(),
            rubric: try top.rubric.optional(),
            money: try top.money.optional() ?? .wanYuan,
            budget: budget,
            goals: try goalsDraft.map { (m) throws(InputError) in Goals(expected: try m.expected.optional(), achieved: try m.achieved.optional()) },
            categories: categories, total: total,
            grade: try top.grade.optional().map { Claim(value: $0, location: top.grade.location(in: top.map)) },
            source: source, location: top.map.position.location(file))
        if top.rubric.isPresent { submission.rubricLocation = top.rubric.location(in: top.map) }
        return submission
    }

    /// A mapping field, as `YAMLMapping.mapping` gives it: none when absent or null.
    private static func opened<Draft: Drafted>(_ slot: Slot<Draft>) throws(InputError) -> Draft? {
        guard let draft = try slot.optional() else { return nil }
        try draft.map.open()
        return draft
    }

    private static func readSource(_ slot: Slot<SourceDraft>, in top: MappingDraft) throws(InputError) -> Source? {
        guard let map = try opened(slot) else { return nil }
        let lines = try map.lines.optional().map(lineRange)
        return Source(file: try map.file.required("file", in: map.map), table: try map.table.optional(),
                      firstLine: lines?.first, lastLine: lines?.last)
    }

    /// A source's `lines: "12-40"`: the numbers either side of the dash; a part that is not a
    /// number is left out.
    static func lineRange(_ lines: String) -> (first: Int?, last: Int?) {
        let parts = lines.split(separator: "-").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        return (parts.first, parts.last)
    }

    /// A printed 执行率 as a percentage: `87.5%` stays; a bare `1` or `0.8746` is a fraction
    /// (100%, 87.46%); a bare `100` or `87.46` is already a percent figure.
    package static func percentage(_ number: PrintedNumber) -> PrintedNumber {
        if number.isPercent { return number }
        if number.value <= 2 {
            return PrintedNumber(number.value * 100, decimals: max(0, number.decimals - 2), isPercent: true)
        }
        return PrintedNumber(number.value, decimals: number.decimals, isPercent: true)
    }
}
