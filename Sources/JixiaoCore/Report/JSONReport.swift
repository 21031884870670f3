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
            ("total", .object([
                ("claimed", .printed(card.total.claimed)),
                ("computed", .decimal(card.total.computed, decimals: decimals)),
            ])),
            ("grade", .object([
                ("claimed", .string(card.grade.claimed)),
                ("computed", .string(card.grade.computed?.name)),
            ])),
            ("findings", .array(result.findings.map { finding($0, language: language) })),
        ])
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
