import Foundation
import JixiaoBase
import JixiaoAudit

/// The arithmetic behind a finding's computed value, for the reports' list of findings:
/// `52.40 / 180 = 29.11%`, `10 × 87.46% = 8.75`, `10 + 48 + 29 + 10 = 97`, `85 / 100 × 3 = 2.55`.
enum ReportFormula {
    static func of(_ finding: Finding, card: Scorecard, language: Language) -> String? {
        let decimals = card.rubric.rounding.decimals
        let budget = card.budget
        func rate() -> String? {
            guard let executed = budget.executed, let denominator = budget.denominator, let rate = budget.rate else { return nil }
            return "\(executed) / \(denominator) = \(percent(rate))"
        }
        switch finding.subject {
        case .budget(nil), .budget(.rate?):
            return rate()
        case .budget(.score?):
            guard let rate = budget.rate, let score = budget.score else { return nil }
            let capped = rate > card.rubric.budget.cap
                ? "min(\(percent(rate)), \(percent(card.rubric.budget.cap)))" : percent(rate)
            return "\(budget.points.compact(decimals: 2)) × \(capped) = \(score.compact(decimals: 4))"
        case .total:
            let parts = [budget.claimedScore?.number].compactMap { $0 } + card.categories.compactMap(\.claimed)
            guard !parts.isEmpty else { return nil }
            let text = parts.map { $0.compact(decimals: decimals) }.joined(separator: " + ")
            return "\(text) = \(card.total.computed.compact(decimals: decimals))"
        case .totalPoints:
            let parts = [budget.points] + card.categories.map(\.indicatorPoints)
            return parts.map { $0.compact(decimals: 2) }.joined(separator: " + ")
                + " = \(parts.reduce(0, +).compact(decimals: 2))"
        case .grade:
            guard let band = card.grade.computed else { return nil }
            return "\(card.total.computed.compact(decimals: decimals)) ∈ [\(band.lower.compact(decimals: 2)), \(band.upper.compact(decimals: 2))] → \(band.name)"
        case .category(let name):
            guard let category = card.categories.first(where: { $0.row.name == name }) else { return nil }
            let points = category.row.indicators.compactMap(\.points)
            guard !points.isEmpty else { return nil }
            return points.map(\.description).joined(separator: " + ") + " = \(category.indicatorPoints.compact(decimals: 2))"
        case .indicator(let path):
            // Only for findings whose computed value is the indicator's score by the rules.
            guard [.scoreOffRule, .unmetButFull, .metButDeducted, .scoreOutOfBand].contains(finding.code) else { return nil }
            // Only the paths under the indicator's category are built, and indicators are read in place.
            for category in card.categories where path.hasPrefix(category.row.name + "/") {
                for position in category.indicators.indices
                where category.row.path(of: category.indicators[position].indicator) == path {
                    let assessment = category.indicators[position].assessment
                    if let formula = assessment.formula { return formula.text }
                    if let band = assessment.band {
                        let lower = band.points.lower.compact(decimals: decimals), upper = band.points.upper.compact(decimals: decimals)
                        return language == .zh ? "\(band.name)：\(lower)–\(upper)" : "\(band.name): \(lower)–\(upper)"
                    }
                    return nil
                }
            }
            return nil
        default:
            return nil
        }
    }

    static func percent(_ fraction: Fixed) -> String {
        (fraction * 100).formatted(decimals: 2) + "%"
    }
}
