import Foundation
import JixiaoBase
import JixiaoValues
import Testing

/// What the parser promises besides the table: exact decimals, unit resolution against the
/// target, vocabulary supplied by the rubric, and messages in both languages.
@Suite struct ValueParserBehaviourTests {
    let parser = ValueParser()

    @Test func amountsAreExactDecimalsWithTheirPrintedPlaces() throws {
        guard case .quantity(let money) = parser.parse("≤1676.98万元") else {
            Issue.record("not a quantity")
            return
        }
        #expect(money.amount * 100 == 167698)
        #expect(money.decimals == 2)
        #expect(money.amountInBase == 16_769_800)
        guard case .quantity(let rate) = parser.parse("28.00%") else {
            Issue.record("not a quantity")
            return
        }
        #expect(rate.amount == 28)
        #expect(rate.decimals == 2)
        guard case .quantity(let small) = parser.parse("0.1") else {
            Issue.record("not a quantity")
            return
        }
        // 0.1 has no exact binary form; built from its digits it is exactly one tenth.
        #expect(small.amount * 10 == 1)
        #expect(small.amount + small.amount + small.amount == ValueTestSupport.decimal("0.3"))
    }

    @Test func anActualWithNoUnitTakesTheTargetsUnit() {
        let target = parser.parse("220 篇")
        #expect(parser.parse(actual: "227", target: target) == parser.parse("227 篇"))
        #expect(parser.parse("227").resolved(against: target) == parser.parse("227 篇"))
        // A unit of its own is kept, even a different one: the scorer decides what that means.
        #expect(parser.parse(actual: "227 人", target: target) == parser.parse("227 人"))
        // The period comes along with the unit.
        let daily = parser.parse("每日 0.8 条以上")
        #expect(parser.parse(actual: "0.9", target: daily) == parser.parse("每日 0.9 条"))
        // A percentage target.
        #expect(parser.parse(actual: "100", target: parser.parse("≥ 100%")) == parser.parse("100%"))
        // A range target.
        #expect(parser.parse(actual: "95", target: parser.parse("90%-100%")) == parser.parse("95%"))
        // Nothing to take from a qualitative target, and nothing to give to a qualitative actual.
        #expect(parser.parse(actual: "227", target: parser.parse("完成")) == parser.parse("227"))
        #expect(parser.parse(actual: "完成", target: target) == parser.parse("完成"))
    }

    @Test func aBareTenThousandTakesTheTargetsNoun() throws {
        let resolved = parser.parse(actual: "40万", target: parser.parse("40 万次"))
        guard case .quantity(let quantity) = resolved else {
            Issue.record("not a quantity: \(resolved)")
            return
        }
        let unit = try #require(quantity.unit)
        #expect(unit.symbol == "万次")
        #expect(unit.isConvertible(to: .count("次")))
        #expect(unit.factor == 10000)
        let money = parser.parse(actual: "1614 万", target: parser.parse("≤1676.98万元"))
        #expect(money.unit == .tenThousandYuan)
    }

    @Test func aProvinceCanAddWords() {
        var vocabulary = ValueVocabulary.standard
        #expect(parser.parse("已办结") == .unscorable(.init(.unknownWords, detail: "已办结")))
        vocabulary.bands[0].words.append("已办结")
        vocabulary.atLeast.before.append("确保")
        vocabulary.atMost.after.append("封顶")
        vocabulary.countUnits.append("车")
        let provincial = ValueParser(vocabulary: vocabulary)
        #expect(provincial.parse("已办结") == .qualitative(.init(band: "达成", word: "已办结")))
        #expect(provincial.parse("确保 95%") == parser.parse("≥ 95%"))
        #expect(provincial.parse("10 万元封顶") == parser.parse("≤ 10 万元"))
        #expect(provincial.parse("5 车") == .quantity(.init(.equal, 5, decimals: 0, unit: .count("车"), isComparatorStated: false)))
        #expect(ValueParser.parse("已办结", vocabulary: vocabulary) == provincial.parse("已办结"))
    }

    @Test func aProvinceCanRenameBands() {
        var vocabulary = ValueVocabulary.standard
        vocabulary.bands = [
            .init(band: "完成", words: ["完成"]),
            .init(band: "未完成", words: ["未完成"]),
        ]
        vocabulary.improvedBand = "完成"
        vocabulary.noIncidentBand = "完成"
        let parser = ValueParser(vocabulary: vocabulary)
        #expect(parser.parse("未完成") == .qualitative(.init(band: "未完成", word: "未完成")))
        #expect(parser.parse("提升") == .qualitative(.init(band: "完成", word: "提升", kind: .improved)))
        #expect(parser.parse("无") == .qualitative(.init(band: "完成", word: "无", kind: .noIncident)))
    }

