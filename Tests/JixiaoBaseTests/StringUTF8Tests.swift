import JixiaoBase
import Testing

struct StringUTF8Tests {
    /// Paths are sorted by their bytes: a prefix first, upper case before lower, and two
    /// spellings of one letter apart (which `<` takes as equal, by canonical equivalence).
    @Test func textsAreOrderedByTheirBytes() {
        #expect("ab".utf8Precedes("abc"))
        #expect(!"abc".utf8Precedes("ab"))
        #expect("B.yaml".utf8Precedes("a.yaml"))
        #expect("2023/产出.yaml".utf8Precedes("2023/效益.yaml"))  // U+4EA7 before U+6548
        #expect(!"".utf8Precedes(""))
        #expect("".utf8Precedes("a"))
        let decomposed = "e\u{301}", composed = "\u{E9}"
        #expect(!(decomposed < composed) && !(composed < decomposed))
        #expect(decomposed.utf8Precedes(composed) && !composed.utf8Precedes(decomposed))
    }

    /// A key is its bytes: equal bytes are one key, two spellings of one text are two.
    @Test func keysAreTheirBytes() {
        #expect(UTF8Key(text: "≥ 95%") == UTF8Key(text: "≥ 95" + "%"))
        #expect(UTF8Key(text: "≥ 95%") != UTF8Key(text: "≥ 96%"))
        #expect(UTF8Key(text: "e\u{301}") != UTF8Key(text: "\u{E9}"))
        #expect(Set([UTF8Key(text: "按时完成"), UTF8Key(text: "按时" + "完成"), UTF8Key(text: "")]).count == 2)
    }
}
