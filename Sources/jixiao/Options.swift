import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoBase
import JixiaoAudit
import JixiaoReport

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, html, markdown
}

extension Language: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

/// The rubric folder and the language of messages: what every command that reads rubrics takes.
struct RubricOptions: ParsableArguments {
    @Option(help: "Language of messages: zh or en.")
    var lang: Language = .zh

    @Option(help: "Folder of rubric files (default: the nearest Rubrics/ folder, or $JIXIAO_RUBRICS).")
    var rubrics: String?
}

/// What `score`, `audit` and `batch` take: the rubric folder and language, one rubric for every
/// table, and the exit threshold.
struct AuditOptions: ParsableArguments {
    @OptionGroup var folder: RubricOptions

    @Option(help: "Score every table under this rubric (an id from the rubric folder, or a file path).")
    var rubric: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at least this severe: error, warning or info.")
    var failOn: Severity = .error

    var lang: Language { folder.lang }

    /// The rubric folder and the forced rubric, loaded.
    func engine() throws -> Engine {
        try Engine(rubricDirectory: folder.rubrics, rubricReference: rubric)
    }
}

/// Options of `score` and `audit`: those of every audit, and how to print the result.
struct CommonOptions: ParsableArguments {
    @OptionGroup var audit: AuditOptions

    @Option(help: "Output format: text, json, html (one self-contained page; one table) or markdown.")
    var format: OutputFormat = .text

    @Flag(name: .customLong("no-color"), help: "Never color the text output.")
    var noColor = false

    var lang: Language { audit.lang }
    var failOn: Severity { audit.failOn }
    var style: TextStyle { Terminal.style(disabled: noColor) }
}

/// The process's exit codes.
enum ExitStatus: Int32 {
    case clean = 0
    case findings = 1
    case unusableInput = 2
    case internalError = 3
}

enum Terminal {
    /// Colored only when standard output is a terminal and NO_COLOR is not set.
    static func style(disabled: Bool) -> TextStyle {
        TextStyle(color: !disabled && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
    }

    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints an input error (or several) compiler-style on standard error.
    static func report(_ error: Error, language: Language) -> ExitStatus {
        switch error {
        case let error as InputError:
            printError(InputErrorReport.render(error, language: language, style: style(disabled: isatty(STDERR_FILENO) != 1)))
            return .unusableInput
        case let errors as InputErrors:
            for error in errors.errors {
                printError(InputErrorReport.render(error, language: language, style: style(disabled: isatty(STDERR_FILENO) != 1)))
            }
            return .unusableInput
        case let error as OutputError:
            printError(error.text(language))
            return .unusableInput
        default:
            printError((language == .zh ? "内部错误：" : "internal error: ") + "\(error)")
            return .internalError
        }
    }
}

extension ParsableCommand {
    /// Ends the process with `status` (ArgumentParser's exit path, so buffers are flushed).
    func finish(_ status: ExitStatus) throws {
        if status != .clean { throw ExitCode(status.rawValue) }
    }
}
