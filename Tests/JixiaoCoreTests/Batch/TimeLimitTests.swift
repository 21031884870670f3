import Foundation
import Testing
import JixiaoBase
@testable import JixiaoCore
import JixiaoImport
import JixiaoModel
import JixiaoTestSupport

/// The per-file time limit. Every test is deterministic: a deadline that has already passed
/// (`timeout: .zero`) stops a reader at its first look at the clock, and the race is tested with
/// work that cannot finish until the test lets it.
struct TimeLimitTests {
    private static let passed = TimeLimit(timeout: .zero)

    @Test func aDeadlineEndsOnceEitherWay() {
        let later = TimeLimit(timeout: .seconds(3600))
        #expect(!later.hasExpired)
        #expect(later.finish())
        #expect(later.finish(), "finishing again gives the same answer")
        #expect(!later.hasExpired)

        let now = TimeLimit(timeout: .zero)
        #expect(!now.finish(), "time ran out before the work finished")
        #expect(now.hasExpired)
        #expect(now.error(file: "f.yaml").code == .timedOut)
        #expect(TimeLimit(timeout: .milliseconds(1500)).error(file: "f").message.en.contains("1.5 s"))
    }

    @Test func aTickerLooksAtTheClockOnlyEveryIntervalUnits() {
        var time = TimeLimit.Ticker(Self.passed)
        let early = (1..<TimeLimit.Ticker.interval).map { _ in time.isExpired() }
        #expect(!early.contains(true))
        let atInterval = time.isExpired(), after = time.isExpired()
        #expect(atInterval)
        #expect(after, "once expired, always expired")
        var weighted = TimeLimit.Ticker(Self.passed)
        let costly = weighted.isExpired(TimeLimit.Ticker.interval)
        #expect(costly, "a costly step counts its cost")
        var none = TimeLimit.Ticker(nil)
        let never = (0..<5000).map { _ in none.isExpired() }
        #expect(!never.contains(true))
    }

