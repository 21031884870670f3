import Foundation

/// The text layouts in which real self-evaluation tables reach us (DOMAIN.md §8).
package enum TextLayout: String, CaseIterable, Sendable {
    /// Tab-separated rows, blank cells kept: the shape of the seeds.
    case tab
    /// `| a | b |` rows of a flattened web table, blank cells collapsed: a row may have fewer
    /// cells than its header.
    case pipe
    /// As `pipe`, but a row's label cells alone on one line (`年度资金总额 |`) and its figures on
    /// the next (`| 45.20 | 44.87 | …`).
    case labelAlone
    /// One cell per line, each ending ` |`; a blank cell is a lone `|` or a no-break space; a
    /// blank line between rows.
    case cellPerLine
    /// One cell per line with nothing around it, blank cells left out, a blank line between rows:
    /// the shape of Fixtures/documents/one-cell-per-line-project.txt.
    case cellPerLineBare
    /// Each row's cells joined by single spaces on one line (PDF text without layout).
    case runTogether
    /// Tab-separated, the target printed in three columns: 指标性质 | 指标值 | 度量单位.
    case threeColumnTarget
    /// Tab-separated, header words with spaces inside (`一级 指标`) and renamed (权重, 自评得分,
    /// 全年实际值, 资金总额, 自评总分 …).
    case spacedHeaders
    /// Tab-separated, the form's fixed words in traditional characters (績效, 年度資金總額, 總分 …).
    case traditional

    // Shapes of DOMAIN.md §8 and issue 19 beyond the layouts above.

    /// As `runTogether`, with figures fused without spaces where PDF extraction does it: the
    /// budget row's figures (`505010100.00%10` for 50 | 50 | 10 | 100.00% | 10), the total's
    /// points and score, and about half the indicator rows' 分值 and 得分 (`55` for 5 | 5).
    case fused
    /// As `runTogether`, the title in a line with the row after it (项目名称, or 单位名称 for a
    /// department), sometimes after `附件2`.
    case titleInLine
    /// Tab-separated, no title line: a heading names the table (`一、2023年度…绩效自评情况`).
    case noTitle
    /// Tab-separated, the title in another wording with the year in brackets before or after it
    /// (`部门整体绩效自评表（2023年度）`, `附件：项目自评表(2023年度)`, `（2023年度）绩效目标自评表`).
    case yearInBrackets
    /// Tab-separated, 其中 rows under 年度资金总额 (当年财政拨款, 上年结转资金, 其他资金) with their
    /// own amounts and rate, repeating the total row's 分值 and 得分 (merged cells flattened).
    case subRows
    /// Tab-separated, a form with no 分值 column: only 得分, in the budget row, the indicator rows
    /// and the 总分 row; level-1 labels without their points.
    case onlyScore
    /// Tab-separated, 自评分 and 复核分 columns; the 复核分 is a point lower in some rows, and
    /// the 总分 row carries both sums.
    case reviewScore
    /// As `runTogether`, the indicator header's wrapped words on a second line, as PDF text gives
    /// a header whose cells wrap: `… 年度 实际 分值 得分 偏差原因分析` then `指标值 完成值 及改进措施`.
    case splitHeader
    /// Tab-separated with the target in three columns, under a header of two rows: 年度指标值
    /// spanning three cells, then 指标性质 | 指标值 | 度量单位 below it.
    case twoHeaderRows
    // Columns in scrambled order (PDF extraction of merged cells) are not a layout here: the
    // order depends on the file and the extractor, and no single order stands for them.
}

