import Foundation
import JixiaoBase

/// A label as labels are compared: its letters (`Rubric.normalizedLabel`) in Unicode's composed
/// form (NFC), so two keys are the same label exactly when their bytes are equal.
public struct LabelKey: Hashable, Sendable {
    private let key: UTF8Key

    /// The letters, composed.
    public var text: String { key.text }

    public init(_ label: String) {
        if Self.isPlain(label) {
            key = UTF8Key(text: label)
            return
        }
        let letters = Rubric.normalizedLabel(label)
        let isComposed = letters.unicodeScalars.allSatisfy(\.isCanonicallyStable)
        key = UTF8Key(text: isComposed ? letters : letters.precomposedStringWithCanonicalMapping)
    }

    /// Whether `label` is only printable ASCII and CJK ideographs (U+4000–U+9FFF), as most
    /// labels are: then it is its own key, with no space to drop, nothing to fold or compose.
    static func isPlain(_ label: String) -> Bool {
        label.withUTF8Bytes { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte > 0x20, byte < 0x7F {
                    index += 1
                } else if byte >= 0xE4, byte <= 0xE9 {
                    index += 3  // the lead byte of a three-byte scalar in U+4000–U+9FFF
                } else {
                    return false
                }
            }
            return true
        }
    }
}
