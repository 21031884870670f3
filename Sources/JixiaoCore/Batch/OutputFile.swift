import Foundation
import JixiaoBase
import JixiaoReport
#if canImport(Glibc)
import Glibc
#endif

/// A file written under a temporary name and renamed into place when complete, so an
/// interrupted run never leaves a half-written output under its real name.
///
/// The temporary name is the final name with `.jixiao-partial` appended and a leading dot
/// (`reports/.a.md.jixiao-partial`); `OutputFile.removePartials(in:)` clears any that a killed
/// run left behind. Writes are buffered (64 KB), so streaming a large CSV costs few syscalls.
public final class OutputFile {
    public static let partialSuffix = ".jixiao-partial"

    public let path: String
    let temporaryPath: String
    private var handle: UnsafeMutablePointer<FILE>?
    private var buffer: [UInt8] = []

    /// Opens `path` for writing (under its temporary name); `bom` starts it with a UTF-8 byte order mark.
    public init(path: String, bom: Bool = false) throws {
        self.path = path
        temporaryPath = Self.temporaryPath(for: path)
        guard let handle = OutputGate.pass({ fopen(temporaryPath, "w+b") }) else {
            throw OutputError(path: path, code: errno)
        }
        self.handle = handle
        if bom { buffer += [0xEF, 0xBB, 0xBF] }
    }

    deinit {
        if let handle {
            fclose(handle)
            unlink(temporaryPath)
        }
    }

    public func write(_ text: String) {
        text.withUTF8Bytes(append)
    }

    public func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer(append)
    }

    /// Writes one CSV record (`CSV.row`), its cells escaped straight into the buffer.
    func write(csv fields: [String]) {
        appending { CSV.append(fields, to: &$0) }
    }

    private func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        appending { $0.append(contentsOf: bytes) }
    }

    /// The buffer's size: it is written out once it holds this much.
    private static let bufferSize = 1 << 16

    /// Lets `body` add to the buffer, then writes the buffer out if it is full.
    private func appending(_ body: (inout [UInt8]) -> Void) {
        if buffer.capacity < Self.bufferSize { buffer.reserveCapacity(Self.bufferSize) }
        body(&buffer)
        if buffer.count >= Self.bufferSize { flush() }
    }

    private func flush() {
        guard let handle, !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { _ = fwrite($0.baseAddress, 1, $0.count, handle) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, closes and renames the file into place.
    public func commit() throws {
        flush()
        guard let handle else { return }
        self.handle = nil
        let failed = ferror(handle) != 0
        fclose(handle)
        if failed || OutputGate.pass({ rename(temporaryPath, path) }) != 0 {
            let code = errno
            unlink(temporaryPath)
            throw OutputError(path: path, code: code)
        }
    }

    /// Appends everything written here to `target` and removes this file, never committed: the
    /// scratch file of a part of `target` that is written before the rest is known.
    public func drain(into target: OutputFile) throws {
        flush()
        guard let handle else { return }
        self.handle = nil
        defer {
            fclose(handle)
            unlink(temporaryPath)
        }
        target.flush()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        rewind(handle)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if count == 0 { break }
            target.buffer.append(contentsOf: chunk[..<count])
            target.flush()
        }
        if ferror(handle) != 0 { throw OutputError(path: path, code: errno) }
    }

    /// Writes a whole file at once, atomically: written under its temporary name, then renamed.
    public static func write(_ text: String, to path: String) throws {
        let temporary = temporaryPath(for: path)
        do {
            try create(text, at: temporary)
        } catch {
            unlink(temporary)
            throw OutputError(path: path, code: error.code)
        }
        guard OutputGate.pass({ rename(temporary, path) }) == 0 else {
            let code = errno
            unlink(temporary)
            throw OutputError(path: path, code: code)
        }
    }

    /// Writes `text` as the file at `path` with one open, write and close, no buffer of its own.
    static func create(_ text: String, at path: String) throws(OutputError) {
        if let code = text.withUTF8Bytes({ createFile(path, $0) }) { throw OutputError(path: path, code: code) }
    }

    /// Nil once `bytes` are the file at `path`; else why they are not (an `errno`).
    static func createFile(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let descriptor = OutputGate.pass { open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666) }
        guard descriptor >= 0 else { return errno }
        defer { close(descriptor) }
        return writeAll(descriptor, bytes) ? nil : errno
    }

    /// Makes the folder `path` and any folder above it that is missing.
    /// `mkdir -p` with the system's own calls, so a failure keeps its `errno`.
    public static func createFolder(_ path: String) throws(OutputError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if OutputGate.pass({ mkdir(prefix, 0o777) }) != 0 {
                let code = errno
                var info = stat()
                guard code == EEXIST, stat(prefix, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                    throw OutputError(path: path, code: code == EEXIST ? ENOTDIR : code)
                }
            }
            prefix += "/"
        }
    }

    /// Writes every byte of `bytes`, going on after short writes and interruptions.
    private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }

    static func temporaryPath(for path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." + path + partialSuffix }
        return path[...slash] + "." + path[path.utf8.index(after: slash)...] + partialSuffix
    }

    /// Deletes the temporary files and folders an interrupted run left under `directory`;
    /// returns how many.
    @discardableResult
    public static func removePartials(in directory: String) -> Int {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return 0 }
        var removed = 0
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(partialSuffix) else { continue }
            walker.skipDescendants()
            // A folder may gain a file while it is removed (a run being interrupted): try again.
            for _ in 0..<3 {
                guard (try? FileManager.default.removeItem(atPath: directory + "/" + relative)) == nil else {
                    removed += 1
                    break
                }
            }
        }
        return removed
    }
}

