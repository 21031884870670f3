import Foundation
import Testing
@testable import JixiaoCore
import JixiaoTestSupport
import JixiaoModel
import JixiaoAudit

struct HistoryTests {
    /// Two years of the same table: the second run flags the copy and the full marks, and the
    /// history shows the unit across both years.
    @Test func twoYearsAreStoredAndCompared() async throws {
        let folder = try scratchFolder("history")
        let text = try read(Project.example("clean-project-2022.yaml"))
        try FileManager.default.createDirectory(atPath: folder + "/2022", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/2023", withIntermediateDirectories: true)
        try text.write(toFile: folder + "/2022/project.yaml", atomically: true, encoding: .utf8)
        try text.replacingOccurrences(of: "year: 2022", with: "year: 2023")
            .write(toFile: folder + "/2023/project.yaml", atomically: true, encoding: .utf8)
        let db = folder + "/history.sqlite"

        let first = try await runBatch([folder + "/2022"], out: folder + "/out2022", name: "2022", history: HistoryStore(path: db))
        #expect(first.findingsByCode.isEmpty)
        let second = try await runBatch([folder + "/2023"], out: folder + "/out2023", name: "2023", history: HistoryStore(path: db))
        #expect(second.findingsByCode[.copiedFromLastYear] == 1)
        #expect(second.findingsByCode[.alwaysFullMarks] == 1)

        let store = try HistoryStore.open(existing: db)
        let runs = try store.runs()
        #expect(runs.map(\.years) == [[2022], [2023]])
        #expect(runs.allSatisfy { $0.complete })
        let years = try store.unitHistory("农业农村局")
        #expect(years.map(\.year) == [2022, 2023])
        #expect(years[1].findings.map(\.code).sorted() == ["always-full-marks", "copied-from-last-year"])
        let text2 = HistoryReport.unit(years, query: "农业农村局", language: .zh)
        #expect(text2.contains("2022") && text2.contains("2023") && text2.contains("copied-from-last-year"))

        // Inputs are stored with their hashes.
        let hashes = try store.query("SELECT sha256 FROM input ORDER BY run_id").map { $0[0] }
        #expect(hashes.count == 2 && hashes.allSatisfy { $0.count == 64 })
    }

    /// A table whose indicator section was not read whole says nothing of copies or full marks:
    /// its unread rows may differ from last year's or have lost points.
    @Test func aTableReadInPartIsNotComparedAcrossYears() throws {
        let submission = try Submission.load(path: Project.example("clean-project-2022.yaml"))
        let whole = TableFacts(submission, indicatorsReadWhole: true)
        #expect(whole.allFullMarks && whole.indicatorCount > 0)
        let part = TableFacts(submission, indicatorsReadWhole: false)
        #expect(!part.allFullMarks && part.indicatorCount == 0)
        var later = submission
        later.year += 1
        let lastYearWhole = PriorYears([whole])
        #expect(lastYearWhole.findings(for: TableFacts(later, indicatorsReadWhole: true), submission: later).map(\.code)
                == [.copiedFromLastYear, .alwaysFullMarks])
        #expect(lastYearWhole.findings(for: TableFacts(later, indicatorsReadWhole: false), submission: later).isEmpty)
        #expect(PriorYears([part]).findings(for: TableFacts(later, indicatorsReadWhole: true), submission: later).isEmpty)
    }

    /// The documented queries (History.md of the DocC catalogue) run as written against a stored history.
    @Test func documentedQueriesRun() async throws {
        let folder = try scratchFolder("readme")
        let db = folder + "/history.sqlite"
        _ = try await runBatch([Project.path("Examples")], out: folder + "/out", history: HistoryStore(path: db), reports: .none)
        let page = try read(Project.path("Sources/JixiaoCore/Documentation.docc/History.md"))
        var queries: [String] = []
        var rest = page[...]
        while let open = rest.range(of: "```sql\n"), let close = rest[open.upperBound...].range(of: "```") {
            queries.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        #expect(!queries.isEmpty)
        let store = try HistoryStore(path: db)
        for query in queries {
            #expect(throws: Never.self, "\(query)") { _ = try store.query(query) }
        }
    }
}

/// The history is repeatable: the same inputs stored again give the same findings, a table
/// seen twice in one run is stored once, and runs that did not complete can be pruned.
struct RepeatableHistoryTests {
    @Test func rerunsGiveTheSameFindingsAndATableSeenAgainIsStoredOnce() async throws {
        let folder = try scratchFolder("repeat")
        let text = try read(Project.example("clean-project-2022.yaml"))
        for year in [2022, 2023] {
            try FileManager.default.createDirectory(atPath: folder + "/\(year)", withIntermediateDirectories: true)
            let table = text.replacingOccurrences(of: "year: 2022", with: "year: \(year)")
            try table.write(toFile: folder + "/\(year)/project.yaml", atomically: true, encoding: .utf8)
            // The same table again, under another name.
            try table.write(toFile: folder + "/\(year)/project-copy.yaml", atomically: true, encoding: .utf8)
        }
        let db = folder + "/history.sqlite"
        var counts: [[FindingCode: Int]] = []
        for index in 0..<3 {
            let summary = try await runBatch([folder + "/2022", folder + "/2023"], out: folder + "/out\(index)", name: "all",
                                             history: HistoryStore(path: db))
            counts.append(summary.findingsByCode)
        }
        #expect(counts[1] == counts[2], "a rerun gives the same findings")
        #expect(counts[2][.alwaysFullMarks] == 4, "once per table of the run, each against the other year only")
        let store = try HistoryStore.open(existing: db)
        let perRun = try store.query("SELECT run_id, count(*) FROM result GROUP BY run_id ORDER BY run_id").map { $0[1] }
        #expect(perRun == ["2", "2", "2"], "each table once per run")
        #expect(try store.unitHistory("农业农村局").map(\.year) == [2022, 2023])
    }

    @Test func incompleteRunsArePrunedUnlessStillRunning() async throws {
        let folder = try scratchFolder("prune")
        let db = folder + "/history.sqlite"
        _ = try await runBatch([Project.example("clean-project-2022.yaml")], out: folder + "/out", name: "done", history: HistoryStore(path: db))
        let store = try HistoryStore(path: db)
        let killed = try store.beginRun(name: "killed", started: Date(), tool: "test", rubrics: [])
        let running = try store.beginRun(name: "running", started: Date(), tool: "test", rubrics: [])
        // The killed run's process is gone; the running one is this process.
        try await store.queue.write { try $0.execute(sql: "UPDATE run SET pid = 2147483646 WHERE id = ?", arguments: [killed]) }
        let (removed, kept) = try store.pruneIncompleteRuns()
        #expect(removed == [killed])
        #expect(kept == [running])
        #expect(try store.runs().map(\.name) == ["done", "running"])
        #expect(HistoryReport.pruned(removed: removed, running: kept, language: .zh).contains("已删除 1 次未完成的运行：\(killed)"))
    }
}
