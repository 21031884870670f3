import Foundation

/// 部门整体支出绩效评价基础数据表: staffing, 三公经费 and the project list of a department,
/// with the checks of DOMAIN.md §6 (控制率 = 实际在职人数 / 编制数; 三公经费 = 公务用车 + 出国 +
/// 公务接待; 公务用车 = 购置 + 运行维护; 项目支出 = Σ listed projects).
public struct BaseDataSheet: Sendable {
    /// 财政供养人员情况.
    public struct Staffing: Sendable {
        /// 编制数
        public var authorized: PrintedNumber?
        /// 实际在职人数
        public var actual: PrintedNumber?
        /// 控制率 as printed
        public var controlRate: PrintedNumber?
        public var line: Int
    }

    /// A row of the 经费控制情况 part: its label and one amount per column (absent when blank).
    public struct Row: Sendable {
        public var label: String
        public var values: [PrintedNumber?]
        public var line: Int
        /// The heading the row sits under (`三公经费`, `项目支出`, `公用经费`…).
        public var section: String?
    }

    /// The document the sheet was read from.
    public var file: String
    public var firstLine: Int
    public var lastLine: Int
    public var staffing: Staffing?
    /// Column headings of the amounts (`2023 年决算数`, `2024 年预算数`, `2024 年决算数`).
    public var columns: [String]
    public var rows: [Row]
    public var findings: [Finding]

    /// Reads the sheet of `region`; only tab- or `|`-separated sheets are read.
    static func read(_ region: TableRegion, in document: DocumentText) -> BaseDataSheet? {
        let lines = document.lines[region.titleLine..<min(region.endLine, document.lines.count)]
            .filter { $0.shape != .plain && !$0.isBlank }
        guard !lines.isEmpty else { return nil }
        var sheet = BaseDataSheet(file: document.file, firstLine: region.titleLine, lastLine: lines.last!.number, staffing: nil,
                                  columns: [], rows: [], findings: [])
        var columnIndexes: [Int] = []
        var section: String?
        var index = lines.startIndex
        while index < lines.endIndex {
            let line = lines[index]
            let compact = line.cells.map(DocumentText.compact)
            if compact.contains(where: { $0.contains("编制数") }), index + 1 < lines.endIndex {
                let header = compact
                let values = lines[index + 1]
                func value(_ keyword: String) -> PrintedNumber? {
                    guard let column = header.firstIndex(where: { $0.contains(keyword) }), column < values.cells.count else { return nil }
                    return PrintedNumber(parsing: values.cells[column])
                }
                sheet.staffing = Staffing(authorized: value("编制数"), actual: value("在职"), controlRate: value("控制率"),
                                          line: values.number)
                index += 2
                continue
            }
            if compact.first?.contains("经费控制情况") == true {
                columnIndexes = compact.indices.filter { $0 > 0 && !compact[$0].isEmpty }
                sheet.columns = columnIndexes.map { line.cells[$0] }
                index += 1
                continue
            }
            if compact.first.map({ $0.contains("楼堂馆所") || $0.contains("政府采购") || $0.contains("厉行节约") || $0.contains("预算调整") }) == true {
                section = nil
                index += 1
                if compact.first?.contains("楼堂馆所") == true { break }
                continue
            }
            guard !columnIndexes.isEmpty, let label = line.filledCells.first, line.cells.first == label else {
                index += 1
                continue
            }
            let plainLabel = DocumentText.compact(label)
            if Labels.isPlaceholder(plainLabel) { index += 1; continue }
            var values: [PrintedNumber?] = columnIndexes.map { column in
                column < line.cells.count ? PrintedNumber(parsing: line.cells[column]) : nil
            }
            let numbers = line.cells.dropFirst().compactMap { PrintedNumber(parsing: $0) }
            if values.compactMap({ $0 }).count < numbers.count, numbers.count == columnIndexes.count { values = numbers }
            if plainLabel.hasPrefix("三公经费") || plainLabel.hasPrefix("项目支出") || plainLabel.hasPrefix("公用经费") {
                section = plainLabel.trimmingCharacters(in: CharacterSet(charactersIn: "：:"))
            }
            sheet.rows.append(Row(label: label, values: values, line: line.number, section: section))
            index += 1
        }
        sheet.check()
        return sheet
    }

