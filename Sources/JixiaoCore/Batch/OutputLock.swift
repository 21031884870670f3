import Foundation
import JixiaoBase
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on a batch's output folder, held for the whole run: two runs into one
/// folder would write the same temporary names and delete each other's files.
///
/// The lock is `flock` on the file `.jixiao-lock` in the folder, so the kernel releases it
/// when the process ends however it ends (a kill, a crash): a stale lock never blocks a run.
package final class OutputLock {
    package static let fileName = ".jixiao-lock"

    /// On an interruption (Ctrl-C, a kill): removes this process's temporary files in `folder`
    /// if it holds the folder's lock (the run being written, under `runs/.<id>.jixiao-partial`;
    /// the previous complete run stays current), then ends the process at once with
    /// `128 + signal`, so no thread goes on to record anything (no `internal-error` row for a
    /// file whose output was just removed).
    package static func interrupt(folder: String, signal: Int32) -> Never {
        OutputGate.close()
        if isHeld(folder) { RunFolders(out: folder).removePartials() }
        _exit(128 + signal)
    }

    private var descriptor: Int32
    private let folder: String

    /// The folders whose lock this process holds.
    private static let guardHeld = NSLock()
    nonisolated(unsafe) private static var held: Set<String> = []

    /// Takes the lock on `folder` (which exists): at once, or an `output-locked` input error
    /// when another run holds it; with `wait`, once the other run has finished.
    package init(folder: String, wait: Bool) throws {
        self.folder = folder
        let path = folder + "/" + Self.fileName
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw OutputError(path: path, code: errno) }
        while flock(descriptor, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            if errno == EINTR { continue }
            let code = errno
            close(descriptor)
            guard code == EWOULDBLOCK else { throw OutputError(path: path, code: code) }
            throw InputError(
                .outputLocked, at: SourceLocation(file: folder, line: 0),
                message: LocalizedText(zh: "另一个 jixiao batch 正在写入这个输出文件夹", en: "another jixiao batch is writing into this output folder"),
                hint: LocalizedText(zh: "等它结束再运行，或加 --wait 排在它后面，或用另一个 --out",
                                    en: "run again once it has finished, add --wait to queue behind it, or choose another --out"))
        }
        Self.guardHeld.withLock { _ = Self.held.insert(folder) }
    }

    /// Whether this process holds the lock on `folder`: only then are the temporary files
    /// there its own, to remove when it is interrupted (a run waiting for the lock has none).
    package static func isHeld(_ folder: String) -> Bool {
        guardHeld.withLock { held.contains(folder) }
    }

    /// Releases the lock (also released when the process ends).
    package func release() {
        guard descriptor >= 0 else { return }
        Self.guardHeld.withLock { _ = Self.held.remove(folder) }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
