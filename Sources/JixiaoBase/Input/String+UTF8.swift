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
}
