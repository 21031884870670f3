// jixiao-bench: times `jixiao batch` on synthetic tables against the script an analyst would write
// instead (`--peer`, e.g. ../shared/bench/peer_py.py: PyYAML's C loader and Decimal), and checks
// the performance budget (README.md in this folder). Build in release:
//   swift run -c release jixiao-bench [--count 20000] [--seed 1] [--dir DIR] [--jobs N] [--runs 5] [--peer SCRIPT]
// or, for the run page of `jixiao serve` over a history of the same tables (ServeBench.swift):
//   swift run -c release jixiao-bench --serve [--count 20000]
import Foundation
import JixiaoBase
import JixiaoCore
import JixiaoSynth
#if canImport(Glibc)
import Glibc
#endif

struct Settings {
    var count = 20_000
    var seed: UInt64 = 1
    var directory = NSTemporaryDirectory() + "jixiao-bench"
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    var rubrics: String?
    /// Times each measure is taken; the median is reported (this machine needs several).
    var runs = 5
    var peer: String?
    /// Times the run page of `jixiao serve` instead of the batch.
    var serve = false

    init(_ arguments: [String]) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if argument == "--serve" {
                serve = true
                continue
            }
            let value = iterator.next() ?? ""
            switch argument {
            case "--count": count = Int(value) ?? count
            case "--seed": seed = UInt64(value) ?? seed
            case "--dir": directory = value
            case "--jobs": jobs = Int(value) ?? jobs
            case "--rubrics": rubrics = value
            case "--runs": runs = max(1, Int(value) ?? runs)
            case "--peer": peer = value
            default:
                FileHandle.standardError.write(Data("unknown option \(argument)\n".utf8))
                exit(2)
            }
        }
    }
}

/// The budget of README.md beside this file.
enum Budget {
    /// `batch --report none` at least this many times as fast as the peer script.
    static let ratioToPeer = 5.0
    /// `batch` with every output, 20,000 tables.
    static let allOutputsSeconds = 10.0
    static let peakMegabytes = 300.0
}

/// Seconds taken by `work`, started once the kernel has written back every file written before
/// (`sync`, not timed): otherwise one measure's outputs are flushed to disk while the next runs.
func time(_ work: () async throws -> Void) async rethrows -> Double {
    sync()
    let start = ContinuousClock.now
    try await work()
    return (ContinuousClock.now - start).seconds
}

/// The highest resident memory of this process so far (all threads), in megabytes.
func peakMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// Runs `arguments` (found on the PATH, output discarded) and waits; false when it could not
/// start or failed. The child starts with no signal blocked: this process's threads block most of
/// them, and a Python pool with SIGCHLD blocked waits forever.
func runProcess(_ arguments: [String]) -> Bool {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
    var argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid = pid_t()
    guard posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, environ) == 0 else { return false }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    return status == 0
}

/// The middle value (the mean of the two middle ones for an even count).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return (sorted[(sorted.count - 1) / 2] + sorted[sorted.count / 2]) / 2
}

func format(_ value: Double, _ decimals: Int = 2) -> String { String(format: "%.\(decimals)f", value) }

func describe(_ runs: [Double]) -> String {
    runs.count == 1 ? "\(format(runs[0])) s" : "\(format(median(runs))) s (runs \(runs.map { format($0) }.joined(separator: ", ")))"
}

let settings = Settings(Array(CommandLine.arguments.dropFirst()))
let inputs = settings.directory + "/inputs"
let output = settings.directory + "/out"

// Inputs: generated once per count and seed (not timed).
let stamp = inputs + "/.generated-\(settings.count)-\(settings.seed)"
if !FileManager.default.fileExists(atPath: stamp) {
    try? FileManager.default.removeItem(atPath: inputs)
    try FileManager.default.createDirectory(atPath: inputs, withIntermediateDirectories: true)
    let seconds = try await time { try Synth(seed: settings.seed).write(count: settings.count, to: inputs) }
    _ = FileManager.default.createFile(atPath: stamp, contents: Data())
    print("generated \(settings.count) tables in \(format(seconds)) s")
}
let files = BatchInputs.collect([inputs]).files
let bytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
print("inputs: \(files.count) files, \(format(Double(bytes) / 1_048_576)) MB, \(settings.jobs) jobs, \(settings.runs) runs of each")

// The peer script, the batch without reports and the batch with every output, taken in turns, so
// that a slow spell of the machine falls on all of them rather than on one. Each batch writes a
// folder of its own, all deleted at the end: creating files where thousands were just deleted is
// slow on some file systems (ext4 skips recently freed inodes), and would be timed as the batch's.
let engine = try Engine(rubricDirectory: settings.rubrics, rubricReference: nil)
if settings.serve {
    try await serveBench(files: files, engine: engine, settings: settings)
    exit(0)
}
var outputs: [String] = []
func batch(reports: BatchOptions.ReportFormat, into folder: String) async throws -> Double {
    let options = BatchOptions(outputDirectory: folder, jobs: settings.jobs, language: .zh, reports: reports,
                               runName: "bench", tool: "jixiao-bench")
    return try await time { _ = try await Batch(engine: engine, options: options).run(files) }
}
var peerRuns: [Double] = [], plainRuns: [Double] = [], fullRuns: [Double] = []
for _ in 1...settings.runs {
    if let peer = settings.peer {
        let seconds = await time {
            guard runProcess(["python3", peer, settings.directory + "/peer-out", inputs]) else {
                FileHandle.standardError.write(Data("the peer script \(peer) failed\n".utf8))
                exit(2)
            }
        }
        peerRuns.append(seconds)
    }
    outputs += [output + "-\(outputs.count + 1)", output + "-\(outputs.count + 2)"]
    plainRuns.append(try await batch(reports: .none, into: outputs[outputs.count - 2]))
    fullRuns.append(try await batch(reports: .markdown, into: outputs[outputs.count - 1]))
}
for folder in outputs + [settings.directory + "/peer-out"] { try? FileManager.default.removeItem(atPath: folder) }

let plain = median(plainRuns), full = median(fullRuns), peak = peakMegabytes()
if !peerRuns.isEmpty { print("peer script:                 \(describe(peerRuns))") }
print("batch, CSV and JSON:         \(describe(plainRuns))  \(format(Double(files.count) / plain, 0)) tables/s")
print("batch, every output:         \(describe(fullRuns))  \(format(Double(files.count) / full, 0)) tables/s")
print("peak memory:                 \(format(peak, 1)) MB")

func verdict(_ met: Bool) -> String { met ? "met" : "missed" }
var targets: [String] = []
if !peerRuns.isEmpty {
    let ratio = median(peerRuns) / plain
    let runsMet = zip(peerRuns, plainRuns).filter { $0 / $1 >= Budget.ratioToPeer }.count
    targets.append("\(format(Budget.ratioToPeer, 0))× the peer: \(format(ratio))×, \(verdict(ratio >= Budget.ratioToPeer)) (\(runsMet) of \(settings.runs) runs)")
}
if files.count >= 20_000 {
    targets.append("every output < \(format(Budget.allOutputsSeconds, 0)) s: \(verdict(full < Budget.allOutputsSeconds))")
}
targets.append("peak < \(format(Budget.peakMegabytes, 0)) MB: \(verdict(peak < Budget.peakMegabytes))")
print("budget: " + targets.joined(separator: "; "))
