#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// Calls `body` with the string's UTF-8 bytes where they are stored. Unlike `withUTF8`, it
    /// needs no mutable copy of the string, so a native string's storage is borrowed, not
    /// retained and released (an atomic operation each) around every look at its bytes.
    /// Inlinable, so that the other modules' calls are specialized (a generic call costs a
    /// metadata lookup each).
    @inlinable @inline(__always)
    package func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }

    /// Whether the text comes before `other` in the order of their UTF-8 bytes, which is the
    /// order of their code points (not `<`, which compares by canonical equivalence).
    package func utf8Precedes(_ other: String) -> Bool {
        withUTF8Bytes { a in
            other.withUTF8Bytes { b in
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                return order != 0 ? order < 0 : a.count < b.count
            }
        }
    }
}
