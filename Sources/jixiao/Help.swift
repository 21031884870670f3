import ArgumentParser
import Foundation
import JixiaoBase
import JixiaoReport

/// The text of `--help` in the language of the reader: Chinese unless the command line or the
/// environment asks for English, decided once at start-up (ArgumentParser reads the declarations
/// before any option is parsed, so `--lang` is looked for in the raw arguments).
///
/// ArgumentParser wraps help at spaces and counts a Chinese character as one column, so Chinese
/// prose, which has few spaces and takes two columns a character, is broken into lines here,
/// for the column each kind of text starts at.
enum Help {
    static let language = language(arguments: Array(CommandLine.arguments.dropFirst()),
                                   environment: ProcessInfo.processInfo.environment)

    /// `--lang en` or `--lang=en` (the last one given; nothing after `--` counts), else
    /// `JIXIAO_LANG`; Chinese otherwise, as every other output. The locale (`LANG`) is not asked:
    /// `en_US.UTF-8` is many a server's default, not its reader's language.
    static func language(arguments: [String], environment: [String: String]) -> Language {
        if let asked = requested(arguments) { return asked }
        if let variable = environment["JIXIAO_LANG"], let asked = Language(rawValue: variable.lowercased()) { return asked }
        return .zh
    }

    /// The value of the last `--lang` on the command line, when it names a language.
    private static func requested(_ arguments: [String]) -> Language? {
        var asked: Language?
        var arguments = arguments.prefix { $0 != "--" }[...]
        while let argument = arguments.popFirst() {
            if argument == "--lang", let value = arguments.popFirst() {
                asked = Language(rawValue: value.lowercased()) ?? asked
            } else if argument.hasPrefix("--lang=") {
                asked = Language(rawValue: String(argument.dropFirst("--lang=".count)).lowercased()) ?? asked
            }
        }
        return asked
    }

    /// The arguments for ArgumentParser: `jixiao help … --lang en` and `jixiao --lang en --help`
    /// choose the language of the help, but neither `help` nor `jixiao` itself has a `--lang`.
    static func arguments(_ arguments: [String]) -> [String] {
        var kept: [String] = []
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--lang", !rest.isEmpty {
                rest.removeFirst()
            } else if !argument.hasPrefix("--lang=") {
                kept.append(argument)
            }
        }
        let asksRootOrHelp = kept.first == "help" || kept.allSatisfy { $0.hasPrefix("-") }
        return asksRootOrHelp && !kept.contains("--") ? kept : arguments
    }

    /// The help of an option, a flag or an argument: it starts at ArgumentParser's label column.
    /// `showsDefault` for an option ArgumentParser follows with ` (default: …)` or
    /// ` (values: …)`, which counts Chinese as narrow too: in Chinese that note gets a line of its own.
    static func text(zh: String, en: String, showsDefault: Bool = false) -> ArgumentHelp {
        ArgumentHelp(choose(zh: zh, en: en, column: labelColumn) + (language == .zh && showsDefault ? "\n" : ""))
    }

    /// A command's abstract: shown after `OVERVIEW:` and in its parent's list of subcommands.
    static func abstract(zh: String, en: String) -> String {
        choose(zh: zh, en: en, column: labelColumn)
    }

    /// A command's discussion, shown under its abstract across the whole width.
    static func discussion(zh: String, en: String) -> String {
        choose(zh: zh, en: en, column: 0)
    }

    /// Where ArgumentParser starts the help of an option (`HelpGenerator.labelColumnWidth`).
    private static let labelColumn = 26

    private static func choose(zh: String, en: String, column: Int) -> String {
        language == .zh ? DisplayWidth.wrap(zh, to: max(20, screenWidth - column)) : en
    }

    /// The width ArgumentParser wraps help to: `COLUMNS`, else the terminal's, else 80.
    private static let screenWidth: Int = {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        #if os(Linux)
        let status = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size)
        #else
        let status = ioctl(STDOUT_FILENO, TIOCGWINSZ, &size)
        #endif
        return status == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
    }()
}
