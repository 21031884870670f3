import Foundation
import JixiaoBase
import JixiaoModel
import JixiaoFormats

extension NearestTable {
    /// The headers of a self-evaluation table's indicator section, in the order the forms print them.
    static let requiredColumns: [(column: Submission.IndicatorColumn, name: String)] = [
        (.level1, "一级指标"), (.level2, "二级指标"), (.level3, "三级指标"), (.target, "年度指标值"),
        (.actual, "实际完成值"), (.points, "分值"), (.score, "得分"),
    ]

    /// A run of lines that looks like a table: grid rows (tab- or `|`-separated), a header
    /// printed on one line of PDF text and the lines after it, or header cells one per line.
    struct Run {
        var first: Int
        var last: Int
        var rows: Int
        /// The indicator headers of its best header line.
        var columns: Set<Submission.IndicatorColumn>

        var missing: [String] {
            NearestTable.requiredColumns.filter { !columns.contains($0.column) }.map(\.name)
        }
    }

    /// The nearest thing to a table in `document`; `skipped` are the tables found but not
    /// imported. Nil when `time` runs out.
    static func find(in document: DocumentText, skipped: [TableRegion], words: TableWords, time: inout TimeLimit.Ticker) -> NearestTable? {
        if let region = skipped.first, let title = document.line(region.titleLine) {
            let text = excerpt(title.filledCells.joined(separator: " "))
            return NearestTable(line: region.titleLine, description: LocalizedText(
                zh: "第 \(region.titleLine) 行的“\(text)”表没有年份（标题和全文都没有），未能导入",
                en: "the table “\(text)” on line \(region.titleLine) has no year (neither its title nor the document states one), so it was not imported"))
        }
        guard let runs = runs(in: document, words: words, time: &time) else { return nil }
        var titles: [DocumentText.Line] = []
        for line in document.lines where line.filledCells.count <= 2 {
            if time.isExpired() { return nil }
            if let kind = words.titleKind(line.filledCells.joined(separator: " ")), kind != .baseData { titles.append(line) }
        }
        if let title = titles.first {
            let text = excerpt(title.filledCells.joined(separator: " "))
            let next = titles.dropFirst().first?.number ?? Int.max
            if let run = runs.first(where: { $0.first > title.number && $0.first < next }) {
                let missing = run.missing
                return NearestTable(line: title.number, description: missing.isEmpty
                    ? LocalizedText(zh: "第 \(title.number) 行有标题“\(text)”，其后第 \(span(run)) 行的表未能读取",
                                    en: "line \(title.number) has the title “\(text)”, but the table on lines \(span(run)) after it cannot be read")
                    : LocalizedText(zh: "第 \(title.number) 行有标题“\(text)”，但其后第 \(span(run)) 行的表缺少表头：\(missing.joined(separator: "、"))",
                                    en: "line \(title.number) has the title “\(text)”, but the table on lines \(span(run)) after it lacks the headers \(missing.joined(separator: ", "))"))
            }
            return NearestTable(line: title.number, description: LocalizedText(
                zh: "第 \(title.number) 行有标题“\(text)”，但其后没有表格（没有一级指标、二级指标、三级指标表头，也没有年度资金总额一行）",
                en: "line \(title.number) has the title “\(text)”, but no table follows it (no 一级指标 / 二级指标 / 三级指标 header and no 年度资金总额 row)"))
        }
        let best = runs.max { ($0.columns.count, $0.rows) < ($1.columns.count, $1.rows) }
        if let run = best, !run.columns.isEmpty {
            let missing = run.missing
            return NearestTable(line: run.first, description: missing.isEmpty
                ? LocalizedText(zh: "第 \(span(run)) 行的表有自评表的表头，但前面没有“……绩效自评表”标题",
                                en: "the table on lines \(span(run)) has the headers of a self-evaluation table but no “…绩效自评表” title above it")
                : LocalizedText(zh: "第 \(span(run)) 行有一张 \(run.rows) 行的表，但表头缺少\(missing.joined(separator: "、"))，前面也没有“……绩效自评表”标题",
                                en: "lines \(span(run)) hold a \(run.rows)-row table, but its header lacks \(missing.joined(separator: ", ")) and no “…绩效自评表” title precedes it"))
        }
        // Lines without 评 are passed over by a scalar scan, before the word searches.
        let mentions = document.lines.filter { $0.text.unicodeScalars.contains("评") }
        if time.isExpired(mentions.count) { return nil }
        let mention = mentions.first { $0.compact.contains("自评表") }
            ?? mentions.first { $0.compact.contains("绩效自评") || $0.compact.contains("绩效评价") }
        if let mention {
            let text = excerpt(mention.text)
            return NearestTable(line: mention.number, description: LocalizedText(
                zh: "第 \(mention.number) 行提到“\(text)”，但文中没有这样的表格",
                en: "line \(mention.number) mentions “\(text)”, but no such table is in the document"))
        }
        if let run = best {
            let all = requiredColumns.map(\.name)
            return NearestTable(line: run.first, description: LocalizedText(
                zh: "第 \(span(run)) 行有一张 \(run.rows) 行的表，但不是绩效自评表（表头没有\(all.joined(separator: "、"))）",
                en: "lines \(span(run)) hold a \(run.rows)-row table, but not a self-evaluation table (no \(all.joined(separator: ", ")) header)"))
        }
        return NearestTable(line: 0, description: LocalizedText(
            zh: "文中没有任何像表格的内容（没有以制表符或“|”分隔的行，也没有自评表的标题或表头）",
            en: "nothing in the document resembles a table (no tab- or |-separated rows, no self-evaluation title or header)"))
    }

