import Foundation
import JixiaoBase
import JixiaoModel

/// The outcome of auditing one table: its recomputed scorecard and what was found.
public struct AuditResult: Sendable {
    public var scorecard: Scorecard
    public var findings: [Finding]

    /// The most serious severity found, if any.
    public var worstSeverity: Severity? { findings.map(\.severity).max() }
}

/// Checks a scorecard for every inconsistency the foundation knows: arithmetic of rates, scores
/// and sums; weights against the rubric; grades; duplicates and unexplained deductions.
public enum Auditor {
    public static func audit(_ scorecard: Scorecard) -> AuditResult {
        var checks = Checks(card: scorecard)
        checks.rubricChoice()
        checks.budget()
        checks.weights()
        checks.indicators()
        checks.indicatorRules()
        checks.lowExecution()
        checks.total()
        checks.grade()
        return AuditResult(scorecard: scorecard, findings: checks.findings)
    }

    /// Selects the rubric, recomputes and audits.
    public static func audit(_ submission: Submission, catalog: RubricCatalog, rubric: Rubric? = nil) throws -> AuditResult {
        let (chosen, note) = try rubric.map { ($0, nil) } ?? catalog.select(for: submission)
        return audit(Scorecard(submission, rubric: chosen, rubricNote: note))
    }
}

private struct Checks {
    let card: Scorecard
    var findings: [Finding] = []

    var submission: Submission { card.submission }
    var rubric: Rubric { card.rubric }

