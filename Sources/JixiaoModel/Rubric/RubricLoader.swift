import Foundation
import JixiaoBase
import JixiaoValues

extension Rubric {
    /// Reads and validates a rubric file. Structural problems (syntax, types, unknown keys) stop
    /// at the first; validation problems (points that don't add up, bands with gaps) are all
    /// reported together.
    public static func load(path: String) throws -> Rubric {
        let bytes = try InputFile.read(path)
        return try parse(bytes, file: path)
    }

    public static func parse(_ bytes: [UInt8], file: String) throws -> Rubric {
        let root = try YAMLReader.document(bytes, file: file)
        var problems = RubricProblems(file: file)
        let rubric = try read(root, file: file, problems: &problems)
        if !problems.errors.isEmpty { throw InputErrors(problems.errors) }
        return rubric
    }

    private static func read(_ root: YAMLNode, file: String, problems: inout RubricProblems) throws(InputError) -> Rubric {
        let top = try YAMLMapping(root, file: file, path: "", allowed: [
            "id", "title", "title-en", "applies", "total", "budget", "categories", "indicator-points", "scoring", "rounding",
            "grades", "values",
        ])
        let applies = try top.mapping("applies", allowed: ["levels", "regions", "years", "match", "words"])
        var levels: [EvaluationLevel] = []
        for item in try applies.map({ (m) throws(InputError) in try m.list("levels") }) ?? [] {
            let raw = try YAMLMapping.text(item.node, file: file, field: item.path)
            guard let level = EvaluationLevel(rawValue: raw) else {
                throw InputError(.invalidValue, at: YAMLMapping.location(item.node, file), field: item.path,
                                 message: LocalizedText(zh: "“\(raw)”不是 department 或 project", en: "'\(raw)' is not department or project"))
            }
            levels.append(level)
        }
        let years = try applies.map { (m) throws(InputError) in try readYears(m) } ?? (nil, nil)

        let budgetMap = try YAMLMapping(top.required("budget"), file: file, path: "budget", allowed: ["points", "denominator", "cap"])
        let budget = BudgetRule(
            points: try budgetMap.requiredNumber("points").number,
            denominator: try budgetMap.choice("denominator", BudgetRule.Denominator.self, choices: BudgetRule.Denominator.allCases) ?? .adjusted,
            cap: try budgetMap.number("cap")?.number ?? 1)

        var categories: [Category] = []
        let categoryItems = try top.list("categories")
        for item in categoryItems {
            let map = try YAMLMapping(item.node, file: file, path: item.path, allowed: ["name", "aliases", "points", "subcategories", "rule"])
            var subcategories: [Subcategory] = []
            for sub in try map.list("subcategories") {
                if let name = sub.node.scalar {
                    subcategories.append(Subcategory(name: name, aliases: [], rule: nil))
                } else {
                    let subMap = try YAMLMapping(sub.node, file: file, path: sub.path, allowed: ["name", "aliases", "rule"])
                    subcategories.append(Subcategory(
                        name: try subMap.requiredText("name"), aliases: try subMap.texts("aliases"),
                        rule: try subMap.choice("rule", IndicatorRule.self, choices: IndicatorRule.allCases)))
                }
            }
            categories.append(Category(
                name: try map.requiredText("name"), aliases: try map.texts("aliases"),
                allowed: try readPoints(map, problems: &problems), subcategories: subcategories,
                rule: try map.choice("rule", IndicatorRule.self, choices: IndicatorRule.allCases)))
        }
        let indicatorPoints = try top.number("indicator-points")?.number
        if let indicatorPoints, indicatorPoints <= 0 {
            problems.add(at: top.location(of: "indicator-points"), field: "indicator-points",
                         LocalizedText(zh: "每项指标分值应大于 0", en: "the points of each indicator must be above 0"))
        }

        let scoringMap = try top.mapping("scoring", allowed: [
            "reverse", "equal-tolerance", "overshoot", "low-execution", "low-execution-categories", "qualitative",
        ])
        var bands: [QualitativeBand] = []
        let bandItems = try scoringMap.map { (m) throws(InputError) in try m.list("qualitative") } ?? []
        for item in bandItems {
            let map = try YAMLMapping(item.node, file: file, path: item.path, allowed: ["band", "from", "to", "words"])
            bands.append(QualitativeBand(
                name: try map.requiredText("band"), lower: try map.requiredNumber("from").number,
                upper: try map.requiredNumber("to").number, words: try map.texts("words")))
        }
        let scoring = ScoringRules(
            reverse: try scoringMap?.choice("reverse", ScoringRules.ReverseVariant.self, choices: ScoringRules.ReverseVariant.allCases) ?? .ratio,
            equalTolerance: try scoringMap?.number("equal-tolerance")?.number ?? 0,
            overshoot: try scoringMap?.number("overshoot")?.number ?? Fixed("1.3")!,
            lowExecution: try scoringMap?.number("low-execution")?.number ?? Fixed("0.6")!,
            lowExecutionCategories: try scoringMap?.texts("low-execution-categories") ?? [],
            qualitative: bands)
        var vocabulary = try readVocabulary(top.mapping("values", allowed: [
            "at-least", "more-than", "at-most", "less-than", "equal", "improved", "no-incident", "count-units",
            "placeholders",
        ]))
        if !bands.isEmpty {
            vocabulary.bands = bands.map { ValueVocabulary.Band(band: $0.name, words: $0.words) }
            vocabulary.improvedBand = bands[0].name
            vocabulary.noIncidentBand = bands[0].name
        }

        let roundingMap = try top.mapping("rounding", allowed: ["mode", "decimals", "whole-scores"])
        let wholeScores = try roundingMap?.text("whole-scores") ?? "exact"
        guard wholeScores == "exact" || wholeScores == "rounded" else {
            throw InputError(.invalidValue, at: roundingMap!.location(of: "whole-scores"), field: "rounding.whole-scores",
                             message: LocalizedText(zh: "“\(wholeScores)”不是 exact 或 rounded", en: "'\(wholeScores)' is not exact or rounded"))
        }
        let rounding = Rounding(
            mode: try roundingMap?.choice("mode", Rounding.Mode.self, choices: Rounding.Mode.allCases) ?? .either,
            decimals: try roundingMap?.integer("decimals") ?? 2,
            wholeScoresRounded: wholeScores == "rounded")

        var grades: [GradeBand] = []
        let gradeItems = try top.list("grades")
        for item in gradeItems {
            let map = try YAMLMapping(item.node, file: file, path: item.path, allowed: ["grade", "aliases", "from", "to"])
            grades.append(GradeBand(
                name: try map.requiredText("grade"), aliases: try map.texts("aliases"),
                lower: try map.requiredNumber("from").number, upper: try map.requiredNumber("to").number))
        }

        let total = try top.number("total")?.number ?? 100
        let allPoints = budget.points + categories.reduce(Fixed(0)) { $0 + $1.points }
        // With ranges or points set by the table, the total must lie within what they allow.
        let most = categories.reduce(Optional(budget.points)) { sum, category in sum.flatMap { s in category.allowed.upper.map { s + $0 } } }
        if categories.allSatisfy({ if case .fixed = $0.allowed { true } else { false } }) {
            if allPoints != total {
                problems.add(at: YAMLMapping.location(top.optional("categories") ?? root, file), field: "categories",
                             LocalizedText(zh: "预算执行 \(budget.points) 分与各一级指标分值之和为 \(allPoints)，不等于总分 \(total)",
                                           en: "the budget row's \(budget.points) points and the categories add up to \(allPoints), not the total \(total)"))
            }
        } else if allPoints > total || most.map({ $0 < total }) == true {
            let range = most.map { "\(allPoints)–\($0)" } ?? "\(allPoints)+"
            problems.add(at: YAMLMapping.location(top.optional("categories") ?? root, file), field: "categories",
                         LocalizedText(zh: "预算执行 \(budget.points) 分与各一级指标分值之和可为 \(range)，无法等于总分 \(total)",
                                       en: "the budget row's \(budget.points) points and the categories can add up to \(range), never the total \(total)"))
        }
        if categoryItems.isEmpty {
            problems.add(at: YAMLMapping.location(root, file), field: "categories",
                         LocalizedText(zh: "没有一级指标", en: "no categories"))
        }
        for name in scoring.lowExecutionCategories where !categories.contains(where: { $0.matches(name) }) {
            problems.add(at: scoringMap!.location(of: "low-execution-categories"), field: "scoring.low-execution-categories",
                         LocalizedText(zh: "“\(name)”不是本规则的一级指标", en: "'\(name)' is not a category of this rubric"))
        }
        problems.checkNames(categories.map { [$0.name] + $0.aliases }, items: categoryItems, what: LocalizedText(zh: "一级指标", en: "category"))
        problems.checkCoverage(grades.map { ($0.lower, $0.upper) }, items: gradeItems, from: 0, to: total,
                               field: "grades", root: root, what: LocalizedText(zh: "等级区间", en: "grade bands"))
        problems.checkNames(grades.map { [$0.name] + $0.aliases }, items: gradeItems, what: LocalizedText(zh: "等级", en: "grade"))
        problems.checkCoverage(bands.map { ($0.lower, $0.upper) }, items: bandItems, from: 0, to: 1,
                               field: "scoring.qualitative", root: root, what: LocalizedText(zh: "定性指标档次", en: "qualitative bands"))
        if let from = years.0, let to = years.1, from > to, let applies {
            problems.add(at: applies.location(of: "years"), field: "applies.years",
                         LocalizedText(zh: "起始年份 \(from) 晚于截止年份 \(to)", en: "first year \(from) is after last year \(to)"))
        }

        return Rubric(
            id: try top.requiredText("id"), title: try top.requiredText("title"), titleEnglish: try top.text("title-en"),
            file: file,
            applies: Applicability(levels: levels.isEmpty ? EvaluationLevel.allCases : levels,
                                   regions: try applies?.texts("regions") ?? [], fromYear: years.0, toYear: years.1,
                                   match: try applies?.choice("match", Applicability.Match.self, choices: Applicability.Match.allCases) ?? .year,
                                   words: try applies?.texts("words") ?? []),
            total: total,
            budget: budget, categories: categories, scoring: scoring, rounding: rounding,
            grades: grades.sorted { $0.lower > $1.lower }, indicatorPoints: indicatorPoints, values: ValueParser(vocabulary: vocabulary))
    }

