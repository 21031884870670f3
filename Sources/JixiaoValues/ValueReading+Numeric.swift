import JixiaoBase

/// What stands before a number: a label, comparator words, a period, a sign.
struct ValuePrefix {
    /// The text left once comparators and periods are taken off the end; ignored if harmless.
    var label: Range<Int>
    var comparators: [ValueComparator] = []
    var per: String?
    var negative = false
    /// 百分之 stood right before the number.
    var percentOf = false
}

extension ValueReading {
    /// Reads a text holding numbers: one clause may hold them, and it must hold one value.
    func numeric() throws(Stop) -> ParsedValue {
        let clauses = clauses()
        let numbered = clauses.filter { clause in numbers.contains { clause.contains($0.start) } }
        guard numbered.count == 1, let clause = numbered.first else {
            throw Stop(.severalValues, text(0..<chars.count))
        }
        for other in clauses where other != clause {
            try checkResidual(other)
        }
        let inClause = numbers.filter { clause.contains($0.start) }
        switch inClause.count {
        case 1: return try single(inClause[0], in: clause)
        case 2: return try pair(inClause[0], inClause[1], in: clause)
        case 3: return try triple(inClause[0], inClause[1], inClause[2], in: clause)
        default: throw Stop(.severalValues, text(clause))
        }
    }

    // MARK: One number

    private func single(_ number: ValueNumber, in clause: Range<Int>) throws(Stop) -> ParsedValue {
        let prefix = try readPrefix(from: clause.lowerBound, to: number.start)
        let end = clause.upperBound
        var position = number.end

        if let month = dottedMonth(number), !prefix.negative, !prefix.percentOf,
            index.units.longestMatch(in: chars, at: position, upTo: end) == nil
        {
            return try finishDate(
                ParsedValue.DateValue(year: number.integerPart, month: month), prefix, from: position, in: clause)
        }
        if number.isInteger, !prefix.negative, !prefix.percentOf, position < end {
            switch chars[position] {
            case "年" where number.isYearLike:
                position += 1
                if starts(with: "度", at: position, before: end) { position += 1 }
                return try finishDate(
                    ParsedValue.DateValue(year: number.integerPart), prefix, from: position, in: clause)
            case "月" where (1...12).contains(number.integerPart) && !number.isGrouped:
                position += 1
                if starts(with: "份", at: position, before: end) { position += 1 }
                return try finishDate(
                    ParsedValue.DateValue(month: number.integerPart), prefix, from: position, in: clause)
            case "号":
                return try dayOfMonth(number, prefix, from: position + 1, in: clause, writtenHao: true)
            case "日" where prefix.per == "月":
                return try dayOfMonth(number, prefix, from: position + 1, in: clause, writtenHao: false)
            default:
                break
            }
        }

        var unit: ValueUnit? = prefix.percentOf ? .percent : nil
        if !prefix.percentOf, let match = index.units.longestMatch(in: chars, at: position, upTo: end) {
            unit = match.tag
            position += match.length
        } else if !prefix.percentOf, readsUnlistedUnits, let word = try unlistedUnit(at: position, before: end) {
            unit = .count(text(word))
            position = word.upperBound
        }
        let per = try readPer(prefix.per, at: &position, before: end)
        try checkApproximate(after: position, before: end)
        if unit == nil, position < end, ValueTextNormalizer.isLetter(chars[position]),
            index.comparatorsAfter.longestMatch(in: chars, at: position, upTo: end) == nil
        {
            throw Stop(.unknownUnit, unknownUnitText(at: position, before: end))
        }
        var comparators = prefix.comparators
        while let match = index.comparatorsAfter.longestMatch(in: chars, at: position, upTo: end) {
            comparators.append(match.tag)
            position += match.length
        }
        let comparator = try agreed(comparators, clause)
        if let word = firstWord(Self.timeWords, at: position, before: end) {
            throw Stop(.ambiguousTime, text(number.start..<(position + word.length)))
        }
        try checkLabel(prefix.label)
        try checkTrailing(position..<end)

        let amount = prefix.negative ? -number.value : number.value
        if let unit, unit.dimension == .time,
            comparator == .atMost || (comparator == nil && unit.base == "个工作日")
        {
            guard per == nil, !prefix.negative else { throw Stop(.ambiguousTime, text(clause)) }
            return .deadline(.within(amount: amount, decimals: number.decimals, unit: unit))
        }
        return .quantity(
            ParsedValue.Quantity(
                comparator ?? .equal, amount, decimals: number.decimals, unit: unit, per: per,
                isComparatorStated: comparator != nil))
    }

