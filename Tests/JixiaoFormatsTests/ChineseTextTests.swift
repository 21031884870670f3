import Foundation
@testable import JixiaoFormats
import JixiaoTestSupport
import Testing

/// Traditional characters and pinyin annotations become the simplified text the importer matches.
struct ChineseTextTests {
    @Test func openCCIsAvailableHere() {
        #expect(ChineseText.conversionUnavailable == nil)
    }

    @Test(arguments: [
        ("績效指標", "绩效指标"), ("年度資金總額", "年度资金总额"), ("執行率", "执行率"), ("總分", "总分"),
        ("2023年度項目支出績效自評表", "2023年度项目支出绩效自评表"), ("實際完成值", "实际完成值"),
        ("產出指標 (50分)", "产出指标 (50分)"), ("滿意度指標", "满意度指标"), ("提高1個百分點", "提高1个百分点"),
    ])
    func traditionalBecomesSimplified(_ traditional: String, _ simplified: String) {
        #expect(ChineseText.normalized(traditional) == simplified)
    }

    @Test func traditionalHeaderAndLabelCells() {
        let document = DocumentText("""
            | 績效指標 | 一級指標 | 二級指標 | 三級指標 | 年度指標值 | 實際完成值 | 分值 | 得分 |
            | | 年度資金總額 | 60 | 60 | 54 | 10 | 90.00% | 9 |
            | | 總 分 | | | | | 100 | 99 |
            """, file: "t.txt")
        #expect(document.lines[0].cells == ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"])
        #expect(document.lines[1].cells[1] == "年度资金总额")
        #expect(document.lines[2].text == "| | 总 分 | | | | | 100 | 99 |")
        #expect(document.lines[2].compact.contains("总分"))
    }

    @Test(arguments: [
        ("項(xiàng)目", "项目"), ("绩(jì)效", "绩效"), ("绩（jì）效", "绩效"), ("項(xiàng)目(xiàng mù)名稱", "项目名称"),
        ("滿(mǎn)意度", "满意度"), ("绿(lǜ)化", "绿化"), ("绩(ji\u{300})效", "绩效"), ("执(Zhí)行率", "执行率"),
        ("提高(tí gāo)1个百分点", "提高1个百分点"),
    ])
    func pinyinAnnotationsGo(_ annotated: String, _ plain: String) {
        #expect(ChineseText.normalized(annotated) == plain)
    }

    /// Parenthesised Latin text that is not toned pinyin stays: units, abbreviations, codes,
    /// toneless syllables, and anything not directly after a Chinese character.
    @Test(arguments: [
        "存储容量(TB)", "细颗粒物(PM2.5)浓度", "地区生产总值(GDP)", "通过认证(ISO9001)", "面积(mu)", "面积（Big Data）",
        "项目 (xiàng)", "(xiàng)目", "A(xiàng)", "项(xiàng1)", "项(xiàng", "项(xiàng-mù)", "项()", "项(  )",
    ])
    func otherParenthesesStay(_ text: String) {
        #expect(ChineseText.removingPinyin(text) == text)
        #expect(ChineseText.normalized(text) == text)
    }

    /// Simplified text is returned as it is, including characters that are also traditional
    /// forms (著, 乾, 瞭 keep their meaning in 显著, 乾坤, 瞭望).
    @Test(arguments: [
        "2023年度项目支出绩效自评表", "年度资金总额\t60\t60\t54\t10\t90.00%\t9", "显著提高 著作权 乾坤 瞭望 干部 余额",
        "| | 总分 | | | | | 100 | 99 |", "plain ASCII (TB) 100%", "", "≥85%",
    ])
    func simplifiedTextIsUnchanged(_ text: String) {
        #expect(ChineseText.normalized(text) == text)
    }

    /// Every line of every document fixture (all simplified) comes back unchanged.
    @Test func fixtureDocumentsAreUnchanged() throws {
        let folder = Project.fixture("documents")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where !name.contains("gb18030") {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(ChineseText.normalized(String(line)) == String(line), "\(name)")
            }
        }
    }

    @Test func lineNumbersAreKept() {
        let text = "\u{FEFF}績效指標\r\n\r\n年度資金總額\t60\n項(xiàng)目名稱\r執行率\n\n總分"
        let document = DocumentText(text, file: "t.txt")
        #expect(document.lines.map(\.number) == Array(1...7))
        #expect(document.lines.map(\.text) == ["绩效指标", "", "年度资金总额\t60", "项目名称", "执行率", "", "总分"])
        // OpenCC itself keeps line breaks where they are.
        let converted = ChineseText.normalized("績效\n\n總分\r\n執行率\n")
        #expect(converted == "绩效\n\n总分\r\n执行率\n")
    }

    @Test func textWithNULIsConvertedWhole() {
        #expect(ChineseText.normalized("總分\u{0}執行率") == "总分\u{0}执行率")
    }

    @Test func aMissingConfigurationIsAnErrorValue() {
        let result = OpenCCConverter.open(config: "no-such-config.json", directories: ["/nonexistent"])
        guard case .failure(let error) = result else {
            Issue.record("opened a configuration that does not exist")
            return
        }
        #expect(error.tried == ["no-such-config.json", "/nonexistent/no-such-config.json"])
        #expect(error.description.hasPrefix("OpenCC could not open no-such-config.json or /nonexistent/no-such-config.json: "))
    }

    /// The batch reads documents on several threads through the one shared converter.
    @Test func concurrentConversionsAgree() async {
        let lines = (0..<200).map { "第\($0)行 年度資金總額 績效指標 執行率 總分 項(xiàng)目" }
        let expected = lines.map { ChineseText.normalized($0) }
        let results = await withTaskGroup(of: (Int, String).self) { group in
            for (index, line) in lines.enumerated() {
                group.addTask { (index, ChineseText.normalized(line)) }
            }
            var out = [String](repeating: "", count: lines.count)
            for await (index, text) in group { out[index] = text }
            return out
        }
        #expect(results == expected)
        #expect(expected[7] == "第7行 年度资金总额 绩效指标 执行率 总分 项目")
    }
}