    @Test func theStandardVocabularyIsConsistent() {
        let vocabulary = ValueVocabulary.standard
        let bandNames = vocabulary.bands.map(\.band)
        #expect(bandNames == ["达成", "部分达成", "未达成"])
        #expect(bandNames.contains(vocabulary.improvedBand))
        #expect(bandNames.contains(vocabulary.noIncidentBand))
        // Every comparator word reads as its own comparator, before or after a number.
        for comparator in ValueComparator.allCases {
            for word in vocabulary[comparator].before {
                let parsed = parser.parse("\(word)5%")
                guard case .quantity(let quantity) = parsed else {
                    Issue.record("\(word)5% → \(parsed)")
                    continue
                }
                #expect(quantity.comparator == comparator, "\(word)")
                #expect(quantity.isComparatorStated, "\(word)")
            }
            for word in vocabulary[comparator].after {
                let parsed = parser.parse("5%\(word)")
                guard case .quantity(let quantity) = parsed else {
                    Issue.record("5%\(word) → \(parsed)")
                    continue
                }
                #expect(quantity.comparator == comparator, "\(word)")
            }
        }
        // Every band word reads as its band on its own.
        for band in vocabulary.bands {
            for word in band.words {
                #expect(parser.parse(word) == .qualitative(.init(band: band.band, word: word)), "\(word)")
            }
        }
        for word in vocabulary.improved {
            #expect(parser.parse(word) == .qualitative(.init(band: "达成", word: word, kind: .improved)), "\(word)")
        }
        for word in vocabulary.noIncident {
            #expect(parser.parse(word) == .qualitative(.init(band: "达成", word: word, kind: .noIncident)), "\(word)")
        }
        for unit in vocabulary.countUnits {
            #expect(parser.parse("12 \(unit)").unit == .count(unit), "\(unit)")
        }
    }

    @Test(arguments: ParsedValue.Unscorable.Reason.allCases)
    func everyReasonHasBothLanguages(_ reason: ParsedValue.Unscorable.Reason) {
        for detail in ["", "未"] {
            let unscorable = ParsedValue.Unscorable(reason, detail: detail)
            #expect(unscorable.reason == reason)
            #expect(!unscorable.message.zh.isEmpty)
            #expect(!unscorable.message.en.isEmpty)
            let english = unscorable.message.text(Language.en)
            #expect(!detail.isEmpty || english.unicodeScalars.allSatisfy { !(0x4E00...0x9FFF).contains($0.value) })
        }
    }

    @Test func reasonsNameWhatWasNotRead() {
        guard case .unscorable(let unscorable) = parser.parse("5 abc") else {
            Issue.record("read")
            return
        }
        #expect(unscorable.message.zh.contains("abc"))
        #expect(unscorable.message.en.contains("abc"))
    }

    @Test func descriptions() {
        #expect("\(parser.parse("每日 0.8 条以上"))" == "≥ 0.8 条/日")
        #expect("\(parser.parse("500"))" == "(=) 500")
        #expect("\(parser.parse("28.00%"))" == "(=) 28.00%")
        #expect("\(parser.parse("90%-100%"))" == "90…100%")
        #expect("\(parser.parse("12月底前"))" == "date ≤ ?-12")
        #expect("\(parser.parse("≤1676.98万元"))" == "≤ 1676.98 万元")
        #expect("\(parser.parse("三个工作日内"))" == "within 3 个工作日")
        #expect("\(parser.parse("每月 10 号前"))" == "by day 10 of the month")
        #expect("\(parser.parse("完成目标"))" == "达成 (完成目标, achievement)")
    }

    /// The parser keeps recent readings in slots that many texts share: more texts than it has
    /// slots, read twice, are each read as themselves the second time too.
    @Test func keptReadingsBelongToTheirOwnTexts() {
        let texts = (0..<70_000).map { "\($0) 人" }
        let first = texts.map { parser.parse($0) }
        for (number, text) in texts.enumerated() {
            let again = parser.parse(text)
            #expect(again == first[number])
            guard case .quantity(let quantity) = again, quantity.amount == Fixed(number) else {
                Issue.record("\(text) read as \(again)")
                return
            }
        }
    }
}

