/// A set of byte values as a table of 256 flags, so a test is one load: for scanning text for
/// the few bytes that need attention (characters to escape, the lead bytes of line breaks).
struct ByteSet: Sendable {
    private var flags = [Bool](repeating: false, count: 256)

    /// The bytes of `ascii` and the bytes `others`.
    init(_ ascii: StaticString, _ others: UInt8...) {
        let bytes = UnsafeBufferPointer(start: ascii.utf8Start, count: ascii.utf8CodeUnitCount)
        for byte in Array(bytes) + others { flags[Int(byte)] = true }
    }

    /// The position of the first byte of `bytes` in the set at or after `start`, or nil.
    func firstIndex(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        flags.withUnsafeBufferPointer { table in
            var index = start
            while index < bytes.count {
                if table[Int(bytes[index])] { return index }
                index += 1
            }
            return nil
        }
    }
}
