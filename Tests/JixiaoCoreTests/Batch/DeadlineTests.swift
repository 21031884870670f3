import Foundation
import Testing
@testable import JixiaoCore

/// The per-file time limit. Every test is deterministic: a deadline that has already passed
/// (`timeout: .zero`) stops a reader at its first look at the clock, and the race is tested with
/// work that cannot finish until the test lets it.
struct DeadlineTests {
    private static let passed = Deadline(timeout: .zero)

    @Test func aDeadlineEndsOnceEitherWay() {
        let later = Deadline(timeout: .seconds(3600))
        #expect(!later.hasExpired)
        #expect(later.finish())
        #expect(later.finish(), "finishing again gives the same answer")
        #expect(!later.hasExpired)

        let now = Deadline(timeout: .zero)
        #expect(!now.finish(), "time ran out before the work finished")
        #expect(now.hasExpired)
        #expect(now.error(file: "f.yaml").code == .timedOut)
        #expect(Deadline(timeout: .milliseconds(1500)).error(file: "f").message.en.contains("1.5 s"))
    }

    @Test func aTickerLooksAtTheClockOnlyEveryIntervalUnits() {
        var time = Deadline.Ticker(Self.passed)
        let early = (1..<Deadline.Ticker.interval).map { _ in time.isExpired() }
        #expect(!early.contains(true))
        let atInterval = time.isExpired(), after = time.isExpired()
        #expect(atInterval)
        #expect(after, "once expired, always expired")
        var weighted = Deadline.Ticker(Self.passed)
        let costly = weighted.isExpired(Deadline.Ticker.interval)
        #expect(costly, "a costly step counts its cost")
        var none = Deadline.Ticker(nil)
        let never = (0..<5000).map { _ in none.isExpired() }
        #expect(!never.contains(true))
    }

    @Test func theYAMLReaderStopsWhenTimeRunsOut() throws {
        let yaml = Array(("items:\n" + String(repeating: "  - a\n", count: 5000)).utf8)
        #expect(throws: Never.self) { try YAMLReader.documents(yaml, file: "long.yaml") }
        #expect { try Deadline.$current.withValue(Self.passed) { try YAMLReader.documents(yaml, file: "long.yaml") } } throws: {
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
        #expect { try Deadline.$current.withValue(Self.passed) { try DocumentImporter.read(path: path) } } throws: {
            ($0 as? InputError)?.code == .timedOut
        }
        let partial = Deadline.$current.withValue(Self.passed) { DocumentImporter.parse(sentence, file: path) }
        #expect(partial.tables.isEmpty)
        #expect { try Deadline.$current.withValue(Self.passed) { try Engine(catalog: Project.catalog).audit(path: path) } } throws: {
            ($0 as? InputError)?.code == .timedOut
        }
    }

    /// A file whose time has run out writes no report and becomes one `timed-out` error.
    @Test func aTimedOutFileWritesNothing() throws {
        let out = try scratchFolder("deadline-process")
        let options = BatchOptions(outputDirectory: out, jobs: 1, runName: "t", tool: "test")
        let reports = try StagedFolder(path: out + "/reports")
        let outcome = Deadline.$current.withValue(Self.passed) {
            Batch.process(index: 0, file: Project.example("clean-project-2022.yaml"), report: (reports, "clean"),
                          engine: Engine(catalog: Project.catalog), options: options, prior: PriorYears())
        }
        #expect(outcome.tables.isEmpty)
        #expect(outcome.errors.map(\.code) == ["timed-out"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: reports.temporaryPath).isEmpty)
    }

    /// Work stuck where no loop looks at the deadline (here: waiting for the test) is reported
    /// as timed out while it is still running, and the runner goes on with the next file.
    @Test func theRunnerDoesNotWaitForStuckWork() async throws {
        let runner = FileRunner(threads: 1, timeout: .milliseconds(50))
        defer { runner.close() }
        let release = DispatchSemaphore(value: 0)
        let stillRunning = Flag()
        let stuck = await runner.run({
            release.wait()
            stillRunning.value = false
            return FileOutcome(index: 0, file: "stuck", sha256: nil, bytes: 0, tables: [], errors: [])
        }, timedOut: { deadline in
            stillRunning.value = true
            return FileOutcome(index: 0, file: "stuck", sha256: nil, bytes: 0, tables: [],
                               errors: [ErrorRecord(deadline.error(file: "stuck"), file: "stuck", language: .en)])
        })
        #expect(stuck.errors.map(\.code) == ["timed-out"])
        #expect(stillRunning.value)
        // The stuck thread's place was taken: the next file runs although the first is still stuck.
        let next = await runner.run({ FileOutcome(index: 1, file: "next", sha256: nil, bytes: 0, tables: [], errors: []) },
                                    timedOut: { _ in FileOutcome(index: 1, file: "late", sha256: nil, bytes: 0, tables: [], errors: []) })
        #expect(next.file == "next" || next.file == "late")
        release.signal()
    }

    @Test func workDoneInTimeKeepsItsOutcome() async {
        let runner = FileRunner(threads: 2, timeout: .seconds(3600))
        defer { runner.close() }
        let outcome = await runner.run({
            FileOutcome(index: 7, file: Deadline.current == nil ? "no deadline" : "done", sha256: nil, bytes: 0, tables: [], errors: [])
        }, timedOut: { _ in FileOutcome(index: 7, file: "timed out", sha256: nil, bytes: 0, tables: [], errors: []) })
        #expect(outcome.file == "done", "the work sees its deadline as Deadline.current")
    }
}

private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = false
    var value: Bool {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