    /// `每月 10 号前`, `每月 5 日`, `10 号前`: a day of the month.
    private func dayOfMonth(
        _ number: ValueNumber, _ prefix: ValuePrefix, from start: Int, in clause: Range<Int>, writtenHao: Bool
    ) throws(Stop) -> ParsedValue {
        guard let day = number.wholeValue, (1...31).contains(day) else {
            throw Stop(.invalidDate, text(clause))
        }
        var position = start
        var by = false
        if let word = firstWord(["之前", "以前", "以内", "之内", "前", "内"], at: position, before: clause.upperBound) {
            by = true
            position += word.length
        }
        guard prefix.per == "月" || (prefix.per == nil && writtenHao && by) else {
            throw Stop(.ambiguousTime, text(clause))
        }
        guard prefix.comparators.allSatisfy({ $0 == .atMost }) else {
            throw Stop(.contradictory, text(clause))
        }
        try checkLabel(prefix.label)
        try checkTrailing(position..<clause.upperBound)
        return .deadline(.dayOfMonth(day))
    }

    /// `2021.12` (year 2000–2099, month written with one or two digits): the month, else nil.
    private func dottedMonth(_ number: ValueNumber) -> Int? {
        guard !number.isChinese, !number.isGrouped, number.integerDigits == 4,
            (2000...2099).contains(number.integerPart), (1...2).contains(number.decimals)
        else { return nil }
        return (1...12).contains(number.fractionPart) ? number.fractionPart : nil
    }

    // MARK: Two and three numbers

    private func pair(_ first: ValueNumber, _ second: ValueNumber, in clause: Range<Int>) throws(Stop) -> ParsedValue {
        let prefix = try readPrefix(from: clause.lowerBound, to: first.start)
        let between = first.end..<second.start
        let end = clause.upperBound

        if first.isYearLike, holds("年", in: between), let month = second.wholeValue, (1...12).contains(month),
            !prefix.negative, !prefix.percentOf
        {
            var position = second.end
            if starts(with: "月", at: position, before: end) {
                position += 1
                if starts(with: "份", at: position, before: end) { position += 1 }
            } else if position < end, ValueTextNormalizer.isLetter(chars[position]) {
                throw Stop(.invalidDate, text(clause))
            }
            return try finishDate(
                ParsedValue.DateValue(year: first.integerPart, month: month), prefix, from: position, in: clause)
        }
        if let month = first.wholeValue, (1...12).contains(month), holds("月", in: between),
            let day = second.wholeValue, second.end < end, chars[second.end] == "日" || chars[second.end] == "号",
            !prefix.negative, !prefix.percentOf
        {
            return try finishDate(
                ParsedValue.DateValue(month: month, day: day), prefix, from: second.end + 1, in: clause)
        }
        if first.isYearLike, holds("-", in: between) || holds("/", in: between), let month = second.wholeValue,
            (1...12).contains(month), !prefix.negative, !prefix.percentOf,
            index.units.longestMatch(in: chars, at: second.end, upTo: end) == nil
        {
            return try finishDate(
                ParsedValue.DateValue(year: first.integerPart, month: month), prefix, from: second.end, in: clause)
        }
        return try range(first, second, prefix, in: clause)
    }

