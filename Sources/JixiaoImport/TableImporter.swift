import Foundation
import JixiaoBase
import JixiaoModel
import JixiaoFormats

/// One table's lines in a document: from its title to the line before the next title.
struct TableRegion: Sendable {
    var kind: Labels.TableKind
    var titleLine: Int
    /// The last line that may belong to the table.
    var endLine: Int
}

/// What importing one table gave.
struct ImportedTable: Sendable {
    var submission: Submission
    var notes: [ImportNote]
    /// The rows and cells that break its 年度资金总额 down.
    var breakdown: BudgetBreakdown
}

/// Finds the self-evaluation tables of a document and reads each into a submission.
enum TableImporter {
    /// The tables of a document: those announced by title lines, each up to the next title, and
    /// those found by their structure where no title announces them (an indicator header, DOMAIN.md
    /// §8: the title may be missing, or be a heading that only names the table). Titles that only
    /// name a table (a list of attachments) are skipped: a table must have a budget row or an
    /// indicator header before the next title.
    static func regions(in document: DocumentText, words: TableWords, time: inout TimeLimit.Ticker) -> [TableRegion] {
        var titles: [(Int, Labels.TableKind)] = []
        var anchors: [Int] = []
        for line in document.lines {
            if time.isExpired() { return [] }
            if isIndicatorHeader(line, words: words) { anchors.append(line.number) }
            let text = line.filledCells.joined(separator: " ")
            guard line.filledCells.count <= 2, let kind = words.titleKind(text) else { continue }
            titles.append((line.number, kind))
        }
        var regions: [TableRegion] = []
        for (index, (number, kind)) in titles.enumerated() {
            let end = index + 1 < titles.count ? titles[index + 1].0 - 1 : document.lines.count
            guard end > number else { continue }
            if time.isExpired(end - number) { return [] }
            let body = document.lines[number..<end]
            let hasContent: Bool
            switch kind {
            case .baseData:
                hasContent = body.contains { line in words.baseDataContent.contains(where: line.compact.contains) }
            case .department, .project, .unnamed:
                hasContent = body.contains { line in
                    let cells = line.shape == .plain ? line.text.split(whereSeparator: \.isWhitespace).map(String.init) : line.filledCells
                    return cells.contains { words.isBudgetTotalLabel($0) || [.level1, .level3].contains(words.indicatorColumn($0)) }
                }
            }
            guard hasContent else { continue }
            regions.append(TableRegion(kind: kind == .unnamed ? words.kind(ofBody: body) : kind, titleLine: number, endLine: end))
        }
        return (regions + untitled(anchors, in: document, outside: regions, words: words)).sorted { $0.titleLine < $1.titleLine }
    }

    /// A self-evaluation's indicator header: three or more column names in its cells (or words,
    /// for text whose columns came out space-separated), one of them 得分 or 分值 — a table of
    /// targets without scores (a 绩效目标表) is not a self-evaluation.
    static func isIndicatorHeader(_ line: DocumentText.Line, words: TableWords) -> Bool {
        words.isIndicatorHeader(line.shape == .plain ? line.text.split(whereSeparator: \.isWhitespace).map(String.init) : line.filledCells)
    }

    /// The tables that indicator headers show where no title announced one. Each starts after the
    /// text above it: the table's rows reach up, over blank lines, to the nearest line of prose or
    /// heading, which stands as its title (its year, if it names one, is the table's); it ends
    /// where the next table starts.
    static func untitled(_ anchors: [Int], in document: DocumentText, outside regions: [TableRegion], words: TableWords) -> [TableRegion] {
        var found: [TableRegion] = []
        for anchor in anchors {
            let covered = (regions + found).contains { $0.titleLine < anchor && anchor <= $0.endLine }
            guard !covered else { continue }
            let floor = (regions + found).filter { $0.titleLine < anchor }.map(\.endLine).max() ?? 0
            var top = anchor - 1
            while top > floor, let line = document.line(top), line.isBlank || line.shape != .plain || isTableLabelLine(line, words: words) {
                top -= 1
            }
            guard top >= 1, top > floor else { continue }
            let next = (regions + found).filter { $0.titleLine > anchor }.map(\.titleLine).min()
            let end = (next ?? document.lines.count + 1) - 1
            let body = document.lines[top..<min(end, document.lines.count)]
            found.append(TableRegion(kind: words.kind(ofBody: body), titleLine: top, endLine: end))
        }
        return found
    }

    /// A plain line that belongs to a table's head: a name row (单位名称 …) or the budget row.
    static func isTableLabelLine(_ line: DocumentText.Line, words: TableWords) -> Bool {
        let first = line.text.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
        return words.nameField(first) != nil || words.isBudgetTotalLabel(first) || isIndicatorHeader(line, words: words)
    }

