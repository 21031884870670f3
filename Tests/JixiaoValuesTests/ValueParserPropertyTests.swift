import Foundation
import JixiaoBase
import JixiaoValues
import PropertyBased
import Testing

/// The parser never traps, always terminates, and reads the same value however it is printed.
@Suite struct ValueParserPropertyTests {
    static let parser = ValueParser()
    /// The most digits a number may be printed with (longer ones are unscorable).
    static let maximumDigits = 18

    /// Pieces of real values: digits, signs, comparator words, units, separators, full-width forms.
    static let pieces: [String] = [
        "0", "1", "2", "5", "9", "12", "100", "2021", "0.8", "1,614.46", ".", ",", "，", "、", "；", "。",
        "%", "％", "‰", "．", "１", "２", "０", "９", "＞", "＜", "＝", "≥", "≤", "≧", "≦", ">", "<", "=", ">=",
        "-", "—", "~", "～", "至", "到", "/", "+", "±", "×", " ", "　", "\n", "\t", "(", ")", "（", "）",
        "以上", "以下", "以内", "内", "不少于", "不低于", "不超过", "至少", "达", "达到", "控制在", "低于", "超过",
        "万元", "元", "亿元", "万", "人次", "人", "次", "个", "篇", "条", "户", "家", "万次", "米", "平方米", "m2",
        "个工作日", "工作日", "天", "日", "号", "小时", "年", "月", "月底", "前", "之前", "中旬", "度", "份",
        "每日", "每月", "每年", "人均", "百分之", "三", "十", "两", "一", "二〇二一", "零", "〇", "百", "千",
        "完成", "已完成", "未完成", "基本完成", "按时发放", "无", "未", "提升", "显著提升", "较上年", "提高",
        "约", "左右", "余", "多", "排名", "第", "前", "参加率", "满意度", "含", "“", "”", "\u{200B}", "\u{FEFF}",
        "\u{0301}", "\r\n", "😀", "Ａ", "a", "kg", "e", "E", "NaN",
    ]

    static let soup = Gen<String?>.element(of: pieces).map { $0 ?? "" }.array(of: 0...14).map { $0.joined() }

