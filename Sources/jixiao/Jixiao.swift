import ArgumentParser
import Foundation
import JixiaoCore

@main
struct Jixiao: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jixiao",
        abstract: "Score and audit budget performance self-evaluation tables (预算绩效自评表).",
        discussion: """
            Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 unusable input or options; 3 internal error.
            """,
        version: JixiaoVersion.current,
        subcommands: [Score.self, Audit.self, Import.self, RubricCommand.self, Explain.self,
                      BatchCommand.self, HistoryCommand.self, ServeCommand.self, SynthCommand.self])

    /// Argument errors exit with 2, like unusable input, instead of ArgumentParser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
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