    /// A title that shares its line with the table's first row (`附件1 2023年度…自评表 单位名称 某局`,
    /// PDF text): the title, up to its table word and a year in brackets after it, and the rest
    /// as a line of its own, numbered as the title's.
    static func splitTitle(_ line: DocumentText.Line, words: TableWords) -> (DocumentText.Line, DocumentText.Line)? {
        guard line.shape == .plain else { return nil }
        let text = line.text
        guard var end = (words.titleTable + words.titleEvaluation).compactMap({ text.range(of: $0)?.upperBound }).min() else { return nil }
        let afterTitle = text[end...].drop { $0 == " " }
        if let open = afterTitle.first, open == "(" || open == "（",
           let close = afterTitle.firstIndex(where: { $0 == ")" || $0 == "）" }) {
            end = text.index(after: close)
        }
        let rest = text[end...].trimmingCharacters(in: .whitespaces)
        guard !rest.isEmpty else { return nil }
        return (DocumentText.split(String(text[..<end]), number: line.number), DocumentText.split(rest, number: line.number))
    }

    /// Reads the table of `region`: as a grid when its rows are tab- or `|`-separated, else as
    /// PDF text (space-separated, re-flowed) or one cell per line.
    static func read(_ region: TableRegion, in document: DocumentText, documentYear: Int?, words: TableWords) -> ImportedTable? {
        var lines = Array(document.lines[(region.titleLine - 1)..<min(region.endLine, document.lines.count)])
        if let (title, rest) = splitTitle(lines[0], words: words) {
            lines.replaceSubrange(0...0, with: [title, rest])
        }
        let body = lines.dropFirst()
        let gridLines = body.filter { $0.shape != .plain && $0.filledCells.count >= 2 }
        if gridLines.count >= 3 {
            let rows = body.filter { $0.shape != .plain }.map {
                GridRow(line: $0.number, cells: $0.cells, positional: true, collapses: $0.shape == .piped)
            }
            var parser = GridTableParser(file: document.file, region: region, title: lines[0], rows: rows, documentYear: documentYear, words: words)
            return parser.parse()
        }
        let headerOnOneLine = body.contains { StreamTableParser.isHeader(StreamTableParser.tokens($0), words: words) }
        if headerOnOneLine {
            var parser = StreamTableParser(file: document.file, region: region, title: lines[0], lines: Array(body), documentYear: documentYear, words: words)
            return parser.parse()
        }
        // One cell per line, rows separated by blank lines.
        var rows: [GridRow] = []
        var cells: [String] = []
        var first = 0
        for line in body {
            let text = line.cells.first ?? ""
            // A lone `|` or a no-break space is a blank cell; only an empty line ends the row.
            if text.isEmpty {
                guard line.text.allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
                if !cells.isEmpty { rows.append(GridRow(line: first, cells: cells, positional: false)) }
                cells = []
                continue
            }
            if cells.isEmpty { first = line.number }
            cells.append(text)
        }
        if !cells.isEmpty { rows.append(GridRow(line: first, cells: cells, positional: false)) }
        var parser = GridTableParser(file: document.file, region: region, title: lines[0], rows: rows, documentYear: documentYear, words: words)
        return parser.parse()
    }
}

/// A printed row of cells. `positional` rows keep their empty cells, so a cell's index is its
/// column; other rows (one cell per line) list only the cells that have text.
struct GridRow: Sendable {
    var line: Int
    var cells: [String]
    var positional: Bool
    /// Whether blank cells may have collapsed, as in a `|` row flattened from a web table: such
    /// a row shorter than its header is read by what its cells look like, not by position.
    var collapses = false

    func cell(_ index: Int?) -> String? {
        guard let index, index >= 0, index < cells.count, !cells[index].isEmpty else { return nil }
        return cells[index]
    }

    var filled: [String] { cells.filter { !$0.isEmpty } }
}

/// Reads a table whose rows are grid rows (tab- or `|`-separated lines, or blocks of one cell
/// per line).
struct GridTableParser: TableParsing {
    let file: String
    let words: TableWords
    let region: TableRegion
    let title: DocumentText.Line
    let rows: [GridRow]
    let documentYear: Int?
    var notes: [ImportNote] = []
    var breakdown = BudgetBreakdown()
    var budgetRowFound = false
    /// The columns of a target printed in three (指标性质 | 指标值 | 度量单位), when the form has them.
    var targetColumns: (comparator: Int?, unit: Int?) = (nil, nil)
    /// The 复核分 column of a form that prints the reviewer's score beside the 自评分.
    var reviewColumn: Int?
    var time = TimeLimit.Ticker()

    init(file: String, region: TableRegion, title: DocumentText.Line, rows: [GridRow], documentYear: Int?, words: TableWords) {
        self.file = file
        self.words = words
        self.region = region
        self.title = title
        self.rows = rows
        self.documentYear = documentYear
    }

