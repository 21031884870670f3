import Testing
@testable import JixiaoBase

struct DoubleQuotedTests {
    @Test func jsonEscapesQuotesBackslashesAndC0Only() {
        #expect(DoubleQuoted.quoted("a\"b\\c\nd\re\tf\u{01}g\u{1F}h“单位”\u{7F}\u{85}\u{2028}", for: .json)
            == "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001fh“单位”\u{7F}\u{85}\u{2028}\"")
    }

    @Test func yamlAlsoEscapesWhatLibyamlRefusesOrFolds() {
        #expect(DoubleQuoted.quoted("单\u{7F}位\u{80}\u{85}\u{9F}\u{A0}名\u{2027}\u{2028}\u{2029}称\u{FFFD}\u{FFFE}\u{FFFF}", for: .yaml)
            == "\"单\\u007f位\\u0080\\u0085\\u009f\u{A0}名\u{2027}\\u2028\\u2029称\u{FFFD}\\ufffe\\uffff\"")
    }

    /// The eight-bytes-at-a-time scan finds every byte that may need an escape, at every position
    /// in and after the words, among bytes that do not (just above 0x20, `"` and `\`, and high).
    @Test(arguments: [DoubleQuoted.Syntax.json, .yaml])
    func scanFindsEveryEscapedByteAnywhere(syntax: DoubleQuoted.Syntax) {
        var misses: [(background: UInt8, count: Int, position: Int, byte: UInt8)] = []
        let backgrounds: [UInt8] = syntax == .json ? [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xFF] : [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7E]
        for background in backgrounds {
            for count in 1...19 {
                for position in 0..<count {
                    for byte in UInt8.min...UInt8.max {
                        var bytes = [UInt8](repeating: background, count: count)
                        bytes[position] = byte
                        let expected = byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
                            || (syntax == .yaml && byte >= 0x7F)
                        if bytes.withUnsafeBufferPointer({ DoubleQuoted.needsEscape($0, for: syntax) }) != expected {
                            misses.append((background, count, position, byte))
                        }
                    }
                }
            }
        }
        #expect(misses.isEmpty, "\(misses.prefix(5))")
    }
}
