import Foundation
import JixiaoBase
import JixiaoValues
import Testing

/// Real 年度指标值 / 实际完成值 strings and their exact readings. Run one group with
/// `swift test --filter ValueParserTableTests`.
@Suite struct ValueParserTableTests {
    static let parser = ValueParser()

    /// DOMAIN.md §4, verbatim.
    static let domain: [ValueCase] = [
        ValueCase("224 人次", .bare("224", "人次")),
        ValueCase("≥ 100%", .quantity(.atLeast, "100", "%")),
        ValueCase("参加率达 ≥ 100%", .quantity(.atLeast, "100", "%")),
        ValueCase("≤1676.98万元", .quantity(.atMost, "1676.98", "万元")),
        ValueCase("≦232 万元", .quantity(.atMost, "232", "万元")),
        ValueCase("2 次以上", .quantity(.atLeast, "2", "次")),
        ValueCase("不少于150篇", .quantity(.atLeast, "150", "篇")),
        ValueCase("95%以上", .quantity(.atLeast, "95", "%")),
        ValueCase("99%以上", .quantity(.atLeast, "99", "%")),
        ValueCase("每日 0.8 条以上", .quantity(.atLeast, "0.8", "条", per: "日")),
        ValueCase(">60%", .quantity(.moreThan, "60", "%")),
        ValueCase("40 万次", .bare("40", "万次")),
        ValueCase("500", .bare("500")),
        ValueCase("0.8", .bare("0.8")),
        ValueCase("每月 10 号前发放到位", .dayOfMonth(10)),
        ValueCase("2021 年 12", .date(year: 2021, month: 12)),
        ValueCase("5 个工作日、7 天回复", .unscorable(.severalValues)),
        ValueCase("得分全省排名提升", .improved("提升")),
        ValueCase("无老干部上访事件", .noIncident("无")),
        ValueCase("按目标完成", .achieved("按目标完成")),
        ValueCase("严格落实制度", .achieved("严格落实制度")),
        ValueCase("完成", .achieved("完成")),
        ValueCase("完成目标", .achieved("完成目标")),
        ValueCase("已完成每日 0.8 条以上", .quantity(.atLeast, "0.8", "条", per: "日")),
        ValueCase("按时发放", .achieved("按时发放")),
        ValueCase("无", .noIncident("无")),
        ValueCase("提升", .improved("提升")),
        ValueCase("2021年12月", .date(year: 2021, month: 12)),
        ValueCase("1614.46万元", .bare("1614.46", "万元")),
        ValueCase("28.00%", .bare("28.00", "%")),
    ]

    /// Seed 000 (株洲市行业办公室, 2024): every target and actual of the indicator table.
    static let seed000: [ValueCase] = [
        ValueCase("12 次", .bare("12", "次")),
        ValueCase("2 次", .bare("2", "次")),
        ValueCase("224 人", .bare("224", "人")),
        ValueCase("100%", .bare("100", "%")),
        ValueCase("抚恤金资料三个工作日内上报，指标到位三日内拨付", .unscorable(.severalValues)),
        ValueCase("按时申报和拨付去世老干部的抚恤金", .achieved("按时")),
        ValueCase("每月中旬", .unscorable(.unknownWords)),
        ValueCase("按时开展活动", .achieved("按时")),
        ValueCase("网上正能量发帖宣传不少于150篇", .quantity(.atLeast, "150", "篇")),
        ValueCase("达到预期目标", .achieved("达到预期目标")),
        ValueCase("做好本单位离退休老干部服务工作及政府交办其他中心工作", .unscorable(.unknownWords)),
    ]

