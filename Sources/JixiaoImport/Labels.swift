import Foundation
import JixiaoBase
import JixiaoModel
import JixiaoFormats

/// The words by which the importer recognises the parts of a self-evaluation table: titles,
/// header cells, indicator labels of each level, placeholders. General word lists of the
/// national forms (财预〔2020〕10号, 〔2021〕101号) and their provincial variants; no table's own
/// content.
enum Labels {
    // MARK: Indicator labels

    /// Level-1 labels (一级指标), as printed without spaces.
    static let level1 = ["产出指标", "效益指标", "满意度指标", "成本指标", "投入指标", "过程指标", "效果指标", "管理指标", "决策指标"]
    /// Level-2 labels (二级指标) of the national forms.
    static let level2 = [
        "数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标",
        "可持续影响指标", "服务对象满意度指标", "社会公众满意度指标", "群众满意度指标", "经济成本指标",
        "社会成本指标", "生态环境成本指标", "预算执行指标",
    ]
    /// Which level-1 category a level-2 label belongs to in the national forms, by its stem.
    static let parentOfLevel2: [(stem: String, parent: String)] = [
        ("数量", "产出指标"), ("质量", "产出指标"), ("时效", "产出指标"),
        ("经济效益", "效益指标"), ("社会效益", "效益指标"), ("生态效益", "效益指标"), ("可持续", "效益指标"),
        ("满意", "满意度指标"), ("服务对象", "满意度指标"),
        ("经济成本", "成本指标"), ("社会成本", "成本指标"), ("生态环境成本", "成本指标"),
    ]

    enum Level: Sendable {
        case one, two
        /// `成本指标`: level 1 in the 2024 forms, level 2 under 产出 in the 2020 forms.
        case either
    }