/// Writes a `LayoutTable` as document text in each layout of `TextLayout`.
///
/// The table is first laid out as a grid of cells, the way the printed form has it (title;
/// unit name; budget header and 年度资金总额 row; indicator header, rows and 总分), then written
/// out. Cells are marked as the form's own words or the table's content: only the form's words
/// are respelled (spaced, renamed, traditional); invented names and values stay as they are.
package enum LayoutRenderer {
    package static func text(_ table: LayoutTable, _ layout: TextLayout) -> String {
        var random = SeededRandom(seed: table.seed ^ 0x5EED_1A70)
        // The form's own choices draw on a generator of their own, so that the older layouts'
        // text does not change when a layout is added.
        var formRandom = SeededRandom(seed: table.seed ^ 0xF0_4A5E)
        let grid = rows(table, layout, random: &formRandom).map { row in
            var row = row
            row.cells = row.cells.map { cell in
                guard cell.isFormWord else { return cell }
                switch layout {
                case .spacedHeaders: return Cell(spaced(cell.text, random: &random), isFormWord: true)
                case .traditional: return Cell(traditional(cell.text), isFormWord: true)
                default: return cell
                }
            }
            return row
        }
        var lines: [String] = []
        for row in grid {
            let filled = row.cells.map(\.text).filter { !$0.isEmpty }
            switch layout {
            case .tab, .threeColumnTarget, .spacedHeaders, .traditional, .noTitle, .yearInBrackets, .subRows, .onlyScore,
                 .reviewScore, .twoHeaderRows:
                lines.append(row.cells.map(\.text).joined(separator: "\t"))
            case .pipe:
                lines.append(piped(filled))
            case .labelAlone:
                let labels = row.cells.prefix(row.labels).map(\.text).filter { !$0.isEmpty }
                let figures = row.cells.dropFirst(row.labels).map(\.text).filter { !$0.isEmpty }
                if row.labels == 0 || labels.isEmpty || figures.isEmpty {
                    lines.append(piped(filled))
                } else {
                    lines.append(labels.joined(separator: " | ") + " |")
                    lines.append(piped(figures))
                }
            case .cellPerLine:
                for cell in row.cells {
                    lines.append(cell.text.isEmpty ? (random.chance(0.5) ? "|" : "\u{00A0}") : cell.text + " |")
                }
                lines.append("")
            case .cellPerLineBare:
                lines += filled
                lines.append("")
            case .runTogether, .titleInLine, .splitHeader, .fused:
                lines.append(runTogether(row))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The row's filled cells joined by single spaces, those in `row.fused` by nothing.
    static func runTogether(_ row: Row) -> String {
        var line = ""
        var previous: Int?
        for (index, cell) in row.cells.enumerated() where !cell.text.isEmpty {
            if let previous, !(row.fused.contains(previous) && row.fused.contains(index)) { line += " " }
            line += cell.text
            previous = index
        }
        return line
    }

    static func piped(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    // MARK: The grid

    struct Cell {
        var text: String
        /// A word of the form (a header, a label, the title), not the table's own content.
        var isFormWord: Bool

        init(_ text: String, isFormWord: Bool = false) {
            self.text = text
            self.isFormWord = isFormWord
        }
    }

    struct Row {
        var cells: [Cell]
        /// How many leading cells are the row's label (for `labelAlone`); 0 for rows that are
        /// not split.
        var labels = 0
        /// The cells whose filled ones a run-together line prints with nothing between them.
        var fused: Range<Int> = 0..<0
    }

    static func rows(_ table: LayoutTable, _ layout: TextLayout, random: inout SeededRandom) -> [Row] {
        func words(_ texts: [String]) -> [Cell] { texts.map { Cell($0, isFormWord: true) } }
        let threeColumnTarget = layout == .threeColumnTarget || layout == .twoHeaderRows
        let hasPoints = layout != .onlyScore
        let hasReview = layout == .reviewScore

        var names: [Row] = []
        if let project = table.project { names.append(Row(cells: [Cell("项目名称", isFormWord: true), Cell(project)])) }
        names.append(Row(cells: [Cell("单位名称", isFormWord: true), Cell(table.unit)]))
        var rows: [Row] = []
        switch layout {
        case .noTitle:
            let subject = table.project ?? table.unit + "部门整体支出"
            rows.append(Row(cells: [Cell("一、\(table.year)年度\(subject)绩效自评情况", isFormWord: true)]))
            rows += names
        case .titleInLine:
            let annex = random.chance(0.5) ? [Cell("附件\(1 + random.below(3))", isFormWord: true)] : []
            rows.append(Row(cells: annex + [Cell(table.title, isFormWord: true)] + names[0].cells))
            rows += names.dropFirst()
        case .yearInBrackets:
            rows.append(Row(cells: [Cell(bracketedTitle(table, random: &random), isFormWord: true)]))
            rows += names
        default:
            rows.append(Row(cells: [Cell(table.title, isFormWord: true)]))
            rows += names
        }

        let budgetScores = hasPoints ? ["分值", "执行率", "得分"] : ["执行率", "得分"]
        rows.append(Row(cells: words(["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数"] + budgetScores)))
        let budget = [table.initial ?? "", table.adjusted, table.executed] + (hasPoints ? [table.budgetPoints] : [])
            + [table.rate, table.budgetScore]
        rows.append(Row(cells: [Cell(""), Cell("年度资金总额", isFormWord: true)] + budget.map { Cell($0) }, labels: 2,
                        fused: layout == .fused ? 2..<(2 + budget.count) : 0..<0))
        if layout == .subRows { rows += subRows(table, random: &random) }

        let target = threeColumnTarget ? ["指标性质", "指标值", "度量单位"] : ["年度指标值"]
        let scores = (hasPoints ? ["分值"] : []) + (hasReview ? ["自评分", "复核分"] : ["得分"])
        switch layout {
        case .splitHeader:
            rows.append(Row(cells: words(["一级指标", "二级指标", "三级指标", "年度", "实际"] + scores + ["偏差原因分析"])))
            rows.append(Row(cells: words(["指标值", "完成值", "及改进措施"])))
        case .twoHeaderRows:
            let blanks = scores.map { _ in "" }
            rows.append(Row(cells: words(["一级指标", "二级指标", "三级指标", "年度指标值", "", "", "实际完成值"] + scores
                + ["偏差原因分析及改进措施"])))
            rows.append(Row(cells: words(["", "", "", "指标性质", "指标值", "度量单位", ""] + blanks + [""])))
        default:
            rows.append(Row(cells: words(["一级指标", "二级指标", "三级指标"] + target + ["实际完成值"] + scores + ["偏差原因分析及改进措施"])))
        }
        var reviewCents = LayoutTable.cents(table.totalScore)
        for category in table.categories {
            var previous: String?
            for (position, indicator) in category.indicators.enumerated() {
                let level1 = position == 0 ? (hasPoints ? "\(category.name) (\(category.points)分)" : category.name) : ""
                let level2 = indicator.subcategory == previous ? "" : indicator.subcategory
                previous = indicator.subcategory
                let targetCells = threeColumnTarget
                    ? [indicator.target.comparator, indicator.target.amount, indicator.target.unit]
                    : [indicator.target.printed]
                var figures = (hasPoints ? [indicator.points] : []) + [indicator.score]
                if hasReview {
                    // The reviewer takes a point off some rows given full marks.
                    let points = LayoutTable.cents(indicator.points)
                    if indicator.score == indicator.points, points >= 200, random.chance(0.3) {
                        figures.append(String(points / 100 - 1))
                        reviewCents -= 100
                    } else {
                        figures.append(indicator.score)
                    }
                }
                // Cells: level 1, level 2, name, the target's, the actual, then the figures.
                let first = 4 + targetCells.count
                rows.append(Row(
                    cells: words([level1, level2]) + ([indicator.name] + targetCells + [indicator.actual] + figures
                        + [indicator.reason ?? ""]).map { Cell($0) },
                    labels: 3, fused: layout == .fused && random.chance(0.5) ? first..<(first + 2) : 0..<0))
            }
        }
        let blanks = Array(repeating: "", count: 3 + target.count)
        let total = (hasPoints ? [table.totalPoints] : []) + [table.totalScore] + (hasReview ? [LayoutTable.fixed(reviewCents)] : [])
        rows.append(Row(cells: [Cell("总分", isFormWord: true)] + (blanks + total + [""]).map { Cell($0) }, labels: 1,
                        fused: layout == .fused ? (1 + blanks.count)..<(1 + blanks.count + total.count) : 0..<0))
        return rows
    }

    /// The 其中 rows of `subRows`: the budget and what was spent split over 当年财政拨款, 上年结转资金
    /// and 其他资金 (sometimes nothing), each with its own rate, and the total's 分值 and 得分
    /// repeated, as a merged cell flattened repeats them.
    static func subRows(_ table: LayoutTable, random: inout SeededRandom) -> [Row] {
        let adjusted = LayoutTable.cents(table.adjusted)
        let carried = random.below(adjusted / 4 + 1)
        let other = random.chance(0.5) ? random.below(adjusted / 10 + 1) : 0
        let budgets = [adjusted - carried - other, carried, other]
        var left = LayoutTable.cents(table.executed)
        let spent = budgets.map { budget in
            let part = min(budget, left)
            left -= part
            return part
        }
        var initials = ["", "", ""]
        if let initial = table.initial.map(LayoutTable.cents) {
            let current = initial - carried - other
            initials = (current >= 0 ? [current, carried, other] : [initial, 0, 0]).map(LayoutTable.fixed)
        }
        return ["其中：当年财政拨款", "上年结转资金", "其他资金"].indices.map { index in
            let rate = budgets[index] == 0 ? "" : LayoutTable.fixed(LayoutTable.divideRounded(spent[index] * 10_000, budgets[index])) + "%"
            let figures = [initials[index], LayoutTable.fixed(budgets[index]), LayoutTable.fixed(spent[index]), table.budgetPoints,
                           rate, table.budgetScore]
            return Row(cells: [Cell(""), Cell(["其中：当年财政拨款", "上年结转资金", "其他资金"][index], isFormWord: true)]
                + figures.map { Cell($0) }, labels: 2)
        }
    }

    /// A title of another wording, the year in brackets before or after it.
    static func bracketedTitle(_ table: LayoutTable, random: inout SeededRandom) -> String {
        let year = "\(table.year)年度"
        let titles = table.kind == .project
            ? ["附件：项目自评表(\(year))", "项目支出绩效自评表（\(year)）", "（\(year)）绩效目标自评表"]
            : ["部门整体绩效自评表（\(year)）", "(\(year))部门整体支出绩效自评表", "附件:绩效目标自评表（\(year)）"]
        return titles[random.below(titles.count)]
    }

    // MARK: Spellings of the form's words

    /// A header or label word as forms with spaces inside words and other names print it.
    static func spaced(_ word: String, random: inout SeededRandom) -> String {
        func either(_ a: String, _ b: String) -> String { random.chance(0.5) ? a : b }
        switch word {
        case "一级指标": return "一级 指标"
        case "二级指标": return "二级 指标"
        case "三级指标": return "三级 指标"
        case "年度指标值": return "年度 指标值"
        case "实际完成值": return either("全年实际值", "实际 完成值")
        case "分值": return "权重"
        case "得分": return "自评得分"
        case "年初预算数": return "年初 预算数"
        case "全年预算数": return "全年 预算数"
        case "全年执行数": return "全年 执行数"
        case "年度资金总额": return either("资金总额", "年度财政资金总额")
        case "总分": return either("自评总分", "合计")
        default: return word
        }
    }

    /// The form's words in traditional characters, longest first so that a word inside another
    /// (指标 in 产出指标) is not converted twice.
    static let traditionalWords: [(String, String)] = [
        ("偏差原因分析及改进措施", "偏差原因分析及改進措施"), ("服务对象满意度指标", "服務對象滿意度指標"),
        ("可持续影响指标", "可持續影響指標"), ("经济效益指标", "經濟效益指標"), ("社会效益指标", "社會效益指標"),
        ("生态效益指标", "生態效益指標"), ("项目资金（万元）", "項目資金（萬元）"), ("部门整体支出", "部門整體支出"),
        ("项目支出", "項目支出"), ("绩效自评表", "績效自評表"), ("年度资金总额", "年度資金總額"),
        ("年初预算数", "年初預算數"), ("全年预算数", "全年預算數"), ("全年执行数", "全年執行數"),
        ("满意度指标", "滿意度指標"), ("年度指标值", "年度指標值"), ("实际完成值", "實際完成值"),
        ("产出指标", "產出指標"), ("效益指标", "效益指標"), ("数量指标", "數量指標"), ("质量指标", "質量指標"),
        ("时效指标", "時效指標"), ("成本指标", "成本指標"), ("一级指标", "一級指標"), ("二级指标", "二級指標"),
        ("三级指标", "三級指標"), ("单位名称", "單位名稱"), ("项目名称", "項目名稱"), ("执行率", "執行率"),
        ("总分", "總分"),
    ]

    static func traditional(_ text: String) -> String {
        var text = text
        for (simplified, traditional) in traditionalWords { text = text.replacingOccurrences(of: simplified, with: traditional) }
        return text
    }
}
