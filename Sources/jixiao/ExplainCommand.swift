import ArgumentParser
import JixiaoCore
import JixiaoBase
import JixiaoAudit

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Help.abstract(zh: "解释一个问题代码的含义和修改方法。", en: "Explain what a finding code means and how to fix it."))

    @Option(help: Help.text(zh: "语言：zh（中文）或 en（英文）。", en: "Language: zh or en.", showsDefault: true))
    var lang: Language = .zh

    @Argument(help: Help.text(zh: "问题代码，如 total-mismatch；或 coverage（“读取情况”的含义）；不给则列出全部代码。",
                              en: "A finding code such as total-mismatch, or coverage (what 读取情况 means); without one, list every code."))
    var code: String?

    func run() throws {
        guard let code else {
            Terminal.print("coverage\t—\t\(lang == .zh ? "读取情况：每张表读到了什么，哪些检查需要哪些数字" : "what was read of each table, and which checks need what")")
            for code in FindingCode.allCases {
                Terminal.print("\(code.rawValue)\t\(code.severity.rawValue)\t\(code.title.text(lang))")
            }
            return
        }
        if code == "coverage" { return Terminal.print(Coverage.explanation.text(lang)) }
        guard let finding = FindingCode(rawValue: code) else {
            Terminal.printError(lang == .zh ? "未知的代码“\(code)”；不带参数运行 jixiao explain 可列出全部代码" :
                                    "unknown code '\(code)'; run jixiao explain with no argument to list them")
            throw ExitCode(ExitStatus.unusableInput.rawValue)
        }
        Terminal.print("\(finding.rawValue) (\(finding.severity.label.text(lang)))\n\(finding.title.text(lang))\n\n\(finding.explanation.text(lang))")
    }
}
