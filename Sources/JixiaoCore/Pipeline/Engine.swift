import Foundation
import JixiaoBase
import JixiaoModel
import JixiaoFormats
import JixiaoImport
import JixiaoAudit

/// Reads inputs, chooses rubrics and audits: what `score`, `audit` and `batch` share.
public struct Engine: Sendable {
    public var catalog: RubricCatalog
    /// The words documents' tables are found and read by, from the rubric folder.
    public var words: TableWords
    /// A rubric forced for every table (`--rubric`), instead of choosing one per table.
    public var rubric: Rubric?

    public init(catalog: RubricCatalog, words: TableWords, rubric: Rubric? = nil) {
        self.catalog = catalog
        self.words = words
        self.rubric = rubric
    }

    /// Loads the rubric folder (its rubrics and `vocabulary/tables.yaml`) and, when
    /// `rubricReference` is given, the rubric it names (an id of the folder or a file path).
    public init(rubricDirectory: String?, rubricReference: String? = nil) throws {
        let directory = try Self.rubricFolder(rubricDirectory)
        let catalog = try RubricCatalog.load(directory: directory)
        let rubric = try rubricReference.map { try catalog.resolve($0, at: SourceLocation(file: "--rubric", line: 0)) }
        self.init(catalog: catalog, words: try TableWords.load(rubrics: directory), rubric: rubric)
    }

    /// The rubric folder: `directory`, else the nearest `Rubrics/` or `$JIXIAO_RUBRICS`.
    public static func rubricFolder(_ directory: String?) throws -> String {
        guard let directory = directory ?? RubricCatalog.defaultDirectory() else {
            throw InputError(.noRubric, at: SourceLocation(file: "Rubrics", line: 0),
                             message: LocalizedText(zh: "找不到评分规则目录 Rubrics/", en: "cannot find the Rubrics/ folder"),
                             hint: LocalizedText(zh: "用 --rubrics 指定目录，或设置环境变量 JIXIAO_RUBRICS",
                                                 en: "name it with --rubrics or the JIXIAO_RUBRICS environment variable"))
        }
        return directory
    }

    /// Every table of an input file, audited.
    public func audit(path: String) throws -> [AuditResult] {
        if SubmissionReader.isDocument(path) || XLSXReader.isWorkbook(path) {
            return try audit(SubmissionReader.readDocument(path: path, options: ImportOptions(words: words)))
        }
        return try SubmissionReader.read(path: path, words: words).map { try audit($0) }
    }

    public func audit(_ submission: Submission) throws -> AuditResult {
        try Auditor.audit(submission, catalog: catalog, rubric: rubric)
    }

    /// Every table of an imported document, audited, with the findings about its own figures.
    public func audit(_ document: ImportedDocument) throws -> [AuditResult] {
        try Auditor.audit(document, catalog: catalog, rubric: rubric)
    }
}
