#if canImport(Glibc)
import Glibc
#endif

/// A text compared and hashed by its UTF-8 bytes. `String` compares Chinese text by canonical
/// equivalence and hashes it normalised, which costs thousands of instructions per key; keys
/// that are compared often and whose spelling is settled (composed labels, memo keys) use this.
package struct UTF8Key: Hashable, Sendable {
    package let text: String

    package init(text: String) {
        self.text = text
    }

    package static func == (a: UTF8Key, b: UTF8Key) -> Bool {
        a.text.withUTF8Bytes { a in
            b.text.withUTF8Bytes { b in a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) }
        }
    }

    package func hash(into hasher: inout Hasher) {
        text.withUTF8Bytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