    static let anyScalar = Gen.oneOf(
        Gen.unicodeScalar(in: "\u{0}"..."\u{7F}"),
        Gen.unicodeScalar(in: "\u{80}"..."\u{2FFF}"),
        Gen.unicodeScalar(in: "\u{3000}"..."\u{303F}"),
        Gen.unicodeScalar(in: "\u{4E00}"..."\u{9FFF}"),
        Gen.unicodeScalar(in: "\u{E000}"..."\u{FFFF}"),
        Gen.unicodeScalar(in: "\u{10000}"..."\u{10FFFF}")
    )
    static let anyText = anyScalar.array(of: 0...40).map { scalars in
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Checks what every result must satisfy, whatever the input.
    static func checkInvariants(_ text: String, _ parsed: ParsedValue) {
        switch parsed {
        case .quantity(let quantity):
            #expect((0...Self.maximumDigits).contains(quantity.decimals), "\(text)")
            #expect(abs(quantity.amount) < Fixed.max, "\(text)")
        case .range(let range):
            #expect(range.lower <= range.upper, "\(text)")
        case .date(let date):
            #expect(date.year != nil || date.month != nil, "\(text)")
            if let month = date.month { #expect((1...12).contains(month), "\(text)") }
            if let day = date.day { #expect((1...31).contains(day), "\(text)") }
        case .deadline(.dayOfMonth(let day)):
            #expect((1...31).contains(day), "\(text)")
        case .deadline(.within(let amount, _, let unit)):
            #expect(amount >= 0, "\(text)")
            #expect(unit.dimension == .time, "\(text)")
        case .qualitative(let qualitative):
            #expect(!qualitative.word.isEmpty, "\(text)")
            #expect(ValueVocabulary.standard.bands.map(\.band).contains(qualitative.band), "\(text)")
        case .unscorable(let unscorable):
            #expect(!unscorable.message.zh.isEmpty && !unscorable.message.en.isEmpty, "\(text)")
        }
    }

    @Test func neverTrapsOnArbitraryText() async {
        await propertyCheck(count: 2000, input: Self.anyText) { text in
            let parsed = Self.parser.parse(text)
            Self.checkInvariants(text, parsed)
            _ = parsed.resolved(against: Self.parser.parse("220 篇"))
            _ = "\(parsed)"
        }
    }

    @Test func neverTrapsOnValueLikeText() async {
        await propertyCheck(count: 3000, input: Self.soup) { text in
            let parsed = Self.parser.parse(text)
            Self.checkInvariants(text, parsed)
            #expect(Self.parser.parse(text) == parsed, "not deterministic: \(text)")
            let target = Self.parser.parse(String(text.reversed()))
            _ = parsed.resolved(against: target)
            _ = "\(parsed)"
        }
    }

    /// `≥ 95.5%` and `≥ ９５．５％` are the same value.
    @Test func fullWidthPrintingReadsTheSame() async {
        let ascii = Gen<String?>.element(of: [
            "0", "1", "2", "3", "5", "9", ".", "%", ">", "<", "=", "-", "~", "(", ")", "+", "/", " ",
            "以上", "万元", "人次", "年", "月", "日", "每日", "个工作日", "不少于",
        ]).map { $0 ?? "" }.array(of: 0...10).map { $0.joined() }
        await propertyCheck(count: 2000, input: ascii) { text in
            let wide = String(
                String.UnicodeScalarView(
                    text.unicodeScalars.map { scalar in
                        (0x21...0x7E).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0xFEE0) ?? scalar : scalar
                    }))
            #expect(Self.parser.parse(wide) == Self.parser.parse(text), "\(text) vs \(wide)")
        }
    }

    /// Line breaks and spaces from PDF extraction do not change a reading, unless they split two
    /// digits (`10 100` is two numbers).
    @Test func spacesBetweenNonDigitsDoNotMatter() async {
        let spaces = Gen<String?>.element(of: [" ", "\n", "　", "\r\n"])
        await propertyCheck(count: 2000, input: Self.soup, Gen.int(in: 0...1000), spaces) { text, seed, space in
            var characters = Array(text)
            guard !characters.isEmpty else { return }
            let position = seed % (characters.count + 1)
            func isDigit(_ character: Character?) -> Bool {
                // A digit followed by a stray mark is still a digit once the mark is dropped.
                guard let scalar = character?.unicodeScalars.first else { return false }
                return (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
            }
            // The neighbours that count are the nearest visible ones: zero-width characters and
            // stray marks are dropped before spaces are.
            func isInvisible(_ character: Character) -> Bool {
                character.unicodeScalars.allSatisfy {
                    [.format, .nonspacingMark, .enclosingMark].contains($0.properties.generalCategory)
                }
            }
            var previousIndex = position - 1
            while previousIndex >= 0, isInvisible(characters[previousIndex]) { previousIndex -= 1 }
            var nextIndex = position
            while nextIndex < characters.count, isInvisible(characters[nextIndex]) { nextIndex += 1 }
            let before = previousIndex >= 0 ? characters[previousIndex] : nil
            let after = nextIndex < characters.count ? characters[nextIndex] : nil
            // Skip a split of two digits, and of a pair whose meaning is its adjacency.
            if isDigit(before) && isDigit(after) { return }
            if before == "\r" || after == "\n" { return }
            if let before, before.unicodeScalars.contains(where: { $0.properties.isWhitespace }) { return }
            if let after, after.unicodeScalars.contains(where: { $0.properties.isWhitespace }) { return }
            characters.insert(contentsOf: space ?? " ", at: position)
            let spaced = String(characters)
            #expect(Self.parser.parse(spaced) == Self.parser.parse(text), "\(text.debugDescription) vs \(spaced.debugDescription)")
        }
    }

    /// A reading never depends on the text beyond what it says: a known quantity keeps its
    /// number when a label is put before it.
    @Test func aLabelBeforeAQuantityIsIgnored() async {
        let amounts = Gen.int(in: 0...99999)
        let labels = Gen<String?>.element(of: ["参加率", "满意度", "完成率", "覆盖率", "发布信息", "培训人数", "经费"])
        let units = Gen<String?>.element(of: ["%", "人次", "篇", "万元", "户", ""])
        await propertyCheck(count: 500, input: amounts, labels, units) { amount, label, unit in
            let value = "\(amount)\(unit ?? "")"
            #expect(Self.parser.parse("\(label ?? "")\(value)") == Self.parser.parse(value))
        }
    }

    @Test func longInputsTerminateQuickly() {
        let clock = ContinuousClock()
        let worstCases = [
            String(repeating: "1,", count: 240),
            String(repeating: "≥", count: 499) + "1",
            String(repeating: "每日", count: 249) + "1",
            String(repeating: "不少于", count: 160) + "1%",
            String(repeating: "十", count: 499),
            String(repeating: "完成", count: 250),
            String(repeating: "1", count: 499),
            String(repeating: "1.", count: 249),
            String(repeating: "无", count: 499),
            String(repeating: "a", count: 1_000_000),
            String(repeating: "９", count: 200_000),
        ]
        let elapsed = clock.measure {
            for text in worstCases {
                Self.checkInvariants(String(text.prefix(20)), Self.parser.parse(text))
            }
        }
        #expect(elapsed < .seconds(10), "took \(elapsed)")
    }
}
