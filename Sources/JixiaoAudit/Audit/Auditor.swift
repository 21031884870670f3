import Foundation
import JixiaoBase
import JixiaoModel

/// The outcome of auditing one table: its recomputed scorecard and what was found.
public struct AuditResult: Sendable {
    public var scorecard: Scorecard
    /// Errors first, then warnings, then notes; within a severity by line, then in the order
    /// found. Kept in that order whenever findings are added.
    public var findings: [Finding] { didSet { findings = Self.inReadingOrder(findings) } }
    /// For a document with no self-evaluation table, how many figures of its prose were checked;
    /// nil for a table. Such a result is no table: it has no indicators and no score of its own.
    public var narrativeFigures: Int?

    public init(scorecard: Scorecard, findings: [Finding]) {
        self.scorecard = scorecard
        self.findings = Self.inReadingOrder(findings)
    }

    static func inReadingOrder(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { a, b in
            if a.element.severity != b.element.severity { return a.element.severity > b.element.severity }
            if a.element.location.line != b.element.location.line { return a.element.location.line < b.element.location.line }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// The most serious severity found, if any.
    public var worstSeverity: Severity? { findings.map(\.severity).max() }
}

/// Checks a scorecard for every inconsistency the foundation knows: arithmetic of rates, scores
/// and sums; weights against the rubric; grades; duplicates and unexplained deductions.
public enum Auditor {
    public static func audit(_ scorecard: Scorecard) -> AuditResult {
        var checks = Checks(card: scorecard)
        guard checks.coverage.isChecked else {
            checks.notChecked()
            return AuditResult(scorecard: scorecard, findings: checks.findings)
        }
        checks.rubricChoice()
        checks.budget()
        checks.weights()
        checks.indicators()
        checks.indicatorRules()
        checks.lowExecution()
        checks.total()
        checks.grade()
        checks.unscored()
        return AuditResult(scorecard: scorecard, findings: checks.findings)
    }

    /// Selects the rubric, recomputes and audits.
    public static func audit(_ submission: Submission, catalog: RubricCatalog, rubric: Rubric? = nil) throws -> AuditResult {
        let choice = try rubric.map { RubricChoice(rubric: $0, note: nil, fits: true) } ?? catalog.choose(for: submission)
        return audit(Scorecard(submission, choice: choice))
    }
}

private struct Checks {
    let card: Scorecard
    let coverage: Coverage
    var findings: [Finding] = []

    var submission: Submission { card.submission }
    var rubric: Rubric { card.rubric }

    init(card: Scorecard) {
        self.card = card
        coverage = card.coverage
    }

    mutating func add(_ finding: Finding) {
        findings.append(finding)
    }

    mutating func rubricChoice() {
        guard let note = card.rubricNote else { return }
        add(Finding(.rubricInferred, .rubric, at: submission.location,
                    claimed: nil, computed: .text(rubric.id), message: note))
    }

    // MARK: Budget row

    mutating func budget() {
        let budget = card.budget
        let row = submission.budget
        if let denominator = budget.denominator, denominator.number == 0 {
            add(Finding(.zeroBudget, .budget(nil), at: row.location, claimed: .printed(denominator),
                        message: LocalizedText(zh: "预算数为 0，无法计算执行率", en: "the budget is 0, so no execution rate can be computed")))
            return
        }
        guard let rate = budget.rate, let rateRange = budget.rateRange,
              let denominator = budget.denominator, let executed = budget.executed else { return }
        let ratePercent = Self.percent(rate, decimals: 4)
        let figures = LocalizedText(
            zh: "\(executed) / \(denominator) = \(ratePercent)",
            en: "\(executed) / \(denominator) = \(ratePercent)")

        if rateRange.lower > 1 {
            add(Finding(.overspend, .budget(.rate), at: row.rateLocation,
                        claimed: budget.claimedRate.map(FindingValue.printed), computed: .computedPercent(rate * 100, decimals: 2),
                        message: LocalizedText(zh: "执行率 \(figures.zh)，超过 100%：执行数大于预算数",
                                               en: "execution rate \(figures.en) is above 100%: more was spent than budgeted")))
        }

        if let claimed = budget.claimedRate {
            switch Agreement.of(claimed, against: rateRange) {
            case .exact, .rounded:
                break
            case .truncated:
                if rubric.rounding.mode == .halfUp {
                    add(Finding(.rateTruncated, .budget(.rate), at: row.rateLocation,
                                claimed: .printed(claimed), computed: .computedPercent(rate * 100, decimals: 4),
                                message: LocalizedText(
                                    zh: "执行率填为 \(claimed)，是 \(figures.zh) 的截断值；四舍五入应为 \(Self.percent(rate, decimals: claimed.decimals))",
                                    en: "the rate is printed \(claimed), the truncation of \(figures.en); rounded it is \(Self.percent(rate, decimals: claimed.decimals))")))
                }
            case .mismatch:
                add(Finding(.rateMismatch, .budget(.rate), at: row.rateLocation,
                            claimed: .printed(claimed), computed: .computedPercent(rate * 100, decimals: max(2, claimed.decimals)),
                            message: LocalizedText(
                                zh: "执行率填为 \(claimed)，但 \(figures.zh)；按所填精度四舍五入或截断都不能得出 \(claimed)",
                                en: "the rate is printed \(claimed) but \(figures.en); neither rounding nor truncation at the printed precision gives \(claimed)")))
            }
        }

        if budget.claimedScore == nil, coverage.budget != .notRead, budget.points > 0 {
            add(Finding(.missingScore, .budget(.score), at: row.scoreLocation, computed: budget.score.map { .computed($0, decimals: rubric.rounding.decimals) },
                        message: LocalizedText(
                            zh: "预算执行一行的得分栏为空：不按 0 分，也不以重算值代替；总分与各项之和不作核对",
                            en: "the budget row's score cell is blank: it is neither taken as 0 nor replaced by the recomputed score; the total is not checked against its parts")))
        }
        // The rate's 分值 is the table's when it prints one; the rubric's is only assumed.
        if let claimed = budget.claimedScore, let score = budget.score, let scoreRange = budget.scoreRange,
           submission.imported == nil || row.points != nil {
            if Agreement.of(claimed, against: scoreRange) == .mismatch {
                let capNote = rate > rubric.budget.cap
                    ? LocalizedText(zh: "（执行率按 \(Self.percent(rubric.budget.cap)) 封顶）", en: " (rate capped at \(Self.percent(rubric.budget.cap)))")
                    : LocalizedText.empty
                add(Finding(.budgetScoreMismatch, .budget(.score), at: row.scoreLocation,
                            claimed: .printed(claimed), computed: .computed(score, decimals: rubric.rounding.decimals),
                            message: LocalizedText(
                                zh: "预算执行得分填为 \(claimed)，但分值 \(budget.points.compact(decimals: 2)) × 执行率 \(ratePercent)\(capNote.zh) = \(score.compact(decimals: 4))",
                                en: "the budget score is printed \(claimed) but points \(budget.points.compact(decimals: 2)) × rate \(ratePercent)\(capNote.en) = \(score.compact(decimals: 4))")))
            }
        }
    }

    // MARK: Weights

    mutating func weights() {
        // Under a rubric that fits the table, or one it names, a departure from the rubric's
        // weights is a warning. When the table's printed level-1 points fit no rubric, its own
        // weights are the reference: a departure from the rubric is a note, and the sums are
        // checked against what the table prints.
        let departure: Severity? = card.ownWeights ? .info : nil
        let aside = card.ownWeights
            ? LocalizedText(zh: "；表中一级指标分值与已知方案均不相符，按表中所填分值核对，此处仅作提示",
                            en: "; the table's level-1 points fit no known scheme, so its own printed weights are checked and this is a note")
            : LocalizedText.empty
        var seen: [String] = []  // a few names: a list is cheaper than hashing them
        for category in card.categories {
            let row = category.row
            if let declared = row.points, !row.indicators.isEmpty, coverage.indicatorsComplete,
               row.indicators.allSatisfy({ $0.points != nil }), declared.number != category.indicatorPoints {
                add(Finding(.categoryPointsMismatch, .category(row.name), at: row.location,
                            claimed: .printed(declared), computed: .computed(category.indicatorPoints, decimals: 2),
                            message: LocalizedText(
                                zh: "“\(row.name)”标为 \(declared) 分，但其下三级指标分值合计 \(category.indicatorPoints.compact(decimals: 2)) 分",
                                en: "'\(row.name)' is marked \(declared) points but its indicators' points add up to \(category.indicatorPoints.compact(decimals: 2))")))
            }
            guard let rubricCategory = category.rubricCategory else {
                // A label the import could not read is said by its note, not accused.
                if row.isUnread { continue }
                add(Finding(.unknownCategory, severity: departure, .category(row.name), at: row.location,
                            message: LocalizedText(
                                zh: "一级指标“\(row.name)”不在评分规则“\(rubric.id)”中（可用：\(rubric.categories.map(\.name).joined(separator: "、"))）\(aside.zh)",
                                en: "category '\(row.name)' is not in rubric '\(rubric.id)' (known: \(rubric.categories.map(\.name).joined(separator: ", ")))\(aside.en)")))
                continue
            }
            seen.append(rubricCategory.name)
            // The category's points: printed in its cell, or the sum of every indicator's.
            let pointsRead = row.points != nil || (coverage.indicatorsComplete && row.indicators.allSatisfy { $0.points != nil })
            if pointsRead, !rubricCategory.allowed.allows(category.points) {
                let allowed = rubricCategory.allowed
                add(Finding(.rubricWeight, severity: departure, .category(row.name), at: row.location,
                            claimed: .computed(category.points, decimals: 2),
                            computed: allowed.upper == allowed.lower ? .computed(allowed.lower, decimals: 2) : .text(allowed.text(.zh)),
                            message: LocalizedText(
                                zh: "“\(row.name)”为 \(category.points.compact(decimals: 2)) 分，评分规则“\(rubric.id)”为 \(allowed.text(.zh)) 分\(aside.zh)",
                                en: "'\(row.name)' has \(category.points.compact(decimals: 2)) points; rubric '\(rubric.id)' gives it \(allowed.text(.en))\(aside.en)")))
            }
            if let each = rubric.indicatorPoints {
                for indicator in row.indicators {
                    guard let points = indicator.points, points.number != each else { continue }
                    add(Finding(.rubricWeight, severity: departure, .indicator(row.path(of: indicator)), at: indicator.location,
                                claimed: .printed(points), computed: .computed(each, decimals: 2),
                                message: LocalizedText(
                                    zh: "“\(indicator.name)”为 \(points) 分，评分规则“\(rubric.id)”每项指标 \(each.compact(decimals: 2)) 分\(aside.zh)",
                                    en: "'\(indicator.name)' has \(points) points; rubric '\(rubric.id)' gives every indicator \(each.compact(decimals: 2))\(aside.en)")))
                }
            }
        }
        // Only a section read whole can be said to lack a category.
        guard coverage.indicatorsComplete else { return }
        for category in rubric.categories where category.points > 0 && !seen.contains(category.name) {
            add(Finding(.missingCategory, severity: departure, .category(category.name), at: submission.location,
                        computed: .computed(category.points, decimals: 2),
                        message: LocalizedText(
                            zh: "表中没有一级指标“\(category.name)”（评分规则“\(rubric.id)”中为 \(category.allowed.text(.zh)) 分）\(aside.zh)",
                            en: "the table has no '\(category.name)' category (\(category.allowed.text(.en)) points in rubric '\(rubric.id)')\(aside.en)")))
        }

        // An imported table's budget points are a weight like any other: the rubric's stand in
        // for them only in a YAML submission, where leaving them out is the writer's choice.
        guard submission.imported == nil || submission.budget.points != nil else { return }
        var sum = card.budget.points
        for category in submission.categories {
            for indicator in category.indicators {
                guard let points = indicator.points else { return }
                sum += points.number
            }
        }
        // Against the table's own printed total when no rubric fits it.
        let total = card.ownWeights ? submission.total.points?.number ?? rubric.total : rubric.total
        if sum != total {
            add(Finding(.weightSum, .totalPoints, at: submission.total.location,
                        claimed: .computed(sum, decimals: 2), computed: .computed(total, decimals: 2),
                        message: LocalizedText(
                            zh: "预算执行分值 \(card.budget.points.compact(decimals: 2)) 与各三级指标分值合计 \(sum.compact(decimals: 2))，不等于总分 \(total.compact(decimals: 2))",
                            en: "the budget row's \(card.budget.points.compact(decimals: 2)) points and the indicators' add up to \(sum.compact(decimals: 2)), not \(total.compact(decimals: 2))")))
        }
    }

    // MARK: Indicators

    mutating func indicators() {
        var firstSeen: [LabelKey: SourceLocation] = [:]
        firstSeen.reserveCapacity(submission.categories.reduce(0) { $0 + $1.indicators.count })
        for category in submission.categories {
            for indicator in category.indicators {
                var path: String { category.path(of: indicator) }  // only a finding needs it
                let key = LabelKey(indicator.name)
                // One lookup for the usual new name; a repeated one puts its first place back.
                if let first = firstSeen.updateValue(indicator.location, forKey: key) {
                    firstSeen[key] = first
                    add(Finding(.duplicateIndicator, .indicator(path), at: indicator.location,
                                message: LocalizedText(
                                    zh: "三级指标“\(indicator.name)”重复出现（首次见于 \(Self.line(first))）",
                                    en: "indicator '\(indicator.name)' appears again (first at \(Self.line(first)))")))
                }
                guard let score = indicator.score else { continue }
                if score.number < 0 {
                    add(Finding(.negativeScore, .indicator(path), at: indicator.location, claimed: .printed(score), computed: .number(0, decimals: 0),
                                message: LocalizedText(zh: "“\(indicator.name)”得分 \(score) 为负数", en: "'\(indicator.name)' scores \(score), below zero")))
                }
                guard let points = indicator.points else { continue }
                if score.number > points.number {
                    add(Finding(.scoreOverWeight, .indicator(path), at: indicator.location, claimed: .printed(score), computed: .printed(points),
                                message: LocalizedText(zh: "“\(indicator.name)”得分 \(score) 超过分值 \(points)",
                                                       en: "'\(indicator.name)' scores \(score), above its \(points) points")))
                } else if score.number < points.number, coverage.hasReasonColumn, !indicator.hasReason {
                    add(Finding(.missingExplanation, .indicator(path), at: indicator.location, claimed: .printed(score), computed: .printed(points),
                                message: LocalizedText(
                                    zh: "“\(indicator.name)”得 \(score) 分（分值 \(points)），扣分但未说明偏差原因",
                                    en: "'\(indicator.name)' scores \(score) of \(points) and no reason for the lost points is given")))
                }
            }
        }
    }

    // MARK: Indicator rules (target against actual)

    mutating func indicatorRules() {
        for category in card.categories {
            for scored in category.indicators {
                rules(scored, category: category.row)
            }
        }
    }

    private mutating func rules(_ scored: Scorecard.IndicatorScore, category: Submission.CategoryRow) {
        let indicator = scored.indicator
        let assessment = scored.assessment
        var path: String { category.path(of: indicator) }  // only a finding needs it
        let name = indicator.name
        let target = indicator.target ?? ""
        let actual = indicator.actual ?? ""
        func add(_ code: FindingCode, claimed: FindingValue? = nil, computed: FindingValue? = nil, _ message: LocalizedText) {
            self.add(Finding(code, .indicator(path), at: indicator.location, claimed: claimed, computed: computed, message: message))
        }

        switch assessment.problem {
        case .unitMismatch(let targetUnit, let actualUnit)?:
            add(.unitMismatch, claimed: .text(actual), computed: .text(target), LocalizedText(
                zh: "“\(name)”指标值“\(target)”（\(targetUnit)）与完成值“\(actual)”（\(actualUnit)）单位不同，无法比较",
                en: "'\(name)': target '\(target)' (\(targetUnit)) and actual '\(actual)' (\(actualUnit)) are in different units and cannot be compared"))
        case .unmeasurableTarget?:
            add(.unmeasurableTarget, LocalizedText(
                zh: "“\(name)”的指标值“\(target)”无法衡量（既无数值也无明确标准）",
                en: "'\(name)': the target '\(target)' cannot be measured (no number, no clear standard)"))
        case .unmeasuredActual?:
            add(.unmeasuredActual, LocalizedText(
                zh: "“\(name)”指标值为“\(target)”，完成值却只写“\(actual)”，无法核对完成程度",
                en: "'\(name)': the target is '\(target)' but the actual only says '\(actual)', which cannot be checked"))
        case nil:
            break
        }

        guard let points = indicator.points, let score = indicator.score else { return }
        var formula: String { assessment.formula.map { "（\($0.text)）" } ?? "" }  // only a finding needs them
        var formulaEn: String { assessment.formula.map { " (\($0.text))" } ?? "" }
        switch assessment.method {
        case .positive, .reverse, .equal, .date:
            guard let met = assessment.met else { break }
            if met, score.number < points.number {
                add(.metButDeducted, claimed: .printed(score), computed: .printed(points), LocalizedText(
                    zh: "“\(name)”完成值“\(actual)”已达到指标值“\(target)”，应得满分 \(points)，却只得 \(score)",
                    en: "'\(name)': the actual '\(actual)' meets the target '\(target)', which earns the full \(points), yet it scores \(score)"))
            } else if !met, score.number >= points.number {
                add(.unmetButFull, claimed: .printed(score), computed: assessment.computed.map { .computed($0, decimals: rubric.rounding.decimals) }, LocalizedText(
                    zh: "“\(name)”完成值“\(actual)”未达到指标值“\(target)”，却得满分 \(score)\(formula)",
                    en: "'\(name)': the actual '\(actual)' misses the target '\(target)', yet it scores the full \(score)\(formulaEn)"))
            } else if !met, let computed = assessment.computed {
                // A proportional score printed with decimals carries its rounding; a whole number is
                // exact (full marks or a whole-point deduction) unless the rubric rounds every score.
                let agreement = Agreement.of(score, against: Interval(exactly: computed), claimExact: Scorecard.isExact(score, rubric),
                                             truncation: rubric.rounding.mode != .halfUp)
                if agreement == .mismatch {
                    add(.scoreOffRule, claimed: .printed(score), computed: .computed(computed, decimals: rubric.rounding.decimals), LocalizedText(
                        zh: "“\(name)”得 \(score) 分，按规则应为 \(computed.compact(decimals: rubric.rounding.decimals)) 分\(formula)",
                        en: "'\(name)' scores \(score); the rule gives \(computed.compact(decimals: rubric.rounding.decimals))\(formulaEn)"))
                }
            }
            if assessment.method == .positive, let ratio = assessment.ratio, ratio > rubric.scoring.overshoot,
               coverage.hasReasonColumn, !indicator.hasReason {
                add(.overshootUnexplained, claimed: .text(actual), computed: .text(target), LocalizedText(
                    zh: "“\(name)”完成值“\(actual)”为指标值“\(target)”的 \(Self.percent(ratio, decimals: 0))，超过 \(Self.percent(rubric.scoring.overshoot, decimals: 0))，未分析原因",
                    en: "'\(name)': the actual '\(actual)' is \(Self.percent(ratio, decimals: 0)) of the target '\(target)', past \(Self.percent(rubric.scoring.overshoot, decimals: 0)), and no reason is given"))
            }
        case .qualitative:
            guard let band = assessment.band, !band.points.contains(score.number) else { break }
            add(.scoreOutOfBand, claimed: .printed(score), computed: .text("\(band.points.lower.compact(decimals: 2))–\(band.points.upper.compact(decimals: 2))"), LocalizedText(
                zh: "“\(name)”完成情况“\(actual)”属于“\(band.name)”档（\(band.points.lower.compact(decimals: 2))–\(band.points.upper.compact(decimals: 2)) 分），所得 \(score) 分不在此区间",
                en: "'\(name)': the result '\(actual)' is in the '\(band.name)' band (\(band.points.lower.compact(decimals: 2))–\(band.points.upper.compact(decimals: 2)) points), but it scores \(score)"))
        case .unscored:
            break
        }
    }

    /// Most of the money unspent, yet every output and cost indicator with full marks.
    mutating func lowExecution() {
        guard coverage.indicatorsComplete, let rate = card.budget.rateRange, rate.upper < rubric.scoring.lowExecution else { return }
        let watched = card.categories.filter { category in
            rubric.scoring.lowExecutionCategories.contains { category.rubricCategory?.matches($0) == true }
        }
        let indicators = watched.flatMap(\.row.indicators)
        guard !indicators.isEmpty, indicators.allSatisfy({ indicator in
            guard let score = indicator.score, let points = indicator.points else { return false }
            return score.number >= points.number
        }) else { return }
        let names = watched.map(\.row.name)
        add(Finding(.lowExecutionFullMarks, .budget(.rate), at: submission.budget.rateLocation,
                    claimed: submission.budget.rate.map(FindingValue.printed), computed: .computedPercent((card.budget.rate ?? 0) * 100, decimals: 2),
                    message: LocalizedText(
                        zh: "执行率仅 \(Self.percent(card.budget.rate ?? 0))，低于 \(Self.percent(rubric.scoring.lowExecution, decimals: 0))，但\(names.joined(separator: "、"))的 \(indicators.count) 个指标全部满分",
                        en: "the execution rate is only \(Self.percent(card.budget.rate ?? 0)), below \(Self.percent(rubric.scoring.lowExecution, decimals: 0)), yet all \(indicators.count) indicators of \(names.joined(separator: ", ")) have full marks")))
    }

    // MARK: Total and grade

    mutating func total() {
        let total = card.total
        guard let claimed = total.claimed, coverage.totalPartsRead else { return }
        guard Agreement.of(claimed, against: total.computedRange, truncation: false) == .mismatch else { return }
        let budgetPart = submission.budget.score?.description ?? card.budget.score?.compact(decimals: 2) ?? "0"
        add(Finding(.totalMismatch, .total, at: submission.total.location,
                    claimed: .printed(claimed), computed: .computed(total.computed, decimals: rubric.rounding.decimals),
                    message: LocalizedText(
                        zh: "总分填为 \(claimed)，但预算执行得分 \(budgetPart) 与各指标得分之和为 \(total.computed.compact(decimals: 4))，差 \((total.computed - claimed.number).compact(decimals: 4))；按所填精度无法解释",
                        en: "the total is printed \(claimed) but the budget score \(budgetPart) and the indicator scores add up to \(total.computed.compact(decimals: 4)), \((total.computed - claimed.number).compact(decimals: 4)) apart; the printed precision does not explain it")))
    }

    /// The printed grade against the band of the sum of the printed parts, or, when not every
    /// part was read, of the printed total.
    mutating func grade() {
        let grade = card.grade
        guard let claimed = grade.claimed else { return }
        let total: Fixed
        if coverage.totalPartsRead {
            total = card.total.computed
        } else if let printed = card.total.claimed {
            total = printed.number
        } else {
            return
        }
        guard let computed = rubric.grade(of: total), grade.claimedBand?.name != computed.name else { return }
        let known = grade.claimedBand == nil
            ? LocalizedText(zh: "（评分规则中没有这一等级）", en: " (not a grade the rubric knows)")
            : LocalizedText.empty
        add(Finding(.gradeMismatch, .grade, at: submission.grade?.location ?? submission.total.location,
                    claimed: .text(claimed), computed: .text(computed.name),
                    message: LocalizedText(
                        zh: "等级填为“\(claimed)”\(known.zh)，但总分 \(total.compact(decimals: 2)) 对应“\(computed.name)”",
                        en: "the grade is printed '\(claimed)'\(known.en) but a total of \(total.compact(decimals: 2)) is '\(computed.name)'")))
    }

    // MARK: Coverage

    /// The one finding of a table of which nothing could be read, saying what was seen.
    mutating func notChecked() {
        let imported = submission.imported
        var seen: [LocalizedText] = []
        if let title = submission.title { seen.append(LocalizedText(zh: "标题“\(title)”", en: "the title '\(title)'")) }
        if imported?.budgetRowFound == true {
            seen.append(LocalizedText(zh: "年度资金总额一行（数字未能读出）", en: "a 年度资金总额 row (its figures unreadable)"))
        }
        if imported?.indicatorHeaderFound == true {
            seen.append(LocalizedText(zh: "绩效指标表头", en: "an indicator header"))
        }
        if coverage.indicatorRowsSeen > 0 {
            seen.append(LocalizedText(zh: "\(coverage.indicatorRowsSeen) 行指标（均未能读出）", en: "\(coverage.indicatorRowsSeen) indicator rows (none readable)"))
        }
        if let score = submission.total.score { seen.append(LocalizedText(zh: "总分 \(score)", en: "a total of \(score)")) }
        let list = seen.isEmpty
            ? LocalizedText(zh: "没有可识别的内容", en: "nothing recognisable")
            : LocalizedText(zh: "只看到" + seen.map(\.zh).joined(separator: "、"), en: "only " + seen.map(\.en).joined(separator: ", ") + " seen")
        add(Finding(.notChecked, .indicators, at: submission.location,
                    message: LocalizedText(
                        zh: "未能读出预算执行一行和任何绩效指标，本表未核查（\(list.zh)），不代表没有问题",
                        en: "neither the budget row nor any indicator could be read, so the table was not checked (\(list.en)); that does not mean it is right")))
    }

    /// Every indicator the rules cannot recompute, named with why and the points at stake.
    /// Problems that have their own finding (units, unmeasurable targets) are not said twice; a
    /// form without a 分值 column is said once for the table, not row by row.
    mutating func unscored() {
        var withoutPoints = 0
        for category in card.categories {
            for scored in category.indicators where scored.assessment.method == .unscored && scored.assessment.problem == nil {
                let indicator = scored.indicator
                guard let points = indicator.points else {
                    withoutPoints += 1
                    if coverage.hasPointsColumn { unscored(indicator, in: category.row, LocalizedText(zh: "没有分值", en: "it has no points"), points: nil) }
                    continue
                }
                guard points.number > 0 else { continue }
                unscored(indicator, in: category.row, Self.unreadable(indicator, scored.assessment), points: points)
            }
        }
        if withoutPoints > 0, !coverage.hasPointsColumn {
            add(Finding(.unscoredIndicator, .indicators, at: submission.location,
                        message: LocalizedText(
                            zh: "表中没有分值（权重）一栏，\(withoutPoints) 个三级指标无法按规则复核得分",
                            en: "the table has no points (权重) column, so the rules cannot check the scores of \(withoutPoints) indicators")))
        }
    }

    private mutating func unscored(_ indicator: Submission.Indicator, in category: Submission.CategoryRow, _ why: LocalizedText, points: PrintedNumber?) {
        let stake = points.map { LocalizedText(zh: "，涉及 \($0) 分", en: "; \($0) points at stake") } ?? LocalizedText.empty
        add(Finding(.unscoredIndicator, .indicator(category.path(of: indicator)), at: indicator.location,
                    claimed: indicator.score.map(FindingValue.printed), computed: nil,
                    message: LocalizedText(zh: "“\(indicator.name)”无法按规则复核：\(why.zh)\(stake.zh)",
                                           en: "'\(indicator.name)' cannot be checked by the rules: \(why.en)\(stake.en)")))
    }

    /// Why an indicator with points was not scored.
    static func unreadable(_ indicator: Submission.Indicator, _ assessment: IndicatorAssessment) -> LocalizedText {
        guard let target = indicator.target, case let parsedTarget? = assessment.target else {
            return LocalizedText(zh: "没有指标值", en: "it has no target")
        }
        if case .unscorable(let reason) = parsedTarget {
            return LocalizedText(zh: "指标值“\(target)”无法读出（\(reason.message.zh)）", en: "the target '\(target)' cannot be read (\(reason.message.en))")
        }
        guard let actual = indicator.actual, case let parsedActual? = assessment.actual else {
            return LocalizedText(zh: "没有实际完成值", en: "it has no actual value")
        }
        if case .unscorable(let reason) = parsedActual {
            return LocalizedText(zh: "完成值“\(actual)”无法读出（\(reason.message.zh)）", en: "the actual '\(actual)' cannot be read (\(reason.message.en))")
        }
        return LocalizedText(zh: "指标值“\(target)”与完成值“\(actual)”无法比较", en: "the target '\(target)' and the actual '\(actual)' cannot be compared")
    }

    // MARK: Helpers

    static func percent(_ fraction: Fixed, decimals: Int = 2) -> String {
        (fraction * 100).formatted(decimals: decimals) + "%"
    }

    static func line(_ location: SourceLocation) -> String {
        "\(location.file):\(location.line)"
    }
}
