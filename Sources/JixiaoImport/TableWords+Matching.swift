import Foundation
import JixiaoBase
import JixiaoModel
import JixiaoFormats

/// What a cell or a line is, by the words (`TableWords`). Every comparison is on the text with
/// its spaces removed (`一级 指标` is `一级指标`).
extension TableWords {
    // MARK: Indicator labels

    /// The level of a complete label (`产出指标`, `数量指标`, `服务对象满意度`), or nil.
    func level(of label: String) -> Labels.Level? {
        let text = DocumentText.compact(label)
        let stem = text.hasSuffix("指标") ? String(text.dropLast(2)) : text
        guard !stem.isEmpty else { return nil }
        let inOne = level1.contains(stem + "指标")
        let inTwo = level2.contains(stem + "指标") || level2.contains { $0.hasPrefix(stem) && stem.count >= 4 }
        if inOne && inTwo { return .either }
        if inOne { return .one }
        if inTwo { return .two }
        // Any other short label ending in 指标 is a level-2 label of some province's form.
        if text.hasSuffix("指标"), (3...12).contains(text.count), !text.contains(where: \.isASCIIDigit) { return .two }
        return nil
    }

    /// Whether `text` is a known label cut short (`经济效`, `可持续影`, `满意度`), so that the next
    /// piece of a wrapped cell continues it.
    func isLabelStart(_ text: String) -> Bool {
        let text = DocumentText.compact(text)
        guard text.count >= 2 else { return false }
        return (level1 + level2).contains { $0.hasPrefix(text) }
    }

    /// The level a label start will have once complete.
    func startLevel(_ text: String) -> Labels.Level? {
        let text = DocumentText.compact(text)
        let one = level1.contains { $0.hasPrefix(text) }
        let two = level2.contains { $0.hasPrefix(text) }
        if one && two { return .either }
        return one ? .one : two ? .two : nil
    }

    /// Whether `fragment` continues the label `label` that wrapped: `社会效` + `益指标`,
    /// `满意度` + `指标`, `生态环境` + `成本指标`.
    func continues(_ label: String, with fragment: String) -> Bool {
        let label = DocumentText.compact(label), fragment = DocumentText.compact(fragment)
        guard !label.isEmpty, !fragment.isEmpty, !label.hasSuffix("指标") else { return false }
        let joined = label + fragment
        if (level1 + level2).contains(where: { $0.hasPrefix(joined) }) { return true }
        if fragment == "指标" || fragment == "标" { return true }
        return fragment.hasSuffix("指标") && level(of: fragment) == nil
    }

    /// The level-1 category that the national forms put a level-2 label under.
    func parent(ofLevel2 label: String) -> String? {
        let text = DocumentText.compact(label)
        return level2Parents.first { text.hasPrefix($0.stem) }?.parent
    }

    // MARK: Placeholders and totals

    /// An empty placeholder cell: `无`, `……`, `/`, dashes.
    func isPlaceholder(_ cell: String?) -> Bool {
        guard let cell else { return false }
        let text = DocumentText.compact(cell)
        if text.isEmpty { return false }
        if placeholders.contains(text) { return true }
        return text.allSatisfy { ".。…-—－/／、·".contains($0) }
    }

    /// The 总分 row of the indicator section.
    func isTotalLabel(_ cell: String) -> Bool {
        total.contains(DocumentText.compact(cell))
    }

    /// The 年度资金总额 row of the budget section (not its 其中 sub-rows).
    func isBudgetTotalLabel(_ cell: String) -> Bool {
        var text = DocumentText.compact(cell)
        if budgetPartPrefix.contains(where: text.hasPrefix) { return false }
        if text.hasSuffix("：") || text.hasSuffix(":") { text.removeLast() }
        return budgetTotal.contains(text)
    }

    /// A 其中 sub-row of the budget section: 当年财政拨款, 上年结转, 其他资金.
    func isBudgetPartLabel(_ cell: String) -> Bool {
        let text = DocumentText.compact(cell)
        return budgetPartPrefix.contains(where: text.hasPrefix) || budgetParts.contains(text)
    }

    // MARK: Header cells

    /// A self-evaluation's indicator header in one row: three or more column names, one of them
    /// 得分 or 分值 (a table of targets without scores, a 绩效目标表, is not a self-evaluation).
    /// PDF text, whose header may be broken over lines, is recognised line by line instead
    /// (`StreamTableParser.isHeader`).
    func isIndicatorHeader(_ cells: [String]) -> Bool {
        guard cells.count >= 3 else { return false }
        let columns = Set(cells.compactMap(indicatorColumn))
        return columns.count >= 3 && (columns.contains(.score) || columns.contains(.points))
    }