    mutating func parse() -> ImportedTable? {
        let titleText = DocumentText.clean(title.filledCells.joined(separator: " "))
        let indicatorHeader = rows.firstIndex { words.isIndicatorHeader($0.filled) }
        let headEnd = indicatorHeader ?? rows.count
        var names: [Labels.NameField: String] = [:]
        var money: Submission.MoneyUnit?
        for row in rows[..<headEnd] {
            if money == nil { money = row.cells.lazy.compactMap(Labels.moneyUnit).first }
            for (index, cell) in row.cells.enumerated() {
                guard let field = words.nameField(cell), names[field] == nil else { continue }
                if let value = row.cells[(index + 1)...].first(where: { !$0.isEmpty && words.nameField($0) == nil }) {
                    names[field] = value
                } else {
                    note(row.line, .field(String(describing: field)), zh: "第 \(row.line) 行“\(cell)”一栏为空，未能读取",
                         en: "the '\(cell)' cell on line \(row.line) is empty and cannot be read")
                }
            }
        }
        let budget = readBudget(rows[..<headEnd])
        let goals = readGoals(rows[..<headEnd])

        var assembler = IndicatorAssembler(file: file, words: words)
        var total = Submission.TotalRow(points: nil, score: nil, location: location(title.number))
        var totalRowFound = false
        var grade: Submission.Claim<String>?
        var lastLine = rows[..<headEnd].last?.line ?? title.number
        var columns: [Submission.IndicatorColumn: Int] = [:]
        if let indicatorHeader {
            let header = rows[indicatorHeader]
            for (index, cell) in header.cells.enumerated() {
                if let column = words.indicatorColumn(cell), columns[column] == nil { columns[column] = index }
                switch words.targetPart(cell) {
                case .comparator?: targetColumns.comparator = targetColumns.comparator ?? index
                case .unit?: targetColumns.unit = targetColumns.unit ?? index
                case nil: break
                }
                if words.isReviewColumn(cell) { reviewColumn = reviewColumn ?? index }
            }
            // A second header row under cells that span (年度指标值 over 指标性质 | 指标值 | 度量单位)
            // names the columns below it more exactly.
            var firstRow = indicatorHeader + 1
            if firstRow < rows.count, isSubHeader(rows[firstRow]) {
                for (index, cell) in rows[firstRow].cells.enumerated() {
                    if let column = words.indicatorColumn(cell) { columns[column] = index }
                    switch words.targetPart(cell) {
                    case .comparator?: targetColumns.comparator = index
                    case .unit?: targetColumns.unit = index
                    case nil: break
                    }
                    if words.isReviewColumn(cell) { reviewColumn = index }
                }
                firstRow += 1
            }
            for row in Self.joiningLabelsAlone(rows[firstRow...], headerWidth: header.cells.count) {
                if time.isExpired(row.cells.count) { return nil }
                if row.filled.isEmpty { continue }
                lastLine = row.line
                if let first = row.filled.first, words.isTotalLabel(first) {
                    totalRowFound = true
                    (total.points, total.score) = totalFigures(row, columns: columns, headerWidth: header.cells.count)
                    total.location = location(row.line)
                    grade = Self.grade(in: row.filled, words: words).map { Submission.Claim(value: $0, location: location(row.line)) }
                    break
                }
                let parts = parts(of: row, columns: columns, headerWidth: header.cells.count)
                noteReview(row, score: parts.score, name: parts.name)
                assembler.add(parts)
            }
        }
        return finish(TableRead(
            title: title, titleText: titleText, kind: region.kind, documentYear: documentYear, names: names, money: money,
            budget: budget, budgetRowFound: budgetRowFound, goals: goals, breakdown: breakdown, assembler: assembler,
            headerFound: indicatorHeader != nil, columns: Set(columns.keys), total: total, totalRowFound: totalRowFound,
            grade: grade, lastLine: lastLine))
    }

    /// The grade printed in the 总分 row: the word after a grade label (`等级：优`, or 优 in the next
    /// cell).
    static func grade(in cells: [String], words: TableWords) -> String? {
        for (index, cell) in cells.enumerated() {
            let text = DocumentText.compact(cell)
            guard let range = words.gradeLabels.lazy.compactMap({ text.range(of: $0) }).first else { continue }
            var rest = String(text[range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: "：:"))
            if let copula = words.gradeCopulas.first(where: rest.hasPrefix) { rest = String(rest.dropFirst(copula.count)) }
            if rest.isEmpty, index + 1 < cells.count { rest = DocumentText.compact(cells[index + 1]) }
            if let grade = words.grades.first(where: { rest.hasPrefix($0) }) { return grade }
        }
        return nil
    }

    /// A row of header words only (no figures, two or more column names): the second row of a
    /// two-row header.
    func isSubHeader(_ row: GridRow) -> Bool {
        let named = row.filled.filter { words.indicatorColumn($0) != nil || words.targetPart($0) != nil || words.isReviewColumn($0) }
        return named.count >= 2 && named.count == row.filled.count
    }

