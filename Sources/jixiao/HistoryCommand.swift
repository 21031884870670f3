import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoBase

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the batch runs stored with --db, or show one unit across years.")

    @Option(help: "The SQLite history written by jixiao batch --db.")
    var db: String

    @Option(help: "Show this unit's totals and findings across years (a full name or part of one).")
    var unit: String?

    @Option(help: "Language of messages: zh or en.")
    var lang: Language = .zh

    func run() throws {
        do {
            let store = try HistoryStore.open(existing: db)
            if let unit {
                Terminal.print(HistoryReport.unit(try store.unitHistory(unit), query: unit, language: lang))
            } else {
                Terminal.print(HistoryReport.runs(try store.runs(), language: lang))
            }
        } catch {
            try finish(Terminal.report(error, language: lang))
        }
    }
}
