import Foundation
import JixiaoBase
import JixiaoValues
import Testing

@Suite struct ValueUnitTests {
    @Test func moneyConverts() throws {
        let tenThousand = try #require(ValueUnit.named("万元"))
        let yuan = try #require(ValueUnit.named("元"))
        #expect(tenThousand == .tenThousandYuan)
        #expect(tenThousand.isConvertible(to: yuan))
        #expect(tenThousand.convert(ValueTestSupport.decimal("1614.46"), to: yuan) == ValueTestSupport.decimal("16144600"))
        #expect(yuan.convert(ValueTestSupport.decimal("12345"), to: tenThousand) == ValueTestSupport.decimal("1.2345"))
        #expect(ValueUnit.named("亿元")?.convert(1, to: tenThousand) == 10000)
    }

    @Test func countsConvertOnlyWithinTheirNoun() throws {
        let person = try #require(ValueUnit.named("人"))
        let visit = try #require(ValueUnit.named("人次"))
        let times = try #require(ValueUnit.named("次"))
        let tenThousandTimes = try #require(ValueUnit.named("万次"))
        #expect(!person.isConvertible(to: visit))
        #expect(person.convert(5, to: visit) == nil)
        #expect(!visit.isConvertible(to: times))
        #expect(tenThousandTimes.isConvertible(to: times))
        #expect(tenThousandTimes.convert(40, to: times) == 400_000)
        #expect(ValueUnit.named("万人次")?.isConvertible(to: visit) == true)
    }

    @Test func timeUnitsKeepTheirOwnSemantics() throws {
        let workingDay = try #require(ValueUnit.named("个工作日"))
        let day = try #require(ValueUnit.named("天"))
        let hour = try #require(ValueUnit.named("小时"))
        #expect(workingDay == .workingDay)
        #expect(!workingDay.isConvertible(to: day))
        #expect(!day.isConvertible(to: hour))
        #expect(ValueUnit.named("日")?.isConvertible(to: day) == true)
        #expect(ValueUnit.named("工作日")?.isConvertible(to: workingDay) == true)
    }

    @Test func lengthsAndAreas() throws {
        let metre = try #require(ValueUnit.named("米"))
        #expect(ValueUnit.named("厘米")?.convert(150, to: metre) == ValueTestSupport.decimal("1.5"))
        #expect(ValueUnit.named("km")?.convert(2, to: metre) == 2000)
        let squareMetre = try #require(ValueUnit.named("平方米"))
        #expect(ValueUnit.named("㎡")?.isConvertible(to: squareMetre) == true)
        #expect(ValueUnit.named("万平方米")?.convert(ValueTestSupport.decimal("1.5"), to: squareMetre) == 15000)
        #expect(!metre.isConvertible(to: squareMetre))
    }

    @Test func percentIsItsOwnDimension() throws {
        let percent = try #require(ValueUnit.named("％"))
        #expect(percent == .percent)
        #expect(percent.dimension == .percent)
        #expect(ValueUnit.named("‰")?.convert(5, to: percent) == ValueTestSupport.decimal("0.5"))
        #expect(ValueUnit.named("个百分点")?.isConvertible(to: percent) == false)
        #expect(!percent.isConvertible(to: .count("个")))
    }

    @Test func unknownSymbols() {
        #expect(ValueUnit.named("倍") == nil)
        #expect(ValueUnit.named("") == nil)
        #expect(ValueUnit.named("万元x") == nil)
    }

    @Test func countUnitsComeFromTheVocabulary() {
        var vocabulary = ValueVocabulary.standard
        #expect(ValueUnit.named("车", vocabulary: vocabulary) == nil)
        vocabulary.countUnits.append("车")
        #expect(ValueUnit.named("车", vocabulary: vocabulary) == .count("车"))
        #expect(ValueUnit.named("万车", vocabulary: vocabulary)?.factor == 10000)
    }
}