    /// The rows of a flattened table in which a row's labels stand alone on one line and its
    /// figures on the next (`产出指标 | 数量指标 | 培训场次 |` then `| ≥ 36 次 | 38 次 | 13 | 13 |`),
    /// each pair joined into one row (the 总分 row too). Only collapsed `|` rows are joined: a figures line is one
    /// that starts with a value and follows a line that ends in none.
    static func joiningLabelsAlone(_ rows: ArraySlice<GridRow>, headerWidth: Int) -> [GridRow] {
        var joined: [GridRow] = []
        var index = rows.startIndex
        while index < rows.endIndex {
            let row = rows[index]
            if let nextIndex = rows[(index + 1)...].firstIndex(where: { !$0.filled.isEmpty }), row.collapses,
               rows[nextIndex].collapses, row.cells.count < headerWidth, rows[nextIndex].cells.count < headerWidth,
               let last = row.filled.last, PrintedNumber(parsing: last) == nil,
               let first = rows[nextIndex].filled.first, isBareValue(first) {
                joined.append(GridRow(line: row.line, cells: row.filled + rows[nextIndex].filled, positional: true, collapses: true))
                index = nextIndex + 1
                continue
            }
            joined.append(row)
            index += 1
        }
        return joined
    }

    /// The 分值 and 得分 of a 总分 row. The claimed total is the figure in the 得分 column, never the
    /// one under 分值 (the weights' total) nor under 复核分. A row that lines up with the header cell
    /// for cell is read by position; otherwise (merged cells shift rows) the last figures are those
    /// of the figure columns in the header's order, and when their count does not say which is
    /// which, none is taken.
    mutating func totalFigures(_ row: GridRow, columns: [Submission.IndicatorColumn: Int], headerWidth: Int) -> (PrintedNumber?, PrintedNumber?) {
        let cells = Array(row.filled.dropFirst())
        let numbers = cells.compactMap(PrintedNumber.init(parsing:))
        func figure(_ column: Int?) -> PrintedNumber? { row.cell(column).flatMap(PrintedNumber.init(parsing:)) }
        if row.positional, row.cells.count == headerWidth, let scoreColumn = columns[.score],
           [figure(columns[.points]), figure(scoreColumn), figure(reviewColumn)].compactMap({ $0 }).count == numbers.count {
            if figure(scoreColumn) == nil {
                note(row.line, .total, zh: "第 \(row.line) 行总分的得分一栏为空", en: "the score cell of the total on line \(row.line) is blank")
            }
            return (figure(columns[.points]), figure(scoreColumn))
        }
        if let reviewColumn {
            // The figure columns' positions, in the header's order: 分值, 自评分 and 复核分.
            let order = [columns[.points], columns[.score], reviewColumn].compactMap { $0 }.sorted()
            guard numbers.count == order.count else {
                note(row.line, .total, zh: "第 \(row.line) 行总分有 \(numbers.count) 个数，无法确定哪个是自评得分，未读取",
                     en: "the total on line \(row.line) has \(numbers.count) figures; which is the self-assessed score cannot be told; not read")
                return (nil, nil)
            }
            let placed = Dictionary(uniqueKeysWithValues: zip(order, numbers))
            return (columns[.points].flatMap { placed[$0] }, columns[.score].flatMap { placed[$0] })
        }
        return Self.totalFigures(cells, line: row.line, hasPoints: columns[.points] != nil, parser: &self)
    }

    /// The 分值 and 得分 among the cells after a 总分 label, read from the right.
    static func totalFigures(_ cells: [String], line: Int, hasPoints: Bool, parser: inout some TableParsing) -> (PrintedNumber?, PrintedNumber?) {
        let numbers = cells.compactMap(PrintedNumber.init(parsing:))
        switch numbers.count {
        case 0:
            parser.note(line, .total, zh: "第 \(line) 行总分的得分一栏为空", en: "the score cell of the total on line \(line) is blank")
        case 1 where !hasPoints:
            return (nil, numbers[0])
        case 1:
            parser.note(line, .total, zh: "第 \(line) 行总分只有一个数 \(numbers[0])，无法确定是分值还是得分，未读取",
                        en: "the total on line \(line) has one figure, \(numbers[0]), which may be the points or the score; not read")
        default:
            return (numbers[numbers.count - 2], numbers[numbers.count - 1])
        }
        return (nil, nil)
    }

    // MARK: Budget

