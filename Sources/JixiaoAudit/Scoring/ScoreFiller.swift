import Foundation
import JixiaoBase
import JixiaoModel

/// Fills in the scores a table does not print yet, by the rubric's rules: "score my
/// self-evaluation before it is submitted" (`jixiao score --fill`).
public enum ScoreFiller {
    /// A filled submission, with a note for every indicator whose score needs a person's eye:
    /// qualitative ones (filled with their band's top) and ones that could not be computed.
    public struct Result: Sendable {
        public var submission: Submission
        /// One note per indicator that wants a look, at its row, with its path as the field.
        public var notes: [ImportNote]

        /// The filled submission as YAML, with the notes.
        public func yaml(language: Language) -> String {
            SubmissionWriter.yaml(submission, notes: notes, language: language)
        }
    }

    /// Every absent 得分 computed and rounded as the rubric says; printed scores are kept. The
    /// budget rate and score, the total and the grade are filled when absent, from the filled parts.
    public static func fill(_ card: Scorecard) -> Result {
        let rubric = card.rubric
        var submission = card.submission
        var notes: [ImportNote] = []
        let decimals = rubric.rounding.decimals

        if submission.budget.rate == nil, let rate = card.budget.rate {
            submission.budget.rate = PrintedNumber(round(rate * 100, decimals, rubric), decimals: 2, isPercent: true)
        }
        if submission.budget.score == nil, let score = card.budget.score {
            submission.budget.score = printed(score, rubric)
        }

        for (c, category) in card.categories.enumerated() {
            for (i, scored) in category.indicators.enumerated() where scored.indicator.score == nil {
                let path = category.row.path(of: scored.indicator)
                func note(_ message: LocalizedText) {
                    notes.append(ImportNote(table: nil, location: scored.indicator.location, subject: .indicator(path), message: message))
                }
                let assessment = scored.assessment
                if let computed = assessment.computed {
                    submission.categories[c].indicators[i].score = printed(computed, rubric)
                } else if let band = assessment.band {
                    submission.categories[c].indicators[i].score = printed(band.points.upper, rubric)
                    note(LocalizedText(
                        zh: "\(scored.indicator.name)：定性指标：“\(band.name)”档为 \(band.points.lower.compact(decimals: decimals))–\(band.points.upper.compact(decimals: decimals)) 分，暂取上限，请按实际完成情况酌定",
                        en: "\(scored.indicator.name): qualitative, the '\(band.name)' band is \(band.points.lower.compact(decimals: decimals))–\(band.points.upper.compact(decimals: decimals)) points; filled with its top, adjust to the actual result"))
                } else {
                    note(LocalizedText(
                        zh: "\(scored.indicator.name)：无法按规则计分（指标值或完成值无法读取），请人工评分",
                        en: "\(scored.indicator.name): cannot be scored by the rules (the target or actual cannot be read); score it by hand"))
                }
            }
        }

        let parts = [submission.budget.score] + submission.indicators.map(\.indicator.score)
        if submission.total.score == nil, parts.allSatisfy({ $0 != nil }) {
            let sum = parts.compactMap { $0?.number }.reduce(0, +)
            submission.total.score = printed(sum, rubric)
            if submission.grade == nil, let grade = rubric.grade(of: sum) {
                submission.grade = Submission.Claim(value: grade.name, location: submission.total.location)
            }
        }
        return Result(submission: submission, notes: notes)
    }

    /// Rounded as the rubric says and printed with no more decimals than it needs.
    private static func printed(_ value: Fixed, _ rubric: Rubric) -> PrintedNumber {
        let rounded = round(value, rubric.rounding.decimals, rubric)
        let text = rounded.compact(decimals: rubric.rounding.decimals)
        return PrintedNumber(rounded, decimals: text.split(separator: ".").dropFirst().first?.count ?? 0)
    }

    private static func round(_ value: Fixed, _ decimals: Int, _ rubric: Rubric) -> Fixed {
        rubric.rounding.mode == .truncate ? value.truncated(decimals) : value.rounded(decimals)
    }
}
