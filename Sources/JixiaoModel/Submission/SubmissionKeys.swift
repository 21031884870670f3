/// The keys a submission's mappings accept, one enum per mapping, in the order error messages
/// list them. A case's name is its spelling in the file; its raw value, its place in `names`.
protocol SubmissionKey: RawRepresentable<Int>, CaseIterable, Sendable {
    /// The spellings, in case order: `allCases.map { "\($0)" }`, made once.
    static var names: [String] { get }
}

extension Submission {
    enum TopKey: Int, SubmissionKey {
        case unit, title, level, project, department, implementer, year, region, rubric, money
        case budget, goals, categories, total, grade, source, notes
        static let names = allCases.map { "\($0)" }
    }

    enum BudgetKey: Int, SubmissionKey {
        case initial, adjusted, executed, points, rate, score, line
        static let names = allCases.map { "\($0)" }
    }

    enum CategoryKey: Int, SubmissionKey {
        case name, points, indicators, line
        static let names = allCases.map { "\($0)" }
    }

    enum IndicatorKey: Int, SubmissionKey {
        case subcategory, name, target, actual, points, score, reason, line
        static let names = allCases.map { "\($0)" }
    }

    enum TotalKey: Int, SubmissionKey {
        case points, score, line
        static let names = allCases.map { "\($0)" }
    }

    enum GoalsKey: Int, SubmissionKey {
        case expected, achieved
        static let names = allCases.map { "\($0)" }
    }

    enum SourceKey: Int, SubmissionKey {
        case file, table, lines
        static let names = allCases.map { "\($0)" }
    }
}
