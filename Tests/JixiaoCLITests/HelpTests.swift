import Foundation
import Testing

/// `--help` in Chinese by default, in English on `--lang en` or an English locale.
struct HelpTests {
    /// A Chinese environment whatever the machine's: no English locale, no JIXIAO_LANG, 80 columns.
    private static let chinese = ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "JIXIAO_LANG": "", "COLUMNS": "80"]

    private func help(_ arguments: [String], _ environment: [String: String] = [:]) throws -> String {
        let output = try CLI.run(arguments, environment: Self.chinese.merging(environment) { $1 })
        #expect(output.status == 0, "\(arguments): \(output.stderr)")
        return output.stdout
    }

    @Test func chineseByDefault() throws {
        let root = try help(["--help"])
        #expect(root.contains("重算预算绩效自评表的得分"))
        #expect(root.contains("批量审核一年的自评表"), "the list of subcommands")
        #expect(!root.contains("Score and audit budget"))
        let batch = try help(["batch", "--help"])
        #expect(batch.contains("批量审核一年的自评表"))
        #expect(batch.contains("同时审核的文件数"))
        #expect(batch.contains("--jobs <jobs>") && batch.contains("(default: 30.0)"), "names and defaults stay")
        #expect(!batch.contains("Audit a year's submissions"))
        #expect(try help(["help", "audit"]).contains("审核自评表"))
    }

    @Test(arguments: [
        (["--help", "--lang", "en"], [:]),
        (["--lang=en", "--help"], [:]),
        (["--help"], ["JIXIAO_LANG": "en"]),
    ] as [([String], [String: String])])
    func englishOnRequest(arguments: [String], environment: [String: String]) throws {
        let root = try help(arguments, environment)
        #expect(root.contains("Score and audit budget performance self-evaluation tables"))
        #expect(!root.contains("重算预算绩效自评表的得分"))
        let batch = try help(["batch"] + arguments, environment)
        #expect(batch.contains("Audit a year's submissions in parallel"))
        #expect(batch.contains("Files audited at once"))
    }

    /// An English locale is many a server's default, not its reader's language: Chinese stays.
    @Test func anEnglishLocaleLeavesTheHelpChinese() throws {
        #expect(try help(["--help"], ["LANG": "en_US.UTF-8"]).contains("重算预算绩效自评表的得分"))
    }

    @Test func theHelpCommandTakesTheLanguageToo() throws {
        #expect(try help(["help", "batch", "--lang", "en"]).contains("Audit a year's submissions in parallel"))
        #expect(try help(["help", "batch", "--lang", "zh"], ["LANG": "en_US.UTF-8"]).contains("批量审核一年的自评表"))
        #expect(try help(["--lang", "en"]).contains("Score and audit budget"))
    }

    @Test func validationMessagesFollowTheLanguage() throws {
        let chinese = try CLI.run(["batch", "--jobs", "0", "Examples"], environment: Self.chinese)
        #expect(chinese.status == 2)
        #expect(chinese.stderr.contains("--jobs 至少为 1"))
        let english = try CLI.run(["batch", "--jobs", "0", "--lang", "en", "Examples"], environment: Self.chinese)
        #expect(english.stderr.contains("--jobs must be at least 1"))
    }

    /// Chinese takes two columns a character: every line of Chinese help fits 80 columns.
    @Test(arguments: [["--help"], ["help", "batch"], ["audit", "--help"], ["score", "--help"], ["import", "--help"],
                      ["serve", "--help"], ["history", "--help"], ["explain", "--help"], ["rubric", "show", "--help"]])
    func chineseLinesFitTheTerminal(arguments: [String]) throws {
        for line in try help(arguments).split(separator: "\n") where line.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) {
            let columns = line.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
            #expect(columns <= 80, "\(columns) columns: \(line)")
        }
    }
}
