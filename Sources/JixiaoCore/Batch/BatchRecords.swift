import Foundation
import JixiaoBase
import JixiaoAudit
import JixiaoReport

/// An input the batch could not read, with the reason (a row of `errors.csv`).
public struct ErrorRecord: Sendable {
    public var file: String
    public var code: String
    public var line: Int
    public var column: Int
    public var field: String
    public var message: String
    public var hint: String

    public static let header = ["file", "code", "line", "column", "field", "message", "hint"]

    public var row: [String] {
        [file, code, String(line), String(column), field, message, hint]
    }

    public init(_ error: InputError, file: String, language: Language) {
        self.init(code: error.code.rawValue, error.diagnostic, file: file, language: language)
    }

    /// An error that is not about the input: a bug, reported and passed over.
    public init(internal error: Error, file: String) {
        let description = String(describing: error)
        self.init(code: "internal-error", Diagnostic(at: SourceLocation(file: file, line: 0), message: LocalizedText(zh: description, en: description)),
                  file: file, language: .en)
    }

    private init(code: String, _ diagnostic: Diagnostic, file: String, language: Language) {
        self.file = file
        self.code = code
        line = diagnostic.location.line
        column = diagnostic.location.column
        field = Self.excerpt(diagnostic.field ?? "")
        message = Self.excerpt(diagnostic.message.text(language))
        hint = Self.excerpt(diagnostic.hint?.text(language) ?? "")
    }

    /// The most of a message an error row keeps, in characters: a message may quote the input,
    /// and an input that is not a submission (a password file reached by a link, a 100 KB
    /// value) is echoed no further than this.
    public static let excerptLength = 200

    /// `text` cut to `excerptLength` characters (`…` added) with its control characters shown
    /// as symbols.
    static func excerpt(_ text: String) -> String {
        var text = text
        if text.utf8.count > excerptLength, text.count > excerptLength { text = String(text.prefix(excerptLength)) + "…" }
        return TerminalText.safe(text)
    }

    /// The error in `summary.json`, on one line, as UTF-8.
    var json: [UInt8] {
        var json = JSONWriter(pretty: false, capacity: 256)
        json.object { json in
            json.string("code", code)
            json.string("file", file)
            json.number("line", line)
            json.number("column", column)
            json.string("field", field.isEmpty ? nil : field)
            json.string("message", message)
            json.string("hint", hint.isEmpty ? nil : hint)
        }
        return json.bytes
    }
}

/// What one input gave: its tables, or why it could not be read.
public struct FileOutcome: Sendable {
    /// The input's position in the run, which fixes where its rows go.
    public var index: Int
    public var file: String
    /// SHA-256 of the file's bytes, when the run records its inputs.
    public var sha256: String?
    public var bytes: Int
    public var tables: [TableRecord]
    public var errors: [ErrorRecord]
    /// One dashboard line per table.
    public var dashboard: [DashboardSummary.Table] = []
}

/// A table whose claimed total is furthest above what the rules give.
public struct GapEntry: Sendable {
    public var unit: String
    public var project: String?
    public var year: Int
    public var file: String
    public var table: Int
    public var claimed: String
    public var recomputed: String
    public var gap: Fixed
}

/// What a batch did, for its final summary.
public struct BatchSummary: Sendable {
    public var runName: String
    public var started: Date
    public var duration: Double
    public var files: Int
    public var tables: Int
    /// Tables of which nothing could be read (`not-checked`), among `tables`.
    public var notChecked: Int
    /// Documents with no self-evaluation table, whose prose figures alone were checked, among `tables`.
    public var proseOnly: Int
    /// Files found in the folders that no reader takes, listed in errors.csv; not in `errors`.
    public var unsupported: Int
    public var errors: Int
    public var internalErrors: Int
    public var findingsBySeverity: [Severity: Int]
    public var findingsByCode: [FindingCode: Int]
    /// The ten tables with the largest claimed-minus-computed total, largest first.
    public var largestGaps: [GapEntry]
    public var outputDirectory: String
    /// The files written, relative to `outputDirectory`.
    public var outputs: [String]
    /// The most serious finding of the run.
    public var worstSeverity: Severity?
    /// The history run id, when the run was stored.
    public var runID: Int64?
}

/// Where a batch is, for progress displays.
public struct BatchProgress: Sendable {
    public var filesDone: Int
    public var filesTotal: Int
    public var tablesDone: Int
    public var errors: Int
    /// Seconds since the run started.
    public var elapsed: Double
}

extension DashboardSummary.Unreadable {
    /// An `errors.csv` row as the dashboard lists it.
    init(_ record: ErrorRecord) {
        self.init(file: record.file, code: record.code, reason: LocalizedText(zh: record.message, en: record.message))
    }
}