    private func range(
        _ first: ValueNumber, _ second: ValueNumber, _ prefix: ValuePrefix, in clause: Range<Int>
    ) throws(Stop) -> ParsedValue {
        let end = clause.upperBound
        var position = first.end
        var lowerUnit: ValueUnit?
        if let match = index.units.longestMatch(in: chars, at: position, upTo: second.start) {
            lowerUnit = match.tag
            position += match.length
        }
        let separator = position..<second.start
        guard ["-", "--", "~", "~~", "至", "到"].contains(where: { holds($0, in: separator) }) else {
            if lowerUnit == nil, position < second.start, ValueTextNormalizer.isLetter(chars[position]),
                chars[position] != "至", chars[position] != "到"
            {
                throw Stop(.unknownUnit, unknownUnitText(at: position, before: second.start))
            }
            throw Stop(.severalValues, text(clause))
        }
        guard prefix.comparators.isEmpty else { throw Stop(.contradictory, text(clause)) }
        guard !prefix.negative, !prefix.percentOf else { throw Stop(.invalidRange, text(clause)) }
        position = second.end
        var upperUnit: ValueUnit?
        if let match = index.units.longestMatch(in: chars, at: position, upTo: end) {
            upperUnit = match.tag
            position += match.length
        }
        if lowerUnit != nil, lowerUnit != upperUnit {
            throw Stop(.invalidRange, text(clause))
        }
        if first.isYearLike, upperUnit == nil || upperUnit?.dimension == .time {
            throw Stop(.invalidDate, text(clause))
        }
        let per = try readPer(prefix.per, at: &position, before: end)
        try checkApproximate(after: position, before: end)
        if upperUnit == nil, position < end, ValueTextNormalizer.isLetter(chars[position]),
            index.comparatorsAfter.longestMatch(in: chars, at: position, upTo: end) == nil,
            firstWord(["之间", "范围内", "区间"], at: position, before: end) == nil
        {
            throw Stop(.unknownUnit, unknownUnitText(at: position, before: end))
        }
        if let word = firstWord(["之间", "范围内", "区间内", "区间"], at: position, before: end) {
            position += word.length
        }
        if index.comparatorsAfter.longestMatch(in: chars, at: position, upTo: end) != nil {
            throw Stop(.contradictory, text(clause))
        }
        try checkLabel(prefix.label)
        try checkTrailing(position..<end)
        guard first.value <= second.value else { throw Stop(.invalidRange, text(clause)) }
        return .range(
            ParsedValue.QuantityRange(
                lower: first.value, lowerDecimals: first.decimals, upper: second.value,
                upperDecimals: second.decimals, unit: upperUnit, per: per))
    }

    private func triple(
        _ first: ValueNumber, _ second: ValueNumber, _ third: ValueNumber, in clause: Range<Int>
    ) throws(Stop) -> ParsedValue {
        let prefix = try readPrefix(from: clause.lowerBound, to: first.start)
        let firstGap = first.end..<second.start
        let secondGap = second.end..<third.start
        let end = clause.upperBound
        guard first.isYearLike, second.isInteger, third.isInteger, !prefix.negative, !prefix.percentOf else {
            throw Stop(.severalValues, text(clause))
        }
        let date = ParsedValue.DateValue(year: first.integerPart, month: second.integerPart, day: third.integerPart)
        if holds("年", in: firstGap), holds("月", in: secondGap), third.end < end,
            chars[third.end] == "日" || chars[third.end] == "号"
        {
            return try finishDate(date, prefix, from: third.end + 1, in: clause)
        }
        if let separator = ["-", "/", "."].first(where: { holds($0, in: firstGap) }), holds(separator, in: secondGap),
            index.units.longestMatch(in: chars, at: third.end, upTo: end) == nil
        {
            return try finishDate(date, prefix, from: third.end, in: clause)
        }
        throw Stop(.severalValues, text(clause))
    }

    // MARK: Dates

