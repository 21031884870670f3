import Foundation

/// The JSON contract of `score` and `audit` (README, "JSON output"): version 1.
public enum JSONReport {
    public static let version = 1

    public static func document(_ results: [AuditResult], language: Language) -> JSONValue {
        .object([
            ("version", .number(String(version))),
            ("results", .array(results.map { result($0, language: language) })),
        ])
    }

    public static func result(_ result: AuditResult, language: Language) -> JSONValue {
        let card = result.scorecard
        let submission = card.submission
        let decimals = card.rubric.rounding.decimals
        return .object([
            ("file", .string(submission.source?.file ?? submission.file)),
            ("unit", .string(submission.unit)),
            ("title", .string(submission.project ?? submission.title)),
            ("level", .string(submission.level.rawValue)),
            ("year", .number(String(submission.year))),
            ("rubric", .string(card.rubric.id)),
            ("budget", .object([
                ("adjusted", .printed(submission.budget.adjusted)),
                ("executed", .printed(submission.budget.executed)),
                ("rate", .object([
                    ("claimed", card.budget.claimedRate.map { .number($0.number.formatted(decimals: $0.numberDecimals)) } ?? .null),
                    ("computed", .decimal(card.budget.rate, decimals: 4)),
                ])),
                ("score", .object([
                    ("claimed", .printed(card.budget.claimedScore)),
                    ("computed", .decimal(card.budget.score, decimals: decimals)),
                ])),
            ])),
            ("categories", .array(card.categories.map { category in
                .object([
                    ("name", .string(category.row.name)),
                    ("points", .decimal(category.points, decimals: decimals)),
                    ("claimed", .decimal(category.claimed, decimals: decimals)),
                    ("computed", .decimal(category.computed, decimals: decimals)),
                ])
            })),
            ("indicators", .array(card.categories.flatMap { category in
                category.indicators.map { indicator($0, category: category.row, decimals: decimals) }
            })),
            ("total", .object([
                ("claimed", .printed(card.total.claimed)),
                ("computed", .decimal(card.total.computed, decimals: decimals)),
                ("recomputed", .decimal(card.total.recomputed, decimals: decimals)),
            ])),
            ("grade", .object([
                ("claimed", .string(card.grade.claimed)),
                ("computed", .string(card.grade.computed?.name)),
                ("recomputed", .string(card.grade.recomputed?.name)),
            ])),
            ("findings", .array(result.findings.map { finding($0, language: language) })),
        ])
    }

    static func indicator(_ scored: Scorecard.IndicatorScore, category: Submission.CategoryRow, decimals: Int) -> JSONValue {
        let indicator = scored.indicator
        let assessment = scored.assessment
        return .object([
            ("path", .string(category.path(of: indicator))),
            ("line", .number(String(indicator.location.line))),
            ("target", .string(indicator.target)),
            ("actual", .string(indicator.actual)),
            ("parsed", .object([
                ("target", assessment.target.map(parsed) ?? .null),
                ("actual", assessment.actual.map(parsed) ?? .null),
            ])),
            ("rule", .string(assessment.method.rawValue)),
            ("met", assessment.met.map(JSONValue.bool) ?? .null),
            ("weight", .printed(indicator.points)),
            ("claimed", .printed(indicator.score)),
            ("computed", .decimal(assessment.computed, decimals: decimals)),
            ("computedRange", assessment.band.map { .array([.decimal($0.points.lower, decimals: decimals), .decimal($0.points.upper, decimals: decimals)]) } ?? .null),
            ("formula", .string(assessment.formula)),
        ])
    }

    /// A parsed target or actual value: its kind and parts.
    static func parsed(_ value: ParsedValue) -> JSONValue {
        switch value {
        case .quantity(let quantity):
            .object([
                ("kind", .string("quantity")), ("comparator", .string(quantity.comparator.rawValue)),
                ("amount", .number(quantity.amount.formatted(decimals: quantity.decimals))),
                ("unit", .string(quantity.unit?.symbol)), ("per", .string(quantity.per)),
            ])
        case .range(let range):
            .object([
                ("kind", .string("range")),
                ("lower", .number(range.lower.formatted(decimals: range.lowerDecimals))),
                ("upper", .number(range.upper.formatted(decimals: range.upperDecimals))),
                ("unit", .string(range.unit?.symbol)), ("per", .string(range.per)),
            ])
        case .date(let date):
            .object([
                ("kind", .string("date")), ("comparator", .string(date.comparator.rawValue)),
                ("year", date.year.map { .number(String($0)) } ?? .null),
                ("month", date.month.map { .number(String($0)) } ?? .null),
                ("day", date.day.map { .number(String($0)) } ?? .null),
            ])
        case .deadline(.dayOfMonth(let day)):
            .object([("kind", .string("deadline")), ("dayOfMonth", .number(String(day)))])
        case .deadline(.within(let amount, let decimals, let unit)):
            .object([("kind", .string("deadline")), ("within", .number(amount.formatted(decimals: decimals))), ("unit", .string(unit.symbol))])
        case .qualitative(let words):
            .object([("kind", .string("qualitative")), ("band", .string(words.band)), ("word", .string(words.word))])
        case .unscorable(let reason):
            .object([("kind", .string("unscorable")), ("reason", .string(reason.reason.rawValue)), ("message", .string(reason.message.zh))])
        }
    }

    public static func finding(_ finding: Finding, language: Language) -> JSONValue {
        .object([
            ("code", .string(finding.code.rawValue)),
            ("severity", .string(finding.severity.rawValue)),
            ("path", .string(finding.path)),
            ("file", .string(finding.location?.file)),
            ("line", finding.location.map { .number(String($0.line)) } ?? .null),
            ("claimed", value(finding.claimed)),
            ("computed", value(finding.computed)),
            ("message", .string(finding.message.text(language))),
        ])
    }

    static func value(_ value: FindingValue?) -> JSONValue {
        switch value {
        case nil: .null
        case .number(let number, let decimals): .number(number.formatted(decimals: decimals))
        case .text(let text): .string(text)
        }
    }

    /// Input errors in the same envelope, for `--format json` runs that fail on input.
    public static func error(_ error: InputError, language: Language) -> JSONValue {
        .object([
            ("code", .string(error.code.rawValue)),
            ("file", .string(error.location.file)),
            ("line", .number(String(error.location.line))),
            ("column", .number(String(error.location.column))),
            ("field", .string(error.field)),
            ("message", .string(error.message.text(language))),
            ("hint", .string(error.hint?.text(language))),
        ])
    }
}
