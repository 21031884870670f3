// jixiao-bench: measures `jixiao batch` against the floor of raw libyaml parsing, on the same
// synthetic files in one run (README, "Batch runs"). Build in release:
//   swift run -c release jixiao-bench [--count 20000] [--seed 1] [--dir /tmp/jixiao-bench] [--jobs N] [--report md|html|none] [--runs 5]
import CYAML
import Foundation
import JixiaoCore
#if canImport(Glibc)
import Glibc
import JixiaoSynth
#endif

struct Settings {
    var count = 20_000
    var seed: UInt64 = 1
    var directory = NSTemporaryDirectory() + "jixiao-bench"
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    var rubrics: String?
    var reports = BatchOptions.ReportFormat.markdown
    /// Times each measure is taken; the median is reported (this machine needs several).
    var runs = 5

    init(_ arguments: [String]) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            let value = iterator.next() ?? ""
            switch argument {
            case "--count": count = Int(value) ?? count
            case "--seed": seed = UInt64(value) ?? seed
            case "--dir": directory = value
            case "--jobs": jobs = Int(value) ?? jobs
            case "--rubrics": rubrics = value
            case "--report", "--reports": reports = BatchOptions.ReportFormat(rawValue: value) ?? reports
            case "--runs": runs = max(1, Int(value) ?? runs)
            default:
                FileHandle.standardError.write(Data("unknown option \(argument)\n".utf8))
                exit(2)
            }
        }
    }
}

/// Seconds taken by `work`, started once the kernel has written back every file written
/// before (`sync`, not timed): otherwise a batch's 350 MB of outputs are flushed to disk while
/// the next measure runs, and that measure pays for the flushing on the same cores.
func time(_ work: () async throws -> Void) async rethrows -> Double {
    sync()
    let start = ContinuousClock.now
    try await work()
    return seconds(ContinuousClock.now - start)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Reads a file and runs libyaml's event loop over it, building nothing: the floor. The file
/// is read with plain `open`/`read` into `buffer` (kept between files), as cheaply as it can be.
func rawParse(_ path: String, buffer: inout [UInt8]) -> Int {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return 0 }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return 0 }
    let size = Int(info.st_size)
    guard size > 0 else { return 0 }
    if buffer.count < size { buffer = [UInt8](repeating: 0, count: size) }
    var filled = 0
    while filled < size {
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, size - filled) }
        guard count > 0 else { break }
        filled += count
    }
    var events = 0
    var parser = yaml_parser_t()
    yaml_parser_initialize(&parser)
    defer { yaml_parser_delete(&parser) }
    buffer.withUnsafeBufferPointer { bytes in
        yaml_parser_set_input_string(&parser, bytes.baseAddress, filled)
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            let done = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            events += 1
            if done { break }
        }
    }
    return events
}

/// Parses every file on `jobs` threads.
func rawParseParallel(_ files: [String], jobs: Int) -> Int {
    let total = Mutex(0)
    DispatchQueue.concurrentPerform(iterations: jobs) { worker in
        var events = 0
        var buffer: [UInt8] = []
        var index = worker
        while index < files.count {
            events += rawParse(files[index], buffer: &buffer)
            index += jobs
        }
        total.withLock { $0 += events }
    }
    return total.withLock { $0 }
}

final class Mutex<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}

/// What this process has used so far (all threads).
func resourceUsage() -> rusage {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage
}

/// Processor time used so far, in user space and in the kernel.
func processorSeconds() -> (user: Double, kernel: Double) {
    let usage = resourceUsage()
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return (seconds(usage.ru_utime), seconds(usage.ru_stime))
}

func peakMemoryMB() -> Double {
    Double(resourceUsage().ru_maxrss) / 1024
}

/// Whether `path` is on an ext4 file system: the type of its longest mount point in /proc/mounts.
func isExt4(_ path: String) -> Bool {
    let full = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    guard let mounts = try? String(contentsOfFile: "/proc/mounts", encoding: .utf8) else { return false }
    let points = mounts.split(separator: "\n").compactMap { line -> (point: String, type: String)? in
        let fields = line.split(separator: " ")
        return fields.count > 2 ? (String(fields[1]), String(fields[2])) : nil
    }
    let mount = points.filter { full == $0.point || full.hasPrefix($0.point == "/" ? "/" : $0.point + "/") }
        .max { $0.point.count < $1.point.count }
    return mount?.type == "ext4"
}

func format(_ value: Double, _ decimals: Int = 2) -> String { String(format: "%.\(decimals)f", value) }

let settings = Settings(Array(CommandLine.arguments.dropFirst()))
let inputs = settings.directory + "/inputs"
let output = settings.directory + "/out"

// 1. Inputs: generated once per count and seed (not timed).
let stamp = inputs + "/.generated-\(settings.count)-\(settings.seed)"
if !FileManager.default.fileExists(atPath: stamp) {
    try? FileManager.default.removeItem(atPath: inputs)
    try FileManager.default.createDirectory(atPath: inputs, withIntermediateDirectories: true)
    let seconds = try await time { try Synth(seed: settings.seed).write(count: settings.count, to: inputs) }
    _ = FileManager.default.createFile(atPath: stamp, contents: Data())
    print("generated \(settings.count) tables in \(format(seconds)) s")
}
let files = BatchInputs.collect([inputs])
let bytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
let megabytes = Double(bytes) / 1_048_576
print("inputs: \(files.count) files, \(format(megabytes)) MB (\(bytes / max(1, files.count)) bytes per file), \(settings.jobs) jobs")

/// The middle value (the mean of the two middle ones for an even count).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return (sorted[(sorted.count - 1) / 2] + sorted[sorted.count / 2]) / 2
}