    /// Seed 002 (株洲市人民政府办公室, 2024): department table and two project tables, with the
    /// PDF's line breaks inside cells (`整合全市热 线平台`).
    static let seed002: [ValueCase] = [
        ValueCase("600", .bare("600")),
        ValueCase("获得全省政务信息工作先进单位", .unscorable(.unknownWords)),
        ValueCase("较上年减少办公开支", .unscorable(.unknownWords)),
        ValueCase("100", .bare("100")),
        ValueCase("95", .bare("95")),
        ValueCase("99", .bare("99")),
        ValueCase("10", .bare("10")),
        ValueCase("整合全市热 线平台，增 加了台席。", .unscorable(.unknownWords)),
        ValueCase("无错误", .noIncident("无")),
        ValueCase("规定时间内公开", .unscorable(.unknownWords)),
        ValueCase("已完成规定时间内公开", .achieved("已完成")),
        ValueCase("覆盖面扩 大", .improved("扩大")),
        ValueCase("已完成", .achieved("已完成")),
        ValueCase("办复率、满 意率 98% 以上", .quantity(.atLeast, "98", "%")),
        ValueCase("购买服务 总量", .unscorable(.unknownWords)),
        ValueCase("总成本已", .unscorable(.unknownWords)),
        ValueCase("100.00%", .bare("100.00", "%")),
        ValueCase("96.81%", .bare("96.81", "%")),
        ValueCase("保障热线运行", .unscorable(.unknownWords)),
        ValueCase("保障政府门户网站运转。", .unscorable(.unknownWords)),
        ValueCase("实现12345 “一号通” 降低全市相关热线总体费用", .unscorable(.change)),
    ]

    /// Seed 003 (市委老干部局, 2021): the space-separated rows, cut into their cells.
    static let seed003: [ValueCase] = [
        ValueCase("10 家", .bare("10", "家")),
        ValueCase("210 人", .bare("210", "人")),
        ValueCase("90", .bare("90")),
        ValueCase("220 篇", .bare("220", "篇")),
        ValueCase("227", .bare("227")),
        ValueCase("350 人次", .bare("350", "人次")),
        ValueCase("529", .bare("529")),
        ValueCase("20 户", .bare("20", "户")),
        ValueCase("27", .bare("27")),
        ValueCase("100 人次", .bare("100", "人次")),
        ValueCase("85", .bare("85")),
        ValueCase("103", .bare("103")),
        ValueCase("232 万元", .bare("232", "万元")),
        ValueCase("75%", .bare("75", "%")),
        ValueCase("98%", .bare("98", "%")),
        ValueCase("96.3%", .bare("96.3", "%")),
    ]

    /// Comparator words before and after the number, from the rubric's vocabulary.
    static let comparators: [ValueCase] = [
        ValueCase("不低于95%", .quantity(.atLeast, "95", "%")),
        ValueCase("至少 3 次", .quantity(.atLeast, "3", "次")),
        ValueCase("达 100%", .quantity(.atLeast, "100", "%")),
        ValueCase("达到 90%", .quantity(.atLeast, "90", "%")),
        ValueCase("≧95％", .quantity(.atLeast, "95", "%")),
        ValueCase(">= 90%", .quantity(.atLeast, "90", "%")),
        ValueCase("> = 90%", .quantity(.atLeast, "90", "%")),
        ValueCase("95%及以上", .quantity(.atLeast, "95", "%")),
        ValueCase("100%（含）以上", .quantity(.atLeast, "100", "%")),
        ValueCase("50%以上（含）", .quantity(.atLeast, "50", "%")),
        ValueCase("≥ 3 项", .quantity(.atLeast, "3", "项")),
        ValueCase("3 项以上", .quantity(.atLeast, "3", "项")),
        ValueCase("不少于 5 场", .quantity(.atLeast, "5", "场")),
        ValueCase("满意度≥90分", .quantity(.atLeast, "90", "分")),
        ValueCase("满意度提高至 95%", .quantity(.atLeast, "95", "%")),
        ValueCase("成本降低率 ≥ 5%", .quantity(.atLeast, "5", "%")),
        ValueCase("大于 80%", .quantity(.moreThan, "80", "%")),
        ValueCase("超过 50 人", .quantity(.moreThan, "50", "人")),
        ValueCase("控制在 50 万元以内", .quantity(.atMost, "50", "万元")),
        ValueCase("不超过 10 万元", .quantity(.atMost, "10", "万元")),
        ValueCase("不高于 5%", .quantity(.atMost, "5", "%")),
        ValueCase("5%以下", .quantity(.atMost, "5", "%")),
        ValueCase("≤ 1%", .quantity(.atMost, "1", "%")),
        ValueCase("公务接待费控制在 2 万元以内", .quantity(.atMost, "2", "万元")),
        ValueCase("<5%", .quantity(.lessThan, "5", "%")),
        ValueCase("小于 5%", .quantity(.lessThan, "5", "%")),
        ValueCase("低于 3%", .quantity(.lessThan, "3", "%")),
        ValueCase("不足 10 人", .quantity(.lessThan, "10", "人")),
        ValueCase("=100%", .quantity(.equal, "100", "%")),
        ValueCase("等于 0 起", .quantity(.equal, "0", "起")),
        ValueCase("送达率 100%", .bare("100", "%")),
        ValueCase("完成率 98%", .bare("98", "%")),
        ValueCase("已完成 98%", .bare("98", "%")),
        ValueCase("98% 满意", .bare("98", "%")),
        ValueCase("信访回复率 100%", .bare("100", "%")),
        ValueCase("10 万元（含）以内", .quantity(.atMost, "10", "万元")),
        ValueCase("省级以上媒体刊发 ≥ 5 篇", .quantity(.atLeast, "5", "篇")),
        ValueCase("达到预期目标，满意度 98%", .bare("98", "%")),
        ValueCase("及时率 100%", .bare("100", "%")),
    ]