    /// The level of a complete label (`产出指标`, `数量指标`, `服务对象满意度`), or nil.
    static func level(of label: String) -> Level? {
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
    static func isLabelStart(_ text: String) -> Bool {
        let text = DocumentText.compact(text)
        guard text.count >= 2 else { return false }
        return (level1 + level2).contains { $0.hasPrefix(text) }
    }

    /// The level a label start will have once complete.
    static func startLevel(_ text: String) -> Level? {
        let text = DocumentText.compact(text)
        let one = level1.contains { $0.hasPrefix(text) }
        let two = level2.contains { $0.hasPrefix(text) }
        if one && two { return .either }
        return one ? .one : two ? .two : nil
    }

    /// Whether `fragment` continues the label `label` that wrapped: `社会效` + `益指标`,
    /// `满意度` + `指标`, `生态环境` + `成本指标`.
    static func continues(_ label: String, with fragment: String) -> Bool {
        let label = DocumentText.compact(label), fragment = DocumentText.compact(fragment)
        guard !label.isEmpty, !fragment.isEmpty, !label.hasSuffix("指标") else { return false }
        let joined = label + fragment
        if (level1 + level2).contains(where: { $0.hasPrefix(joined) }) { return true }
        if fragment == "指标" || fragment == "标" { return true }
        return fragment.hasSuffix("指标") && level(of: fragment) == nil
    }

    /// The level-1 category that the national forms put a level-2 label under.
    static func parent(ofLevel2 label: String) -> String? {
        let text = DocumentText.compact(label)
        return parentOfLevel2.first { text.hasPrefix($0.stem) }?.parent
    }

    // MARK: Points printed with a label

    /// Splits `产出指标 (40分)` into its label and points; `(40 分)` alone gives no label.
    static func splitPoints(_ cell: String) -> (label: String?, points: PrintedNumber?) {
        let pattern = #"[（(]\s*([0-9]+(?:\.[0-9]+)?)\s*分\s*[）)]"#
        guard let range = cell.range(of: pattern, options: .regularExpression) else {
            return (cell.isEmpty ? nil : cell, nil)
        }
        let inner = cell[range].filter { $0.isASCIIDigit || $0 == "." }
        let label = DocumentText.clean(cell.replacingCharacters(in: range, with: " "))
        return (label.isEmpty ? nil : DocumentText.compact(label), PrintedNumber(parsing: String(inner)))
    }

    /// A cell that holds only points: `(40 分)`, `（30分）`.
    static func pointsOnly(_ cell: String) -> PrintedNumber? {
        let split = splitPoints(cell)
        return split.label == nil ? split.points : nil
    }

    // MARK: Placeholders and totals

    /// An empty placeholder cell: `无`, `……`, `/`, dashes.
    static func isPlaceholder(_ cell: String?) -> Bool {
        guard let cell else { return false }
        let text = DocumentText.compact(cell)
        if text.isEmpty { return false }
        if ["无", "无。", "不适用", "暂无"].contains(text) { return true }
        return text.allSatisfy { ".。…-—－/／、·".contains($0) }
    }

    /// The 总分 row of the indicator section.
    static func isTotalLabel(_ cell: String) -> Bool {
        let text = DocumentText.compact(cell)
        return ["总分", "合计", "总计", "自评总分", "综合得分", "总得分"].contains(text)
    }

    /// The 年度资金总额 row of the budget section (not its 其中 sub-rows).
    static func isBudgetTotalLabel(_ cell: String) -> Bool {
        let text = DocumentText.compact(cell)
        if text.hasPrefix("其中") { return false }
        return ["年度资金总额", "资金总额", "年度资金总额：", "合计", "总计", "资金合计", "年度资金合计", "项目资金总额",
                "年度财政资金总额", "财政资金总额", "总额"].contains(text)
    }

    /// A 其中 sub-row of the budget section: 当年财政拨款, 上年结转, 其他资金.
    static func isBudgetPartLabel(_ cell: String) -> Bool {
        let text = DocumentText.compact(cell)
        return text.hasPrefix("其中") || ["当年财政拨款", "财政拨款", "上年结转", "上年结转资金", "其他资金", "结转资金", "财政资金"].contains(text)
    }

    // MARK: Header cells

    /// A character that every header word below holds: a cell without one is no header, which
    /// a scan of its scalars tells faster than the word searches.
    private static let headerMarks: Set<Unicode.Scalar> = ["指", "偏", "原", "改", "实", "完", "值", "得", "分", "权"]

    /// The column a header cell of the indicator section names.
    static func indicatorColumn(_ cell: String) -> Submission.IndicatorColumn? {
        guard cell.unicodeScalars.contains(where: headerMarks.contains) else { return nil }
        let text = DocumentText.compact(cell)
        if text.contains("一级指标") { return .level1 }
        if text.contains("二级指标") { return .level2 }
        if text.contains("三级指标") { return .level3 }
        if text.contains("偏差") || text.contains("原因分析") || text.contains("改进措施") { return .reason }
        if text.contains("实际完成") || text == "完成值" || text.contains("实际值") || text.contains("实际完成值") { return .actual }
        if text.contains("指标值") || text.contains("目标值") || text == "年度目标值" { return .target }
        if text.hasPrefix("得分") || text.hasPrefix("自评得分") || text.hasPrefix("自评分") { return .score }
        if text.hasPrefix("分值") || text.hasPrefix("权重") { return .points }
        return nil
    }

    /// The two cells a target printed in three columns adds to 指标值.
    enum TargetPart: Sendable {
        /// 指标性质 (also 指标方向): `≥`, `≤`, `=`, or 正向 / 反向.
        case comparator
        /// 度量单位 (also 计量单位, 单位).
        case unit
    }

    static func targetPart(_ cell: String) -> TargetPart? {
        let text = DocumentText.compact(cell)
        if text == "指标性质" || text == "指标方向" { return .comparator }
        if text == "度量单位" || text == "计量单位" || text == "单位" { return .unit }
        return nil
    }

    /// The reviewer's score column (复核分, 复核得分) of forms that print it beside the 自评分.
    static func isReviewColumn(_ cell: String) -> Bool {
        DocumentText.compact(cell).hasPrefix("复核")
    }

    /// A 指标性质 cell as the comparator it means; nil for words that say none (定性, 定量).
    static func comparator(ofTargetKind cell: String) -> String? {
        let text = DocumentText.compact(cell)
        if ["≥", "≤", "=", ">", "<", "≧", "≦", "＞", "＜", "＝"].contains(text) { return text }
        if text.hasPrefix("正向") { return "≥" }
        if text.hasPrefix("反向") { return "≤" }
        return nil
    }

    /// Where each budget column's header occurs in `text` (spaces and parenthesised notes such as
    /// `（分值×执行率）` removed), for reading the columns' order.
    static func budgetColumns(in text: String) -> [(column: Submission.BudgetFigure, offset: Int)] {
        let plain = Array(withoutParentheses(DocumentText.compact(text)))
        func find(_ words: [String], excluding: [String] = []) -> Int? {
            var best: Int?
            for word in words {
                let needle = Array(word)
                guard needle.count <= plain.count else { continue }
                var index = 0
                while index + needle.count <= plain.count {
                    if Array(plain[index..<index + needle.count]) == needle {
                        let rest = String(plain[index...])
                        if !excluding.contains(where: { rest.hasPrefix($0) }) {
                            best = min(best ?? index, index)
                            break
                        }
                    }
                    index += 1
                }
            }
            return best
        }
        var found: [(Submission.BudgetFigure, Int)] = []
        if let offset = find(["年初预算"]) { found.append((.initial, offset)) }
        if let offset = find(["全年预算", "调整后预算", "调整预算"]) { found.append((.adjusted, offset)) }
        if let offset = find(["全年执行", "执行数", "实际支出", "支出数"]) { found.append((.executed, offset)) }
        if let offset = find(["分值", "权重"]) { found.append((.points, offset)) }
        if let offset = find(["执行率"]) { found.append((.rate, offset)) }
        if let offset = find(["得分"]) { found.append((.score, offset)) }
        return found.sorted { $0.1 < $1.1 }.map { (column: $0.0, offset: $0.1) }
    }

    /// The column a single header cell of the budget section names.
    static func budgetColumn(_ cell: String) -> Submission.BudgetFigure? {
        let found = budgetColumns(in: cell)
        return found.count == 1 ? found[0].column : nil
    }

    /// `text` without the parts in parentheses: `得分（分值×执行率）` → `得分`.
    static func withoutParentheses(_ text: String) -> String {
        var out = ""
        var depth = 0
        for character in text {
            if character == "（" || character == "(" { depth += 1; continue }
            if character == "）" || character == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(character) }
        }
        return out
    }