    mutating func readBudget(_ rows: ArraySlice<GridRow>) -> Submission.BudgetRow {
        var budget = Submission.BudgetRow(location: location(title.number), rateLocation: location(title.number),
                                          scoreLocation: location(title.number))
        let headerIndex = rows.firstIndex { row in
            row.cells.compactMap(words.budgetColumn).count >= 3
                || words.budgetColumns(in: row.cells.joined()).count >= 4
        }
        var columns: [Submission.BudgetFigure: Int] = [:]
        var order: [Submission.BudgetFigure] = []
        if let headerIndex {
            let header = rows[headerIndex]
            for (index, cell) in header.cells.enumerated() {
                if let column = words.budgetColumn(cell), columns[column] == nil { columns[column] = index }
            }
            order = words.budgetColumns(in: header.cells.joined(separator: " ")).map(\.column)
        }
        if order.isEmpty { order = Submission.BudgetFigure.allCases }
        let start = headerIndex.map { $0 + 1 } ?? rows.startIndex
        // The row by its label; its figures on the same line or, for a label alone on its line,
        // on the next (`年度资金总额 |` then `| 45.2 | 44.87 | …`).
        var found: (label: Int, figures: GridRow)?
        for index in rows[start...].indices where rows[index].filled.contains(where: words.isBudgetTotalLabel) {
            if rows[index].filled.contains(where: { PrintedNumber(parsing: $0) != nil }) {
                found = (index, rows[index])
                break
            }
            if let next = rows[(index + 1)...].first(where: { !$0.filled.isEmpty }),
               next.filled.first.flatMap(PrintedNumber.init(parsing:)) != nil, !next.filled.contains(where: words.isBudgetTotalLabel) {
                found = (index, next)
                break
            }
        }
        guard let (totalIndex, row) = found else {
            note(title.number, .budget(nil), zh: "未找到年度资金总额一行，预算数、执行数、执行率均未能读取",
                 en: "no 年度资金总额 row found: the budget, spending and rate cannot be read")
            return budget
        }
        budgetRowFound = true
        var values: [Submission.BudgetFigure: PrintedNumber] = [:]
        if let lined = Self.linedUp(row, columns: columns) {
            values = lined
        } else {
            let labelIndex = row.cells.firstIndex(where: words.isBudgetTotalLabel) ?? -1
            let numbers = row.cells[(labelIndex + 1)...].compactMap { PrintedNumber(parsing: $0) }
            switch BudgetCells.place(numbers, in: order) {
            case .inOrder(let placed):
                values = placed
            case .collapsed(let placed):
                values = placed
                note(row.line, .budget(nil), zh: "第 \(row.line) 行年度资金总额只有 \(numbers.count) 个数（空栏已合并），按执行率与预算数、执行数的关系确定了各数所属栏目",
                     en: "the 年度资金总额 row on line \(row.line) has \(numbers.count) figures (blank cells collapsed), placed by how the rate fits the amounts")
            case .unplaced:
                note(row.line, .budget(nil), zh: "第 \(row.line) 行年度资金总额有 \(numbers.count) 个数，与表头 \(order.count) 栏对不上，无法确定各数所属栏目，未能读取",
                     en: "the 年度资金总额 row on line \(row.line) has \(numbers.count) figures for \(order.count) header columns, which cannot be placed with certainty; not read")
            }
        }
        budget.set(values)
        budget.location = location(row.line)
        budget.rateLocation = location(row.line)
        budget.scoreLocation = location(row.line)
        // A blank score is the audit's `missing-score`, not said twice.
        for column in order where values[column] == nil && !values.isEmpty && column != .score {
            note(row.line, .budget(column), zh: "第 \(row.line) 行“\(column.header)”一栏为空或无法读取",
                 en: "the \(column.header) cell on line \(row.line) is empty or unreadable")
        }
        breakdown = Self.breakdown(rows, total: totalIndex, columns: columns, words: words)
        return budget
    }

    /// The figures of a row whose cells line up with the header's columns: a cell under every
    /// budget column, each a number or blank, percentages only under 执行率. A flattened row whose
    /// blank cells collapsed is shorter, or puts a figure under the wrong column.
    static func linedUp(_ row: GridRow, columns: [Submission.BudgetFigure: Int]) -> [Submission.BudgetFigure: PrintedNumber]? {
        guard row.positional, let last = columns.values.max(), row.cells.count > last else { return nil }
        var values: [Submission.BudgetFigure: PrintedNumber] = [:]
        for (column, index) in columns {
            guard let cell = row.cell(index) else { continue }
            guard let number = PrintedNumber(parsing: cell) else { return nil }
            values[column] = number
        }
        return !values.isEmpty && BudgetCells.fitsColumns(values) ? values : nil
    }

