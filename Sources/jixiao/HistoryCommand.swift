import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoBase

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the batch runs stored with --db, show one unit across years, or remove incomplete runs.")

    @Option(help: "The SQLite history written by jixiao batch --db.")
    var db: String

    @Option(help: "Show this unit's totals and findings across years (a full name or part of one).")
    var unit: String?

    @Flag(help: "Remove the runs that did not complete (killed or failed); a run still being written is left alone.")
    var prune = false

    @Option(help: "Language of messages: zh or en.")
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
