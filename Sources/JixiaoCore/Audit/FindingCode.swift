/// The stable codes of audit findings. The raw value is what users, reports and other tools see;
/// never rename one.
public enum FindingCode: String, Sendable, CaseIterable {
    case totalMismatch = "total-mismatch"
    case categoryPointsMismatch = "category-points-mismatch"
    case weightSum = "weight-sum"
    case rubricWeight = "rubric-weight"
    case rubricInferred = "rubric-inferred"
    case missingCategory = "missing-category"
    case unknownCategory = "unknown-category"
    case scoreOverWeight = "score-over-weight"
    case negativeScore = "negative-score"
    case rateMismatch = "rate-mismatch"
    case rateTruncated = "rate-truncated"
    case budgetScoreMismatch = "budget-score-mismatch"
    case overspend = "overspend"
    case zeroBudget = "zero-budget"
    case gradeMismatch = "grade-mismatch"
    case duplicateIndicator = "duplicate-indicator"
    case missingExplanation = "missing-explanation"

    /// The default severity (a rubric or a context may raise or lower it).
    public var severity: Severity {
        switch self {
        case .totalMismatch, .categoryPointsMismatch, .weightSum, .scoreOverWeight, .negativeScore,
             .rateMismatch, .budgetScoreMismatch, .gradeMismatch:
            .error
        case .rubricWeight, .missingCategory, .unknownCategory, .overspend, .zeroBudget,
             .duplicateIndicator, .missingExplanation:
            .warning
        case .rateTruncated, .rubricInferred:
            .info
        }
    }

    /// A one-line name of the finding.
    public var title: LocalizedText {
        switch self {
        case .totalMismatch: LocalizedText(zh: "总分与各项得分之和不符", en: "total differs from the sum of its parts")
        case .categoryPointsMismatch: LocalizedText(zh: "一级指标分值与其下指标分值之和不符", en: "a category's points differ from its indicators' points")
        case .weightSum: LocalizedText(zh: "分值合计不等于总分", en: "points do not add up to the total")
        case .rubricWeight: LocalizedText(zh: "一级指标分值与评分规则不同", en: "a category's points differ from the rubric's")
        case .rubricInferred: LocalizedText(zh: "按表中分值选定评分规则", en: "rubric chosen by the table's own points")
        case .missingCategory: LocalizedText(zh: "缺少一级指标", en: "a category is missing")
        case .unknownCategory: LocalizedText(zh: "一级指标不在评分规则中", en: "a category the rubric does not know")
        case .scoreOverWeight: LocalizedText(zh: "得分超过分值", en: "score above the points")
        case .negativeScore: LocalizedText(zh: "得分为负数", en: "negative score")
        case .rateMismatch: LocalizedText(zh: "执行率与预算数、执行数不符", en: "execution rate does not match its figures")
        case .rateTruncated: LocalizedText(zh: "执行率为截断值而非四舍五入", en: "execution rate truncated, not rounded")
        case .budgetScoreMismatch: LocalizedText(zh: "预算执行得分不等于分值×执行率", en: "budget score is not points × rate")
        case .overspend: LocalizedText(zh: "执行数超过预算数", en: "spending above the budget")
        case .zeroBudget: LocalizedText(zh: "预算数为零，无法计算执行率", en: "zero budget: no execution rate")
        case .gradeMismatch: LocalizedText(zh: "等级与总分不符", en: "grade does not match the total")
        case .duplicateIndicator: LocalizedText(zh: "三级指标重复", en: "indicator listed twice")
        case .missingExplanation: LocalizedText(zh: "扣分未说明偏差原因", en: "points lost with no reason given")
        }
    }