    /// The column a header cell of the indicator section names.
    func indicatorColumn(_ cell: String) -> Submission.IndicatorColumn? {
        guard cell.unicodeScalars.contains(where: headerMarks.contains) else { return nil }
        let text = DocumentText.compact(cell)
        return columns.first { $0.1.matches(text) }?.0
    }

    /// The two cells a target printed in three columns adds to 指标值.
    func targetPart(_ cell: String) -> Labels.TargetPart? {
        let text = DocumentText.compact(cell)
        if comparatorColumn.contains(text) { return .comparator }
        if unitColumn.contains(text) { return .unit }
        return nil
    }

    /// The reviewer's score column (复核分) of forms that print it beside the 自评分.
    func isReviewColumn(_ cell: String) -> Bool {
        let text = DocumentText.compact(cell)
        return reviewColumn.contains(where: text.hasPrefix)
    }

    /// A 指标性质 cell as the comparator it means (正向 as ≥, 反向 as ≤); nil for words that say
    /// none (定性, 定量).
    func comparator(ofTargetKind cell: String) -> String? {
        let text = DocumentText.compact(cell)
        if text.count == 1, Labels.comparators.contains(text) { return text }
        if higherIsBetter.contains(where: text.hasPrefix) { return "≥" }
        if lowerIsBetter.contains(where: text.hasPrefix) { return "≤" }
        return nil
    }

    /// Where each budget column's header occurs in `text` (spaces and parenthesised notes such as
    /// `（分值×执行率）` removed), for reading the columns' order.
    func budgetColumns(in text: String) -> [(column: Submission.BudgetFigure, offset: Int)] {
        let plain = Array(Labels.withoutParentheses(DocumentText.compact(text)))
        func find(_ words: [String]) -> Int? {
            words.compactMap { word -> Int? in
                let needle = Array(word)
                guard !needle.isEmpty, needle.count <= plain.count else { return nil }
                return (0...(plain.count - needle.count)).first { Array(plain[$0..<$0 + needle.count]) == needle }
            }.min()
        }
        return budgetColumns.compactMap { column, words in find(words).map { (column: column, offset: $0) } }
            .sorted { $0.offset < $1.offset }
    }

    /// The column a single header cell of the budget section names.
    func budgetColumn(_ cell: String) -> Submission.BudgetFigure? {
        let found = budgetColumns(in: cell)
        return found.count == 1 ? found[0].column : nil
    }

    // MARK: Titles and name rows

    /// The kind of table a title line announces, or nil when the line is not a title:
    /// 项目支出绩效自评表, 部门整体绩效自评表, 项目自评表, 绩效目标自评表 …, with `附件:` or a year
    /// (`(2022年度)`) around it.
    func titleKind(_ line: String) -> Labels.TableKind? {
        // Every title ends in 表; most lines hold none, which a scalar scan tells fast.
        guard line.unicodeScalars.contains("表") else { return nil }
        let text = DocumentText.compact(line)
        guard text.count <= 60 else { return nil }
        if titleBaseData.contains(where: text.contains) { return .baseData }
        guard titleTable.contains(where: text.contains)
            || titleEvaluation.contains(where: text.contains) && titlePerformance.contains(where: text.contains) else { return nil }
        if titleProject.contains(where: text.contains) { return .project }
        if titleDepartment.contains(where: text.contains) { return .department }
        return .unnamed
    }

    /// The level of a table whose title does not say it: a project table names its project.
    func kind(ofBody lines: some Collection<DocumentText.Line>) -> Labels.TableKind {
        lines.contains { line in line.filledCells.prefix(2).contains { nameField($0) == .project } }
            || lines.contains { line in
                line.shape == .plain && line.text.split(whereSeparator: \.isWhitespace).first.map { nameField(String($0)) == .project } == true
            } ? .project : .department
    }

    /// Which name a label cell introduces: 单位名称, 项目支出名称, 主管部门, 实施单位.
    func nameField(_ cell: String) -> Labels.NameField? {
        let text = Labels.withoutParentheses(DocumentText.compact(cell))
        guard text.count <= 24 else { return nil }
        // Whole labels first: 主管部门名称 names the department, not the unit.
        if nameDepartment.contains(text) { return .department }
        if nameImplementer.contains(text) { return .implementer }
        guard nameSuffix.contains(where: text.hasSuffix) else { return nil }
        if nameProject.contains(where: text.contains) { return .project }
        if nameUnit.contains(where: text.contains) { return .unit }
        return nil
    }
}