    init(card: Scorecard) {
        self.card = card
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
                        claimed: budget.claimedRate.map(FindingValue.printed), computed: .computed(rate * 100, decimals: 2),
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
                                claimed: .printed(claimed), computed: .computed(rate * 100, decimals: 4),
                                message: LocalizedText(
                                    zh: "执行率印为 \(claimed)，是 \(figures.zh) 的截断值；四舍五入应为 \(Self.percent(rate, decimals: claimed.decimals))",
                                    en: "the rate is printed \(claimed), the truncation of \(figures.en); rounded it is \(Self.percent(rate, decimals: claimed.decimals))")))
                }
            case .mismatch:
                add(Finding(.rateMismatch, .budget(.rate), at: row.rateLocation,
                            claimed: .printed(claimed), computed: .computed(rate * 100, decimals: max(2, claimed.decimals)),
                            message: LocalizedText(
                                zh: "执行率印为 \(claimed)，但 \(figures.zh)；按所印精度四舍五入或截断都不能得出 \(claimed)",
                                en: "the rate is printed \(claimed) but \(figures.en); neither rounding nor truncation at the printed precision gives \(claimed)")))
            }
        }

        if let claimed = budget.claimedScore, let score = budget.score, let scoreRange = budget.scoreRange {
            if Agreement.of(claimed, against: scoreRange) == .mismatch {
                let capNote = rate > rubric.budget.cap
                    ? LocalizedText(zh: "（执行率按 \(Self.percent(rubric.budget.cap)) 封顶）", en: " (rate capped at \(Self.percent(rubric.budget.cap)))")
                    : LocalizedText(zh: "", en: "")
                add(Finding(.budgetScoreMismatch, .budget(.score), at: row.scoreLocation,
                            claimed: .printed(claimed), computed: .computed(score, decimals: rubric.rounding.decimals),
                            message: LocalizedText(
                                zh: "预算执行得分印为 \(claimed)，但分值 \(budget.points.compact(decimals: 2)) × 执行率 \(ratePercent)\(capNote.zh) = \(score.compact(decimals: 4))",
                                en: "the budget score is printed \(claimed) but points \(budget.points.compact(decimals: 2)) × rate \(ratePercent)\(capNote.en) = \(score.compact(decimals: 4))")))
            }
        }
    }

    // MARK: Weights

    mutating func weights() {
        var seen: [String] = []  // a few names: a list is cheaper than hashing them
        for category in card.categories {
            let row = category.row
            if let declared = row.points, !row.indicators.isEmpty, row.indicators.allSatisfy({ $0.points != nil }),
               declared.number != category.indicatorPoints {
                add(Finding(.categoryPointsMismatch, .category(row.name), at: row.location,
                            claimed: .printed(declared), computed: .computed(category.indicatorPoints, decimals: 2),
                            message: LocalizedText(
                                zh: "“\(row.name)”标为 \(declared) 分，但其下三级指标分值合计 \(category.indicatorPoints.compact(decimals: 2)) 分",
                                en: "'\(row.name)' is marked \(declared) points but its indicators' points add up to \(category.indicatorPoints.compact(decimals: 2))")))
            }
            guard let rubricCategory = category.rubricCategory else {
                add(Finding(.unknownCategory, .category(row.name), at: row.location,
                            message: LocalizedText(
                                zh: "一级指标“\(row.name)”不在评分规则“\(rubric.id)”中（可用：\(rubric.categories.map(\.name).joined(separator: "、"))）",
                                en: "category '\(row.name)' is not in rubric '\(rubric.id)' (known: \(rubric.categories.map(\.name).joined(separator: ", ")))")))
                continue
            }
            seen.append(rubricCategory.name)
            if category.points != rubricCategory.points {
                add(Finding(.rubricWeight, .category(row.name), at: row.location,
                            claimed: .computed(category.points, decimals: 2), computed: .computed(rubricCategory.points, decimals: 2),
                            message: LocalizedText(
                                zh: "“\(row.name)”为 \(category.points.compact(decimals: 2)) 分，评分规则“\(rubric.id)”为 \(rubricCategory.points.compact(decimals: 2)) 分",
                                en: "'\(row.name)' has \(category.points.compact(decimals: 2)) points; rubric '\(rubric.id)' gives it \(rubricCategory.points.compact(decimals: 2))")))
            }
        }
        for category in rubric.categories where category.points > 0 && !seen.contains(category.name) {
            add(Finding(.missingCategory, .category(category.name), at: submission.location,
                        computed: .computed(category.points, decimals: 2),
                        message: LocalizedText(
                            zh: "表中没有一级指标“\(category.name)”（评分规则“\(rubric.id)”中为 \(category.points.compact(decimals: 2)) 分）",
                            en: "the table has no '\(category.name)' category (\(category.points.compact(decimals: 2)) points in rubric '\(rubric.id)')")))
        }

        var sum = card.budget.points
        for category in submission.categories {
            for indicator in category.indicators {
                guard let points = indicator.points else { return }
                sum += points.number
            }
        }
        if sum != rubric.total {
            add(Finding(.weightSum, .totalPoints, at: submission.total.location,
                        claimed: .computed(sum, decimals: 2), computed: .computed(rubric.total, decimals: 2),
                        message: LocalizedText(
                            zh: "预算执行分值 \(card.budget.points.compact(decimals: 2)) 与各三级指标分值合计 \(sum.compact(decimals: 2))，不等于总分 \(rubric.total.compact(decimals: 2))",
                            en: "the budget row's \(card.budget.points.compact(decimals: 2)) points and the indicators' add up to \(sum.compact(decimals: 2)), not \(rubric.total.compact(decimals: 2))")))
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
                } else if score.number < points.number, !indicator.hasReason {
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
                // A proportional score is derived, so its printed figure carries its rounding.
                let agreement = Agreement.of(score, against: Interval(exactly: computed), truncation: rubric.rounding.mode != .halfUp)
                if agreement == .mismatch {
                    add(.scoreOffRule, claimed: .printed(score), computed: .computed(computed, decimals: rubric.rounding.decimals), LocalizedText(
                        zh: "“\(name)”得 \(score) 分，按规则应为 \(computed.compact(decimals: rubric.rounding.decimals)) 分\(formula)",
                        en: "'\(name)' scores \(score); the rule gives \(computed.compact(decimals: rubric.rounding.decimals))\(formulaEn)"))
                }
            }
            if assessment.method == .positive, let ratio = assessment.ratio, ratio > rubric.scoring.overshoot, !indicator.hasReason {
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
        guard let rate = card.budget.rateRange, rate.upper < rubric.scoring.lowExecution else { return }
        let watched = card.categories.filter { category in
            rubric.scoring.lowExecutionCategories.contains { category.rubricCategory?.matches($0) == true }
        }
        let indicators = watched.flatMap(\.row.indicators)
        guard !indicators.isEmpty, indicators.allSatisfy({ indicator in
            guard let score = indicator.score, let points = indicator.points else { return false }
            return score.number >= points.number
        }) else { return }
        let names = watched.map(\.row.name).joined(separator: "、")
        add(Finding(.lowExecutionFullMarks, .budget(.rate), at: submission.budget.rateLocation,
                    claimed: submission.budget.rate.map(FindingValue.printed), computed: .computed((card.budget.rate ?? 0) * 100, decimals: 2),
                    message: LocalizedText(
                        zh: "执行率仅 \(Self.percent(card.budget.rate ?? 0))，低于 \(Self.percent(rubric.scoring.lowExecution, decimals: 0))，但\(names)的 \(indicators.count) 个指标全部满分",
                        en: "the execution rate is only \(Self.percent(card.budget.rate ?? 0)), below \(Self.percent(rubric.scoring.lowExecution, decimals: 0)), yet all \(indicators.count) indicators of \(names) have full marks")))
    }

    // MARK: Total and grade

    mutating func total() {
        let total = card.total
        guard let claimed = total.claimed else { return }
        guard Agreement.of(claimed, against: total.computedRange, truncation: false) == .mismatch else { return }
        let budgetPart = submission.budget.score?.description ?? card.budget.score?.compact(decimals: 2) ?? "0"
        add(Finding(.totalMismatch, .total, at: submission.total.location,
                    claimed: .printed(claimed), computed: .computed(total.computed, decimals: rubric.rounding.decimals),
                    message: LocalizedText(
                        zh: "总分印为 \(claimed)，但预算执行得分 \(budgetPart) 与各指标得分之和为 \(total.computed.compact(decimals: 4))，差 \((total.computed - claimed.number).compact(decimals: 4))；按所印精度无法解释",
                        en: "the total is printed \(claimed) but the budget score \(budgetPart) and the indicator scores add up to \(total.computed.compact(decimals: 4)), \((total.computed - claimed.number).compact(decimals: 4)) apart; the printed precision does not explain it")))
    }

    mutating func grade() {
        let grade = card.grade
        guard let claimed = grade.claimed, let computed = grade.computed else { return }
        guard grade.claimedBand?.name != computed.name else { return }
        let known = grade.claimedBand == nil
            ? LocalizedText(zh: "（评分规则中没有这一等级）", en: " (not a grade the rubric knows)")
            : LocalizedText(zh: "", en: "")
        add(Finding(.gradeMismatch, .grade, at: submission.grade?.location ?? submission.total.location,
                    claimed: .text(claimed), computed: .text(computed.name),
                    message: LocalizedText(
                        zh: "等级印为“\(claimed)”\(known.zh)，但总分 \(card.total.computed.compact(decimals: 2)) 对应“\(computed.name)”",
                        en: "the grade is printed '\(claimed)'\(known.en) but a total of \(card.total.computed.compact(decimals: 2)) is '\(computed.name)'")))
    }

    // MARK: Helpers

    static func percent(_ fraction: Fixed, decimals: Int = 2) -> String {
        (fraction * 100).formatted(decimals: decimals) + "%"
    }

    static func line(_ location: SourceLocation) -> String {
        "\(location.file):\(location.line)"
    }
}
