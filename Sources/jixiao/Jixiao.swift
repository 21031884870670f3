import ArgumentParser
import Foundation
import JixiaoCore

@main
struct Jixiao: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jixiao",
        abstract: Help.abstract(
            zh: "重算预算绩效自评表的得分，并审核表中的问题。",
            en: "Score and audit budget performance self-evaluation tables (预算绩效自评表)."),
        discussion: Help.discussion(
            zh: """
                退出码：0 没有达到 --fail-on 所设严重程度的问题；1 有问题；2 输入或选项无法使用；3 内部错误。
                帮助默认为中文；加 --lang en，或设置 JIXIAO_LANG=en、LANG=en_US.UTF-8，显示英文。
                """,
            en: """
                Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 unusable input or options; 3 internal error.
                Help is in Chinese unless --lang en, JIXIAO_LANG=en or an English LANG (such as en_US.UTF-8) asks for English.
                """),
        version: JixiaoVersion.current,
        subcommands: [Score.self, Audit.self, Import.self, RubricCommand.self, Explain.self,
                      BatchCommand.self, HistoryCommand.self, ServeCommand.self, SynthCommand.self])

    /// Argument errors exit with 2, like unusable input, instead of ArgumentParser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot(Help.arguments(Array(CommandLine.arguments.dropFirst())))
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.unusableInput.rawValue)
            }
            exit(withError: error)
        }
    }
}
