import Foundation
import JixiaoBase
import JixiaoModel
import JixiaoFormats

/// The words by which tables are found and read: titles, header cells, indicator labels of each
/// level, placeholders, grades. They are data (`Rubrics/vocabulary/tables.yaml`, loaded with the
/// rubrics), not code, so that a province's words are added without a change to the importer;
/// `Labels` holds the syntax that is no vocabulary (points in parentheses, years, money units).
public struct TableWords: Sendable {
    /// A rule for one header: a cell that contains, starts with or equals one of its words.
    struct Match: Sendable {
        var contains: [String] = []
        var starts: [String] = []
        var equals: [String] = []

        func matches(_ text: String) -> Bool {
            contains.contains { text.contains($0) } || starts.contains { text.hasPrefix($0) } || equals.contains(text)
        }
    }

    var titleTable: [String]
    var titleEvaluation: [String]
    var titlePerformance: [String]
    var titleProject: [String]
    var titleDepartment: [String]
    var titleBaseData: [String]
    /// Headings of a budget document (部门预算), and words that make a heading no budget's (决算).
    var budgetDocument: [String]
    var finalDocument: [String]
    /// How a unit's name ends (局, 委员会 …), for a unit read from a heading.
    var unitEndings: [String]
    /// Words of which a base data sheet (基础数据表) holds at least one.
    var baseDataContent: [String]
    var nameSuffix: [String]
    var nameProject: [String]
    var nameUnit: [String]
    var nameDepartment: [String]
    var nameImplementer: [String]
    var budgetTotal: [String]
    var budgetParts: [String]
    var budgetPartPrefix: [String]
    var budgetColumns: [(Submission.BudgetFigure, [String])]
    /// Labelled amounts that break the 年度资金总额 down by nature of spending (基本支出, 项目支出)
    /// and by source of funds (一般公共预算, 政府性基金 …).
    var spendingByNature: [String]
    var fundsBySource: [String]
    /// In the order they are tried.
    var columns: [(Submission.IndicatorColumn, Match)]
    var comparatorColumn: [String]
    var unitColumn: [String]
    var higherIsBetter: [String]
    var lowerIsBetter: [String]
    var reviewColumn: [String]
    var total: [String]
    var level1: [String]
    var level2: [String]
    var level2Parents: [(stem: String, parent: String)]
    var placeholders: [String]
    var grades: [String]
    /// What introduces the grade in the 总分 row (等级), and a word that may join them (为).
    var gradeLabels: [String]
    var gradeCopulas: [String]
    /// The first scalar of every indicator header word: a cell that holds none is no header,
    /// which a scan of its scalars tells faster than the word searches.
    var headerMarks: Set<Unicode.Scalar>

    /// Loads the words of a rubric folder (`vocabulary/tables.yaml`), every problem with its line.
    public static func load(rubrics directory: String) throws -> TableWords {
        let file = (directory as NSString).appendingPathComponent("vocabulary/tables.yaml")
        return try parse(InputFile.read(file), file: file)
    }

