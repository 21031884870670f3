import COpenCC
import Synchronization

/// One OpenCC converter (libopencc), opened once and shared by every thread.
///
/// Calls go through a lock: OpenCC's C API documents no thread-safety for one handle (and
/// keeps its last error in a global), and a converted line costs microseconds, so the batch's
/// threads lose nothing measurable by taking turns. The handle is never closed: it lives as
/// long as the process, like the dictionaries it maps.
package final class OpenCCConverter: Sendable {
    /// Why OpenCC could not be opened: its configuration or dictionaries are missing (the
    /// `libopencc-data` package) or unreadable.
    package struct OpenError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The configurations tried, in order (`t2s.json`, `/usr/share/opencc/t2s.json`).
        package var tried: [String]
        /// OpenCC's own message for the last attempt.
        package var message: String

        package var description: String {
            "OpenCC could not open \(tried.joined(separator: " or ")): \(message)"
        }
    }

    /// Traditional to simplified Chinese (`t2s.json`: phrases first, then characters), or why
    /// it is unavailable. Opened on first use.
    package static let traditionalToSimplified: Result<OpenCCConverter, OpenError> =
        open(config: "t2s.json", directories: ["/usr/share/opencc", "/usr/local/share/opencc", "/opt/homebrew/share/opencc"])

    /// OpenCC's `opencc_t`, which only this class touches, and only under its lock.
    private struct Handle: @unchecked Sendable {
        var pointer: UnsafeMutableRawPointer
    }

    private let handle: Mutex<Handle>

    /// The BMP characters that this converter changes when they stand alone, one bit each:
    /// text without any of them (nor a character beyond the BMP) comes back unchanged, so it
    /// need not be converted.
    private let changed: [UInt64]

    private init(handle: UnsafeMutableRawPointer) {
        self.handle = Mutex(Handle(pointer: handle))
        changed = Self.changedCharacters(handle)
    }

    /// Opens `config` by name (OpenCC looks in its own data directory), then by its path in
    /// each of `directories`, so that a library built with another data directory still finds
    /// the configuration of the distribution's package.
    package static func open(config: String, directories: [String]) -> Result<OpenCCConverter, OpenError> {
        let tried = [config] + directories.map { $0 + "/" + config }
        var message = ""
        for name in tried {
            let handle = opencc_open(name)
            // OpenCC returns (opencc_t)-1 on failure.
            if let handle, handle != UnsafeMutableRawPointer(bitPattern: -1) {
                return .success(OpenCCConverter(handle: handle))
            }
            message = opencc_error().map { String(cString: $0) } ?? "unknown error"
        }
        return .failure(OpenError(tried: tried, message: message))
    }

    /// Whether converting `scalar` on its own changes it. Characters beyond the BMP are not
    /// tabulated and count as changed, so that they are always converted.
    package func mayChange(_ scalar: Unicode.Scalar) -> Bool {
        let value = Int(scalar.value)
        guard value <= 0xFFFF else { return true }
        return changed[value >> 6] & (1 << UInt64(value & 63)) != 0
    }

    /// `text` converted, or `text` itself when OpenCC reports an error. Line breaks are kept
    /// where they are: OpenCC converts within lines only.
    package func convert(_ text: String) -> String {
        guard !text.isEmpty else { return text }
        // OpenCC returns a C string: a NUL inside the text would cut the result short.
        if text.utf8.contains(0) {
            return text.split(separator: "\0", omittingEmptySubsequences: false)
                .map { convert(String($0)) }.joined(separator: "\0")
        }
        var input = text
        return input.withUTF8 { bytes in
            let output: String? = handle.withLock { handle in
                guard let result = opencc_convert_utf8(handle.pointer, bytes.baseAddress, bytes.count) else { return nil }
                defer { opencc_convert_utf8_free(result) }
                return String(cString: result)
            }
            return output ?? text
        }
    }

    /// Converts every CJK character of the BMP, one per line, and marks those that change.
    /// About 50 ms once per process (measured here); the table takes 8 KB.
    private static func changedCharacters(_ handle: UnsafeMutableRawPointer) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        let ranges: [ClosedRange<UInt32>] = [0x2E80...0x2FDF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF]
        let scalars = ranges.joined().compactMap(Unicode.Scalar.init)
        var input = ""
        input.reserveCapacity(scalars.count * 4)
        for scalar in scalars {
            input.unicodeScalars.append(scalar)
            input.unicodeScalars.append("\n")
        }
        let output: String? = input.withUTF8 { bytes in
            guard let result = opencc_convert_utf8(handle, bytes.baseAddress, bytes.count) else { return nil }
            defer { opencc_convert_utf8_free(result) }
            return String(cString: result)
        }
        let lines = output?.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, scalar) in scalars.enumerated() {
            // If the lines do not pair up, every character counts as changed: slower, still right.
            let same = lines.map { $0.count == scalars.count + 1 && $0[index].unicodeScalars.elementsEqual([scalar]) } ?? false
            if !same { bits[Int(scalar.value) >> 6] |= 1 << UInt64(scalar.value & 63) }
        }
        return bits
    }
}
