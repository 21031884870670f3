import Foundation

/// A text compared and hashed by its UTF-8 bytes. `String` compares Chinese text by canonical
/// equivalence and hashes it normalised, which costs thousands of instructions per key; keys
/// that are compared often and whose spelling is settled (composed labels, memo keys) use this.
struct UTF8Key: Hashable, Sendable {
    let text: String

    static func == (a: UTF8Key, b: UTF8Key) -> Bool {
        var a = a.text, b = b.text
        return a.withUTF8 { a in
            b.withUTF8 { b in a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) }
        }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// A label as labels are compared: its letters (`Rubric.normalizedLabel`) in Unicode's composed
/// form (NFC), so two keys are the same label exactly when their bytes are equal.
public struct LabelKey: Hashable, Sendable {
    private let key: UTF8Key

    /// The letters, composed.
    public var text: String { key.text }

    public init(_ label: String) {
        let letters = Rubric.normalizedLabel(label)
        let isComposed = letters.unicodeScalars.allSatisfy(\.isCanonicallyStable)
        key = UTF8Key(text: isComposed ? letters : letters.precomposedStringWithCanonicalMapping)
    }
}
