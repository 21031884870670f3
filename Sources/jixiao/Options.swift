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
    @Option(help: Help.text(zh: "输出和提示信息的语言：zh（中文）或 en（英文）。", en: "Language of messages: zh or en.", showsDefault: true))
    var lang: Language = .zh

    @Option(help: Help.text(zh: "评分规则文件所在的目录（默认：最近的 Rubrics/ 目录，或环境变量 $JIXIAO_RUBRICS）。",
                            en: "Folder of rubric files (default: the nearest Rubrics/ folder, or $JIXIAO_RUBRICS)."))
    var rubrics: String?
}

/// What `score`, `audit` and `batch` take: the rubric folder and language, one rubric for every
/// table, and the exit threshold.
struct AuditOptions: ParsableArguments {
    @OptionGroup var folder: RubricOptions

    @Option(help: Help.text(zh: "所有表都按这个评分规则计分（评分规则目录中的 ID，或文件路径）。",
                            en: "Score every table under this rubric (an id from the rubric folder, or a file path)."))
    var rubric: String?

    @Option(name: .customLong("fail-on"),
            help: Help.text(zh: "有问题达到这一严重程度时退出码为 1：error（错误）、warning（警告）或 info（提示）。",
                            en: "Exit 1 when a finding is at least this severe: error, warning or info.", showsDefault: true))
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

    @Option(help: Help.text(zh: "输出格式：text（文本）、json、html（一个自带样式的网页，只限一张表）或 markdown。",
                            en: "Output format: text, json, html (one self-contained page; one table) or markdown.", showsDefault: true))
    var format: OutputFormat = .text

    @Flag(name: .customLong("no-color"), help: Help.text(zh: "文本输出不加颜色。", en: "Never color the text output."))
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