    /// Completes a date: 底/末, 前 (by), 后 (from), 内 (during), then the label and trailing text.
    private func finishDate(
        _ date: ParsedValue.DateValue, _ prefix: ValuePrefix, from start: Int, in clause: Range<Int>
    ) throws(Stop) -> ParsedValue {
        var date = date
        let end = clause.upperBound
        guard prefix.per == nil || (prefix.per == "年" && date.year == nil) else {
            throw Stop(.ambiguousTime, text(clause))
        }
        var position = start
        if let word = firstWord(["上旬", "中旬", "下旬", "上半月", "下半月", "初", "中"], at: position, before: end) {
            throw Stop(.invalidDate, text(clause.lowerBound..<(position + word.length)))
        }
        if let word = firstWord(["底", "末"], at: position, before: end) { position += word.length }
        var comparators = prefix.comparators
        if let word = firstWord(["之前", "以前", "前"], at: position, before: end) {
            comparators.append(.atMost)
            position += word.length
        } else if let word = firstWord(["之后", "以后", "后"], at: position, before: end) {
            comparators.append(.atLeast)
            position += word.length
        } else if let word = firstWord(["以内", "之内", "内"], at: position, before: end) {
            position += word.length
        }
        date.comparator = try agreed(comparators, clause) ?? .equal
        guard Self.isValid(date) else { throw Stop(.invalidDate, text(clause)) }
        try checkLabel(prefix.label)
        try checkTrailing(position..<end)
        return .date(date)
    }