    /// Units, money, counts, rates per period.
    static let units: [ValueCase] = [
        ValueCase("5000 元", .bare("5000", "元")),
        ValueCase("≥100百分比", .quantity(.atLeast, "100", "%")),
        ValueCase("1.5 亿元", .bare("1.5", "亿元")),
        ValueCase("1,614.46万元", .bare("1614.46", "万元")),
        ValueCase("12,345 元", .bare("12345", "元")),
        ValueCase("40万人次", .bare("40", "万人次")),
        ValueCase("100 万", .bare("100", "万")),
        ValueCase("500 份", .bare("500", "份")),
        ValueCase("100 所", .bare("100", "所")),
        ValueCase("10 期", .bare("10", "期")),
        ValueCase("3 件", .bare("3", "件")),
        ValueCase("8 个", .bare("8", "个")),
        ValueCase("15 条", .bare("15", "条")),
        ValueCase("0 起", .bare("0", "起")),
        ValueCase("1000 米", .bare("1000", "米")),
        ValueCase("20 厘米", .bare("20", "厘米")),
        ValueCase("1000 平方米", .bare("1000", "平方米")),
        ValueCase("1.5 万平方米", .bare("1.5", "万平方米")),
        ValueCase("50 ㎡", .bare("50", "㎡")),
        ValueCase("50 m2", .bare("50", "m2")),
        ValueCase("5 kg", .bare("5", "kg")),
        ValueCase("3 吨", .bare("3", "吨")),
        ValueCase("30 天", .bare("30", "天")),
        ValueCase("3 年", .bare("3", "年")),
        ValueCase("24 小时在岗", .bare("24", "小时")),
        ValueCase("2 个百分点", .bare("2", "个百分点")),
        ValueCase("0.8 条/日", .bare("0.8", "条", per: "日")),
        ValueCase("2 次/年", .bare("2", "次", per: "年")),
        ValueCase("5000 元/人", .bare("5000", "元", per: "人")),
        ValueCase("每年 2 次", .bare("2", "次", per: "年")),
        ValueCase("每季度 1 次", .bare("1", "次", per: "季度")),
        ValueCase("人均 2 次", .bare("2", "次", per: "人")),
        ValueCase("每半年 1 次", .bare("1", "次", per: "半年")),
        ValueCase("≥1次/月", .quantity(.atLeast, "1", "次", per: "月")),
        ValueCase("月均 10 条以上", .quantity(.atLeast, "10", "条", per: "月")),
        ValueCase("两次", .bare("2", "次")),
        ValueCase("三次以上", .quantity(.atLeast, "3", "次")),
        ValueCase("百分之九十五", .bare("95", "%")),
        ValueCase("百分之百", .bare("100", "%")),
    ]

    /// Full-width digits and signs, spaces inside numbers and units, printed decimals.
    static let printing: [ValueCase] = [
        ValueCase("１００％", .bare("100", "%")),
        ValueCase("＞６０％", .quantity(.moreThan, "60", "%")),
        ValueCase("９５．５％", .bare("95.5", "%")),
        ValueCase("１,６１４.４６万元", .bare("1614.46", "万元")),
        ValueCase("≦２３２万元", .quantity(.atMost, "232", "万元")),
        ValueCase("100 %", .bare("100", "%")),
        ValueCase("98 % 以上", .quantity(.atLeast, "98", "%")),
        ValueCase("40 万 次", .bare("40", "万次")),
        ValueCase("5 个 工 作 日", .within("5", "个工作日")),
        ValueCase("0. 8", .bare("0.8")),
        ValueCase("1.50", .bare("1.50")),
        ValueCase("00", .bare("0")),
        ValueCase("3.14", .bare("3.14")),
        ValueCase("-5%", .bare("-5", "%")),
        ValueCase("≥ -5%", .quantity(.atLeast, "-5", "%")),
        ValueCase("　９８％　", .bare("98", "%")),
        ValueCase("98%。", .bare("98", "%")),
        ValueCase("1 614.46", .unscorable(.severalValues)),
        ValueCase("10 100", .unscorable(.severalValues)),
        ValueCase("1，614.46", .unscorable(.severalValues)),
        ValueCase("1,2.3", .unscorable(.severalValues)),
        ValueCase("1234,567", .unscorable(.malformedNumber)),
        ValueCase(".5", .unscorable(.malformedNumber)),
        ValueCase("12345678901234567890", .unscorable(.numberTooLarge)),
        ValueCase("99999999999999999999999999999 户", .unscorable(.numberTooLarge)),
        ValueCase("≥ 1e308 人次", .unscorable(.numberTooLarge)),
        ValueCase("2.5E-3", .unscorable(.numberTooLarge)),
    ]

