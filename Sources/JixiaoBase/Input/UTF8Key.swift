#if canImport(Glibc)
import Glibc
#endif

/// A text compared and hashed by its UTF-8 bytes. `String` compares Chinese text by canonical
/// equivalence and hashes it normalised, which costs thousands of instructions per key; keys
/// that are compared often and whose spelling is settled (composed labels, memo keys) use this.
package struct UTF8Key: Hashable, Sendable {
    package let text: String
    /// The bytes folded into one word (FNV-1a), once: the hasher's rounds then run once per key
    /// rather than once per eight bytes (a value text is twenty to forty bytes), keys that differ
    /// are mostly told apart without comparing their bytes, and the value memo picks its slot by it.
    package let fold: UInt64

    package init(text: String) {
        self.text = text
        fold = text.withUTF8Bytes { bytes in
            bytes.reduce(UInt64(0xCBF2_9CE4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
        }
    }

    package static func == (a: UTF8Key, b: UTF8Key) -> Bool {
        a.fold == b.fold && a.text.withUTF8Bytes { a in
            b.text.withUTF8Bytes { b in a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) }
        }
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(fold)
    }
}