func describe(_ runs: [Double]) -> String {
    runs.count == 1 ? "\(format(runs[0], 3)) s" : "\(format(median(runs), 3)) s (median of \(runs.map { format($0, 2) }.joined(separator: ", ")))"
}

// The end of a benchmark deletes the outputs of its runs. On ext4 without a journal the kernel
// will not reuse an inode freed less than a minute ago, or six minutes if its inode table block
// has unwritten changes, which creating files beside it makes: it skips such inodes one by one,
// and a batch then runs up to twice as long, which would be timed as the batch's. A benchmark
// started sooner in the same folder on ext4 waits out the rest of those six minutes (and half a
// minute more). The time of the deletion is written in the stamp (an empty file rewritten keeps
// its old modification time).
let deletedStamp = settings.directory + "/.outputs-deleted"
let reuseDelay = 390
if isExt4(settings.directory),
   let text = try? String(contentsOfFile: deletedStamp, encoding: .utf8), let deleted = Double(text) {
    let wait = min(reuseDelay, Int((Double(reuseDelay) - (Date().timeIntervalSince1970 - deleted)).rounded(.up)))
    if wait > 0 {
        print("waiting \(wait) s: the last benchmark here deleted its outputs less than \(reuseDelay) s ago")
        fflush(nil)  // seen now even when the output is piped
        sleep(UInt32(wait))
    }
}

// 2. The floor: raw libyaml parsing, after one untimed pass that brings every file into the page
// cache (the batch below reads them warm too). One thread first, on its own.
_ = rawParseParallel(files, jobs: settings.jobs)
var events = 0
var buffer: [UInt8] = []
var rawOnes: [Double] = []
for _ in 0..<settings.runs {
    rawOnes.append(await time { events = files.reduce(0) { $0 + rawParse($1, buffer: &buffer) } })
}
print("raw libyaml, 1 thread:        \(describe(rawOnes))  \(format(megabytes / median(rawOnes), 1)) MB/s  (\(events) events)")
let memoryBeforeBatch = peakMemoryMB()

// 3. The floor on all threads and the full batch (import, audit, every output), taken in turns,
// so that a slow spell of the machine falls on both rather than on one of them. Outputs are
// deleted only after the last batch (see the wait above): each run writes a folder of its own,
// the last one `out`, and the previous benchmark's `out` is moved aside until then.
let previousOutput = settings.directory + "/out-previous"
try? FileManager.default.removeItem(atPath: previousOutput)  // left by an interrupted run only
try? FileManager.default.moveItem(atPath: output, toPath: previousOutput)
let engine = try Engine(rubricDirectory: settings.rubrics, rubricReference: nil)
var rawAlls: [Double] = []
var batchRuns: [Double] = []
var batchUser: [Double] = [], batchKernel: [Double] = []
var summary: BatchSummary?
for run in 1...settings.runs {
    rawAlls.append(await time { _ = rawParseParallel(files, jobs: settings.jobs) })
    let folder = run == settings.runs ? output : previousOutput + "-\(run)"
    let batch = Batch(engine: engine, options: BatchOptions(
        outputDirectory: folder, jobs: settings.jobs, language: .zh, reports: settings.reports, runName: "bench", tool: "jixiao-bench"))
    var before = processorSeconds()
    batchRuns.append(try await time {
        before = processorSeconds()  // after `time`'s `sync`
        summary = try await batch.run(files)
    })
    let after = processorSeconds()
    batchUser.append(after.user - before.user)
    batchKernel.append(after.kernel - before.kernel)
}
let rawAll = median(rawAlls)
print("raw libyaml, \(settings.jobs) threads:       \(describe(rawAlls))  \(format(megabytes / rawAll, 1)) MB/s")
let batchSeconds = median(batchRuns)
let peak = peakMemoryMB()
let tables = summary?.tables ?? 0
let findings = summary?.findingsBySeverity.values.reduce(0, +) ?? 0

print("batch (import + audit + CSV, JSON\(settings.reports == .none ? ", no per-table reports" : " and \(settings.reports.rawValue) reports")): \(describe(batchRuns))  \(format(Double(tables) / batchSeconds, 0)) tables/s  \(format(megabytes / batchSeconds, 1)) MB/s")
print("  \(tables) tables, \(summary?.errors ?? 0) unreadable, \(findings) findings")
// The kernel's share is mostly creating and filling the output files: a run that took longer
// in the kernel than the others met a file system busy with something else.
print("  processor time: user \(format(median(batchUser))) s, kernel \(format(median(batchKernel))) s "
      + "(kernel run by run \(batchKernel.map { format($0) }.joined(separator: ", ")))")
print("peak memory (max RSS): \(format(peak, 1)) MB (before the batch: \(format(memoryBeforeBatch, 1)) MB)")
print("ratio batch / raw parse: \(format(batchSeconds / rawAll)) × (all threads; run by run \(zip(batchRuns, rawAlls).map { format($0 / $1) }.joined(separator: ", "))), \(format(batchSeconds / median(rawOnes))) × (1 thread)")
print("targets: 20,000 tables < 5 s: \(tables >= 20_000 ? (batchSeconds < 5 ? "met" : "missed") : "n/a (fewer tables)"); "
      + "peak < 300 MB: \(peak < 300 ? "met" : "missed"); within 3× of raw parse (all threads): \(batchSeconds / rawAll <= 3 ? "met" : "missed")"
      + " (\(zip(batchRuns, rawAlls).filter { $0 / $1 <= 3 }.count) of \(settings.runs) runs)")
try? FileManager.default.removeItem(atPath: previousOutput)
for run in 1..<settings.runs { try? FileManager.default.removeItem(atPath: previousOutput + "-\(run)") }
try? String(Date().timeIntervalSince1970).write(toFile: deletedStamp, atomically: true, encoding: .utf8)
