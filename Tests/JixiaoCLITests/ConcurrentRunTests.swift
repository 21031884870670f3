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