    /// The table-like runs of the document, in order; nil when `time` runs out.
    static func runs(in document: DocumentText, words: TableWords, time: inout TimeLimit.Ticker) -> [Run]? {
        var runs: [Run] = []
        var current: Run?
        var currentIsText = false
        func close() {
            if let run = current, run.rows >= 2 || run.columns.count >= 2 { runs.append(run) }
            current = nil
        }
        for line in document.lines {
            if time.isExpired() { return nil }
            if line.isBlank {
                // Rows of one table may be separated by blank lines; a second blank line ends it.
                if let run = current, line.number > run.last + 1 { close() }
                continue
            }
            let gridRow = line.shape != .plain && line.filledCells.count >= 2
            let cells = gridRow ? line.cells : StreamTableParser.tokens(line)
            let columns = Set(cells.compactMap(words.indicatorColumn))
            // A header cell on a line of its own (a table flattened to one cell per line).
            let headerCell = !gridRow && cells.count == 1 && columns.count == 1 && line.compact.count <= 12
            // The rows under a header printed on one line of PDF text.
            let textRow = current != nil && currentIsText && line.shape == .plain
            guard gridRow || columns.count >= 2 || headerCell || textRow else {
                close()
                continue
            }
            // Grid rows and lines of text are never one table.
            if current != nil, gridRow == currentIsText { close() }
            if var run = current {
                run.last = line.number
                run.rows += 1
                if headerCell { run.columns.formUnion(columns) } else if columns.count > run.columns.count { run.columns = columns }
                current = run
            } else {
                current = Run(first: line.number, last: line.number, rows: 1, columns: columns)
                currentIsText = !gridRow
            }
        }
        close()
        return runs
    }

    private static func span(_ run: Run) -> String {
        run.first == run.last ? "\(run.first)" : "\(run.first)–\(run.last)"
    }

    /// A line's text cut to 40 characters, for messages.
    private static func excerpt(_ text: String) -> String {
        let clean = DocumentText.clean(text)
        return clean.count > 40 ? String(clean.prefix(40)) + "…" : clean
    }
}
