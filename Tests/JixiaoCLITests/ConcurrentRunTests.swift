import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs that share an output folder or a history database, run as real processes.
struct ConcurrentRunTests {
    static func scratch(_ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "jixiao-concurrent/\(name)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = CLI.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// While another process holds the output folder's lock (as a running batch does), a
    /// batch into it refuses at once (exit 2, a clear message, the folder untouched); with
    /// --wait it runs once the lock is released.
    @Test func aSecondRunIntoOneFolderRefusesOrWaits() throws {
        let folder = try Self.scratch("lock")
        let out = folder + "/out"
        let example = "Examples/seed-003-department-2021.yaml"
        #expect(try CLI.run("batch", example, "--out", out, "--quiet").status == 1)
        let before = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8)

        let descriptor = open(out + "/.jixiao-lock", O_RDWR | O_CREAT, 0o666)
        #expect(descriptor >= 0)
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let refused = try CLI.run("batch", "Examples/clean-project-2022.yaml", "--out", out, "--quiet")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("错误[output-locked]: 另一个 jixiao batch 正在写入这个输出文件夹"), "\(refused.stderr)")
        #expect(refused.stderr.contains(out))
        #expect(try String(contentsOfFile: out + "/summary.csv", encoding: .utf8) == before, "the folder is untouched")
        let english = try CLI.run("batch", example, "--out", out, "--quiet", "--lang", "en")
        #expect(english.stderr.contains("another jixiao batch is writing into this output folder"))

        let waiting = try Self.start(["batch", "Examples/clean-project-2022.yaml", "--out", out, "--quiet", "--wait"])
        close(descriptor)
        waiting.waitUntilExit()
        #expect(waiting.terminationStatus == 0)
        #expect(try String(contentsOfFile: out + "/summary.csv", encoding: .utf8).contains("clean-project-2022.yaml"))
    }

    /// Two real runs started together into one folder: one writes, the other refuses or (when
    /// the first had already finished) writes after it; the folder holds one whole run.
    @Test func twoRunsTogetherLeaveOneWholeRun() throws {
        let folder = try Self.scratch("two")
        #expect(try CLI.run("synth", "--count", "200", "--seed", "5", "--out", folder + "/in").status == 0)
        let first = try Self.start(["batch", folder + "/in", "--out", folder + "/out", "--quiet", "--jobs", "1"])
        let second = try Self.start(["batch", folder + "/in", "--out", folder + "/out", "--quiet", "--jobs", "1"])
        first.waitUntilExit()
        second.waitUntilExit()
        let statuses = [first.terminationStatus, second.terminationStatus]
        #expect(statuses.allSatisfy { [0, 1, 2].contains($0) }, "\(statuses)")
        #expect(statuses.contains { [0, 1].contains($0) })
        let summary = try String(contentsOfFile: folder + "/out/summary.csv", encoding: .utf8)
        #expect(summary.split(separator: "\r\n").count == 201)
        #expect(!(try String(contentsOfFile: folder + "/out/errors.csv", encoding: .utf8)).contains("internal-error"))
        let json = try #require(FileManager.default.contents(atPath: folder + "/out/summary.json"))
        #expect((try? JSONSerialization.jsonObject(with: json)) != nil, "summary.json is whole")
    }
}

/// A history database shared by a batch and readers, or by two batches.
struct SharedHistoryTests {
    static let sqlite3 = "/usr/bin/sqlite3"