    /// Ranges.
    static let ranges: [ValueCase] = [
        ValueCase("90%-100%", .range("90", "100", "%")),
        ValueCase("90～100%", .range("90", "100", "%")),
        ValueCase("90%~100%", .range("90", "100", "%")),
        ValueCase("90—100%", .range("90", "100", "%")),
        ValueCase("10-20 万元", .range("10", "20", "万元")),
        ValueCase("10 万元-20 万元", .range("10", "20", "万元")),
        ValueCase("10 至 20 人", .range("10", "20", "人")),
        ValueCase("90-100 分", .range("90", "100", "分")),
        ValueCase("1-3 个工作日", .range("1", "3", "个工作日")),
        ValueCase("95%-100%之间", .range("95", "100", "%")),
        ValueCase("90%-100 人", .unscorable(.invalidRange)),
        ValueCase("100-90%", .unscorable(.invalidRange)),
        ValueCase("9000元-1万元", .unscorable(.invalidRange)),
        ValueCase("≥90-100%", .unscorable(.contradictory)),
        ValueCase("2021-2022", .unscorable(.invalidDate)),
        ValueCase("2021年-2022年", .unscorable(.invalidDate)),
    ]

    /// Dates.
    static let dates: [ValueCase] = [
        ValueCase("2021年", .date(year: 2021)),
        ValueCase("2021 年度", .date(year: 2021)),
        ValueCase("2021年12月31日", .date(year: 2021, month: 12, day: 31)),
        ValueCase("2021年12月31日前", .date(.atMost, year: 2021, month: 12, day: 31)),
        ValueCase("2021年12月底", .date(year: 2021, month: 12)),
        ValueCase("2021年12月底前完成", .date(.atMost, year: 2021, month: 12)),
        ValueCase("12月底前", .date(.atMost, month: 12)),
        ValueCase("12月", .date(month: 12)),
        ValueCase("6 月 30 日前", .date(.atMost, month: 6, day: 30)),
        ValueCase("2021.12", .date(year: 2021, month: 12)),
        ValueCase("2021.5", .date(year: 2021, month: 5)),
        ValueCase("2021.12.31", .date(year: 2021, month: 12, day: 31)),
        ValueCase("2021-12-31", .date(year: 2021, month: 12, day: 31)),
        ValueCase("2021/12/31", .date(year: 2021, month: 12, day: 31)),
        ValueCase("2021-12", .date(year: 2021, month: 12)),
        ValueCase("2021/12", .date(year: 2021, month: 12)),
        ValueCase("不晚于2021年12月", .date(.atMost, year: 2021, month: 12)),
        ValueCase("2022年1月以后", .date(.atLeast, year: 2022, month: 1)),
        ValueCase("二〇二一年十二月", .date(year: 2021, month: 12)),
        ValueCase("十二月三十一日", .date(month: 12, day: 31)),
        ValueCase("2024年2月29日", .date(year: 2024, month: 2, day: 29)),
        ValueCase("2021.13", .bare("2021.13")),
        ValueCase("1999.5", .bare("1999.5")),
        ValueCase("2月30日", .unscorable(.invalidDate)),
        ValueCase("2023年2月29日", .unscorable(.invalidDate)),
        ValueCase("12月中旬", .unscorable(.invalidDate)),
        ValueCase("2021年12个月", .unscorable(.invalidDate)),
        ValueCase("2021年1月-12月", .unscorable(.severalValues)),
    ]

