import Foundation
import JixiaoBase
import JixiaoModel
import JixiaoFormats

// MARK: Extraction

extension NarrativeClaim {
    /// The claims of the prose lines of a document (lines outside its tables). Under a
    /// `deadline` that passes, it stops early with the claims found so far.
    static func extract(from lines: [DocumentText.Line], file: String, words: TableWords, deadline: TimeLimit? = nil) -> [NarrativeClaim] {
        var time = TimeLimit.Ticker(deadline)
        let paragraphs = Prose.paragraphs(lines, time: &time)
        var claims: [NarrativeClaim] = []
        for (index, paragraph) in paragraphs.enumerated() {
            for sentence in paragraph.sentences() {
                if time.isExpired(sentence.characters.count) { return claims }
                claims += sentence.claims(file: file, words: words, time: &time)
            }
            if time.isExpired(paragraph.characters.count) { return claims }
            if let sum = paragraph.listTotal(followedBy: paragraphs[(index + 1)...], file: file) { claims.append(sum) }
        }
        return claims
    }
}

/// Prose text with the line each character came from.
struct Prose {
    var characters: [Character]
    var lines: [Int]

    var text: String { String(characters) }

    /// Joins wrapped lines (PDF text breaks sentences anywhere) into paragraphs: a line continues
    /// the paragraph unless the paragraph ended a sentence or the line starts a numbered heading.
    static func paragraphs(_ lines: [DocumentText.Line], time: inout TimeLimit.Ticker) -> [Prose] {
        var result: [Prose] = []
        var current: Prose?
        for line in lines {
            if time.isExpired() { break }
            let text = DocumentText.plainSpaces(line.text).trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            let startsHeading = heading(of: text) != nil || text.range(of: #"^[一二三四五六七八九十]+、"#, options: .regularExpression) != nil
            if let last = current?.characters.last, !"。！？；：:!?".contains(last), !startsHeading {
                let joined = DocumentText.join(String(last), text)!
                let separator: [Character] = joined.count > text.count + 1 ? [" "] : []
                // Appended in place: a copy of the paragraph per line would make a long one quadratic.
                current!.characters += separator + Array(text)
                current!.lines += Array(repeating: line.number, count: separator.count + text.count)
                continue
            }
            if let current { result.append(current) }
            current = Prose(characters: Array(text), lines: Array(repeating: line.number, count: text.count))
        }
        if let current { result.append(current) }
        return result
    }

    /// The number of a numbered heading: `（3）`, `(3)`, `3.`, `3、`.
    static func heading(of text: String) -> (style: Int, number: Int)? {
        let patterns = [#"^[（(]\s*([0-9]+)\s*[）)]"#, #"^([0-9]+)\s*[.．、]"#]
        for (style, pattern) in patterns.enumerated() {
            guard let range = text.range(of: pattern, options: .regularExpression) else { continue }
            let digits = text[range].filter(\.isASCIIDigit)
            if let number = Int(digits) { return (style, number) }
        }
        return nil
    }

    func sentences() -> [Prose] {
        var result: [Prose] = []
        var start = 0
        for (index, character) in characters.enumerated() where "。！？!?".contains(character) {
            result.append(Prose(characters: Array(characters[start...index]), lines: Array(lines[start...index])))
            start = index + 1
        }
        if start < characters.count {
            result.append(Prose(characters: Array(characters[start...]), lines: Array(lines[start...])))
        }
        return result
    }

    // MARK: Amounts

    struct Amount {
        var number: PrintedNumber
        var unit: String
        /// Character offsets of the number and of the end of its unit.
        var start: Int
        var end: Int
        var approximate: Bool
    }

    static let units = ["万元", "亿元", "元", "%", "％", "人次", "趟次", "件", "个", "人", "次", "项", "辆", "户", "篇", "家", "台", "场", "期",
                        "名", "份", "所", "座", "条", "套", "分", "天", "批", "本", "部", "间", "处", "块"]

    /// Every number in the text with the unit written after it (`72件`, `104.67%`, `430 万元`).
    func amounts() -> [Amount] {
        var result: [Amount] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let previous = index > 0 ? characters[index - 1] : " "
            guard character.isASCIIDigit, !previous.isASCIIDigit, previous != ".", !previous.isLetter || !previous.isASCII else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count, characters[end].isASCIIDigit || characters[end] == "," || characters[end] == "." { end += 1 }
            var literal = String(characters[index..<end])
            while literal.last == "." || literal.last == "," { literal.removeLast(); end -= 1 }
            var unitStart = end
            while unitStart < characters.count, characters[unitStart] == " " { unitStart += 1 }
            let rest = String(characters[unitStart..<min(characters.count, unitStart + 2)])
            var unit = ""
            if let match = Self.units.first(where: { rest.hasPrefix($0) }) { unit = match == "％" ? "%" : match }
            if unit == "%" { literal += "%" }
            let unitEnd = unit.isEmpty ? end : unitStart + unit.count
            if let number = PrintedNumber(parsing: literal) {
                let before = String(characters[max(0, index - 2)..<index])
                let after = String(characters[unitEnd..<min(characters.count, unitEnd + 2)])
                let approximate = ["约", "近", "超", "逾", "余"].contains { before.hasSuffix($0) }
                    || ["余", "多", "以上", "以下", "左右", "以内"].contains { after.hasPrefix($0) }
                result.append(Amount(number: number, unit: unit, start: index, end: unitEnd, approximate: approximate))
            }
            index = max(unitEnd, end)
        }
        return result
    }

    func slice(_ range: Range<Int>) -> String {
        String(characters[max(0, range.lowerBound)..<min(characters.count, max(range.lowerBound, range.upperBound))])
    }

    /// The amount that starts right after one of `keywords` (allowing `为`, `是`, `达`, a colon
    /// or spaces in between); the last such one before `limit`.
    func amount(after keywords: [String], in amounts: [Amount], before limit: Int? = nil) -> (Amount, String)? {
        var found: (Amount, String)?
        for amount in amounts where amount.start < (limit ?? Int.max) {
            var lead = slice(max(0, amount.start - 12)..<amount.start)
            while let last = lead.last, " 为是达到：:了".contains(last) { lead.removeLast() }
            if let keyword = keywords.first(where: { lead.hasSuffix($0) }) { found = (amount, keyword) }
        }
        return found
    }

    static let comparisonWords = ["较", "比上年", "比去年", "同比", "增加", "减少", "增长", "下降", "降低", "上年", "去年", "持平",
                                  "结余", "以上", "以下", "超过", "不足", "其余", "累计"]

    // MARK: Claims of a sentence

    /// The claims of one sentence. The loops over its rates and clauses pass over the sentence
    /// each time, so they count that against `time` and stop when it runs out.
    func claims(file: String, words: TableWords, time: inout TimeLimit.Ticker) -> [NarrativeClaim] {
        let amounts = amounts()
        guard !amounts.isEmpty else { return [] }
        let text = self.text
        var claims: [NarrativeClaim] = []
        func claim(_ kind: NarrativeClaim.Kind, at offset: Int) -> NarrativeClaim {
            NarrativeClaim(kind: kind, location: SourceLocation(file: file, line: lines[min(offset, lines.count - 1)]),
                           sentence: text.trimmingCharacters(in: .whitespaces))
        }

        // The self-evaluation result.
        var selfRatio: NarrativeClaim.Ratio?
        if text.contains("自评得分") || text.contains("评价等级") || text.contains("评价结果为") || text.contains("自评结果为") {
            let budget = amount(after: ["全年预算数", "年初预算数", "预算数", "预算"], in: amounts.filter { $0.unit.hasSuffix("元") })
            let executed = amount(after: ["全年执行数", "执行数", "实际支出", "支出数", "决算数", "执行"], in: amounts.filter { $0.unit.hasSuffix("元") })
            let rate = amount(after: ["完成全年预算的", "完成年初预算的", "完成预算的", "预算执行率", "执行率"], in: amounts.filter { $0.unit == "%" })
            let score = amount(after: ["自评得分", "评价得分", "得分", "总分"], in: amounts.filter { $0.unit == "分" || $0.unit.isEmpty })
            var grade: String?
            for keyword in ["评价等级为", "评价等级", "等级为", "评价结果为", "自评结果为", "结果为"] {
                guard let range = text.range(of: keyword) else { continue }
                let rest = text[range.upperBound...].drop { " “\"「『：:".contains($0) }
                if let word = words.grades.first(where: { rest.hasPrefix($0) }) { grade = word; break }
            }
            if score != nil || grade != nil, budget != nil || executed != nil || rate != nil || score != nil || grade != nil {
                let evaluation = NarrativeClaim.SelfEvaluation(
                    about: nil, budget: budget?.0.number, budgetIsInitial: budget?.1 == "年初预算数",
                    executed: executed?.0.number, rate: rate?.0.number, score: score?.0.number, grade: grade,
                    moneyUnit: (budget ?? executed)?.0.unit)
                let offset = [budget?.0.start, executed?.0.start, rate?.0.start, score?.0.start].compactMap { $0 }.min() ?? 0
                claims.append(claim(.selfEvaluation(evaluation), at: offset))
                if let budget, let executed, let rate {
                    selfRatio = NarrativeClaim.Ratio(name: "完成预算", numerator: executed.0.number, denominator: budget.0.number, stated: rate.0.number)
                    claims.append(claim(.ratio(selfRatio!), at: rate.0.start))
                }
            }
        }

        // 完成（年初）预算的 Z%, beside the budget and the amount spent.
        if selfRatio == nil {
            for rate in amounts where rate.unit == "%" {
                if time.isExpired(characters.count) { return claims }
                let lead = slice(max(0, rate.start - 10)..<rate.start)
                guard lead.range(of: #"完成(全年|年初)?预算(数)?的?$"#, options: .regularExpression) != nil else { continue }
                let segmentStart = (characters[..<rate.start].lastIndex(of: "；") ?? -1) + 1
                let money = amounts.filter { $0.unit.hasSuffix("元") && $0.start >= segmentStart && $0.start < rate.start }
                guard let budget = amount(after: ["预算数", "预算"], in: money),
                      let executed = amount(after: ["决算数", "决算", "执行数", "支出数", "实际支出"], in: money),
                      !budget.0.approximate, !executed.0.approximate else { continue }
                claims.append(claim(.ratio(NarrativeClaim.Ratio(name: "完成预算", numerator: executed.0.number,
                                                                denominator: budget.0.number, stated: rate.number)), at: rate.start))
            }
        }

        // A named rate (`办结率`) after the count it is made of (`办结98件`).
        for rate in amounts where rate.unit == "%" {
            if time.isExpired(characters.count) { return claims }
            var lead = slice(max(0, rate.start - 8)..<rate.start)
            while let last = lead.last, " 为是达到：:".contains(last) { lead.removeLast() }
            guard lead.hasSuffix("率") else { continue }
            let stem = Array(lead.dropLast())
            let segmentStart = (characters[..<rate.start].lastIndex { "；;。".contains($0) } ?? -1) + 1
            var numerator: Amount?
            for length in stride(from: min(4, stem.count), through: 2, by: -1) {
                let word = String(stem.suffix(length))
                numerator = amounts.last { amount in
                    amount.start >= segmentStart && amount.end <= rate.start - length && amount.unit != "%" && !amount.unit.isEmpty
                        && slice(max(segmentStart, amount.start - length - 1)..<amount.start).replacingOccurrences(of: "了", with: "")
                            .trimmingCharacters(in: .whitespaces).hasSuffix(word)
                }
                if numerator != nil { break }
            }
            guard let numerator,
                  let denominator = amounts.last(where: { $0.start >= segmentStart && $0.end <= numerator.start && $0.unit == numerator.unit }),
                  !numerator.approximate, !denominator.approximate else { continue }
            let name = String(lead.reversed().prefix { ("\u{4E00}"..."\u{9FFF}").contains($0.unicodeScalars.first!) }.prefix(6).reversed())
            claims.append(claim(.ratio(NarrativeClaim.Ratio(name: name, numerator: numerator.number,
                                                            denominator: denominator.number, stated: rate.number)), at: rate.start))
        }

        // A total and its parts: `T 万元，其中：A X 万元、B Y 万元`.
        if let marker = text.range(of: "其中") {
            let at = text.distance(from: text.startIndex, to: marker.lowerBound)
            let clauseStart = (characters[..<at].dropLast().lastIndex { "，,；;：:".contains($0) } ?? -1) + 1
            if let total = amounts.last(where: { $0.end <= at && $0.unit != "%" && !$0.unit.isEmpty && $0.unit != "分" }),
               total.start >= clauseStart || slice(total.end..<at).trimmingCharacters(in: CharacterSet(charactersIn: " ，,：:")).isEmpty {
                let totalClauseStart = (characters[..<total.start].lastIndex { "，,；;：:".contains($0) } ?? -1) + 1
                let totalClause = slice(totalClauseStart..<at)
                // The parts are the clauses after 其中 that each state one amount in the total's
                // unit; a share clause (`占87.15%`) may follow each; an amount of another kind ends the list.
                var parts: [Amount] = []
                var clauseStart = at + 2
                var listEnd = characters.count
                for position in (at + 2)...characters.count {
                    guard position == characters.count || "，,；;、。".contains(characters[position]) else { continue }
                    if time.isExpired(amounts.count) { return claims }
                    let clause = slice(clauseStart..<position).trimmingCharacters(in: CharacterSet(charactersIn: " ：:"))
                    let inClause = amounts.filter { $0.start >= clauseStart && $0.start < position && !$0.unit.isEmpty }
                    let same = inClause.filter { $0.unit == total.unit }
                    clauseStart = position + 1
                    // A clause with no amount is part of a name that holds a 、 or a comma.
                    if clause.isEmpty || inClause.isEmpty || (same.isEmpty && clause.hasPrefix("占")) { continue }
                    if same.count == 1 && inClause.count == 1 {
                        parts.append(same[0])
                        continue
                    }
                    listEnd = position
                    break
                }
                let partsText = slice(at + 2..<listEnd)
                let clean = !Self.comparisonWords.contains { totalClause.contains($0) || partsText.contains($0) }
                    && !partsText.contains("其中") && !total.approximate && !parts.contains(where: \.approximate)
                if clean, parts.count >= 2 {
                    claims.append(claim(.sum(NarrativeClaim.Sum(total: total.number, unit: total.unit, parts: parts.map(\.number),
                                                                partLines: [])), at: total.start))
                }
            }
        }
        return claims
    }

    /// A total followed by the enumerated list of its parts: `…实际支出 3127.40 万元。…如下：`
    /// then `（1）…项目支出 1284.65 万元…`, `（2）…`. Each item's first amount in the total's unit is
    /// a part; the claim is dropped when an item has none, or when the total's own sentence lists
    /// other amounts (its parts are then stated there, not in the list).
    func listTotal(followedBy rest: ArraySlice<Prose>, file: String) -> NarrativeClaim? {
        let text = self.text.trimmingCharacters(in: .whitespaces)
        guard let marker = text.range(of: "如下", options: .backwards),
              text[marker.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: "：: 。")).isEmpty else { return nil }
        let at = text.distance(from: text.startIndex, to: marker.lowerBound)
        let amounts = amounts()
        guard let (total, _) = amount(after: ["实际支出", "支出总计", "支出合计", "总计", "合计", "共计", "总额"],
                                      in: amounts.filter { $0.unit.hasSuffix("元") }, before: at),
              !total.approximate else { return nil }
        let sentenceEnd = characters[total.end...].firstIndex { "。！？".contains($0) } ?? characters.count
        if amounts.contains(where: { $0.start > total.end && $0.start < sentenceEnd && $0.unit == total.unit && $0.number.number != 0 }) {
            return nil
        }
        var parts: [PrintedNumber] = []
        var partLines: [Int] = []
        var style: Int?
        for item in rest {
            guard let heading = Prose.heading(of: item.text), heading.number == parts.count + 1,
                  style == nil || style == heading.style else { break }
            style = heading.style
            guard let first = item.amounts().first(where: { $0.unit == total.unit }), !first.approximate else { return nil }
            parts.append(first.number)
            partLines.append(item.lines[first.start])
        }
        guard parts.count >= 2 else { return nil }
        return NarrativeClaim(kind: .sum(NarrativeClaim.Sum(total: total.number, unit: total.unit, parts: parts, partLines: partLines)),
                              location: SourceLocation(file: file, line: lines[total.start]), sentence: text)
    }
}
