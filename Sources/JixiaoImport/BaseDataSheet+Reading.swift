import Foundation
import JixiaoBase
import JixiaoModel
import JixiaoFormats

extension BaseDataSheet {
    /// Reads the sheet of `region`; only tab- or `|`-separated sheets are read.
    static func read(_ region: TableRegion, in document: DocumentText, words: TableWords) -> BaseDataSheet? {
        let lines = document.lines[region.titleLine..<min(region.endLine, document.lines.count)]
            .filter { $0.shape != .plain && !$0.isBlank }
        guard !lines.isEmpty else { return nil }
        var sheet = BaseDataSheet(file: document.file, firstLine: region.titleLine, lastLine: lines.last!.number, staffing: nil,
                                  columns: [], rows: [], subtotals: [])
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
            if words.isPlaceholder(plainLabel) { index += 1; continue }
            var values: [PrintedNumber?] = columnIndexes.map { column in
                column < line.cells.count ? PrintedNumber(parsing: line.cells[column]) : nil
            }
            let numbers = line.cells.dropFirst().compactMap { PrintedNumber(parsing: $0) }
            if values.compactMap({ $0 }).count < numbers.count, numbers.count == columnIndexes.count { values = numbers }
            if plainLabel.hasPrefix("三公经费") || plainLabel.hasPrefix("项目支出") || plainLabel.hasPrefix("公用经费") {
                section = plainLabel.trimmingCharacters(in: CharacterSet(charactersIn: "：:"))
            }
            sheet.rows.append(Row(label: label, name: plainLabel.trimmingCharacters(in: CharacterSet(charactersIn: "：:")),
                                  values: values, line: line.number, section: section))
            index += 1
        }
        sheet.subtotals = sheet.findSubtotals()
        return sheet
    }

    /// Under 三公经费 and 项目支出, the section's first row is the total of the numbered rows under
    /// it (or of all of them when none is numbered), and a numbered row followed by unnumbered
    /// rows (其中 rows, or one row per project) is their subtotal.
    private func findSubtotals() -> [Subtotal] {
        var subtotals: [Subtotal] = []
        for section in ["三公经费", "项目支出"] {
            guard let totalIndex = rows.firstIndex(where: { $0.section == section && DocumentText.compact($0.label).hasPrefix(section) }) else { continue }
            let members = rows.indices[(totalIndex + 1)...].prefix { rows[$0].section == section && !DocumentText.compact(rows[$0].label).hasPrefix(section) }
            let numbered = members.filter { Self.isNumbered(rows[$0].label) }
            if !numbered.isEmpty {
                subtotals.append(Subtotal(total: totalIndex, parts: Array(numbered)))
                for row in numbered {
                    let children = members[(row + 1)...].prefix { !Self.isNumbered(rows[$0].label) }
                    if !children.isEmpty { subtotals.append(Subtotal(total: row, parts: Array(children))) }
                }
            } else if !members.isEmpty {
                subtotals.append(Subtotal(total: totalIndex, parts: Array(members)))
            }
        }
        return subtotals
    }

    static func isNumbered(_ label: String) -> Bool {
        DocumentText.compact(label).range(of: #"^[0-9]+[、.．]"#, options: .regularExpression) != nil
    }
}
