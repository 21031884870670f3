import Foundation

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
        add(Finding(.rubricInferred, path: "rubric", at: submission.location,
                    claimed: nil, computed: .text(rubric.id), message: note))
    }

    // MARK: Budget row

    mutating func budget() {
        let budget = card.budget
        let row = submission.budget
        if let denominator = budget.denominator, denominator.number == 0 {
            add(Finding(.zeroBudget, path: "budget", at: row.location, claimed: .printed(denominator),
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
            add(Finding(.overspend, path: "budget.rate", at: row.rateLocation,
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
                    add(Finding(.rateTruncated, path: "budget.rate", at: row.rateLocation,
                                claimed: .printed(claimed), computed: .computed(rate * 100, decimals: 4),
                                message: LocalizedText(
                                    zh: "执行率印为 \(claimed)，是 \(figures.zh) 的截断值；四舍五入应为 \(Self.percent(rate, decimals: claimed.decimals))",
                                    en: "the rate is printed \(claimed), the truncation of \(figures.en); rounded it is \(Self.percent(rate, decimals: claimed.decimals))")))
                }
            case .mismatch:
                add(Finding(.rateMismatch, path: "budget.rate", at: row.rateLocation,
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
                add(Finding(.budgetScoreMismatch, path: "budget.score", at: row.scoreLocation,
                            claimed: .printed(claimed), computed: .computed(score, decimals: rubric.rounding.decimals),
                            message: LocalizedText(
                                zh: "预算执行得分印为 \(claimed)，但分值 \(budget.points.compact(decimals: 2)) × 执行率 \(ratePercent)\(capNote.zh) = \(score.compact(decimals: 4))",
                                en: "the budget score is printed \(claimed) but points \(budget.points.compact(decimals: 2)) × rate \(ratePercent)\(capNote.en) = \(score.compact(decimals: 4))")))
            }
        }
    }

    // MARK: Weights

    mutating func weights() {
        var seen: Set<String> = []
        for category in card.categories {
            let row = category.row
            if let declared = row.points, !row.indicators.isEmpty, row.indicators.allSatisfy({ $0.points != nil }),
               declared.number != category.indicatorPoints {
                add(Finding(.categoryPointsMismatch, path: row.name, at: row.location,
                            claimed: .printed(declared), computed: .computed(category.indicatorPoints, decimals: 2),
                            message: LocalizedText(
                                zh: "“\(row.name)”标为 \(declared) 分，但其下三级指标分值合计 \(category.indicatorPoints.compact(decimals: 2)) 分",
                                en: "'\(row.name)' is marked \(declared) points but its indicators' points add up to \(category.indicatorPoints.compact(decimals: 2))")))
            }
            guard let rubricCategory = category.rubricCategory else {
                add(Finding(.unknownCategory, path: row.name, at: row.location,
                            message: LocalizedText(
                                zh: "一级指标“\(row.name)”不在评分规则“\(rubric.id)”中（可用：\(rubric.categories.map(\.name).joined(separator: "、"))）",
                                en: "category '\(row.name)' is not in rubric '\(rubric.id)' (known: \(rubric.categories.map(\.name).joined(separator: ", ")))")))
                continue
            }
            seen.insert(rubricCategory.name)
            if category.points != rubricCategory.points {
                add(Finding(.rubricWeight, path: row.name, at: row.location,
                            claimed: .computed(category.points, decimals: 2), computed: .computed(rubricCategory.points, decimals: 2),
                            message: LocalizedText(
                                zh: "“\(row.name)”为 \(category.points.compact(decimals: 2)) 分，评分规则“\(rubric.id)”为 \(rubricCategory.points.compact(decimals: 2)) 分",
                                en: "'\(row.name)' has \(category.points.compact(decimals: 2)) points; rubric '\(rubric.id)' gives it \(rubricCategory.points.compact(decimals: 2))")))
            }
        }
        for category in rubric.categories where category.points > 0 && !seen.contains(category.name) {
            add(Finding(.missingCategory, path: category.name, at: submission.location,
                        computed: .computed(category.points, decimals: 2),
                        message: LocalizedText(
                            zh: "表中没有一级指标“\(category.name)”（评分规则“\(rubric.id)”中为 \(category.points.compact(decimals: 2)) 分）",
                            en: "the table has no '\(category.name)' category (\(category.points.compact(decimals: 2)) points in rubric '\(rubric.id)')")))
        }

        let indicatorPoints = submission.indicators.compactMap(\.indicator.points)
        guard indicatorPoints.count == submission.indicators.count else { return }
        let sum = card.budget.points + indicatorPoints.reduce(0) { $0 + $1.number }
        if sum != rubric.total {
            add(Finding(.weightSum, path: "total.points", at: submission.total.location,
                        claimed: .computed(sum, decimals: 2), computed: .computed(rubric.total, decimals: 2),
                        message: LocalizedText(
                            zh: "预算执行分值 \(card.budget.points.compact(decimals: 2)) 与各三级指标分值合计 \(sum.compact(decimals: 2))，不等于总分 \(rubric.total.compact(decimals: 2))",
                            en: "the budget row's \(card.budget.points.compact(decimals: 2)) points and the indicators' add up to \(sum.compact(decimals: 2)), not \(rubric.total.compact(decimals: 2))")))
        }
    }

    // MARK: Indicators

    mutating func indicators() {
        var names: [String: Submission.Indicator] = [:]
        for (category, indicator) in submission.indicators {
            let path = Self.path(category, indicator)
            let key = Rubric.normalizedLabel(indicator.name)
            if let first = names[key] {
                add(Finding(.duplicateIndicator, path: path, at: indicator.location,
                            message: LocalizedText(
                                zh: "三级指标“\(indicator.name)”重复出现（首次见于 \(Self.line(first.location))）",
                                en: "indicator '\(indicator.name)' appears again (first at \(Self.line(first.location)))")))
            } else {
                names[key] = indicator
            }
            guard let score = indicator.score else { continue }
            if score.number < 0 {
                add(Finding(.negativeScore, path: path, at: indicator.location, claimed: .printed(score), computed: .number(0, decimals: 0),
                            message: LocalizedText(zh: "“\(indicator.name)”得分 \(score) 为负数", en: "'\(indicator.name)' scores \(score), below zero")))
            }
            guard let points = indicator.points else { continue }
            if score.number > points.number {
                add(Finding(.scoreOverWeight, path: path, at: indicator.location, claimed: .printed(score), computed: .printed(points),
                            message: LocalizedText(zh: "“\(indicator.name)”得分 \(score) 超过分值 \(points)",
                                                   en: "'\(indicator.name)' scores \(score), above its \(points) points")))
            } else if score.number < points.number, !indicator.hasReason {
                add(Finding(.missingExplanation, path: path, at: indicator.location, claimed: .printed(score), computed: .printed(points),
                            message: LocalizedText(
                                zh: "“\(indicator.name)”得 \(score) 分（分值 \(points)），扣分但未说明偏差原因",
                                en: "'\(indicator.name)' scores \(score) of \(points) and no reason for the lost points is given")))
            }
        }
    }

    // MARK: Total and grade

    mutating func total() {
        let total = card.total
        guard let claimed = total.claimed else { return }
        guard Agreement.of(claimed, against: total.computedRange, truncation: false) == .mismatch else { return }
        let budgetPart = submission.budget.score?.description ?? card.budget.score?.compact(decimals: 2) ?? "0"
        add(Finding(.totalMismatch, path: "total", at: submission.total.location,
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
        add(Finding(.gradeMismatch, path: "grade", at: submission.grade?.location,
                    claimed: .text(claimed), computed: .text(computed.name),
                    message: LocalizedText(
                        zh: "等级印为“\(claimed)”\(known.zh)，但总分 \(card.total.computed.compact(decimals: 2)) 对应“\(computed.name)”",
                        en: "the grade is printed '\(claimed)'\(known.en) but a total of \(card.total.computed.compact(decimals: 2)) is '\(computed.name)'")))
    }

    // MARK: Helpers

    static func path(_ category: Submission.CategoryRow, _ indicator: Submission.Indicator) -> String {
        [category.name, indicator.subcategory, indicator.name].compactMap { $0 }.joined(separator: "/")
    }

    static func percent(_ fraction: Decimal, decimals: Int = 2) -> String {
        (fraction * 100).formatted(decimals: decimals) + "%"
    }

    static func line(_ location: SourceLocation) -> String {
        "\(location.file):\(location.line)"
    }
}
