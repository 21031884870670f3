import Foundation
@testable import JixiaoCore

/// Paths into the project for tests: the bundled examples and rubrics, and this target's fixtures.
enum Project {
    /// The package root, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    static func example(_ name: String) -> String { path("Examples/\(name)") }
    static func fixture(_ name: String) -> String { path("Tests/JixiaoCoreTests/Fixtures/\(name)") }

    static let catalog: RubricCatalog = {
        do { return try RubricCatalog.load(directory: path("Rubrics")) } catch { fatalError("Rubrics/ does not load: \(error)") }
    }()

    /// Audits an example or fixture file under the project's rubrics.
    static func audit(_ path: String, rubric: Rubric? = nil) throws -> AuditResult {
        let results = try Engine(catalog: catalog, rubric: rubric).audit(path: path)
        guard results.count == 1, let result = results.first else { throw TestFailure("expected one table in \(path)") }
        return result
    }

    /// Parses YAML text as a submission, for tests of the loader's errors.
    static func submission(_ yaml: String, file: String = "test.yaml") throws(InputError) -> Submission {
        try Submission.parse(Array(yaml.utf8), file: file)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension AuditResult {
    /// `code path` of every finding, for exact comparisons.
    var findingKeys: [String] {
        findings.map { "\($0.code.rawValue) \($0.path)" }.sorted()
    }

    /// `code path` of the findings of the given severities.
    func keys(_ severities: Severity...) -> [String] {
        findings.filter { severities.contains($0.severity) }.map { "\($0.code.rawValue) \($0.path)" }.sorted()
    }
}