    /// The money unit a header names: `（万元）`, `（元）`.
    static func moneyUnit(in text: String) -> Submission.MoneyUnit? {
        let text = DocumentText.compact(text)
        if text.contains("（万元）") || text.contains("(万元)") || text.contains("单位：万元") { return .wanYuan }
        if text.contains("（元）") || text.contains("(元)") || text.contains("单位：元") { return .yuan }
        return nil
    }

    // MARK: Titles and name rows

    enum TableKind: Sendable, Hashable {
        case department, project, baseData
        /// A self-evaluation table whose title names no level (绩效目标自评表): its rows tell.
        case unnamed
    }

    /// The kind of table a title line announces, or nil when the line is not a title:
    /// 项目支出绩效自评表, 部门整体支出绩效自评表, 部门整体绩效自评表, 项目自评表, 绩效目标自评表 …,
    /// with `附件:` or a year (`(2022年度)`) around it.
    static func titleKind(_ line: String) -> TableKind? {
        // Every title below ends in 表; most lines hold none, which a scalar scan tells fast.
        guard line.unicodeScalars.contains("表") else { return nil }
        let text = DocumentText.compact(line)
        guard text.count <= 60 else { return nil }
        if text.contains("基础数据表") { return .baseData }
        guard text.contains("自评表") || text.contains("评价表") && text.contains("绩效") else { return nil }
        if text.contains("项目") { return .project }
        if text.contains("整体") || text.contains("部门") || text.contains("单位") { return .department }
        return .unnamed
    }

    /// The level of a table whose title does not say it: a project table names its project.
    static func kind(ofBody lines: some Collection<DocumentText.Line>) -> TableKind {
        lines.contains { $0.compact.contains("项目名称") || $0.compact.contains("项目支出名称") } ? .project : .department
    }

    enum NameField: Sendable, Hashable {
        case unit, project, department, implementer
    }

    /// Which name a label cell introduces: 单位名称, 项目支出名称, 主管部门, 实施单位.
    static func nameField(_ cell: String) -> NameField? {
        let text = withoutParentheses(DocumentText.compact(cell))
        guard text.count <= 24 else { return nil }
        if text.hasSuffix("名称") {
            if text.contains("项目") { return .project }
            if text.contains("单位") || text.contains("部门") || text.contains("机构") { return .unit }
        }
        if text == "主管部门" || text == "主管单位" || text == "主管部门名称" { return .department }
        if text == "实施单位" || text == "执行单位" || text == "实施单位名称" { return .implementer }
        return nil
    }

    /// The year a title or heading states (`2024 年度…`).
    static func year(in text: String) -> Int? {
        let compact = DocumentText.compact(text)
        guard let range = compact.range(of: #"(19|20)[0-9]{2}年"#, options: .regularExpression) else { return nil }
        return Int(compact[range].prefix(4))
    }

    /// 评价等级 words, longest first.
    static let grades = ["不合格", "优秀", "良好", "中等", "合格", "较差", "优", "良", "中", "差"]
}
