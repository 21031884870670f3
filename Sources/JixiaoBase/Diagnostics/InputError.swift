/// An input that cannot be used: a file that is not valid YAML, a field of the wrong type,
/// a rubric whose points do not add up. Input errors stop the work on that file (exit code 2);
/// findings, in contrast, are what an audit reports about a usable file.
public struct InputError: Error, Sendable, Hashable {
    public enum Code: String, Sendable, CaseIterable {
        case unreadableFile = "unreadable-file"
        case emptyFile = "empty-file"
        case binaryFile = "binary-file"
        case unknownEncoding = "unknown-encoding"
        case fileTooLarge = "file-too-large"
        case yamlSyntax = "yaml-syntax"
        case yamlAliasBomb = "yaml-alias-limit"
        case yamlTooDeep = "yaml-too-deep"
        case wrongType = "wrong-type"
        case missingField = "missing-field"
        case unknownKey = "unknown-key"
        case invalidNumber = "invalid-number"
        case invalidValue = "invalid-value"
        case duplicateKey = "duplicate-key"
        case unknownRubric = "unknown-rubric"
        case invalidRubric = "invalid-rubric"
        case noRubric = "no-rubric"
        case unknownFormat = "unknown-format"
        /// A file of a kind the tool does not read (yet): old Office, images, archives, a PDF with no
        /// text (a scan) or named other than `.pdf`.
        case unsupportedFormat = "unsupported-format"
        /// An old Office/WPS file (.doc, .xls, .wps, .et) and LibreOffice, which converts it, is not installed.
        case converterMissing = "converter-missing"
        /// LibreOffice failed to convert an old Office/WPS file, wrote nothing or took too long.
        case conversionFailed = "conversion-failed"
        /// A link in a folder walked by a batch to a file outside it: not followed.
        case linkOutsideFolder = "link-outside-folder"
        /// The batch's output folder is being written by another run.
        case outputLocked = "output-locked"
        /// The file took longer than the batch's per-file time limit.
        case timedOut = "timed-out"
    }

    public var code: Code
    /// Where the problem is (`line` 0 when the whole file is concerned), the dotted path of the
    /// field concerned (`budget.adjusted`, `categories[1].points`) if any, the message and a hint.
    public var diagnostic: Diagnostic

    public init(
        _ code: Code, at location: SourceLocation, field: String? = nil,
        message: LocalizedText, hint: LocalizedText? = nil
    ) {
        self.code = code
        diagnostic = Diagnostic(at: location, field: field, message: message, hint: hint)
    }

    public var location: SourceLocation { diagnostic.location }
    public var field: String? { diagnostic.field }
    public var message: LocalizedText { diagnostic.message }
    public var hint: LocalizedText? { diagnostic.hint }
}

/// Several input errors found in one pass (rubric validation reports every problem at once).
public struct InputErrors: Error, Sendable {
    public var errors: [InputError]

    public init(_ errors: [InputError]) {
        self.errors = errors
    }
}
