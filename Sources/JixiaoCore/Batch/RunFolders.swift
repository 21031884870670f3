import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How a batch's output folder holds its runs, so that a run is put in place in one step.
///
/// Each run is written whole into `runs/.<id>.jixiao-partial/`, renamed `runs/<id>/` once
/// complete, then made current by replacing the link `current` (→ `runs/<id>`) with one
/// `rename`, which is atomic. The outputs' usual names (`summary.csv`, `reports/` …) are links
/// through `current`, so a reader of the folder finds the previous complete run or the new
/// complete run, never a mix, wherever the process is killed. The previous run's folder is
/// removed after the switch; a run folder that `current` does not name (a run killed before
/// its switch, or after it but before that cleanup) is removed when the next run starts.
struct RunFolders {
    static let runsFolder = "runs"
    static let currentLink = "current"
    /// The names a reader uses, each a link to `current/<name>`.
    static let names = [Batch.summaryCSV, Batch.findingsCSV, Batch.errorsCSV, Batch.summaryJSON, Batch.dashboard, Batch.reportsFolder]

    let out: String

    var runs: String { out + "/" + Self.runsFolder }

    /// The run folder `current` names (`runs/<id>`), if any.
    var current: String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(out + "/" + Self.currentLink, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Gets the folder ready for a run (called with the output lock held): outputs of a
    /// version that wrote them straight into the folder are moved into a run folder that
    /// `current` names, every usual name is a link through `current`, and run folders that
    /// `current` does not name are removed. Returns the new run's id and staging folder.
    func prepare(started: Date) throws -> (id: String, staging: String) {
        try OutputFile.createFolder(runs)
        try adoptDirectOutputs()
        for name in Self.names where !isLink(out + "/" + name) {
            try replace(out + "/" + name, withLinkTo: Self.currentLink + "/" + name)
        }
        let kept = current.map { ($0 as NSString).lastPathComponent }
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: runs)) ?? [] where entry != kept {
            try? FileManager.default.removeItem(atPath: runs + "/" + entry)
        }
        let id = newID(started: started)
        let staging = OutputFile.temporaryPath(for: runs + "/" + id)
        try OutputFile.createFolder(staging)
        return (id, staging)
    }

    /// A new run's id: its start time and process, and a count when the run still current
    /// has that name (a run of the same process in the same second, as the server's or a
    /// test's can be). Only the current run is left in `runs/` when this is asked.
    private func newID(started: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss"
        let base = formatter.string(from: started) + "-" + String(getpid())
        var id = base, count = 1
        while access(runs + "/" + id, F_OK) == 0 {
            count += 1
            id = base + "-" + String(count)
        }
        return id
    }

    /// Removes the temporary files and folders a run leaves in the folder and in `runs/` (a
    /// staged run, a link being replaced): a look at two folders, not a walk of every report,
    /// so an interrupted run ends at once.
    func removePartials() {
        for folder in [out, runs] {
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where entry.hasSuffix(OutputFile.partialSuffix) {
                try? FileManager.default.removeItem(atPath: folder + "/" + entry)
            }
        }
    }

    /// Makes the staged run current: renamed into `runs/<id>`, then `current` switched to it
    /// in one rename; the previous run's folder is then removed.
    func commit(staging: String, id: String) throws {
        let final = runs + "/" + id
        guard OutputGate.pass({ rename(staging, final) }) == 0 else { throw OutputError(path: final, code: errno) }
        FailPoint.reach("before-switch")
        let previous = current
        try replace(out + "/" + Self.currentLink, withLinkTo: Self.runsFolder + "/" + id)
        FailPoint.reach("after-switch")
        if let previous, previous != Self.runsFolder + "/" + id {
            try? FileManager.default.removeItem(atPath: out + "/" + previous)
        }
    }

    /// Outputs written straight into the folder (no `current` yet): moved into
    /// `runs/earlier/`, which becomes current; each file is linked there first and then
    /// replaced by its link in one rename, so it never goes missing.
    private func adoptDirectOutputs() throws {
        guard current == nil else { return }
        let direct = Self.names.filter { name in
            var info = stat()
            return lstat(out + "/" + name, &info) == 0 && info.st_mode & S_IFMT != S_IFLNK
        }
        guard !direct.isEmpty else { return }
        let earlier = runs + "/earlier"
        try? FileManager.default.removeItem(atPath: earlier)
        try OutputFile.createFolder(earlier)
        for name in direct where name != Batch.reportsFolder {
            guard OutputGate.pass({ link(out + "/" + name, earlier + "/" + name) }) == 0 else { throw OutputError(path: earlier + "/" + name, code: errno) }
        }
        try replace(out + "/" + Self.currentLink, withLinkTo: Self.runsFolder + "/earlier")
        for name in direct {
            if name == Batch.reportsFolder, OutputGate.pass({ rename(out + "/" + name, earlier + "/" + name) }) != 0 {
                throw OutputError(path: out + "/" + name, code: errno)
            }
            try replace(out + "/" + name, withLinkTo: Self.currentLink + "/" + name)
        }
    }

    private func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// Puts a link to `target` at `path` in one rename, whatever was there (a file or a link).
    private func replace(_ path: String, withLinkTo target: String) throws {
        let temporary = OutputFile.temporaryPath(for: path)
        unlink(temporary)
        guard OutputGate.pass({ symlink(target, temporary) }) == 0, OutputGate.pass({ rename(temporary, path) }) == 0 else {
            let code = errno
            unlink(temporary)
            throw OutputError(path: path, code: code)
        }
    }
}

/// Named points of a batch's commit where a test can have the process killed
/// (`JIXIAO_TEST_KILL_AT=before-switch`), to check what a kill there leaves.
enum FailPoint {
    private static let point = ProcessInfo.processInfo.environment["JIXIAO_TEST_KILL_AT"]

    static func reach(_ name: String) {
        if point == name { kill(getpid(), SIGKILL) }
    }
}
