import Foundation
import JixiaoBase
import JixiaoCore
import JixiaoServer

/// `--serve`: the run page of `jixiao serve` over a history holding every synthetic table.
/// Batches the inputs into a temporary history (timed, once), then times the run page's query
/// (`FindingQuery.page`, the counts, the charts' groups and one page of rows) and its rendering
/// for a few filters, and prints the rendered page's size. The budget (issue 23): a filter
/// answered in under 200 ms, a page under 500 KB.
func serveBench(files: [String], engine: Engine, settings: Settings) async throws {
    let folder = settings.directory + "/serve"
    try? FileManager.default.removeItem(atPath: folder)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let database = folder + "/history.sqlite"
    let history = try HistoryStore(path: database)
    let options = BatchOptions(outputDirectory: folder + "/out", jobs: settings.jobs, language: .zh, reports: .none,
                               runName: "bench", tool: "jixiao-bench")
    var summary: BatchSummary?
    let batchSeconds = try await time { summary = try await Batch(engine: engine, options: options).run(files, history: history) }
    guard let run = summary?.runID else {
        FileHandle.standardError.write(Data("the batch stored no run\n".utf8))
        exit(2)
    }
    let queries = try FindingQuery(path: database)
    guard let header = try queries.run(run) else { exit(2) }
    let findings = try queries.page(run: run, filter: FindingFilter()).total
    print("history: \(header.tables) tables, \(findings) findings, batched in \(format(batchSeconds)) s")

    let filters: [(String, [String: String])] = [
        ("no filter", [:]),
        ("severity=error", ["severity": "error"]),
        ("code=total-mismatch", ["code": "total-mismatch"]),
        ("unit: 局 (most units)", ["unit": "局"]),
        ("unit: 湘潭市教育局", ["unit": "湘潭市教育局"]),
        ("year + level + sort=unit", ["year": "2024", "level": "project", "sort": "unit"]),
        ("search q=2023, page 3", ["q": "2023", "page": "3"]),
        ("severity=warning, page 100", ["severity": "warning", "page": "100"]),
        ("grade changed", ["grade": "changed"]),
    ]
    var worst = 0.0, largest = 0
    for (name, query) in filters {
        let filter = FindingFilter(query: query)
        var runs: [Double] = []
        var size = 0, total = 0
        for _ in 1...settings.runs {
            let start = ContinuousClock.now
            let page = try queries.page(run: run, filter: filter)
            let html = Views.run(header, filter: filter, page: page, dataDirectory: folder, language: .zh)
            runs.append((ContinuousClock.now - start).seconds * 1000)
            size = html.utf8.count
            total = page.total
        }
        worst = max(worst, median(runs))
        largest = max(largest, size)
        let padded = (name + ":").padding(toLength: 28, withPad: " ", startingAt: 0)
        print("run page, \(padded) \(format(median(runs), 1)) ms median (\(runs.map { format($0, 1) }.joined(separator: ", "))), \(total) findings, \(format(Double(size) / 1024, 1)) KB")
    }
    print("budget: filter < 200 ms: \(worst < 200 ? "met" : "missed") (slowest median \(format(worst, 1)) ms); page < 500 KB: \(largest < 500 * 1024 ? "met" : "missed") (largest \(format(Double(largest) / 1024, 1)) KB)")
}
