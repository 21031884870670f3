import Foundation
import JixiaoBase
import JixiaoModel
import JixiaoFormats

/// Reads a table from PDF text whose columns came out space-separated and whose cells were
/// re-flowed: labels broken over several lines (`产出` / `指标` / `(50分)`), an indicator's values
/// on one line (`培训人数 210 人 90 2 1 疫情影响`), a name that wrapped above its values, page
/// numbers in between. What can be recovered is; what cannot is noted and left absent.
struct StreamTableParser: TableParsing {
    let file: String
    let words: TableWords
    let region: TableRegion
    let title: DocumentText.Line
    let lines: [DocumentText.Line]
    let documentYear: Int?
    var notes: [ImportNote] = []
    var time = TimeLimit.Ticker()

    init(file: String, region: TableRegion, title: DocumentText.Line, lines: [DocumentText.Line], documentYear: Int?, words: TableWords) {
        self.file = file
        self.words = words
        self.region = region
        self.title = title
        self.lines = lines
        self.documentYear = documentYear
    }

    /// The indicator header, its words on one line: two or more column names, one of them other
    /// than 分值 and 得分 (which the budget row's header has too).
    static func isHeader(_ tokens: [String], words: TableWords) -> Bool {
        let columns = tokens.compactMap(words.indicatorColumn)
        return columns.count >= 2 && columns.contains { $0 != .points && $0 != .score }
    }

    static func tokens(_ line: DocumentText.Line) -> [String] {
        DocumentText.plainSpaces(line.text).split(whereSeparator: \.isWhitespace).map(String.init)
    }