    /// Deadlines.
    static let deadlines: [ValueCase] = [
        ValueCase("5 个工作日", .within("5", "个工作日")),
        ValueCase("三个工作日内", .within("3", "个工作日")),
        ValueCase("≤5个工作日", .within("5", "个工作日")),
        ValueCase("不超过 3 个工作日", .within("3", "个工作日")),
        ValueCase("5个工作日内办结", .within("5", "个工作日")),
        ValueCase("十五天内", .within("15", "天")),
        ValueCase("30 天内", .within("30", "天")),
        ValueCase("三日内", .within("3", "日")),
        ValueCase("24 小时内", .within("24", "小时")),
        ValueCase("3 个月内", .within("3", "个月")),
        ValueCase("每月 10 号前", .dayOfMonth(10)),
        ValueCase("每月10日", .dayOfMonth(10)),
        ValueCase("每月 5 日前发放", .dayOfMonth(5)),
        ValueCase("10 号前", .dayOfMonth(10)),
        ValueCase("次月 10 号前", .dayOfMonth(10)),
        ValueCase("≥ 5 个工作日", .quantity(.atLeast, "5", "个工作日")),
        ValueCase("10 日前", .unscorable(.ambiguousTime)),
        ValueCase("10 号", .unscorable(.ambiguousTime)),
        ValueCase("10 天前", .unscorable(.ambiguousTime)),
        ValueCase("每月 32 号前", .unscorable(.invalidDate)),
        ValueCase("每月 5 个工作日内", .unscorable(.ambiguousTime)),
        ValueCase("每季度首月 10 日前", .unscorable(.ambiguousTime)),
    ]

    /// Qualitative texts.
    static let qualitative: [ValueCase] = [
        ValueCase("全部完成", .achieved("全部完成")),
        ValueCase("圆满完成", .achieved("圆满完成")),
        ValueCase("达成", .achieved("达成")),
        ValueCase("已达标", .achieved("已达标")),
        ValueCase("按时完成", .achieved("按时完成")),
        ValueCase("一次性发放到位", .achieved("到位")),
        ValueCase("满意", .achieved("满意")),
        ValueCase("十分满意", .achieved("满意")),
        ValueCase("合格", .achieved("合格")),
        ValueCase("“完成”", .achieved("完成")),
        ValueCase("无上访事件，完成目标", .noIncident("无")),
        ValueCase("部分完成", .band("部分达成", "部分完成")),
        ValueCase("基本完成", .band("部分达成", "基本完成")),
        ValueCase("基本满意", .band("部分达成", "基本满意")),
        ValueCase("未完成", .band("未达成", "未完成")),
        ValueCase("尚未完成", .band("未达成", "尚未完成")),
        ValueCase("未能完成", .band("未达成", "未能完成")),
        ValueCase("未达到预期目标", .band("未达成", "未达到")),
        ValueCase("不满意", .band("未达成", "不满意")),
        ValueCase("不合格", .band("未达成", "不合格")),
        ValueCase("未按时发放", .band("未达成", "未按时")),
        ValueCase("显著提升", .improved("显著提升")),
        ValueCase("有所提升", .improved("有所提升")),
        ValueCase("服务质量明显改善", .improved("明显改善")),
        ValueCase("不断提升", .improved("不断提升")),
        ValueCase("零投诉", .noIncident("零")),
        ValueCase("全年无安全事故", .noIncident("无")),
        ValueCase("安全事故未发生", .noIncident("未发生")),
        ValueCase("杜绝安全事故", .noIncident("杜绝")),
    ]