    static func isValid(_ date: ParsedValue.DateValue) -> Bool {
        if let year = date.year, !(1900...2100).contains(year) { return false }
        guard let month = date.month else { return date.day == nil && date.year != nil }
        guard (1...12).contains(month) else { return false }
        guard let day = date.day else { return true }
        let leap = date.year.map { ($0 % 4 == 0 && $0 % 100 != 0) || $0 % 400 == 0 } ?? true
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...lengths[month - 1]).contains(day)
    }

    // MARK: Around the number

    /// Takes comparators, a period, 百分之 and a minus sign off the end of `start..<end`.
    private func readPrefix(from start: Int, to end: Int) throws(Stop) -> ValuePrefix {
        var prefix = ValuePrefix(label: start..<end)
        var position = end
        if chars.hasWord("百分之", endingAt: position, from: start) {
            prefix.percentOf = true
            position -= 3
        } else if position - 1 >= start, chars[position - 1] == "-" {
            prefix.negative = true
            position -= 1
        }
        while position > start {
            if let match = index.comparatorsBefore.longestMatch(in: chars, endingAt: position, from: start) {
                prefix.comparators.append(match.tag)
                position -= match.length
            } else if let match = index.periodsBefore.longestMatch(in: chars, endingAt: position, from: start) {
                guard prefix.per == nil else { throw Stop(.ambiguousTime, text(start..<end)) }
                prefix.per = match.tag
                position -= match.length
            } else {
                break
            }
        }
        prefix.label = start..<position
        return prefix
    }

    /// `/日`, `/人` after the number and unit: what it counts per. A compound rate (`/人*月`,
    /// `/人·月`, `/人/月`) is read as `人·月` only with ``readsUnlistedUnits``; else it stops the
    /// reading as a second figure, as `*` and `/` always have.
    private func readPer(_ per: String?, at position: inout Int, before end: Int) throws(Stop) -> String? {
        guard position < end, chars[position] == "/" else { return per }
        guard let match = index.periodsAfter.longestMatch(in: chars, at: position + 1, upTo: end), per == nil else {
            throw Stop(.ambiguousTime, text(position..<end))
        }
        position += 1 + match.length
        var compound = match.tag
        while position < end, ValueVocabularyIndex.isRateJoiner(chars[position]),
            let next = index.periodsAfter.longestMatch(in: chars, at: position + 1, upTo: end)
        {
            guard readsUnlistedUnits else {
                // `/`, `*` and `×` stop the reading with the trailing text (checkSymbols), after the
                // label's checks; a middle dot would pass there unseen, so it stops here.
                if "/*×".unicodeScalars.contains(chars[position]) { break }
                throw Stop(.severalValues, String(chars[position]))
            }
            compound += "·" + next.tag
            position += 1 + next.length
        }
        return compound
    }

    /// The measure word after a number that no list holds (`种` in `14种以上`, `TB`): up to four
    /// letters, ending where a comparator, an approximation or a time word begins. Nil when none
    /// stands there or the letters run on (prose, not a unit).
    private func unlistedUnit(at start: Int, before end: Int) throws(Stop) -> Range<Int>? {
        let longest = 4
        var position = start
        while position < end, ValueTextNormalizer.isLetter(chars[position]),
            index.comparatorsAfter.longestMatch(in: chars, at: position, upTo: end) == nil,
            firstWord(Self.approximateWords, at: position, before: end) == nil,
            firstWord(Self.timeWords, at: position, before: end) == nil
        {
            position += 1
            if position - start > longest { return nil }
        }
        guard position > start else { return nil }
        try checkResidual(start..<position)
        return start..<position
    }

    /// The one comparator all the words agree on; nil when none was written.
    private func agreed(_ comparators: [ValueComparator], _ clause: Range<Int>) throws(Stop) -> ValueComparator? {
        guard let first = comparators.first else { return nil }
        guard comparators.allSatisfy({ $0 == first }) else { throw Stop(.contradictory, text(clause)) }
        return first
    }

    /// Words after a number that make it approximate (`500 人左右`, `100 余人`).
    private static let approximateWords = ["左右", "上下", "余", "多", "许", "来"]
    /// Words after a number that make it a time (`10 日前`); the comparator of a date.
    private static let timeWords = ["之前", "以前", "之后", "以后", "前", "后"]

    private func checkApproximate(after position: Int, before end: Int) throws(Stop) {
        if let word = firstWord(Self.approximateWords, at: position, before: end) {
            throw Stop(.approximate, word.word)
        }
    }

    private func unknownUnitText(at position: Int, before end: Int) -> String {
        var stop = position + 1
        if chars[position].isASCII {
            while stop < end, stop < position + 6, chars[stop].isASCII, ValueTextNormalizer.isLetter(chars[stop]) {
                stop += 1
            }
        }
        return text(position..<stop)
    }

    /// A label may name the measure (`参加率`, `已完成`); it may not approximate, rank, state a
    /// change or a period the parser did not read, or carry a stray comparator.
    private func checkLabel(_ label: Range<Int>) throws(Stop) {
        guard !label.isEmpty else { return }
        try checkSymbols(label)
        if contains("每", in: label) { throw Stop(.ambiguousTime, text(label)) }
        for word in ["排名", "名次", "排位", "排序"] where contains(word, in: label) {
            throw Stop(.rank, word)
        }
        for word in ["第", "前"] where ends(with: word, in: label) {
            throw Stop(.rank, word)
        }
        for word in ["约", "大约", "约为", "近", "将近", "逾", "超"] where ends(with: word, in: label) {
            throw Stop(.approximate, word)
        }
        try checkResidual(label, stray: .writtenBefore)
    }

    private func checkTrailing(_ trailing: Range<Int>) throws(Stop) {
        try checkSymbols(trailing)
        try checkResidual(trailing)
    }

    private func checkSymbols(_ range: Range<Int>) throws(Stop) {
        for scalar in chars[range] {
            switch scalar {
            case "≥", "≤", "<", ">", "=", "≠": throw Stop(.contradictory, String(scalar))
            case "±", "~": throw Stop(.approximate, String(scalar))
            case "+": throw Stop(.change, String(scalar))
            case "/", "×", "*", "÷": throw Stop(.severalValues, String(scalar))
            default: continue
            }
        }
    }

    /// Which comparator words may not appear away from the number.
    enum StrayComparators {
        /// In a label: words written before a number (`不少于上年 95%`); 以上 is allowed there
        /// (`省级以上媒体 ≥ 5 篇`).
        case writtenBefore
        /// After the value or in another clause: any comparator word.
        case any
    }

    /// Text around a value, or a clause beside it: no negation, no lesser band, no change word,
    /// no comparator word away from the number.
    func checkResidual(_ range: Range<Int>, stray: StrayComparators = .any) throws(Stop) {
        guard !range.isEmpty else { return }
        for match in index.residual.matches(in: chars, range: range) {
            switch match.tag {
            case .qualitative(.negation(let word)):
                throw Stop(.negated, word)
            case .qualitative(.band(let band, _, let word)) where band > 0:
                throw Stop(.contradictory, word)
            case .comparator(let word, let writtenAfter) where !writtenAfter || stray == .any:
                throw Stop(.contradictory, word)
            default:
                continue
            }
        }
        for match in index.changes.matches(in: chars, range: range) {
            let after = match.start + match.length
            if after < range.upperBound, chars[after] == "率" { continue }
            throw Stop(.change, match.tag)
        }
    }
}
