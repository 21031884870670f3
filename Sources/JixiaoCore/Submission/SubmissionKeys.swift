/// The keys a submission's mappings accept, one enum per mapping, in the order error messages
/// list them.
protocol SubmissionKey: CaseIterable, RawRepresentable<String>, Sendable {
    /// The spellings, for `YAMLMapping(allowed:)`: `allCases.map(\.rawValue)`, made once.
    static var names: [String] { get }
}

extension Submission {
    enum TopKey: String, SubmissionKey {
        case unit, title, level, project, department, implementer, year, region, rubric, money
        case budget, goals, categories, total, grade, source, notes
        static let names = allCases.map(\.rawValue)
    }

    enum BudgetKey: String, SubmissionKey {
        case initial, adjusted, executed, points, rate, score, line
        static let names = allCases.map(\.rawValue)
    }

    enum CategoryKey: String, SubmissionKey {
        case name, points, indicators, line
        static let names = allCases.map(\.rawValue)
    }

    enum IndicatorKey: String, SubmissionKey {
        case subcategory, name, target, actual, points, score, reason, line
        static let names = allCases.map(\.rawValue)
    }

    enum TotalKey: String, SubmissionKey {
        case points, score, line
        static let names = allCases.map(\.rawValue)
    }

    enum GoalsKey: String, SubmissionKey {
        case expected, achieved
        static let names = allCases.map(\.rawValue)
    }

    enum SourceKey: String, SubmissionKey {
        case file, table, lines
        static let names = allCases.map(\.rawValue)
    }
}