    /// A reader holding a read transaction open for the whole run (an SQL session left open)
    /// does not stop a batch from storing its run.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: sqlite3)))
    func aReaderNeverStopsABatch() throws {
        let folder = try ConcurrentRunTests.scratch("reader")
        let db = folder + "/history.sqlite"
        #expect(try CLI.run("batch", "Examples/clean-project-2022.yaml", "--db", db, "--out", folder + "/o1", "--quiet").status == 0)

        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: Self.sqlite3)
        reader.arguments = [db]
        let input = Pipe(), output = Pipe()
        reader.standardInput = input
        reader.standardOutput = output
        reader.standardError = FileHandle.nullDevice
        try reader.run()
        input.fileHandleForWriting.write(Data("BEGIN;\nSELECT 'reading', count(*) FROM run;\n".utf8))
        // The reader has its snapshot once it has answered.
        var answer = Data()
        while !String(decoding: answer, as: UTF8.self).contains("reading|") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            answer += chunk
        }
        let batch = try CLI.run("batch", "Examples/seed-003-department-2021.yaml", "--db", db, "--out", folder + "/o2", "--quiet")
        input.fileHandleForWriting.write(Data("COMMIT;\n.quit\n".utf8))
        input.fileHandleForWriting.closeFile()
        reader.waitUntilExit()
        #expect(batch.status == 1, "\(batch.stderr)")
        #expect(!batch.stderr.contains("locked"), "\(batch.stderr)")
        let runs = try CLI.run("history", "--db", db)
        #expect(runs.status == 0)
        #expect(!runs.stdout.contains("未完成"), "\(runs.stdout)")
    }

    /// Two batches on one database at the same time, and `jixiao history` read in a loop
    /// meanwhile: both runs are stored complete.
    @Test func twoBatchesOnOneDatabaseQueue() throws {
        let folder = try ConcurrentRunTests.scratch("two-db")
        #expect(try CLI.run("synth", "--count", "150", "--seed", "7", "--out", folder + "/in").status == 0)
        let db = folder + "/history.sqlite"
        #expect(try CLI.run("batch", "Examples/clean-project-2022.yaml", "--db", db, "--out", folder + "/o0", "--quiet").status == 0)
        let first = try ConcurrentRunTests.start(["batch", folder + "/in", "--db", db, "--out", folder + "/o1", "--quiet", "--jobs", "1"])
        let second = try ConcurrentRunTests.start(["batch", folder + "/in", "--db", db, "--out", folder + "/o2", "--quiet", "--jobs", "1"])
        var reads = 0
        while first.isRunning || second.isRunning {
            #expect(try CLI.run("history", "--db", db).status == 0)
            reads += 1
        }
        #expect([0, 1].contains(first.terminationStatus))
        #expect([0, 1].contains(second.terminationStatus))
        let runs = try CLI.run("history", "--db", db)
        #expect(!runs.stdout.contains("未完成"), "\(runs.stdout)")
        #expect(runs.stdout.split(separator: "\n").count == 4, "a header and three runs: \(runs.stdout)")
    }
}

/// A batch killed at any point of putting its run in place leaves the previous complete run
/// or the new complete run, never a mix.
struct RunCommitTests {
    /// Which inputs the folder's outputs come from, checked across every output.
    private static func runOf(_ out: String) throws -> String {
        let summary = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8)
        let json = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        // `reports` is a link through `current`, except as an earlier version left it.
        let current = FileManager.default.fileExists(atPath: out + "/current") ? "/current" : ""
        let reports = (FileManager.default.enumerator(atPath: out + current + "/reports")?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".html") }
        for (name, inputs) in [("old", "seed-003-department-2021"), ("new", "clean-project-2022")] where summary.contains(inputs) {
            #expect(json.contains(inputs) && index.contains(inputs), "summary.json and index.html from the same run")
            #expect(reports.count == 1 && reports[0].hasSuffix(inputs + ".html"), "reports from the same run: \(reports)")
            #expect(!summary.contains(name == "old" ? "clean-project-2022" : "seed-003-department-2021"))
            return name
        }
        Issue.record("no run in \(out)")
        return ""
    }

    @Test(arguments: ["before-switch", "after-switch"])
    func aKillDuringTheCommitLeavesOneWholeRun(point: String) throws {
        let out = try ConcurrentRunTests.scratch("commit-\(point)") + "/out"
        #expect(try CLI.run("batch", "Examples/seed-003-department-2021.yaml", "--out", out, "--quiet").status == 1)
        #expect(try Self.runOf(out) == "old")
        let killed = try CLI.run(["batch", "Examples/clean-project-2022.yaml", "--out", out, "--quiet"], environment: ["JIXIAO_TEST_KILL_AT": point])
        #expect(killed.status != 0)
        #expect(try Self.runOf(out) == (point == "before-switch" ? "old" : "new"))
        // The next run cleans what the killed one left, and puts itself in place.
        #expect(try CLI.run("batch", "Examples/clean-project-2022.yaml", "--out", out, "--quiet").status == 0)
        #expect(try Self.runOf(out) == "new")
        let runs = try FileManager.default.contentsOfDirectory(atPath: out + "/runs")
        #expect(runs.count == 1, "\(runs)")
    }

    /// A folder written by an earlier version (outputs straight in it) is taken over whole.
    @Test func outputsWrittenStraightIntoTheFolderAreTakenOver() throws {
        let out = try ConcurrentRunTests.scratch("direct") + "/out"
        #expect(try CLI.run("batch", "Examples/seed-003-department-2021.yaml", "--out", out, "--quiet").status == 1)
        // As an earlier version left it: the run's files and reports straight in the folder.
        let manager = FileManager.default
        for name in try manager.contentsOfDirectory(atPath: out) where !name.hasPrefix(".") {
            try manager.removeItem(atPath: out + "/" + name)
        }
        #expect(try CLI.run("batch", "Examples/seed-003-department-2021.yaml", "--out", out + "-direct", "--quiet").status == 1)
        for name in try manager.contentsOfDirectory(atPath: out + "-direct/current") {
            try manager.copyItem(atPath: out + "-direct/current/" + name, toPath: out + "/" + name)
        }
        #expect(try Self.runOf(out) == "old")
        let killed = try CLI.run(["batch", "Examples/clean-project-2022.yaml", "--out", out, "--quiet"], environment: ["JIXIAO_TEST_KILL_AT": "before-switch"])
        #expect(killed.status != 0)
        #expect(try Self.runOf(out) == "old")
        #expect(try CLI.run("batch", "Examples/clean-project-2022.yaml", "--out", out, "--quiet").status == 0)
        #expect(try Self.runOf(out) == "new")
    }
}