/// A folder of outputs written under a temporary name and put in place whole when complete
/// (`reports/` is written as `.reports.jixiao-partial/`). Its files are written straight to
/// their names inside it: one create per file, no rename, and a rerun replaces the previous
/// folder only once the new one is complete, so an interrupted rerun leaves the old reports as
/// they were instead of a mix of old and new.
public struct StagedFolder: Sendable {
    public let path: String
    public let temporaryPath: String

    /// Starts the folder at `path` empty, under its temporary name.
    public init(path: String) throws {
        self.path = path
        temporaryPath = OutputFile.temporaryPath(for: path)
        try? FileManager.default.removeItem(atPath: temporaryPath)
        try OutputFile.createFolder(temporaryPath)
    }

    /// Makes `relative` (a folder inside this one).
    public func createFolder(_ relative: String) throws {
        try OutputFile.createFolder(temporaryPath + "/" + relative)
    }

    /// Writes the file `relative` inside the folder.
    func write(_ page: borrowing TextBuffer, to relative: String) throws {
        let path = temporaryPath + "/" + relative
        if let code = page.withBytes({ OutputFile.createFile(path, $0) }) { throw OutputError(path: path, code: code) }
    }

    /// Removes the file `relative`, written by a table that was then given up.
    public func remove(_ relative: String) {
        unlink(temporaryPath + "/" + relative)
    }

    /// Puts the folder in place of the previous one, which is then deleted.
    public func commit() throws {
        let previous = OutputFile.temporaryPath(for: path + "-previous")
        try? FileManager.default.removeItem(atPath: previous)
        if OutputGate.pass({ rename(path, previous) }) != 0, errno != ENOENT {
            throw OutputError(path: path, code: errno)
        }
        guard OutputGate.pass({ rename(temporaryPath, path) }) == 0 else { throw OutputError(path: path, code: errno) }
        try? FileManager.default.removeItem(atPath: previous)
    }
}

/// The one door through which a batch adds a name to a folder (creates, renames, links), so
/// that an interruption can close it: once `close()` has run, every thread that comes to it
/// waits there until the process ends, and nothing reappears after the interrupted run's
/// temporary files are removed. Each passage holds a lock only for its one system call.
package enum OutputGate {
    private static let lock = NSLock()

    /// Runs `call` (one system call that adds a name), keeping its `errno`.
    package static func pass<T>(_ call: () -> T) -> T {
        lock.lock()
        let result = call()
        let code = errno
        lock.unlock()
        errno = code
        return result
    }

    /// Closes the door for good: returns once no call is passing.
    package static func close() {
        lock.lock()
    }
}

/// An output that could not be written: where, and why in words (zh and en) rather than the
/// system's.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    /// The system's error number (`errno`).
    public var code: Int32

    public init(path: String, code: Int32) {
        self.path = path
        self.code = code
    }

    /// Why, in words.
    public var reason: LocalizedText {
        switch code {
        case EACCES, EPERM: LocalizedText(zh: "没有写入权限", en: "no permission to write there")
        case ENOSPC, EDQUOT: LocalizedText(zh: "磁盘空间不足", en: "no space left on the disk")
        case EROFS: LocalizedText(zh: "文件系统只读", en: "the file system is read-only")
        case ENOENT: LocalizedText(zh: "所在的文件夹不存在", en: "its folder does not exist")
        case ENOTDIR, EEXIST: LocalizedText(zh: "路径中有一部分是文件，不是文件夹", en: "part of the path is a file, not a folder")
        case EISDIR: LocalizedText(zh: "这里已有一个同名文件夹", en: "a folder of that name is in the way")
        case ELOOP: LocalizedText(zh: "路径中的符号链接构成循环", en: "the path's symbolic links loop")
        case ENAMETOOLONG: LocalizedText(zh: "路径太长", en: "the path is too long")
        default:
            LocalizedText(zh: "系统错误 \(code)：\(String(cString: strerror(code)))", en: "system error \(code): \(String(cString: strerror(code)))")
        }
    }

    /// `path: 错误[output]: 无法写入：没有写入权限`, one line.
    public func text(_ language: Language) -> String {
        let reason = reason.text(language)
        return language == .zh ? "\(path): 错误[output]: 无法写入：\(reason)" : "\(path): error[output]: cannot write: \(reason)"
    }

    public var description: String { text(.en) }
}
