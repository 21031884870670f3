import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoBase

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: Help.abstract(zh: "列出用 --db 保存的批量审核运行，查看一个单位历年的情况，或删除未完成的运行。",
                                en: "List the batch runs stored with --db, show one unit across years, or remove incomplete runs."))

    @Option(help: Help.text(zh: "由 jixiao batch --db 写入的 SQLite 历史数据库。", en: "The SQLite history written by jixiao batch --db."))
    var db: String

    @Option(help: Help.text(zh: "查看这个单位历年的总分和问题（单位全称或其中一部分）。",
                            en: "Show this unit's totals and findings across years (a full name or part of one)."))
    var unit: String?

    @Flag(help: Help.text(zh: "删除未完成（被中止或失败）的运行；仍在写入的运行不受影响。",
                          en: "Remove the runs that did not complete (killed or failed); a run still being written is left alone."))
    var prune = false

    @Option(help: Help.text(zh: "输出和提示信息的语言：zh（中文）或 en（英文）。", en: "Language of messages: zh or en.", showsDefault: true))
    var lang: Language = .zh

    func run() throws {
        do {
            let store = try HistoryStore.open(existing: db)
            if prune {
                let (removed, running) = try store.pruneIncompleteRuns()
                Terminal.print(HistoryReport.pruned(removed: removed, running: running, language: lang))
            } else if let unit {
                Terminal.print(HistoryReport.unit(try store.unitHistory(unit), query: unit, language: lang))
            } else {
                Terminal.print(HistoryReport.runs(try store.runs(), language: lang))
            }
        } catch {
            try finish(Terminal.report(error, language: lang))
        }
    }
}
