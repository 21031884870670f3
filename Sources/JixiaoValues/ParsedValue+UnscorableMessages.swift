import JixiaoBase

extension ParsedValue.Unscorable {
    /// The standard message for `reason`, naming `detail` (the word, unit or text concerned)
    /// when given.
    public init(_ reason: Reason, detail: String = "") {
        let zh = detail.isEmpty ? "" : "「\(detail)」"
        let en = detail.isEmpty ? "" : " “\(detail)”"
        let subject = detail.isEmpty ? "the text" : "“\(detail)”"
        let message: LocalizedText
        switch reason {
        case .empty:
            message = LocalizedText(zh: "空白或占位符，没有可读取的值", en: "blank or a placeholder; nothing to read")
        case .tooLong:
            message = LocalizedText(
                zh: "文字过长（超过 \(ValueParser.maximumLength) 字），不作解析",
                en: "text longer than \(ValueParser.maximumLength) characters; not read")
        case .unknownWords:
            message = LocalizedText(zh: "没有可识别的数值或用语\(zh)", en: "no number and no known word in\(en)")
        case .negated:
            message = LocalizedText(
                zh: "含否定或尚未实现的用语\(zh)，无法确定完成情况",
                en: "contains\(en), which denies or defers; completion cannot be read")
        case .contradictory:
            message = LocalizedText(zh: "用语相互矛盾\(zh)", en: "words that contradict each other\(en)")
        case .severalValues:
            message = LocalizedText(
                zh: "含多个数值\(zh)，无法确定哪一个是指标值", en: "several values\(en); cannot tell which one is meant")
        case .unknownUnit:
            message = LocalizedText(zh: "无法识别的单位\(zh)", en: "unknown unit\(en)")
        case .malformedNumber:
            message = LocalizedText(zh: "数字格式无法识别\(zh)", en: "malformed number\(en)")
        case .numberTooLarge:
            message = LocalizedText(
                zh: "数字超出可精确计算的范围（至多 \(ValueNumberScanner.maximumDigits) 位，不用科学计数法）\(zh)",
                en: "a number that cannot be held exactly (at most \(ValueNumberScanner.maximumDigits) digits, no scientific notation)\(en)")
        case .change:
            message = LocalizedText(zh: "\(zh)表示变化量而不是数值水平", en: "\(subject) states a change, not a level")
        case .approximate:
            message = LocalizedText(zh: "\(zh)表示约数，无法精确比较", en: "\(subject) makes the number approximate")
        case .rank:
            message = LocalizedText(zh: "\(zh)表示排名或序号", en: "\(subject) states a rank or an ordinal")
        case .invalidDate:
            message = LocalizedText(zh: "日期无法确定\(zh)", en: "the date cannot be read\(en)")
        case .invalidRange:
            message = LocalizedText(zh: "区间两端不一致\(zh)", en: "the ends of the range disagree\(en)")
        case .ambiguousTime:
            message = LocalizedText(zh: "时间表述无法确定\(zh)", en: "the time phrase is ambiguous\(en)")
        }
        self.init(reason, message)
    }
}