    mutating func parse() -> ImportedTable? {
        let titleText = DocumentText.clean(title.text)
        let headerIndex = lines.firstIndex { Self.isHeader(Self.tokens($0), words: words) } ?? lines.count

        // Names (单位名称 …) and the budget row come before the indicator header.
        var names: [Labels.NameField: String] = [:]
        var budgetIndex: Int?
        for (index, line) in lines[..<headerIndex].enumerated() {
            let tokens = Self.tokens(line)
            guard let first = tokens.first else { continue }
            if let field = words.nameField(first), names[field] == nil {
                let value = tokens.dropFirst().joined(separator: " ")
                if value.isEmpty {
                    note(line.number, .field(String(describing: field)), zh: "第 \(line.number) 行“\(first)”一栏为空，未能读取",
                         en: "the '\(first)' cell on line \(line.number) is empty and cannot be read")
                } else {
                    names[field] = DocumentText.clean(value)
                }
            }
            if budgetIndex == nil, words.isBudgetTotalLabel(first), tokens.count > 1, Self.leadingNumber(tokens[1]) != nil {
                budgetIndex = index
            }
        }
        var budget = Submission.BudgetRow(location: location(title.number), rateLocation: location(title.number),
                                          scoreLocation: location(title.number))
        var money: Submission.MoneyUnit?
        if let budgetIndex {
            let header = lines[..<budgetIndex].map(\.text).joined()
            money = Labels.moneyUnit(in: header)
            var order = words.budgetColumns(in: header).map(\.column)
            if order.isEmpty { order = Submission.BudgetFigure.allCases }
            var numbers: [PrintedNumber] = []
            var tokens = Array(Self.tokens(lines[budgetIndex]).dropFirst())
            var next = budgetIndex + 1
            scan: while numbers.count < order.count {
                if tokens.isEmpty {
                    guard next < headerIndex else { break }
                    tokens = Self.tokens(lines[next])
                    next += 1
                    continue
                }
                let token = tokens.removeFirst()
                guard let (number, rest) = Self.leadingNumber(token) else { break scan }
                numbers.append(number)
                if !rest.isEmpty { break scan }
            }
            let line = lines[budgetIndex].number
            var values: [Submission.BudgetFigure: PrintedNumber]?
            switch BudgetCells.place(numbers, in: order) {
            case .inOrder(let placed):
                values = placed
            case .collapsed(let placed):
                values = placed
                note(line, .budget(nil), zh: "第 \(line) 行起的资金总额只有 \(numbers.count) 个数，按执行率与预算数、执行数的关系确定了各数所属栏目",
                     en: "the budget total from line \(line) has \(numbers.count) figures, placed by how the rate fits the amounts")
            case .unplaced:
                values = nil
            }
            if let values {
                budget.set(values)
            } else {
                note(line, .budget(nil), zh: "第 \(line) 行起的资金总额读到 \(numbers.count) 个数，与表头 \(order.count) 栏对不上，未能读取",
                     en: "the budget total from line \(line) gives \(numbers.count) numbers for \(order.count) header columns; not read")
            }
            budget.location = location(line)
            budget.rateLocation = location(line)
            budget.scoreLocation = location(line)
        } else {
            note(title.number, .budget(nil), zh: "未找到资金总额一行，预算数、执行数、执行率均未能读取",
                 en: "no budget total row found: the budget, spending and rate cannot be read")
        }
        if lines[..<headerIndex].contains(where: { $0.compact.contains("总体目标") || $0.compact.contains("年度总") }) {
            note(budgetIndex.map { lines[$0].number } ?? title.number, .field("goals"),
                 zh: "年度总体目标的文字在 PDF 文本中已与其他栏混排，未导入",
                 en: "the overall goals are interleaved with other columns in the PDF text; not imported")
        }

        var assembler = IndicatorAssembler(file: file, words: words)
        var total = Submission.TotalRow(points: nil, score: nil, location: location(title.number))
        var totalRowFound = false
        var grade: Submission.Claim<String>?
        var lastLine = title.number
        // The header may be broken over several lines (`年度` / `指标值`): its columns are named
        // by every line up to the first label of the section.
        let headerEnd = lines[min(headerIndex + 1, lines.count)...].firstIndex { line in
            Self.tokens(line).first.map { words.isLabelStart($0) || words.level(of: $0) != nil || Labels.pointsOnly($0) != nil } ?? false
        } ?? lines.count
        let columns = Set(lines[headerIndex..<max(headerIndex, headerEnd)].flatMap(Self.tokens).compactMap(words.indicatorColumn))
        if headerIndex < lines.count {
            var reader = LabelReader(words: words)
            var started = false
            var pending: [String] = []
            for (offset, line) in lines[(headerIndex + 1)...].enumerated() {
                let index = headerIndex + 1 + offset
                let tokens = Self.tokens(line)
                if time.isExpired(1 + tokens.count) { return nil }
                guard let first = tokens.first else { continue }
                if !started {
                    guard words.isLabelStart(first) || words.level(of: first) != nil || Labels.pointsOnly(first) != nil else { continue }
                    started = true
                }
                lastLine = line.number
                if words.isPlaceholder(line.text) {
                    reader.flush(into: &assembler, line: line.number)
                    pending = []
                    continue
                }
                if words.isTotalLabel(first) {
                    reader.flush(into: &assembler, line: line.number)
                    totalRowFound = true
                    (total.points, total.score) = GridTableParser.totalFigures(
                        Array(tokens.dropFirst()), line: line.number, hasPoints: columns.contains(.points), parser: &self)
                    total.location = location(line.number)
                    grade = GridTableParser.grade(in: tokens, words: words).map { Submission.Claim(value: $0, location: location(line.number)) }
                    break
                }
                // A lone number between rows is a page number.
                if tokens.count == 1, PrintedNumber(parsing: first) != nil, pending.isEmpty, !reader.hasPartial { continue }

                var position = 0
                while position < tokens.count {
                    let nextLineFirst = lines[(index + 1)...].lazy.compactMap { Self.tokens($0).first }.first
                    if reader.take(tokens[position], followedBy: position + 1 < tokens.count ? tokens[position + 1] : nil,
                                   nextLine: nextLineFirst, line: line.number, into: &assembler) {
                        position += 1
                    } else {
                        break
                    }
                }
                let rest = Array(tokens[position...])
                guard !rest.isEmpty else { continue }
                // A name that looks like the start of a label (`群众满意度`) with its values after it.
                var parsed = Self.values(rest, line: line.number, namePending: !pending.isEmpty)
                if var values = parsed, values.name == nil, pending.isEmpty, let partial = reader.partial,
                   partial.line == line.number, !partial.text.hasSuffix("指标") {
                    reader.partial = nil
                    values.name = partial.text
                    parsed = values
                }
                reader.flush(into: &assembler, line: line.number)
                guard var parts = parsed else {
                    pending.append(rest.joined(separator: " "))
                    continue
                }
                if let fused = parts.fused {
                    let name = parts.name.map { "“\($0)”" } ?? ""
                    if let points = parts.points {
                        note(line.number, .indicators, zh: "第 \(line.number) 行\(name)的分值与得分连在一起（\(fused)），是同一个数写了两次，读为 \(points) 和 \(points)",
                             en: "line \(line.number)\(parts.name.map { " ('\($0)')" } ?? ""): points and score are fused ('\(fused)'), the same number twice; read as \(points) and \(points)")
                    } else {
                        note(line.number, .indicators, zh: "第 \(line.number) 行\(name)的分值与得分连在一起（\(fused)），拆法不止一种，均未读取",
                             en: "line \(line.number)\(parts.name.map { " ('\($0)')" } ?? ""): points and score are fused ('\(fused)') and can be split more than one way; neither is read")
                    }
                }
                if !pending.isEmpty {
                    let prefix = pending.map(DocumentText.clean).reduce(nil as String?) { DocumentText.join($0, $1) }
                    parts.name = DocumentText.join(prefix, parts.name)
                    pending = []
                }
                assembler.add(parts)
            }
            reader.flush(into: &assembler, line: lastLine)
        }
        return finish(TableRead(
            title: title, titleText: titleText, kind: region.kind, documentYear: documentYear, names: names, money: money,
            budget: budget, budgetRowFound: budgetIndex != nil, goals: nil, breakdown: BudgetBreakdown(), assembler: assembler,
            headerFound: headerIndex < lines.count, columns: columns, total: total, totalRowFound: totalRowFound,
            grade: grade, lastLine: lastLine))
    }