    /// The rows and cells that break the 年度资金总额 down: 其中 rows in the total's columns, and
    /// labelled amounts by nature of spending or by source of funds, above the goals.
    static func breakdown(_ rows: ArraySlice<GridRow>, total: Int, columns: [Submission.BudgetFigure: Int], words: TableWords) -> BudgetBreakdown {
        var breakdown = BudgetBreakdown()
        let stop = rows.firstIndex { row in
            row.filled.contains { cell in
                let text = DocumentText.compact(cell)
                return text.contains("总体目标") || text.contains("预期目标") || text.contains("绩效指标")
            }
        } ?? rows.endIndex
        for row in rows[rows.startIndex..<stop] where row.line != rows[total].line && row.positional {
            if let label = row.filled.first, words.isBudgetPartLabel(label) {
                func amount(_ column: Submission.BudgetFigure) -> PrintedNumber? {
                    columns[column].flatMap(row.cell).flatMap(PrintedNumber.init(parsing:))
                }
                let part = BudgetBreakdown.Row(line: row.line, initial: amount(.initial), adjusted: amount(.adjusted), executed: amount(.executed))
                if part.initial != nil || part.adjusted != nil || part.executed != nil { breakdown.rows.append(part) }
            }
            for cell in row.filled {
                guard let (label, number) = Self.labelledAmount(cell, words: words) else { continue }
                let amount = BudgetBreakdown.Amount(label: label, amount: number, line: row.line)
                if words.spendingByNature.contains(where: label.contains) {
                    breakdown.byNature.append(amount)
                } else if words.fundsBySource.contains(where: label.contains) {
                    breakdown.bySource.append(amount)
                }
            }
        }
        return breakdown
    }