    public static func parse(_ bytes: [UInt8], file: String) throws -> TableWords {
        let keys = [
            "titles", "documents", "names", "budget", "columns", "target-columns", "review-column", "total",
            "level1", "level2", "level2-parents", "placeholders", "grades", "grade-label", "grade-copula",
        ]
        let top = try YAMLMapping(try YAMLReader.document(bytes, file: file), file: file, path: "", allowed: keys)
        // Every list is needed: one left out would silently stop what it recognises.
        for key in keys { _ = try top.required(key) }
        /// A section whose every key is required.
        func section(_ key: String, _ allowed: [String]) throws(InputError) -> YAMLMapping {
            let map = try YAMLMapping(top.required(key), file: file, path: key, allowed: allowed)
            for name in allowed { _ = try map.required(name) }
            return map
        }
        let titles = try section("titles", ["table", "evaluation", "performance", "project", "department", "base-data", "base-data-content"])
        let documents = try section("documents", ["budget", "final", "unit-endings"])
        let names = try section("names", ["suffix", "project", "unit", "department", "implementer"])
        let budget = try section("budget", ["total", "parts", "part-prefix", "columns", "by-nature", "by-source"])
        let budgetColumnMap = try YAMLMapping(budget.required("columns"), file: file, path: "budget.columns",
                                              allowed: Submission.BudgetFigure.allCases.map(\.rawValue))
        let columnMap = try section("columns", Submission.IndicatorColumn.allCases.map(\.rawValue))
        var columns: [(Submission.IndicatorColumn, Match)] = []
        // In the order written: the first column whose words a cell matches is the cell's.
        for key in columnMap.writtenKeys {
            let rule = try YAMLMapping(columnMap.required(key), file: file, path: columnMap.field(key), allowed: ["contains", "starts", "equals"])
            let match = Match(contains: try rule.texts("contains").map(DocumentText.compact), starts: try rule.texts("starts").map(DocumentText.compact),
                              equals: try rule.texts("equals").map(DocumentText.compact))
            columns.append((Submission.IndicatorColumn(rawValue: key)!, match))
        }
        let targets = try section("target-columns", ["comparator", "unit", "higher-is-better", "lower-is-better"])
        var parents: [(stem: String, parent: String)] = []
        for item in try top.list("level2-parents") {
            let pair = try YAMLMapping.list(item.node, file: file, field: item.path)
            guard pair.count == 2 else {
                throw InputError(.invalidValue, at: YAMLMapping.location(item.node, file), field: item.path,
                                 message: LocalizedText(zh: "应为 [二级指标开头的字, 一级指标]", en: "expected [first words of a level-2 label, level-1 label]"))
            }
            parents.append((try YAMLMapping.text(pair[0].node, file: file, field: pair[0].path),
                            try YAMLMapping.text(pair[1].node, file: file, field: pair[1].path)))
        }
        return TableWords(
            titleTable: try titles.texts("table"), titleEvaluation: try titles.texts("evaluation"),
            titlePerformance: try titles.texts("performance"), titleProject: try titles.texts("project"),
            titleDepartment: try titles.texts("department"), titleBaseData: try titles.texts("base-data"),
            budgetDocument: try documents.texts("budget"), finalDocument: try documents.texts("final"),
            unitEndings: try documents.texts("unit-endings"),
            baseDataContent: try titles.texts("base-data-content"),
            nameSuffix: try names.texts("suffix"), nameProject: try names.texts("project"), nameUnit: try names.texts("unit"),
            nameDepartment: try names.texts("department"), nameImplementer: try names.texts("implementer"),
            budgetTotal: try budget.texts("total"), budgetParts: try budget.texts("parts"), budgetPartPrefix: try budget.texts("part-prefix"),
            budgetColumns: try Submission.BudgetFigure.allCases.map { figure in
                _ = try budgetColumnMap.required(figure.rawValue)
                return (figure, try budgetColumnMap.texts(figure.rawValue))
            },
            spendingByNature: try budget.texts("by-nature"), fundsBySource: try budget.texts("by-source"),
            columns: columns, comparatorColumn: try targets.texts("comparator"), unitColumn: try targets.texts("unit"),
            higherIsBetter: try targets.texts("higher-is-better"), lowerIsBetter: try targets.texts("lower-is-better"),
            reviewColumn: try top.texts("review-column"), total: try top.texts("total"),
            level1: try top.texts("level1"), level2: try top.texts("level2"), level2Parents: parents,
            placeholders: try top.texts("placeholders"), grades: try top.texts("grades"),
            gradeLabels: try top.texts("grade-label"), gradeCopulas: try top.texts("grade-copula"),
            headerMarks: Set(columns.flatMap { $0.1.contains + $0.1.starts + $0.1.equals }.compactMap(\.unicodeScalars.first)))
    }
}