    @Test func theYAMLReaderStopsWhenTimeRunsOut() throws {
        let yaml = Array(("items:\n" + String(repeating: "  - a\n", count: 5000)).utf8)
        #expect(throws: Never.self) { try YAMLReader.documents(yaml, file: "long.yaml") }
        #expect { try TimeLimit.$current.withValue(Self.passed) { try YAMLReader.documents(yaml, file: "long.yaml") } } throws: {
            ($0 as? InputError)?.code == .timedOut && ($0 as? InputError)?.location.file == "long.yaml"
        }
    }

    /// A sentence of a few hundred thousand characters with an amount every few: the prose
    /// reader passes over the sentence for each of them, so without the deadline this would run
    /// for minutes.
    @Test func theDocumentImporterStopsWhenTimeRunsOut() throws {
        let folder = try scratchFolder("deadline")
        let path = folder + "/long.txt"
        let sentence = String(repeating: "完成率 95.5%，其中 3.2 万元、", count: 20_000) + "\n"
        try sentence.write(toFile: path, atomically: true, encoding: .utf8)
        #expect { try TimeLimit.$current.withValue(Self.passed) { try DocumentImporter.read(path: path, options: Project.importOptions) } } throws: {
            ($0 as? InputError)?.code == .timedOut
        }
        let partial = TimeLimit.$current.withValue(Self.passed) { DocumentImporter.parse(sentence, file: path, options: Project.importOptions) }
        #expect(partial.tables.isEmpty)
        #expect { try TimeLimit.$current.withValue(Self.passed) { try Engine(catalog: Project.catalog, words: Project.words).audit(path: path) } } throws: {
            ($0 as? InputError)?.code == .timedOut
        }
    }

    /// A file whose time has run out writes no report and becomes one `timed-out` error.
    @Test func aTimedOutFileWritesNothing() throws {
        let out = try scratchFolder("deadline-process")
        let options = BatchOptions(outputDirectory: out, jobs: 1, runName: "t", tool: "test")
        let reports = try StagedFolder(path: out + "/reports")
        let outcome = TimeLimit.$current.withValue(Self.passed) {
            Batch.process(index: 0, file: Project.example("clean-project-2022.yaml"), report: (reports, "clean"),
                          engine: Engine(catalog: Project.catalog, words: Project.words), options: options, prior: PriorYears())
        }
        #expect(outcome.tables.isEmpty)
        #expect(outcome.errors.map(\.code) == ["timed-out"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: reports.temporaryPath).isEmpty)
    }

    /// Work stuck where no loop looks at the deadline (here: waiting for the test) is delivered
    /// as timed out while it is still running, and the runner goes on with the next file.
    @Test func theRunnerDoesNotWaitForStuckWork() async throws {
        let release = DispatchSemaphore(value: 0)
        let stillRunning = Flag()
        let delivered = Outcomes()
        try await FileRunner.run(
            2, threads: 1, timeout: .milliseconds(50), window: 16,
            work: { index in
                if index == 0 {
                    release.wait()
                    stillRunning.value = false
                }
                return FileOutcome(index: index, file: "done", sha256: nil, bytes: 0, tables: [], errors: [])
            },
            timedOut: { index, deadline in
                if index == 0 { stillRunning.value = true }
                return FileOutcome(index: index, file: "late", sha256: nil, bytes: 0, tables: [],
                                   errors: [ErrorRecord(deadline.error(file: "stuck"), file: "stuck", language: .en)])
            },
            deliver: { delivered.append($0) })
        #expect(delivered.all.map(\.index) == [0, 1])
        #expect(delivered.all.first?.errors.map(\.code) == ["timed-out"])
        #expect(stillRunning.value, "the stuck file was delivered before its work ended")
        // The stuck thread's place was taken: the next file ran although the first is still stuck.
        #expect(delivered.all.last?.file == "done")
        release.signal()
    }

    @Test func workDoneInTimeKeepsItsOutcome() async throws {
        let delivered = Outcomes()
        try await FileRunner.run(
            1, threads: 2, timeout: .seconds(3600), window: 16,
            work: { index in
                FileOutcome(index: index, file: TimeLimit.current == nil ? "no deadline" : "done", sha256: nil, bytes: 0,
                            tables: [], errors: [])
            },
            timedOut: { index, _ in FileOutcome(index: index, file: "timed out", sha256: nil, bytes: 0, tables: [], errors: []) },
            deliver: { delivered.append($0) })
        #expect(delivered.all.map(\.file) == ["done"], "the work sees its deadline as TimeLimit.current")
    }

    /// Outcomes are delivered in input order whatever order the threads finish them in, one
    /// at a time, with no more than the window's files taken ahead of the last delivered.
    @Test func outcomesArriveInOrderWithinTheWindow() async throws {
        let delivered = Outcomes()
        let taken = Counter()
        try await FileRunner.run(
            200, threads: 4, timeout: nil, window: 8,
            work: { index in
                let ahead = taken.increment() - delivered.count
                // The first file is slow, and later files in each group of four finish first:
                // without the window, the other threads would run far ahead of it.
                usleep(index == 0 ? 50_000 : UInt32((3 - index % 4) * 200))
                return FileOutcome(index: index, file: "\(ahead)", sha256: nil, bytes: 0, tables: [], errors: [])
            },
            timedOut: { index, _ in FileOutcome(index: index, file: "late", sha256: nil, bytes: 0, tables: [], errors: []) },
            deliver: { delivered.append($0) })
        #expect(delivered.all.map(\.index) == Array(0..<200))
        #expect(delivered.all.allSatisfy { Int($0.file)! <= 8 }, "a file was taken more than the window ahead")
    }

    /// The first error the delivery throws ends the run with that error; no file after it is
    /// delivered.
    @Test func aDeliveryErrorEndsTheRun() async {
        struct DiskFull: Error {}
        let delivered = Outcomes()
        await #expect(throws: DiskFull.self) {
            try await FileRunner.run(
                100, threads: 2, timeout: nil, window: 16,
                work: { FileOutcome(index: $0, file: "", sha256: nil, bytes: 0, tables: [], errors: []) },
                timedOut: { index, _ in FileOutcome(index: index, file: "late", sha256: nil, bytes: 0, tables: [], errors: []) },
                deliver: { outcome in
                    if outcome.index == 10 { throw DiskFull() }
                    delivered.append(outcome)
                })
        }
        #expect(delivered.all.map(\.index) == Array(0..<10))
    }
}

private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [FileOutcome] = []
    func append(_ outcome: FileOutcome) { lock.withLock { stored.append(outcome) } }
    var all: [FileOutcome] { lock.withLock { stored } }
    var count: Int { lock.withLock { stored.count } }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() -> Int { lock.withLock { value += 1; return value } }
}

private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = false
    var value: Bool {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
