import Foundation
import JixiaoAudit
import JixiaoBase
import JixiaoFormats
import JixiaoImport
import JixiaoModel

/// Paths into the project for tests: the bundled examples and rubrics, and the fixtures.
package enum Project {
    /// The package root, found from this file's path.
    package static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    package static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    package static func example(_ name: String) -> String { path("Examples/\(name)") }
    package static func fixture(_ name: String) -> String { path("Tests/Fixtures/\(name)") }

    package static let catalog: RubricCatalog = {
        do { return try RubricCatalog.load(directory: path("Rubrics")) } catch { fatalError("Rubrics/ does not load: \(error)") }
    }()

    /// The words of `Rubrics/vocabulary/tables.yaml`, and import options that use them.
    package static let words: TableWords = {
        do { return try TableWords.load(rubrics: path("Rubrics")) } catch { fatalError("Rubrics/vocabulary/tables.yaml does not load: \(error)") }
    }()

    package static var importOptions: ImportOptions { ImportOptions(words: words) }

    /// Audits a submission file (an example or a fixture) under the project's rubrics.
    package static func audit(_ path: String, rubric: Rubric? = nil) throws -> AuditResult {
        try Auditor.audit(Submission.load(path: path), catalog: catalog, rubric: rubric)
    }

    /// Parses YAML text as a submission, for tests of the loader's errors.
    package static func submission(_ yaml: String, file: String = "test.yaml") throws(InputError) -> Submission {
        try Submission.parse(Array(yaml.utf8), file: file)
    }
}

/// The documents under Fixtures/documents: the five seeds (copied from the shared folder), a
/// GB18030 copy of seed 002, and small documents of each text shape.
package enum Documents {
    package static func path(_ name: String) -> String { Project.fixture("documents/\(name)") }

    package static func imported(_ name: String) throws -> ImportedDocument {
        try DocumentImporter.read(path: path(name), options: Project.importOptions)
    }
}

/// The workbooks under Fixtures/xlsx (made by make_fixtures.py there: LibreOffice conversions of
/// HTML/FODS tables, and hand-zipped parts for what LibreOffice never writes).
package enum Workbooks {
    package static func path(_ name: String) -> String { Project.fixture("xlsx/\(name)") }

    package static func sheets(_ name: String) throws -> [XLSXSheet] {
        try XLSXReader.read(path: path(name))
    }
}

extension AuditResult {
    /// `code path` of every finding, for exact comparisons.
    package var findingKeys: [String] {
        findings.map { "\($0.code.rawValue) \($0.path)" }.sorted()
    }

    /// `code path` of the findings of the given severities.
    package func keys(_ severities: Severity...) -> [String] {
        findings.filter { severities.contains($0.severity) }.map { "\($0.code.rawValue) \($0.path)" }.sorted()
    }
}

/// Field-by-field differences between two submissions, ignoring where they were read from
/// (file, positions, source) and the fields listed in `ignoring`.
package func differences(_ a: Submission, _ b: Submission, ignoring: Set<String> = []) -> [String] {
    var out: [String] = []
    func check<T: Equatable>(_ name: String, _ x: T?, _ y: T?) {
        if !ignoring.contains(name), x != y { out.append("\(name): \(x.map { "\($0)" } ?? "nil") ≠ \(y.map { "\($0)" } ?? "nil")") }
    }
    check("unit", a.unit, b.unit)
    check("title", a.title, b.title)
    check("level", a.level, b.level)
    check("project", a.project, b.project)
    check("department", a.department, b.department)
    check("implementer", a.implementer, b.implementer)
    check("year", a.year, b.year)
    check("region", a.region, b.region)
    check("money", a.money, b.money)
    check("budget.initial", a.budget.initial, b.budget.initial)
    check("budget.adjusted", a.budget.adjusted, b.budget.adjusted)
    check("budget.executed", a.budget.executed, b.budget.executed)
    check("budget.points", a.budget.points, b.budget.points)
    check("budget.rate", a.budget.rate, b.budget.rate)
    check("budget.score", a.budget.score, b.budget.score)
    check("goals.expected", a.goals?.expected, b.goals?.expected)
    check("goals.achieved", a.goals?.achieved, b.goals?.achieved)
    check("categories.count", a.categories.count, b.categories.count)
    for (x, y) in zip(a.categories, b.categories) {
        check("category.name", x.name, y.name)
        check("\(x.name).points", x.points, y.points)
        check("\(x.name).indicators.count", x.indicators.count, y.indicators.count)
        for (i, j) in zip(x.indicators, y.indicators) {
            let path = "\(x.name)/\(i.name)"
            check("\(path).subcategory", i.subcategory, j.subcategory)
            check("\(path).name", i.name, j.name)
            check("\(path).target", i.target, j.target)
            check("\(path).actual", i.actual, j.actual)
            check("\(path).points", i.points, j.points)
            check("\(path).score", i.score, j.score)
            check("\(path).reason", i.reason, j.reason)
        }
    }
    check("total.points", a.total.points, b.total.points)
    check("total.score", a.total.score, b.total.score)
    check("grade", a.grade?.value, b.grade?.value)
    return out
}