    /// A category's `points`: a number, a range `20-30` (inclusive), or `printed`.
    private static func readPoints(_ map: YAMLMapping, problems: inout RubricProblems) throws(InputError) -> AllowedPoints {
        let node = try map.required("points")
        let field = map.field("points")
        let raw = try YAMLMapping.text(node, file: map.file, field: field).trimmingCharacters(in: .whitespaces)
        if raw == "printed" { return .asPrinted }
        let parts = raw.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return .fixed(try YAMLMapping.number(node, file: map.file, field: field).number) }
        guard let lower = PrintedNumber(parsing: String(parts[0]).trimmingCharacters(in: .whitespaces)),
              let upper = PrintedNumber(parsing: String(parts[1]).trimmingCharacters(in: .whitespaces)) else {
            throw InputError(.invalidValue, at: YAMLMapping.location(node, map.file), field: field,
                             message: LocalizedText(zh: "分值“\(raw)”无法识别", en: "points '\(raw)' cannot be read"),
                             hint: LocalizedText(zh: "写作 40、20-30 或 printed（按表中所填）", en: "write 40, 20-30 or printed (as the table prints them)"))
        }
        if lower.number >= upper.number {
            problems.add(at: YAMLMapping.location(node, map.file), field: field,
                         LocalizedText(zh: "分值区间下限 \(lower) 不小于上限 \(upper)", en: "lower bound \(lower) is not below upper bound \(upper)"))
        }
        return .range(lower.number, upper.number)
    }

    /// The `values` section: word lists that replace the standard ones they name; lists it does
    /// not name stay standard.
    private static func readVocabulary(_ map: YAMLMapping?) throws(InputError) -> ValueVocabulary {
        var vocabulary = ValueVocabulary.standard
        guard let map else { return vocabulary }
        let comparators: [(String, ValueComparator)] = [
            ("at-least", .atLeast), ("more-than", .moreThan), ("at-most", .atMost), ("less-than", .lessThan), ("equal", .equal),
        ]
        for (key, comparator) in comparators {
            guard let words = try map.mapping(key, allowed: ["before", "after"]) else { continue }
            vocabulary[comparator] = ValueVocabulary.ComparatorWords(before: try words.texts("before"), after: try words.texts("after"))
        }
        if map.optional("improved") != nil { vocabulary.improved = try map.texts("improved") }
        if map.optional("no-incident") != nil { vocabulary.noIncident = try map.texts("no-incident") }
        if map.optional("count-units") != nil { vocabulary.countUnits = try map.texts("count-units") }
        if map.optional("placeholders") != nil { vocabulary.placeholders = try map.texts("placeholders") }
        return vocabulary
    }

    /// `years: 2024-`, `-2023`, `2020-2023` or a single year.
    private static func readYears(_ map: YAMLMapping) throws(InputError) -> (Int?, Int?) {
        guard let raw = try map.text("years") else { return (nil, nil) }
        let parts = raw.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let valid = parts.count <= 2 && parts.allSatisfy { $0.isEmpty || Int($0) != nil } && parts.contains { !$0.isEmpty }
        guard valid else {
            throw InputError(.invalidValue, at: map.location(of: "years"), field: map.field("years"),
                             message: LocalizedText(zh: "年份范围“\(raw)”无法识别", en: "year range '\(raw)' cannot be read"),
                             hint: LocalizedText(zh: "写作 2020-2023、2024- 或 -2023", en: "write 2020-2023, 2024- or -2023"))
        }
        if parts.count == 1 { return (Int(parts[0]), Int(parts[0])) }
        return (Int(parts[0]), Int(parts[1]))
    }
}

