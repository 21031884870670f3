import JixiaoBase
import JixiaoModel
import JixiaoAudit

/// The 审核结论 a table's report opens with, for a reviewer to sign: the total and grade the
/// table claims beside those the rules give (a range where qualitative bands leave the points
/// open), what must be corrected (the errors), what must be explained (the warnings) and what
/// could not be checked (the coverage). Notes stay in the list of findings.
struct Conclusion {
    /// `自评总分 96，等级“优”；按规则核定 98.41，等级“优”。`
    var verdict: String
    var toCorrect: [String]
    var toExplain: [String]
    /// What was not read or cannot be verified (the 读取情况 line), or nil when nothing was missed.
    var unchecked: String?

    init(_ result: AuditResult, language: Language) {
        let card = result.scorecard
        let coverage = card.coverage
        let zh = language == .zh
        toCorrect = result.findings.filter { $0.severity == .error }.map { $0.message.text(language) }
        toExplain = result.findings.filter { $0.severity == .warning }.map { $0.message.text(language) }
        let readWhole = coverage.isChecked && coverage.budget == .read && coverage.total == .read
            && coverage.indicatorsRead == coverage.indicatorRowsSeen && coverage.unverifiedIndicators == 0
            && (coverage.columns.map { Set($0) == Set(Submission.IndicatorColumn.allCases) } ?? true)
        unchecked = readWhole ? nil : CoverageText.line(coverage, language: language)
        if let figures = result.narrativeFigures {
            unchecked = CoverageText.line(result, language: language)
            verdict = zh ? "未找到绩效自评表，只核对了正文中的 \(figures) 处数据；没有可核定的总分与等级。"
                : "No self-evaluation table was found; \(figures) figures of the prose were checked, and there is no total or grade to rule on."
            return
        }
        guard coverage.isChecked else {
            verdict = zh ? "本表未能读取，未核查；这不代表没有问题。" : "This table could not be read and was not checked; that does not mean it is right."
            return
        }

        let decimals = card.rubric.rounding.decimals
        func quoted(_ grade: String) -> String { zh ? "“\(grade)”" : "'\(grade)'" }
        var claimed: String
        if let total = card.total.claimed {
            claimed = zh ? "自评总分 \(total)" : "The table claims a total of \(total)"
        } else {
            claimed = zh ? "自评总分未填" : "The table gives no total"
        }
        if let grade = card.grade.claimed { claimed += zh ? "，等级\(quoted(grade))" : ", grade \(quoted(grade))" }

        let ruled: String
        if coverage.totalPartsRead, let recomputed = card.total.recomputed {
            let (lower, upper) = Self.bandRange(card, around: recomputed)
            let grade = card.grade.recomputed.map { zh ? "，等级\(quoted($0.name))" : ", grade \(quoted($0.name))" } ?? ""
            let range = lower == upper ? ""
                : zh ? "（定性指标按档次可在 \(lower.compact(decimals: decimals))–\(upper.compact(decimals: decimals)) 之间）"
                     : " (the qualitative bands allow \(lower.compact(decimals: decimals))–\(upper.compact(decimals: decimals)))"
            let total = recomputed.compact(decimals: decimals)
            ruled = zh ? "按规则核定 \(total)\(range)\(grade)" : "the rules give \(total)\(range)\(grade)"
        } else {
            ruled = zh ? "部分得分未能读取，核定总分无法给出" : "not every part was read, so the rules' total cannot be given"
        }
        verdict = zh ? "\(claimed)；\(ruled)。" : "\(claimed); \(ruled)."
    }

    /// The lowest and highest totals the qualitative bands allow around `recomputed`, which
    /// takes each banded indicator's claimed score kept inside its band.
    private static func bandRange(_ card: Scorecard, around recomputed: Fixed) -> (Fixed, Fixed) {
        var lower = recomputed, upper = recomputed
        for category in card.categories {
            for scored in category.indicators {
                guard let band = scored.assessment.band,
                      let used = scored.assessment.points(claimed: scored.indicator.score?.number) else { continue }
                lower += band.points.lower - used
                upper += band.points.upper - used
            }
        }
        return (lower, upper)
    }
}
