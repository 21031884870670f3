/// A set of byte values, tested with one shift and mask: for scanning text for the few bytes
/// that need attention (characters to escape, the lead bytes of line breaks).
struct ByteSet: Sendable {
    private var low: UInt128 = 0
    private var high: UInt128 = 0

    /// The bytes of `ascii` and the bytes `others`.
    init(_ ascii: StaticString, _ others: UInt8...) {
        let bytes = UnsafeBufferPointer(start: ascii.utf8Start, count: ascii.utf8CodeUnitCount)
        for byte in Array(bytes) + others { insert(byte) }
    }

    private mutating func insert(_ byte: UInt8) {
        if byte < 128 { low |= 1 << byte } else { high |= 1 << (byte - 128) }
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        (byte < 128 ? low >> byte : high >> (byte & 127)) & 1 != 0
    }
}
