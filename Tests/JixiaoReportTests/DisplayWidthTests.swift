import Testing
@testable import JixiaoReport

/// Wrapping for a terminal where a Chinese character takes two columns and has no space to break at.
struct DisplayWidthTests {
    @Test func chineseBreaksBetweenCharactersWithinTheWidth() {
        let text = "遍历文件夹中的文件，并读取直接列出的文件；无法读取的输入记入 errors.csv，运行继续。"
        let lines = DisplayWidth.wrap(text, to: 30).split(separator: "\n").map(String.init)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 30 })
        #expect(lines.joined() == text.replacingOccurrences(of: " ", with: ""), "only spaces are lost at a break")
    }

    @Test func closingMarksStayOnTheirLineAndOpeningMarksMoveOn() {
        // 10 columns: "一二三四（" would end a line with （, and "，" would start one.
        #expect(DisplayWidth.wrap("一二三四（五）", to: 10) == "一二三四\n（五）")
        #expect(DisplayWidth.wrap("一二三四五，六", to: 10) == "一二三四\n五，六")
    }

    @Test func latinWordsBreakOnlyAtSpacesAndLineBreaksStay() {
        #expect(DisplayWidth.wrap("--follow-links 读取", to: 10) == "--follow-links\n读取")
        #expect(DisplayWidth.wrap("甲\n乙", to: 80) == "甲\n乙")
        #expect(DisplayWidth.wrap("short text", to: 80) == "short text")
    }
}