/// Ctrl-C or a kill while a batch writes: the process ends at once, its partial files are
/// removed, the previous complete run stays current and nothing is recorded as internal-error.
struct InterruptionTests {
    private static func partials(under folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".jixiao-partial") }
    }

    /// Waits, without a clock, until `condition` holds or the process has ended.
    private static func wait(for process: Process, until condition: () -> Bool) {
        while process.isRunning && !condition() { usleep(2_000) }
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptedRunLeavesThePreviousOne(signal: Int32) throws {
        let folder = try ConcurrentRunTests.scratch("interrupt")
        #expect(try CLI.run("synth", "--count", "400", "--seed", "11", "--out", folder + "/in").status == 0)
        let out = folder + "/out", db = folder + "/history.sqlite"
        #expect(try CLI.run("batch", "Examples/seed-003-department-2021.yaml", "--out", out, "--db", db, "--quiet").status == 1)
        let before = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8)

        let run = try ConcurrentRunTests.start(["batch", folder + "/in", "--out", out, "--db", db, "--quiet", "--jobs", "1"])
        // Once the run is writing reports into its staged folder, interrupt it.
        Self.wait(for: run) {
            (FileManager.default.enumerator(atPath: out + "/runs")?.allObjects as? [String] ?? []).contains { $0.hasSuffix(".html") && $0.hasPrefix(".") }
        }
        #expect(run.isRunning, "the run was interrupted while writing")
        kill(run.processIdentifier, signal)
        run.waitUntilExit()
        #expect(run.terminationStatus == 128 + signal)
        #expect(Self.partials(under: out).isEmpty, "\(Self.partials(under: out))")
        #expect(try String(contentsOfFile: out + "/summary.csv", encoding: .utf8) == before, "the previous run is current")
        let history = try CLI.run("history", "--db", db, "--lang", "en")
        #expect(history.stdout.contains("incomplete"), "the interrupted run is marked incomplete: \(history.stdout)")
        if FileManager.default.isExecutableFile(atPath: SharedHistoryTests.sqlite3) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: SharedHistoryTests.sqlite3)
            process.arguments = [db, "SELECT count(*) FROM input WHERE error_code = 'internal-error'"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let count = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(count.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        }
    }

    /// A run waiting for the folder (--wait) that is interrupted leaves the running run's
    /// temporary files alone: they are not its own.
    @Test func anInterruptedWaitingRunTouchesNothing() throws {
        let out = try ConcurrentRunTests.scratch("interrupt-wait") + "/out"
        #expect(try CLI.run("batch", "Examples/seed-003-department-2021.yaml", "--out", out, "--quiet").status == 1)
        let descriptor = open(out + "/.jixiao-lock", O_RDWR)
        #expect(flock(descriptor, LOCK_EX) == 0)
        // The holder's run in progress.
        try FileManager.default.createDirectory(atPath: out + "/runs/.running.jixiao-partial", withIntermediateDirectories: true)
        let waiting = try ConcurrentRunTests.start(["batch", "Examples/clean-project-2022.yaml", "--out", out, "--quiet", "--wait"])
        // Once it has the lock file open, it is waiting for the lock.
        let fds = "/proc/\(waiting.processIdentifier)/fd"
        Self.wait(for: waiting) {
            ((try? FileManager.default.contentsOfDirectory(atPath: fds)) ?? []).contains { fd in
                (try? FileManager.default.destinationOfSymbolicLink(atPath: fds + "/" + fd))?.hasSuffix(".jixiao-lock") ?? false
            }
        }
        kill(waiting.processIdentifier, SIGINT)
        waiting.waitUntilExit()
        close(descriptor)
        #expect(waiting.terminationStatus == 128 + SIGINT)
        #expect(FileManager.default.fileExists(atPath: out + "/runs/.running.jixiao-partial"))
    }
}
