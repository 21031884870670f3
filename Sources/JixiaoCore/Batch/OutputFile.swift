import Foundation
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
        guard let handle = fopen(temporaryPath, "w+b") else {
            throw OutputError(path: path, reason: String(cString: strerror(errno)))
        }
        self.handle = handle
        buffer.reserveCapacity(1 << 16)
        if bom { buffer += [0xEF, 0xBB, 0xBF] }
    }

    deinit {
        if let handle {
            fclose(handle)
            unlink(temporaryPath)
        }
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
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
        if failed || rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw OutputError(path: path, reason: reason)
        }
    }

    /// Writes a whole file at once, atomically.
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
        if ferror(handle) != 0 { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
    }

    public static func write(_ text: String, to path: String, bom: Bool = false) throws {
        let file = try OutputFile(path: path, bom: bom)
        file.write(text)
        try file.commit()
    }

    static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + partialSuffix).path
    }

    /// Deletes the temporary files an interrupted run left under `directory`; returns how many.
    @discardableResult
    public static func removePartials(in directory: String) -> Int {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return 0 }
        var removed = 0
        while let relative = walker.nextObject() as? String {
            if relative.hasSuffix(partialSuffix), unlink(directory + "/" + relative) == 0 { removed += 1 }
        }
        return removed
    }
}

/// An output that could not be written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "\(path): \(reason)" }
}