    /// The number a token starts with (`10其中：…` → 10) and what follows it.
    static func leadingNumber(_ token: String) -> (PrintedNumber, String)? {
        guard let range = token.range(of: #"^[0-9][0-9,]*(\.[0-9]+)?%?"#, options: .regularExpression),
              let number = PrintedNumber(parsing: String(token[range])) else { return nil }
        return (number, String(token[range.upperBound...]))
    }

    static func isPlainNumber(_ token: String) -> Bool {
        !token.contains("%") && PrintedNumber(parsing: token) != nil
    }

    static func isValueLike(_ token: String) -> Bool {
        token.contains(where: \.isASCIIDigit) || token.unicodeScalars.first.map(Labels.comparators.unicodeScalars.contains) == true
    }

    /// An indicator's values from the tokens after its labels: `name target… actual points score
    /// reason…`; nil when the tokens end in no two plain numbers (a wrapped name).
    ///
    /// PDF text may fuse 分值 and 得分 into one figure (`1313` for 13 | 13). Such a figure ends a
    /// row only after a target and an actual; it is split when it is one number written twice
    /// (full marks), and otherwise left unread (`fused`), since 54.5 may be 5 | 4.5 or 54.5 | blank.
    static func values(_ tokens: [String], line: Int, namePending: Bool = false) -> RowParts? {
        var end = tokens.count
        while end > 0, !isPlainNumber(tokens[end - 1]) { end -= 1 }
        guard end >= 1 else { return nil }
        var parts = RowParts(line: line)
        var figures = 2
        if end >= 2, isPlainNumber(tokens[end - 2]) {
            parts.points = PrintedNumber(parsing: tokens[end - 2])
            parts.score = PrintedNumber(parsing: tokens[end - 1])
        } else {
            // One figure: fused, when a target and an actual come before it; else a name wrapped.
            guard end >= 2, grouped(Array(tokens[1..<(end - 1)])).count >= 2 else { return nil }
            figures = 1
            parts.fused = tokens[end - 1]
            if let half = Labels.repeatedHalf(tokens[end - 1]) {
                parts.points = half
                parts.score = half
            }
        }
        if end < tokens.count { parts.reason = DocumentText.clean(tokens[end...].joined(separator: " ")) }
        var head = Array(tokens[..<(end - figures)])
        // The name is the first token, unless the name wrapped onto the lines above and the
        // tokens are just the target and the actual.
        if let first = head.first, !isValueLike(first), !(namePending && grouped(head).count == 2) {
            parts.name = first
            head.removeFirst()
        }
        let groups = grouped(head)
        switch groups.count {
        case 0: break
        case 1: parts.unplaced.append(groups[0].joined(separator: " "))
        default:
            parts.actual = groups.last!.joined(separator: " ")
            parts.target = groups.dropLast().map { $0.joined(separator: " ") }.joined(separator: " ")
        }
        return parts
    }

    /// Value tokens with the unit words after each number: `350 人次`, `≦232 万元`, `2021 年`.
    static func grouped(_ tokens: [String]) -> [[String]] {
        var groups: [[String]] = []
        for token in tokens {
            if !isValueLike(token), let last = groups.last, last.count == 1, isValueLike(last[0]),
               token.count <= 3, token.unicodeScalars.allSatisfy(DocumentText.isTight) {
                groups[groups.count - 1].append(token)
            } else {
                groups.append([token])
            }
        }
        return groups
    }
}

/// Puts labels broken over several lines back together (`服务对象` / `满意度指` / `标`) and
/// decides their level.
struct LabelReader {
    let words: TableWords
    var partial: (text: String, level: Labels.Level?, line: Int)?