    /// `其中：基本支出：1835.20` → (`基本支出`, 1835.20); an empty amount gives nil.
    static func labelledAmount(_ cell: String, words: TableWords) -> (String, PrintedNumber?)? {
        var text = DocumentText.compact(cell)
        if let prefix = words.budgetPartPrefix.first(where: text.hasPrefix) {
            text = String(text.dropFirst(prefix.count)).trimmingCharacters(in: CharacterSet(charactersIn: "：:"))
        }
        guard let colon = text.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return nil }
        let label = String(text[..<colon])
        let value = String(text[text.index(after: colon)...])
        guard !label.isEmpty, label.count <= 20 else { return nil }
        if value.isEmpty { return (label, PrintedNumber(0, decimals: 0)) }
        guard let number = PrintedNumber(parsing: value) else { return nil }
        return (label, number)
    }

    // MARK: Goals

    func readGoals(_ rows: ArraySlice<GridRow>) -> Submission.Goals? {
        guard let headerIndex = rows.firstIndex(where: { row in
            row.filled.contains { $0.contains("实际完成情况") } && row.filled.contains { DocumentText.compact($0).contains("目标") }
        }) else { return nil }
        let header = rows[headerIndex]
        guard let achievedColumn = header.cells.firstIndex(where: { $0.contains("实际完成情况") }) else { return nil }
        let expectedColumn = header.cells.firstIndex { DocumentText.compact($0) == "预期目标" }
            ?? header.cells.firstIndex { DocumentText.compact($0).contains("目标") && !$0.contains("实际") }
        var expected: String?
        var achieved: String?
        for row in rows[(headerIndex + 1)...] {
            if row.positional {
                for (index, cell) in row.cells.enumerated() where !cell.isEmpty {
                    if index == achievedColumn || (index > achievedColumn && achieved == nil) {
                        achieved = DocumentText.join(achieved, cell)
                    } else if let expectedColumn, index >= expectedColumn, index < achievedColumn {
                        expected = DocumentText.join(expected, cell)
                    }
                }
            } else {
                let cells = row.filled.filter { !DocumentText.compact($0).contains("目标") || $0.count > 8 }
                if cells.count == 2 {
                    expected = DocumentText.join(expected, cells[0])
                    achieved = DocumentText.join(achieved, cells[1])
                }
            }
        }
        if expected == nil && achieved == nil { return nil }
        return Submission.Goals(expected: expected, achieved: achieved)
    }

    // MARK: Indicator rows

    /// The cells of one printed row by column: by position when the row lines up with the
    /// header, else by what each cell looks like (a row shifted by the extraction).
    func parts(of row: GridRow, columns: [Submission.IndicatorColumn: Int], headerWidth: Int) -> RowParts {
        if row.positional, !(row.collapses && row.cells.count < headerWidth), let parts = positionalParts(row, columns) { return parts }
        return Self.contentParts(row.filled, line: row.line, hasPoints: columns[.points] != nil, words: words)
    }

    func positionalParts(_ row: GridRow, _ columns: [Submission.IndicatorColumn: Int]) -> RowParts? {
        var parts = RowParts(line: row.line)
        let level1Column = columns[.level1] ?? 0
        // Cells left of the level-1 column (绩效指标) may hold the level-1 points.
        for index in 0..<level1Column {
            guard let cell = row.cell(index) else { continue }
            if let points = Labels.pointsOnly(cell) { parts.level1Points = points } else if words.level(of: cell) == .one {
                parts.level1 = cell
            } else if !DocumentText.compact(cell).contains("指标") { return nil }
        }
        if let cell = row.cell(level1Column) {
            let (label, points) = Labels.splitPoints(cell)
            if let label {
                let level = words.level(of: label)
                let fragment = words.isLabelStart(label) || label == "指标" || label == "标" || label.hasSuffix("指标")
                if level == .two || (!fragment && level == nil) { return nil }
                parts.level1 = label
            }
            if let points { parts.level1Points = points }
        }
        if let cell = row.cell(columns[.level2]) {
            if words.level(of: cell) == .one, Labels.splitPoints(cell).points != nil { return nil }
            parts.level2 = DocumentText.compact(cell)
        }
        parts.name = row.cell(columns[.level3])
        parts.target = target(row, column: columns[.target])
        parts.actual = row.cell(columns[.actual])
        parts.reason = row.cell(columns[.reason])
        if let cell = row.cell(columns[.points]) {
            guard let number = PrintedNumber(parsing: cell) else { return nil }
            parts.points = number
        }
        if let cell = row.cell(columns[.score]) {
            guard let number = PrintedNumber(parsing: cell) else { return nil }
            parts.score = number
        }
        // Cells right of every known column must be empty; text there means the row is shifted.
        let last = ([targetColumns.comparator, targetColumns.unit].compactMap { $0 } + columns.values).max() ?? 0
        if row.cells.count > last + 1, row.cells[(last + 1)...].contains(where: { !$0.isEmpty }) { return nil }
        return parts
    }

    /// The 自评分 is what the audit checks; where the reviewer's 复核分 differs, a note says so.
    mutating func noteReview(_ row: GridRow, score: PrintedNumber?, name: String?) {
        guard let review = row.cell(reviewColumn).flatMap(PrintedNumber.init(parsing:)), let score, review.number != score.number else { return }
        let what = name.map { "“\($0)”" } ?? ""
        note(row.line, .indicators, zh: "第 \(row.line) 行\(what)自评分 \(score)，复核分 \(review)，两者不同（审核按自评分）",
             en: "line \(row.line)\(name.map { " ('\($0)')" } ?? ""): self-assessed \(score), reviewed \(review); they differ (the audit takes the self-assessed score)")
    }

    /// The target of a row: its 指标值 cell, with the comparator and the unit when the form prints
    /// them in cells of their own (`≥ | 200 | 人次` → `≥ 200 人次`; 正向 as ≥, 反向 as ≤).
    func target(_ row: GridRow, column: Int?) -> String? {
        guard let value = row.cell(column) else { return nil }
        let comparator = row.cell(targetColumns.comparator).flatMap(words.comparator(ofTargetKind:))
        let unit = row.cell(targetColumns.unit).flatMap { words.isPlaceholder($0) ? nil : $0 }
        return [comparator, value, unit].compactMap { $0 }.joined(separator: " ")
    }

    /// A cell that can only be a value, never a name: a comparator first (`≥ 36 次`), or a number
    /// with at most a short unit (`38 次`, `98%`, `3594.07 万元`, `2023年10月`).
    static func isBareValue(_ cell: String) -> Bool {
        guard let first = cell.unicodeScalars.first else { return false }
        if Labels.comparators.unicodeScalars.contains(first) { return true }
        let rest = cell.unicodeScalars.drop { ("0"..."9").contains($0) || $0 == "." || $0 == "," }
        guard rest.count < cell.unicodeScalars.count else { return false }
        let unit = String(String.UnicodeScalarView(rest)).trimmingCharacters(in: .whitespaces)
        return unit.count <= 4 && !unit.contains(" ")
    }

    /// Reads a row by what its cells look like: labels first, then the name, the target and the
    /// actual, then points and score (two plain numbers), then a reason. When the cells do not
    /// fit, the fields that cannot be placed are left absent.
    static func contentParts(_ cells: [String], line: Int, hasPoints: Bool, words: TableWords) -> RowParts {
        var parts = RowParts(line: line)
        var index = 0
        // A level-2 label printed without 指标 (`服务对象满意度`) may as well be an indicator's name.
        var bareLevel2 = false
        while index < cells.count {
            let cell = cells[index]
            if let points = Labels.pointsOnly(cell) {
                parts.level1Points = points
                index += 1
                continue
            }
            let (label, points) = Labels.splitPoints(cell)
            guard let label, let level = words.level(of: label) else { break }
            let nextIsLabel = index + 1 < cells.count && words.level(of: cells[index + 1]) != nil
            if parts.level1 == nil, parts.level2 == nil, level == .one || (level == .either && (points != nil || nextIsLabel)) {
                parts.level1 = label
                if let points { parts.level1Points = points }
            } else if parts.level2 == nil {
                parts.level2 = label
                bareLevel2 = points == nil && !label.hasSuffix("指标")
            } else {
                break
            }
            index += 1
        }
        var rest = Array(cells[index...])
        // Points and score: the last two plain numbers, a reason after them.
        var numbers: [Int] = []
        for position in rest.indices.reversed() {
            if PrintedNumber(parsing: rest[position]) != nil, !rest[position].contains("%") {
                numbers.append(position)
                if numbers.count == (hasPoints ? 2 : 1) { break }
            } else if !numbers.isEmpty || position < rest.count - 1 {
                break
            }
        }
        if numbers.count == (hasPoints ? 2 : 1) {
            let first = numbers.min()!
            if first + numbers.count < rest.count { parts.reason = rest[(first + numbers.count)...].joined(separator: " ") }
            if hasPoints {
                parts.points = PrintedNumber(parsing: rest[first])
                parts.score = PrintedNumber(parsing: rest[first + 1])
            } else {
                parts.score = PrintedNumber(parsing: rest[first])
            }
            rest = Array(rest[..<first])
        }
        switch rest.count {
        case 0: break
        case 1: parts.name = rest[0]
        case 2 where index == 0 && isBareValue(rest[0]) && isBareValue(rest[1]):
            // No name: the values of a row whose name is on the line above (`产出指标 | 数量指标 |
            // 培训场次 |` then `| ≥ 36 次 | 38 次 | 13 | 13 |`).
            parts.target = rest[0]
            parts.actual = rest[1]
        case 2 where bareLevel2:
            // The label was the name: a row is a name, a target and an actual.
            parts.name = parts.level2
            parts.level2 = nil
            parts.target = rest[0]
            parts.actual = rest[1]
        case 2:
            // A name and one value: which of target and actual it is cannot be told.
            parts.name = rest[0]
            parts.unplaced.append(rest[1])
        default:
            parts.actual = rest[rest.count - 1]
            parts.target = rest[rest.count - 2]
            // Adjacent repeats are the extraction doubling a merged cell.
            var names: [String] = []
            for cell in rest[..<(rest.count - 2)] where names.last != cell { names.append(cell) }
            parts.name = names.joined()
        }
        return parts
    }
}