    /// Texts that must not be read, and why.
    static let unreadable: [ValueCase] = [
        ValueCase("", .unscorable(.empty)),
        ValueCase("   ", .unscorable(.empty)),
        ValueCase("/", .unscorable(.empty)),
        ValueCase("—", .unscorable(.empty)),
        ValueCase("——", .unscorable(.empty)),
        ValueCase("……", .unscorable(.empty)),
        ValueCase("暂无", .unscorable(.unknownWords)),
        ValueCase("无偿服务", .unscorable(.unknownWords)),
        ValueCase("一人一策", .unscorable(.unknownWords)),
        ValueCase("两个维护", .unscorable(.unknownWords)),
        ValueCase("第一季度", .unscorable(.unknownWords)),
        ValueCase("信息准确", .unscorable(.unknownWords)),
        ValueCase("无法完成", .unscorable(.negated)),
        ValueCase("计划年底前完成", .unscorable(.negated)),
        ValueCase("力争完成", .unscorable(.negated)),
        ValueCase("有待提升", .unscorable(.negated)),
        ValueCase("未提升", .unscorable(.negated)),
        ValueCase("未达到 95%", .unscorable(.negated)),
        ValueCase("已完成，但部分未完成", .unscorable(.contradictory)),
        ValueCase("提升，未完成", .unscorable(.contradictory)),
        ValueCase("完成率 98%，基本完成", .unscorable(.contradictory)),
        ValueCase("≥ 100% ≤ 120%", .unscorable(.severalValues)),
        ValueCase("≥90%且≤100%", .unscorable(.severalValues)),
        ValueCase("7×24 小时", .unscorable(.severalValues)),
        ValueCase("1/3", .unscorable(.severalValues)),
        ValueCase("一人一策 100%，二人 2 次", .unscorable(.severalValues)),
        ValueCase("95%，较上年提高", .unscorable(.change)),
        ValueCase("较上年提高 5%", .unscorable(.change)),
        ValueCase("同比增长 10%", .unscorable(.change)),
        ValueCase("降低 5%", .unscorable(.change)),
        ValueCase("+5%", .unscorable(.change)),
        ValueCase("约 500 人", .unscorable(.approximate)),
        ValueCase("100 余人", .unscorable(.approximate)),
        ValueCase("100多人", .unscorable(.approximate)),
        ValueCase("500 人左右", .unscorable(.approximate)),
        ValueCase("±5%", .unscorable(.approximate)),
        ValueCase("排名前 10", .unscorable(.rank)),
        ValueCase("全省第 1", .unscorable(.rank)),
        ValueCase("前 3 名", .unscorable(.rank)),
        ValueCase("第3名", .unscorable(.rank)),
        ValueCase("2 倍", .unscorable(.unknownUnit)),
        ValueCase("5 abc", .unscorable(.unknownUnit)),
        ValueCase("100 完成", .unscorable(.unknownUnit)),
        ValueCase("每个单位 2 次", .unscorable(.ambiguousTime)),
        ValueCase("≥ 参加率 100%", .unscorable(.contradictory)),
        ValueCase(">60%以上", .unscorable(.contradictory)),
        ValueCase("10 万元，以内", .unscorable(.contradictory)),
        ValueCase("不少于上年 95%", .unscorable(.contradictory)),
        ValueCase("2000 元/人/年", .unscorable(.severalValues)),
        ValueCase("2000 元/人·年", .unscorable(.severalValues)),
        ValueCase(String(repeating: "完成", count: 300), .unscorable(.tooLong)),
    ]

    static var all: [ValueCase] {
        domain + seed000 + seed002 + seed003 + comparators + units + printing + ranges + dates + deadlines
            + qualitative + unreadable
    }

    @Test func tableIsLargeAndHasNoDuplicates() {
        #expect(Self.all.count >= 150)
        let texts = Self.all.map(\.text)
        #expect(Set(texts).count == texts.count, "duplicate rows")
    }

    @Test(arguments: domain) func domainStrings(_ row: ValueCase) { check(row) }
    @Test(arguments: seed000) func seed000Strings(_ row: ValueCase) { check(row) }
    @Test(arguments: seed002) func seed002Strings(_ row: ValueCase) { check(row) }
    @Test(arguments: seed003) func seed003Strings(_ row: ValueCase) { check(row) }
    @Test(arguments: comparators) func comparatorWords(_ row: ValueCase) { check(row) }
    @Test(arguments: units) func unitsAndPeriods(_ row: ValueCase) { check(row) }
    @Test(arguments: printing) func printedForms(_ row: ValueCase) { check(row) }
    @Test(arguments: ranges) func rangeStrings(_ row: ValueCase) { check(row) }
    @Test(arguments: dates) func dateStrings(_ row: ValueCase) { check(row) }
    @Test(arguments: deadlines) func deadlineStrings(_ row: ValueCase) { check(row) }
    @Test(arguments: qualitative) func qualitativeStrings(_ row: ValueCase) { check(row) }
    @Test(arguments: unreadable) func unscorableStrings(_ row: ValueCase) { check(row) }

    private func check(_ row: ValueCase, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let parsed = Self.parser.parse(row.text)
        #expect(
            row.expected.matches(parsed), "\(row.text) → \(parsed), expected \(row.expected)",
            sourceLocation: sourceLocation)
    }
}