    // MARK: Checks

    mutating func check() {
        if let staffing, let authorized = staffing.authorized, let actual = staffing.actual, let rate = staffing.controlRate {
            let claimed = Submission.percentage(rate)
            if authorized.number > 0,
               let range = Interval(actual, exact: actual.isWhole).divided(by: Interval(authorized, exact: authorized.isWhole)),
               Agreement.of(claimed, against: range) == .mismatch {
                let computed = actual.number / authorized.number
                findings.append(Finding(
                    .statedRatioMismatch, path: "base-data.staffing.control-rate", at: SourceLocation(file: file, line: staffing.line),
                    claimed: .printed(claimed), computed: .computed(computed * 100, decimals: 2),
                    message: LocalizedText(
                        zh: "基础数据表控制率印为 \(claimed)，但实际在职人数 \(actual) / 编制数 \(authorized) = \((computed * 100).formatted(decimals: 2))%",
                        en: "the base data sheet's control rate is printed \(claimed) but staff \(actual) / authorized \(authorized) = \((computed * 100).formatted(decimals: 2))%")))
            }
        }
        for section in ["三公经费", "项目支出"] {
            guard let totalIndex = rows.firstIndex(where: { $0.section == section && DocumentText.compact($0.label).hasPrefix(section) }) else { continue }
            let members = rows[(totalIndex + 1)...].prefix { $0.section == section && !DocumentText.compact($0.label).hasPrefix(section) }
            let numbered = members.filter { Self.isNumbered($0.label) }
            if !numbered.isEmpty {
                checkSum(rows[totalIndex], parts: Array(numbered))
                // A numbered row followed by unnumbered rows (其中 rows, or one row per project)
                // is their subtotal.
                for row in numbered {
                    guard let start = members.firstIndex(where: { $0.line == row.line }) else { continue }
                    let children = members[(start + 1)...].prefix { !Self.isNumbered($0.label) }
                    if !children.isEmpty { checkSum(row, parts: Array(children)) }
                }
            } else if !members.isEmpty {
                checkSum(rows[totalIndex], parts: Array(members))
            }
        }
    }

    static func isNumbered(_ label: String) -> Bool {
        DocumentText.compact(label).range(of: #"^[0-9]+[、.．]"#, options: .regularExpression) != nil
    }

    mutating func checkSum(_ total: Row, parts: [Row]) {
        for (column, printed) in total.values.enumerated() {
            guard let printed else { continue }
            let values = parts.map { column < $0.values.count ? $0.values[column] : nil }
            guard values.contains(where: { $0 != nil }) else { continue }
            let present = values.compactMap { $0 }
            let sum = present.reduce(Fixed(0)) { $0 + $1.number }
            guard Agreement.of(printed, against: Interval(exactly: sum), truncation: false) == .mismatch else { continue }
            let decimals = max(printed.decimals, present.map(\.decimals).max() ?? 0)
            let heading = column < columns.count ? columns[column] : ""
            let name = DocumentText.compact(total.label).trimmingCharacters(in: CharacterSet(charactersIn: "：:"))
            findings.append(Finding(
                .statedSumMismatch, path: "base-data.\(name)", at: SourceLocation(file: file, line: total.line),
                claimed: .printed(printed), computed: .computed(sum, decimals: decimals),
                message: LocalizedText(
                    zh: "基础数据表“\(name)”\(heading)为 \(printed)，但所列 \(present.count) 项之和为 \(sum.compact(decimals: decimals))",
                    en: "the base data sheet's '\(name)' \(heading) is \(printed) but its \(present.count) listed items add up to \(sum.compact(decimals: decimals))")))
        }
    }
}