    /// What the finding means and how to fix it, for `jixiao explain`.
    public var explanation: LocalizedText {
        switch self {
        case .totalMismatch:
            LocalizedText(
                zh: "总分应等于预算执行得分与全部三级指标得分之和。比较时按各数所印的小数位计入舍入误差（整数指标得分视为精确值），仍不相符才报告。\n修正：重新加总各项得分，或改正抄错的某项得分。",
                en: "The total must equal the budget score plus every indicator's score. Each printed number is allowed its rounding (whole-number indicator scores count as exact); only a difference no rounding explains is reported.\nFix: add the parts again, or correct the part that was copied wrong.")
        case .categoryPointsMismatch:
            LocalizedText(
                zh: "一级指标单元格中印的分值（如“产出指标（40分）”）应等于其下三级指标分值之和。\n修正：改正一级指标分值或某个三级指标的分值。",
                en: "The points printed in a level-1 cell (e.g. 产出指标 (40分)) must equal the sum of its indicators' points.\nFix: correct the category's points or an indicator's points.")
        case .weightSum:
            LocalizedText(
                zh: "预算执行分值与全部三级指标分值之和应等于评分规则的总分（通常 100）。\n修正：调整分值使其合计为总分。",
                en: "The budget row's points and all indicators' points must add up to the rubric's total (usually 100).\nFix: adjust the points so they add up.")
        case .rubricWeight:
            LocalizedText(
                zh: "一级指标分值与评分规则不同。按规定可因特殊情况适当调整，故为警告而非错误。\n修正：核对是否有调整依据；若表按其他方案填写，用 --rubric 指定。",
                en: "A category's points differ from the rubric's. Weights may be adjusted in special cases, so this is a warning, not an error.\nFix: check the adjustment is justified; if the table follows another scheme, name it with --rubric.")
        case .rubricInferred:
            LocalizedText(
                zh: "表的年份对应一个评分方案，但其一级指标分值与另一方案相符，于是按相符的方案评分。\n修正：如需按年份方案评分，用 --rubric 指定。",
                en: "The table's year points to one scheme but its level-1 points fit another, so it is scored under the one that fits.\nFix: to score under the year's scheme, name it with --rubric.")
        case .missingCategory:
            LocalizedText(
                zh: "评分规则要求的一级指标在表中没有出现。\n修正：补充该类指标，或确认表所依据的方案。",
                en: "A level-1 category the rubric requires does not appear in the table.\nFix: add the category, or check which scheme the table follows.")
        case .unknownCategory:
            LocalizedText(
                zh: "表中一级指标名称不在评分规则（含别名）之中。\n修正：改用规范名称，或在规则文件中为其添加别名。",
                en: "A level-1 label is not among the rubric's categories or their aliases.\nFix: use the standard name, or add an alias in the rubric file.")
        case .scoreOverWeight:
            LocalizedText(zh: "三级指标得分超过其分值。\n修正：得分最高为分值。", en: "An indicator's score is above its points.\nFix: a score is at most its points.")
        case .negativeScore:
            LocalizedText(zh: "得分为负数。\n修正：得分最低为 0。", en: "A score is negative.\nFix: a score is at least 0.")
        case .rateMismatch:
            LocalizedText(
                zh: "执行率 = 全年执行数 / 全年预算数（或规则指定的年初预算数）。所印执行率无论按四舍五入还是截断都无法由这两个数得出。\n修正：重新计算执行率及据此计算的得分。",
                en: "Execution rate = amount spent / full-year budget (or the initial budget if the rubric says so). No rounding or truncation of the printed rate explains it.\nFix: compute the rate again, and the score derived from it.")
        case .rateTruncated:
            LocalizedText(
                zh: "所印执行率是截断值（如 96.8156% 印为 96.81%），四舍五入应为另一值。数值本身无误，仅提示舍入方式。",
                en: "The printed rate is truncated (96.8156% printed 96.81%) where rounding gives another figure. Not an error; a note on rounding.")
        case .budgetScoreMismatch:
            LocalizedText(
                zh: "预算执行得分 = 分值 × 执行率（执行率按规则封顶，通常 100%）。所印得分在其印刷精度内无法由此得出。\n修正：按分值 × 执行率重新计算。",
                en: "Budget score = points × execution rate (capped as the rubric says, usually at 100%). The printed score is not that, at its printed precision.\nFix: compute points × rate again.")
        case .overspend:
            LocalizedText(
                zh: "执行率超过 100%：执行数大于预算数。\n修正：核对预算调整是否已计入全年预算数，并说明超支原因。",
                en: "The execution rate is above 100%: more was spent than budgeted.\nFix: check the budget adjustments are in the full-year budget, and explain the overspend.")
        case .zeroBudget:
            LocalizedText(
                zh: "预算数为 0，执行率无法计算（“由于预算数为0万元，无法计算”）。\n修正：核对预算数；确为 0 时说明情况。",
                en: "The budget is 0, so there is no execution rate.\nFix: check the budget; if it really is 0, say so in the table.")
        case .gradeMismatch:
            LocalizedText(
                zh: "等级应为总分所在区间（默认 90 分及以上为优，80–90 为良，60–80 为中，60 以下为差）。\n修正：按总分改正等级。",
                en: "The grade must be the band of the total (by default 90+ 优, 80–90 良, 60–80 中, below 60 差).\nFix: set the grade from the total.")
        case .duplicateIndicator:
            LocalizedText(
                zh: "同一三级指标在表中出现不止一次，可能重复计分。\n修正：合并或区分这两个指标。",
                en: "The same indicator appears more than once, and may be scored twice.\nFix: merge them or tell them apart.")
        case .missingExplanation:
            LocalizedText(
                zh: "指标得分低于分值，但“偏差原因分析及改进措施”为空。\n修正：写明扣分原因和改进措施。",
                en: "An indicator lost points but its deviation reason is blank.\nFix: state why points were lost and what will be done.")
        }
    }
}