/// What both table parsers (cells in a grid, cells in a stream) share: positions in their
/// document and the notes about what they could not read.
protocol TableParsing {
    var file: String { get }
    var notes: [ImportNote] { get set }
}

/// What a table parser read of one table, before it becomes a submission.
struct TableRead {
    var title: DocumentText.Line
    var titleText: String
    var kind: Labels.TableKind
    var documentYear: Int?
    var names: [Labels.NameField: String]
    var money: Submission.MoneyUnit?
    var budget: Submission.BudgetRow
    var budgetRowFound: Bool
    var goals: Submission.Goals?
    var breakdown: BudgetBreakdown
    var assembler: IndicatorAssembler
    var headerFound: Bool
    var columns: Set<Submission.IndicatorColumn>
    var total: Submission.TotalRow
    var totalRowFound: Bool
    var grade: Submission.Claim<String>?
    var lastLine: Int
}

extension TableParsing {
    func location(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line) }

    /// The table as a submission, with notes on a missing indicator header or 总分 row; nil (and
    /// a note) when neither the title nor the document states a year.
    mutating func finish(_ read: TableRead) -> ImportedTable? {
        var assembler = read.assembler
        let categories = assembler.finish()
        if !read.headerFound {
            note(read.title.number, .field("categories"), zh: "未找到绩效指标表头（一级指标、二级指标、三级指标……）",
                 en: "no indicator header (一级指标, 二级指标, 三级指标…) found")
        }
        notes += assembler.notes
        if !read.totalRowFound { note(read.lastLine, .total, zh: "未找到总分一行", en: "no total (总分) row found") }
        guard let year = Labels.year(in: read.titleText) ?? read.documentYear else {
            note(read.title.number, .field("year"), zh: "标题中没有年份，文中也找不到", en: "no year in the title or the document")
            return nil
        }
        let names = read.names
        let submission = Submission(
            file: file, unit: names[.unit], title: read.titleText, level: read.kind == .project ? .project : .department,
            project: names[.project], department: names[.department], implementer: names[.implementer],
            year: year, region: nil, rubric: nil, money: read.money ?? .wanYuan, budget: read.budget, goals: read.goals,
            categories: categories, total: read.total, grade: read.grade,
            source: Submission.Source(file: file, table: nil, firstLine: read.title.number, lastLine: read.lastLine),
            imported: Submission.ImportCoverage(
                budgetRowFound: read.budgetRowFound, indicatorHeaderFound: read.headerFound, columns: read.columns,
                indicatorRowsSeen: assembler.rowsSeen, totalRowFound: read.totalRowFound),
            location: location(read.title.number))
        return ImportedTable(submission: submission, notes: notes, breakdown: read.breakdown)
    }

    mutating func note(_ line: Int, _ subject: Subject, zh: String, en: String) {
        notes.append(ImportNote(table: nil, location: location(line), subject: subject, message: LocalizedText(zh: zh, en: en)))
    }
}
