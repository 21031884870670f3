// jixiao-bench: times the `jixiao batch` command on synthetic tables against the script an analyst
// would write instead (`--peer`, e.g. ../shared/bench/peer_py.py: PyYAML's C loader and Decimal),
// and checks the performance budget (README.md in this folder, which says how to build both
// commands for it), then run:
//   .build/release/jixiao-bench [--count 20000] [--seed 1] [--dir DIR]
//       [--jobs N] [--runs 5] [--peer SCRIPT] [--jixiao PATH]
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
    /// The `jixiao` command timed: by default the one built beside this program.
    var jixiao = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("jixiao").path
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
            case "--jixiao": jixiao = value
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

/// How a process ended: its exit status (nil when it could not start or was killed) and its peak
/// resident memory in megabytes.
struct Exit {
    var status: Int32?
    var peakMegabytes: Double
}

/// Runs `arguments` (found on the PATH, output discarded) and waits. The child starts with no
/// signal blocked: this process's threads block most of them, and a Python pool with SIGCHLD
/// blocked waits forever.
func runProcess(_ arguments: [String]) -> Exit {
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
    guard posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, environ) == 0 else { return Exit(status: nil, peakMegabytes: 0) }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
    // Exited (not killed by a signal): the status is bits 8–15.
    let exited = status & 0x7F == 0
    return Exit(status: exited ? (status >> 8) & 0xFF : nil, peakMegabytes: Double(usage.ru_maxrss) / 1024)
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
// that a slow spell of the machine falls on all of them rather than on one. Each is a command in a
// process of its own, as a user runs it (a batch run in this process would start from the heap
// the runs before it left: after a run with every output, about a tenth slower). Each batch
// writes a folder of its own, all deleted at the end: creating files where thousands were just
// deleted is slow on some file systems (ext4 skips recently freed inodes), and would be timed as
// the batch's.
if settings.serve {
    let engine = try Engine(rubricDirectory: settings.rubrics, rubricReference: nil)
    try await serveBench(files: files, engine: engine, settings: settings)
    exit(0)
}
guard FileManager.default.isExecutableFile(atPath: settings.jixiao) else {
    FileHandle.standardError.write(Data("no jixiao command at \(settings.jixiao): build it first (swift build -c release --static-swift-stdlib --product jixiao), or name it with --jixiao\n".utf8))
    exit(2)
}
var outputs: [String] = []
/// Seconds taken by `jixiao batch --report <reports>` into `folder`, and its peak memory in
/// megabytes; exit 1 (errors found) is a run like any other.
func batch(reports: String, into folder: String) async -> (seconds: Double, peak: Double) {
    var arguments = [settings.jixiao, "batch", "--quiet", "--report", reports, "--jobs", String(settings.jobs), "--out", folder]
    if let rubrics = settings.rubrics { arguments += ["--rubrics", rubrics] }
    var exit = Exit(status: nil, peakMegabytes: 0)
    let seconds = await time { exit = runProcess(arguments + [inputs]) }
    guard let status = exit.status, status <= 1 else {
        FileHandle.standardError.write(Data("jixiao batch failed (\(arguments.joined(separator: " ")))\n".utf8))
        Foundation.exit(2)
    }
    return (seconds, exit.peakMegabytes)
}
var peerRuns: [Double] = [], plainRuns: [Double] = [], fullRuns: [Double] = []
var peak = 0.0
for _ in 1...settings.runs {
    if let peer = settings.peer {
        let seconds = await time {
            guard runProcess(["python3", peer, settings.directory + "/peer-out", inputs]).status == 0 else {
                FileHandle.standardError.write(Data("the peer script \(peer) failed\n".utf8))
                exit(2)
            }
        }
        peerRuns.append(seconds)
    }
    outputs += [output + "-\(outputs.count + 1)", output + "-\(outputs.count + 2)"]
    let plain = await batch(reports: "none", into: outputs[outputs.count - 2])
    let full = await batch(reports: "html", into: outputs[outputs.count - 1])
    plainRuns.append(plain.seconds)
    fullRuns.append(full.seconds)
    peak = max(peak, plain.peak, full.peak)
}
for folder in outputs + [settings.directory + "/peer-out"] { try? FileManager.default.removeItem(atPath: folder) }

let plain = median(plainRuns), full = median(fullRuns)
if !peerRuns.isEmpty { print("peer script:                 \(describe(peerRuns))") }
print("batch, CSV and JSON:         \(describe(plainRuns))  \(format(Double(files.count) / plain, 0)) tables/s")
print("batch, every output:         \(describe(fullRuns))  \(format(Double(files.count) / full, 0)) tables/s")
print("peak memory of a batch:      \(format(peak, 1)) MB")

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
