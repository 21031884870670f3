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

    private var descriptor: Int32

    /// Takes the lock on `folder` (which exists): at once, or an `output-locked` input error
    /// when another run holds it; with `wait`, once the other run has finished.
    package init(folder: String, wait: Bool) throws {
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
    }

    /// Releases the lock (also released when the process ends).
    package func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