/// Validation problems of one rubric, collected so `rubric check` can list them all.
struct RubricProblems {
    let file: String
    var errors: [InputError] = []

    mutating func add(at location: SourceLocation, field: String, _ message: LocalizedText) {
        errors.append(InputError(.invalidRubric, at: location, field: field, message: message))
    }

    /// Names and aliases must not repeat across items, or a label would match two of them.
    mutating func checkNames(_ names: [[String]], items: [YAMLMapping.ListItem], what: LocalizedText) {
        var seen: [LabelKey: Int] = [:]
        for (index, group) in names.enumerated() {
            for key in Set(group.map(LabelKey.init)) {
                let name = key.text
                if let first = seen[key], first != index {
                    add(at: YAMLMapping.location(items[index].node, file), field: items[index].path,
                        LocalizedText(zh: "\(what.zh)名称“\(name)”与第 \(first + 1) 项重复",
                                      en: "\(what.en) name '\(name)' repeats item \(first + 1)"))
                } else {
                    seen[key] = index
                }
            }
        }
    }

    /// Bands must tile [from, to]: each starts where the previous one ends, no gaps, no overlaps.
    mutating func checkCoverage(
        _ bands: [(lower: Fixed, upper: Fixed)], items: [YAMLMapping.ListItem],
        from: Fixed, to: Fixed, field: String, root: YAMLNode, what: LocalizedText
    ) {
        guard !bands.isEmpty else {
            add(at: YAMLMapping.location(root, file), field: field,
                LocalizedText(zh: "没有\(what.zh)", en: "no \(what.en)"))
            return
        }
        let order = bands.indices.sorted { bands[$0].lower < bands[$1].lower }
        var reached = from
        for index in order {
            let band = bands[index]
            let location = YAMLMapping.location(items[index].node, file)
            if band.lower >= band.upper {
                add(at: location, field: items[index].path,
                    LocalizedText(zh: "区间下限 \(band.lower) 不小于上限 \(band.upper)", en: "lower bound \(band.lower) is not below upper bound \(band.upper)"))
            } else if band.lower > reached {
                add(at: location, field: items[index].path,
                    LocalizedText(zh: "\(what.zh)在 \(reached) 与 \(band.lower) 之间有空缺", en: "\(what.en) leave a gap between \(reached) and \(band.lower)"))
            } else if band.lower < reached {
                add(at: location, field: items[index].path,
                    LocalizedText(zh: "\(what.zh)在 \(band.lower) 与 \(reached) 之间重叠", en: "\(what.en) overlap between \(band.lower) and \(reached)"))
            }
            reached = max(reached, band.upper)
        }
        if reached != to, let last = order.last {
            add(at: YAMLMapping.location(items[last].node, file), field: items[last].path,
                LocalizedText(zh: "\(what.zh)止于 \(reached)，未覆盖到 \(to)", en: "\(what.en) end at \(reached) and do not reach \(to)"))
        }
    }
}
