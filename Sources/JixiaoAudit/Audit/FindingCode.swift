import JixiaoBase

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
    // Indicator scoring (target against actual)
    case metButDeducted = "met-but-deducted"
    case unmetButFull = "unmet-but-full"
    case scoreOffRule = "score-off-rule"
    case scoreOutOfBand = "score-out-of-band"
    case overshootUnexplained = "overshoot-unexplained"
    case unmeasurableTarget = "unmeasurable-target"
    case unmeasuredActual = "unmeasured-actual"
    case unitMismatch = "unit-mismatch"
    case lowExecutionFullMarks = "low-execution-full-marks"
    // Documents: prose against tables, stated ratios and sums
    case narrativeMismatch = "narrative-mismatch"
    case statedRatioMismatch = "stated-ratio-mismatch"
    case statedSumMismatch = "stated-sum-mismatch"
    case roundingDifference = "rounding-difference"
    case importNote = "import-note"
    case notChecked = "not-checked"
    case missingScore = "missing-score"
    case unscoredIndicator = "unscored-indicator"
    // History: a unit's tables across years (batch runs stored with --db)
    case copiedFromLastYear = "copied-from-last-year"
    case alwaysFullMarks = "always-full-marks"

    /// The default severity (a rubric or a context may raise or lower it).
    public var severity: Severity {
        switch self {
        case .totalMismatch, .categoryPointsMismatch, .weightSum, .scoreOverWeight, .negativeScore,
             .rateMismatch, .budgetScoreMismatch, .gradeMismatch, .narrativeMismatch,
             .statedRatioMismatch, .statedSumMismatch:
            .error
        case .rubricWeight, .missingCategory, .unknownCategory, .overspend, .zeroBudget,
             .duplicateIndicator, .missingExplanation, .metButDeducted, .unmetButFull, .scoreOffRule,
             .scoreOutOfBand, .unitMismatch, .lowExecutionFullMarks:
            .warning
        case .rateTruncated, .roundingDifference, .rubricInferred, .overshootUnexplained, .unmeasurableTarget, .unmeasuredActual, .importNote,
             .notChecked, .missingScore, .unscoredIndicator, .copiedFromLastYear, .alwaysFullMarks:
            .info
        }
    }

    /// What a finding's two values are, as the reports label them: by default the table's own
    /// figure (自评) and the one the rules give (核定); for other findings what they compare.
    public var valueLabels: (claimed: LocalizedText, computed: LocalizedText) {
        func pair(_ zh1: String, _ en1: String, _ zh2: String, _ en2: String) -> (claimed: LocalizedText, computed: LocalizedText) {
            (LocalizedText(zh: zh1, en: en1), LocalizedText(zh: zh2, en: en2))
        }
        switch self {
        case .scoreOverWeight, .missingExplanation, .metButDeducted: return pair("得分", "score", "分值", "points")
        case .negativeScore: return pair("得分", "score", "下限", "lowest")
        case .unitMismatch, .overshootUnexplained: return pair("实际完成值", "actual", "年度指标值", "target")
        case .scoreOutOfBand: return pair("自评", "claimed", "档次区间", "band")
        case .categoryPointsMismatch: return pair("所填分值", "points given", "指标分值之和", "indicators' points")
        case .rubricWeight, .missingCategory, .unknownCategory: return pair("表中分值", "table's points", "规则分值", "rubric's points")
        case .weightSum: return pair("分值合计", "points in all", "应为", "should be")
        case .rubricInferred: return pair("自评", "claimed", "评分规则", "rubric")
        case .zeroBudget: return pair("预算数", "budget", "核定", "recomputed")
        case .narrativeMismatch: return pair("正文", "prose", "表中", "table")
        case .statedRatioMismatch: return pair("文中所写", "stated", "重算", "recomputed")
        case .statedSumMismatch, .roundingDifference: return pair("所写合计", "stated total", "各项之和", "sum of parts")
        case .lowExecutionFullMarks: return pair("所填执行率", "rate given", "核定执行率", "recomputed rate")
        case .copiedFromLastYear: return pair("本年", "this year", "上年", "last year")
        case .alwaysFullMarks: return pair("自评", "claimed", "年度", "years")
        default: return pair("自评", "claimed", "核定", "recomputed")
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
        case .metButDeducted: LocalizedText(zh: "已达成目标却被扣分", en: "target met but points lost")
        case .unmetButFull: LocalizedText(zh: "未达成目标却得满分", en: "target missed but full points")
        case .scoreOffRule: LocalizedText(zh: "得分与评分规则计算不符", en: "score differs from the rule's")
        case .scoreOutOfBand: LocalizedText(zh: "定性指标得分不在档次区间内", en: "qualitative score outside its band")
        case .overshootUnexplained: LocalizedText(zh: "大幅超额完成未说明原因", en: "far over target with no reason")
        case .unmeasurableTarget: LocalizedText(zh: "指标值无法衡量", en: "target cannot be measured")
        case .unmeasuredActual: LocalizedText(zh: "定量目标仅以文字填报完成值", en: "numeric target, actual only in words")
        case .unitMismatch: LocalizedText(zh: "指标值与完成值单位不一致", en: "target and actual in different units")
        case .lowExecutionFullMarks: LocalizedText(zh: "执行率低但产出、成本指标全部满分", en: "low execution but full output and cost marks")
        case .narrativeMismatch: LocalizedText(zh: "文字说明与表格数据矛盾", en: "prose contradicts the table")
        case .statedRatioMismatch: LocalizedText(zh: "文中所述比率与其数据不符", en: "a stated ratio does not match its figures")
        case .statedSumMismatch: LocalizedText(zh: "文中所述合计与其明细不符", en: "a stated total does not match its parts")
        case .roundingDifference: LocalizedText(zh: "合计与明细相差在尾数误差之内", en: "a total and its parts differ within rounding")
        case .importNote: LocalizedText(zh: "导入时未能读出的内容", en: "something the import could not read")
        case .notChecked: LocalizedText(zh: "未能读取，未核查", en: "not read, not checked")
        case .missingScore: LocalizedText(zh: "得分栏为空", en: "a score cell is blank")
        case .unscoredIndicator: LocalizedText(zh: "指标无法按规则复核", en: "an indicator the rules cannot check")
        case .copiedFromLastYear: LocalizedText(zh: "指标值与上年完全相同", en: "indicator values copied from last year")
        case .alwaysFullMarks: LocalizedText(zh: "历年所有指标均为满分", en: "full marks on every indicator every year")
        }
    }

    /// What the finding means and how to fix it, for `jixiao explain`.
    public var explanation: LocalizedText {
        switch self {
        case .totalMismatch:
            LocalizedText(
                zh: "总分应等于预算执行得分与全部三级指标得分之和。比较时按各数所填的小数位计入舍入误差（整数指标得分视为精确值），仍不相符才报告。\n修正：重新加总各项得分，或改正抄错的某项得分。",
                en: "The total must equal the budget score plus every indicator's score. Each printed number is allowed its rounding (whole-number indicator scores count as exact); only a difference no rounding explains is reported.\nFix: add the parts again, or correct the part that was copied wrong.")
        case .categoryPointsMismatch:
            LocalizedText(
                zh: "一级指标单元格中所填的分值（如“产出指标（40分）”）应等于其下三级指标分值之和。\n修正：改正一级指标分值或某个三级指标的分值。",
                en: "The points printed in a level-1 cell (e.g. 产出指标 (40分)) must equal the sum of its indicators' points.\nFix: correct the category's points or an indicator's points.")
        case .weightSum:
            LocalizedText(
                zh: "预算执行分值与全部三级指标分值之和应等于评分规则的总分（通常 100）。\n修正：调整分值使其合计为总分。",
                en: "The budget row's points and all indicators' points must add up to the rubric's total (usually 100).\nFix: adjust the points so they add up.")
        case .rubricWeight:
            LocalizedText(
                zh: "一级指标分值（或每项指标分值）与评分规则不同。按规定可因特殊情况适当调整，故为警告而非错误；若表中所填一级指标分值与任何已知方案都不相符，则按表中所填分值核对算术，与方案的差异仅为提示。\n修正：核对是否有调整依据；若表按其他方案填写，用 --rubric 指定。",
                en: "A category's points (or an indicator's, under a rubric that gives each the same) differ from the rubric's. Weights may be adjusted in special cases, so this is a warning, not an error; when the table's printed level-1 points fit no known scheme, its arithmetic is checked against its own printed weights and the difference from the scheme is only a note (info).\nFix: check the adjustment is justified; if the table follows another scheme, name it with --rubric.")
        case .rubricInferred:
            LocalizedText(
                zh: "表的年份对应一个评分方案，但其一级指标分值（及预算执行分值）与另一方案相符，于是按相符的方案评分；各省常见方案（资金 20 + 年度绩效目标 80 等）只按分值选定。\n修正：如需按年份方案评分，用 --rubric 指定。",
                en: "The table's year points to one scheme but its level-1 points (and budget row points) fit another, so it is scored under the one that fits; the provincial schemes (funds 20 + goals 80 and others) are only ever chosen this way.\nFix: to score under the year's scheme, name it with --rubric.")
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
                zh: "执行率 = 全年执行数 / 全年预算数（或规则指定的年初预算数）。所填执行率无论按四舍五入还是截断都无法由这两个数得出。\n修正：重新计算执行率及据此计算的得分。",
                en: "Execution rate = amount spent / full-year budget (or the initial budget if the rubric says so). No rounding or truncation of the printed rate explains it.\nFix: compute the rate again, and the score derived from it.")
        case .rateTruncated:
            LocalizedText(
                zh: "所填执行率是截断值（如 95.4372% 填为 95.43%），四舍五入应为另一值。数值本身无误，仅提示舍入方式。",
                en: "The printed rate is truncated (95.4372% printed 95.43%) where rounding gives another figure. Not an error; a note on rounding.")
        case .budgetScoreMismatch:
            LocalizedText(
                zh: "预算执行得分 = 分值 × 执行率（执行率按规则封顶，通常 100%）。所填得分在其所填精度内无法由此得出。\n修正：按分值 × 执行率重新计算。",
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
        case .metButDeducted:
            LocalizedText(
                zh: "实际完成值达到了年度指标值，按规则应得满分，却被扣分。\n修正：给满分，或说明扣分依据（如质量问题）。",
                en: "The actual value meets the target, so the rule gives full points, yet points were lost.\nFix: give full points, or state why they were deducted.")
        case .unmetButFull:
            LocalizedText(
                zh: "实际完成值未达到年度指标值，却得满分。\n修正：按完成比例计分（正向指标：分值 × 实际/目标）。",
                en: "The actual value misses the target, yet full points were given.\nFix: score in proportion (positive indicators: points × actual/target).")
        case .scoreOffRule:
            LocalizedText(
                zh: "定量指标的得分与评分规则算出的得分在所填精度内不符（正向：分值 × 实际/目标；反向：按规则变体）。\n修正：按规则重新计分，或说明调整依据。",
                en: "A quantitative indicator's score differs from the rule's at its printed precision (positive: points × actual/target; reverse: the rubric's variant).\nFix: score by the rule, or state the grounds for the difference.")
        case .scoreOutOfBand:
            LocalizedText(
                zh: "定性指标按完成情况分档：达成 80%–100%、部分达成 60%–80%、未达成 0–60%（以分值计）。所给得分不在完成情况对应的档次内。\n修正：在档次区间内计分，或改正完成情况的表述。",
                en: "Qualitative indicators score in bands: achieved 80–100%, partly 60–80%, not achieved 0–60% of their points. The score is outside the band of the stated result.\nFix: score within the band, or correct the stated result.")
        case .overshootUnexplained:
            LocalizedText(
                zh: "实际完成值远超年度指标值（超过规则阈值，如 130%），但未分析原因。按规定“完成值高于指标值较多的，要分析原因”，目标可能定得过低。\n修正：说明超额原因，并据实调整下年目标。",
                en: "The actual is far above the target (past the rubric's threshold, e.g. 130%) and no reason is given; the target may have been set too low.\nFix: explain the overshoot, and set next year's target realistically.")
        case .unmeasurableTarget:
            LocalizedText(
                zh: "年度指标值是无法衡量的文字（既无数值也无明确标准），无法据以计分。\n修正：设定可量化、可核查的指标值。",
                en: "The target is text that cannot be measured (no number, no clear standard), so it cannot be scored.\nFix: set a measurable, checkable target.")
        case .unmeasuredActual:
            LocalizedText(
                zh: "年度指标值是数值，实际完成值却只写“完成目标”之类的文字，无法核对完成程度。\n修正：填写实际数值。",
                en: "The target is a number but the actual only says something like “target met”, so it cannot be checked.\nFix: give the actual figure.")
        case .unitMismatch:
            LocalizedText(
                zh: "年度指标值与实际完成值的单位不同且无法换算（如“人”与“人次”），无法比较。\n修正：统一单位。",
                en: "Target and actual are in units that cannot be converted (e.g. persons against person-visits), so they cannot be compared.\nFix: use one unit.")
        case .lowExecutionFullMarks:
            LocalizedText(
                zh: "预算执行率低于规则阈值，产出和成本指标却全部满分：资金大部分未花，产出却全部完成，值得核实。\n修正：核实产出数据，或说明资金未执行的原因。",
                en: "The execution rate is below the rubric's threshold yet every output and cost indicator has full points: most of the money was not spent but every output was delivered.\nFix: check the output figures, or explain the unspent money.")
        case .narrativeMismatch:
            LocalizedText(
                zh: "报告正文中的预算数、执行数、执行率、得分或等级与自评表不一致。\n修正：统一正文与表格的数据。",
                en: "The report's prose gives a budget, amount spent, rate, score or grade that differs from the self-evaluation table.\nFix: make the prose and the table agree.")
        case .statedRatioMismatch:
            LocalizedText(
                zh: "正文给出的百分比（如办结率、控制率、执行率）不等于其分子分母之比。\n修正：重新计算该比率。",
                en: "A percentage stated in the text (completion, control or execution rate) is not the ratio of its own figures.\nFix: compute the ratio again.")
        case .importNote:
            LocalizedText(
                zh: "从文档或 Excel 导入时，某个单元格或某张表无法可靠读出，导入器没有猜测，而是留空并在此说明。其余检查照常进行，但涉及该处的数字未参与核对。\n修正：对照原文补全该处，或改用 YAML 提交。",
                en: "Importing a document or workbook, a cell or a table could not be read reliably; rather than guess, the importer left it out and says so here. The other checks ran, but the figure concerned was not checked.\nFix: fill it in from the original, or submit the table as YAML.")
        case .notChecked:
            LocalizedText(
                zh: "这张表的预算执行一行和绩效指标都未能读出（版式无法识别，或表格内容缺失），因此没有做任何核对。这不表示表中没有问题。所见内容在说明中列出。\n修正：对照原文检查版式，或改用 YAML 或 Excel 提交。",
                en: "Neither the budget row nor any indicator of this table could be read (a layout the importer does not know, or cells missing), so nothing was checked. That does not mean the table is right. What was seen is listed in the message.\nFix: check the layout against the original, or submit the table as YAML or Excel.")
        case .missingScore:
            LocalizedText(
                zh: "预算执行一行的得分栏为空。空白不按 0 分处理，也不以重算值代替；依赖它的检查（总分与各项之和）因此不做。\n修正：填写得分（分值 × 执行率）。",
                en: "The score cell of the budget row is blank. A blank is neither taken as 0 nor replaced by the recomputed score; the checks that need it (the total against its parts) are not made.\nFix: fill in the score (points × execution rate).")
        case .unscoredIndicator:
            LocalizedText(
                zh: "该三级指标的指标值或实际完成值无法可靠读出（或没有分值），规则无法重算其得分；说明中列出原因和涉及的分值。表的读取情况汇总了无法复核的总分值。\n修正：按“≥ 200 人次”“≤ 5 个工作日”等格式填写指标值和完成值。",
                en: "This indicator's target or actual cannot be read with confidence (or it has no points), so the rules cannot recompute its score; the message gives the reason and the points at stake. The table's coverage adds up the points that could not be verified.\nFix: write targets and actuals as '≥ 200 人次', '≤ 5 个工作日' and the like.")
        case .statedSumMismatch:
            LocalizedText(
                zh: "正文或基础数据表给出的合计不等于所列明细之和。\n修正：核对合计与明细。",
                en: "A total stated in the text or the base data sheet is not the sum of the parts it lists.\nFix: check the total against its parts.")
        case .roundingDifference:
            LocalizedText(
                zh: "合计与所列明细之和略有差异，但差额不超过各数舍入的尾数误差：以万元列示的金额由元折算并四舍五入，合计与 n 项明细之差最多可达各数末位半个单位之和（公开表注：金额单位转换时可能存在尾数误差）。这不是错误，仅作提示。",
                en: "A total and the sum of its listed parts differ, but by no more than their rounding: amounts in 万元 are converted from 元 and rounded, so a total and its n parts may differ by up to half a unit of the last place of each (the public tables' footnote says so). Not an error; a note.")
        case .copiedFromLastYear:
            LocalizedText(
                zh: "该单位（或项目）本年每个三级指标的名称、指标值和实际完成值都与上一年度已存档的自评表完全相同，可能是照抄上年数据。仅在 batch 使用 --db 保存历史时检查。\n修正：按本年实际情况填写指标值和完成值。",
                en: "Every indicator of this unit's (or project's) table has the same name, target and actual value as in last year's stored table: the figures may have been copied. Checked only when a batch stores its history with --db.\nFix: fill in this year's own targets and results.")
        case .alwaysFullMarks:
            LocalizedText(
                zh: "该单位（或项目）在已存档的每个年度（至少两年）所有三级指标都得满分，自评可能流于形式。仅在 batch 使用 --db 保存历史时检查。\n修正：如实评价，按完成情况扣分并说明原因。",
                en: "This unit (or project) gave every indicator full marks in every stored year (two or more): the self-evaluation may be a formality. Checked only when a batch stores its history with --db.\nFix: evaluate honestly, deducting points where results fell short and saying why.")
        }
    }
}
