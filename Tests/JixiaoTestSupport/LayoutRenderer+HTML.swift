extension LayoutRenderer {
    /// `table` as a web page, the way sites publish it: one `<table>` of eight columns whose
    /// title, names and 总分 label span columns and whose level-1 and level-2 cells span the rows
    /// of their indicators. Every cell is marked as text for LibreOffice (`sdnum="2052;0;@"`), so
    /// that a spreadsheet made from the page keeps each figure as printed (`45.20`, `99.27%`).
    package static func html(_ table: LayoutTable) -> String {
        func cell(_ text: String, columns: Int = 1, rows: Int = 1) -> String {
            let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            return "<td" + (columns > 1 ? " colspan=\"\(columns)\"" : "") + (rows > 1 ? " rowspan=\"\(rows)\"" : "")
                + " sdnum=\"2052;0;@\">\(escaped)</td>"
        }
        func row(_ cells: [String]) -> String { "<tr>" + cells.joined() + "</tr>" }
        var rows = [row([cell(table.title, columns: 8)])]
        if let project = table.project { rows.append(row([cell("项目名称"), cell(project, columns: 7)])) }
        rows.append(row([cell("单位名称"), cell(table.unit, columns: 7)]))
        rows.append(row([cell("项目资金（万元）", columns: 2)] + ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].map { cell($0) }))
        rows.append(row([cell(""), cell("年度资金总额")]
            + [table.initial ?? "", table.adjusted, table.executed, table.budgetPoints, table.rate, table.budgetScore].map { cell($0) }))
        rows.append(row(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"].map { cell($0) }))
        for category in table.categories {
            for (position, indicator) in category.indicators.enumerated() {
                var cells: [String] = []
                if position == 0 { cells.append(cell("\(category.name) (\(category.points)分)", rows: category.indicators.count)) }
                let previous = position > 0 ? category.indicators[position - 1].subcategory : nil
                if indicator.subcategory != previous {
                    let run = category.indicators[position...].prefix { $0.subcategory == indicator.subcategory }.count
                    cells.append(cell(indicator.subcategory, rows: run))
                }
                cells += [indicator.name, indicator.target.printed, indicator.actual, indicator.points, indicator.score, indicator.reason ?? ""]
                    .map { cell($0) }
                rows.append(row(cells))
            }
        }
        rows.append(row([cell("总分", columns: 5), cell(table.totalPoints), cell(table.totalScore), cell("")]))
        return """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>\(table.title)</title></head><body>
            <table border="1" cellspacing="0" cellpadding="4">
            \(rows.joined(separator: "\n"))
            </table>
            </body></html>

            """
    }
}
