/// The keys a submission's mappings accept, one enum per mapping, in the order error messages
/// list them.
protocol SubmissionKey: CaseIterable, RawRepresentable<String>, Sendable {}

extension SubmissionKey {
    /// The spellings, for `YAMLMapping(allowed:)`.
    static var names: [String] { allCases.map(\.rawValue) }
}

extension Submission {
    enum TopKey: String, SubmissionKey {
        case unit, title, level, project, department, implementer, year, region, rubric, money
        case budget, goals, categories, total, grade, source, notes
    }

    enum BudgetKey: String, SubmissionKey {
        case initial, adjusted, executed, points, rate, score, line
    }

    enum CategoryKey: String, SubmissionKey {
        case name, points, indicators, line
    }

    enum IndicatorKey: String, SubmissionKey {
        case subcategory, name, target, actual, points, score, reason, line
    }

    enum TotalKey: String, SubmissionKey {
        case points, score, line
    }

    enum GoalsKey: String, SubmissionKey {
        case expected, achieved
    }

    enum SourceKey: String, SubmissionKey {
        case file, table, lines
    }
}
