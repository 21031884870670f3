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
        let grid = rows(table, threeColumnTarget: layout == .threeColumnTarget).map { row in
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
            case .tab, .threeColumnTarget, .spacedHeaders, .traditional:
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
            case .runTogether:
                lines.append(filled.joined(separator: " "))
            }
        }
        return lines.joined(separator: "\n") + "\n"
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
    }

    static func rows(_ table: LayoutTable, threeColumnTarget: Bool) -> [Row] {
        func words(_ texts: [String]) -> [Cell] { texts.map { Cell($0, isFormWord: true) } }
        var rows: [Row] = [Row(cells: [Cell(table.title, isFormWord: true)])]
        if let project = table.project { rows.append(Row(cells: [Cell("项目名称", isFormWord: true), Cell(project)])) }
        rows.append(Row(cells: [Cell("单位名称", isFormWord: true), Cell(table.unit)]))
        rows.append(Row(cells: words(["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"])))
        rows.append(Row(cells: [Cell(""), Cell("年度资金总额", isFormWord: true)]
            + [table.initial ?? "", table.adjusted, table.executed, table.budgetPoints, table.rate, table.budgetScore].map { Cell($0) },
            labels: 2))
        let target = threeColumnTarget ? ["指标性质", "指标值", "度量单位"] : ["年度指标值"]
        rows.append(Row(cells: words(["一级指标", "二级指标", "三级指标"] + target + ["实际完成值", "分值", "得分", "偏差原因分析及改进措施"])))
        for category in table.categories {
            var previous: String?
            for (position, indicator) in category.indicators.enumerated() {
                let level1 = position == 0 ? "\(category.name) (\(category.points)分)" : ""
                let level2 = indicator.subcategory == previous ? "" : indicator.subcategory
                previous = indicator.subcategory
                let targetCells = threeColumnTarget
                    ? [indicator.target.comparator, indicator.target.amount, indicator.target.unit]
                    : [indicator.target.printed]
                rows.append(Row(
                    cells: words([level1, level2]) + ([indicator.name] + targetCells
                        + [indicator.actual, indicator.points, indicator.score, indicator.reason ?? ""]).map { Cell($0) },
                    labels: 3))
            }
        }
        let blanks = Array(repeating: "", count: threeColumnTarget ? 6 : 4)
        rows.append(Row(cells: [Cell("总分", isFormWord: true)] + (blanks + [table.totalPoints, table.totalScore, ""]).map { Cell($0) },
                        labels: 1))
        return rows
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