    var hasPartial: Bool { partial != nil }

    /// Takes `token` if it is (part of) a label or a points cell, handing complete labels to the
    /// assembler; false when the token is not a label (the row's own cells begin).
    mutating func take(_ token: String, followedBy next: String?, nextLine: String?, line: Int,
                       into assembler: inout IndicatorAssembler) -> Bool {
        if let points = Labels.pointsOnly(token) {
            flush(into: &assembler, line: line)
            var parts = RowParts(line: line)
            parts.level1Points = points
            assembler.add(parts)
            return true
        }
        if let current = partial, words.continues(current.text, with: token) {
            partial!.text = DocumentText.compact(current.text + token)
            if partial!.text.hasSuffix("指标") { flush(into: &assembler, line: line, next: next, nextLine: nextLine) }
            return true
        }
        let (label, points) = Labels.splitPoints(token)
        guard let label else { return false }
        let level = words.level(of: label)
        if level != nil, label.hasSuffix("指标") || points != nil {
            flush(into: &assembler, line: line)
            partial = (label, level, line)
            flush(into: &assembler, line: line, next: next, nextLine: nextLine, points: points)
            return true
        }
        if level != nil || words.isLabelStart(label) {
            flush(into: &assembler, line: line)
            partial = (label, level ?? words.startLevel(label), line)
            return true
        }
        return false
    }

    /// Hands the label in progress to the assembler at the level it has: `成本指标` is level 1
    /// when points or another label follow it, level 2 when an indicator follows it directly.
    mutating func flush(into assembler: inout IndicatorAssembler, line: Int, next: String? = nil, nextLine: String? = nil,
                        points: PrintedNumber? = nil) {
        guard let current = partial else { return }
        partial = nil
        var level = current.level ?? .two
        if level == .either {
            let following = next ?? nextLine
            let followedByLabel = following.map { words.level(of: $0) != nil || words.isLabelStart($0) || Labels.pointsOnly($0) != nil } ?? false
            level = points != nil || followedByLabel || assembler.categories.isEmpty ? .one : .two
        }
        var parts = RowParts(line: current.line)
        if level == .one {
            parts.level1 = current.text
            parts.level1Points = points
        } else {
            parts.level2 = current.text
        }
        assembler.add(parts)
    }
}
