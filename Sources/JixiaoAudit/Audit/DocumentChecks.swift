import Foundation
import JixiaoBase
import JixiaoModel

extension BudgetBreakdown {
    /// Whether the breakdown adds up to its table's 年度资金总额 (`budget`, of a table read from
    /// `file`): the 其中 rows column by column, and the amounts by nature of spending and by source
    /// of funds to 全年执行数. Each figure is taken as printed: the total may be rounded, the parts
    /// are the document's own.
    public func findings(for budget: Submission.BudgetRow, file: String) -> [Finding] {
        var findings: [Finding] = []
        if rows.count >= 2 {
            let columns: [(Submission.BudgetFigure, PrintedNumber?, (Row) -> PrintedNumber?)] = [
                (.initial, budget.initial, \.initial), (.adjusted, budget.adjusted, \.adjusted), (.executed, budget.executed, \.executed),
            ]
            for (figure, printed, value) in columns {
                let values = rows.compactMap(value)
                guard let printed, values.count == rows.count else { continue }
                findings += Self.sum(total: printed, parts: values, at: budget.location, subject: .budget(figure),
                                     what: figure.header, partsName: LocalizedText(zh: "其中各行", en: "its 其中 rows"))
            }
        }
        guard let executed = budget.executed else { return findings }
        let nature = byNature.compactMap(\.amount)
        if nature.count >= 2, nature.count == byNature.count {
            findings += Self.sum(total: executed, parts: nature, at: SourceLocation(file: file, line: byNature[0].line),
                                 subject: .budget(.executed), what: Submission.BudgetFigure.executed.header,
                                 partsName: LocalizedText(zh: "基本支出与项目支出", en: "basic and project spending"))
        }
        let source = bySource.compactMap(\.amount)
        if !source.isEmpty, source.count >= 2 || bySource.count == 1 {
            // Sources that add up to the budget are the budget's, not the spending's.
            let sum = source.reduce(Fixed(0)) { $0 + $1.number }
            let matchesAdjusted = budget.adjusted.map { Agreement.of($0, against: Interval(exactly: sum), truncation: false) != .mismatch } ?? false
            if !matchesAdjusted {
                findings += Self.sum(total: executed, parts: source, at: SourceLocation(file: file, line: bySource[0].line),
                                     subject: .budget(.executed), what: Submission.BudgetFigure.executed.header,
                                     partsName: LocalizedText(zh: "按收入性质所列各项", en: "the amounts by source of funds"))
            }
        }
        return findings
    }

    private static func sum(total: PrintedNumber, parts: [PrintedNumber], at location: SourceLocation, subject: Subject,
                            what: String, partsName: LocalizedText) -> [Finding] {
        let sum = parts.reduce(Fixed(0)) { $0 + $1.number }
        guard Agreement.of(total, against: Interval(exactly: sum), truncation: false) == .mismatch else { return [] }
        let decimals = max(total.decimals, parts.map(\.decimals).max() ?? 0)
        let list = parts.map(\.description).joined(separator: " + ")
        return [Finding(
            .statedSumMismatch, subject, at: location, claimed: .printed(total), computed: .computed(sum, decimals: decimals),
            message: LocalizedText(
                zh: "\(what)为 \(total)，但\(partsName.zh)之和 \(list) = \(sum.compact(decimals: decimals))",
                en: "\(what) is \(total) but \(partsName.en) add up to \(list) = \(sum.compact(decimals: decimals))"))]
    }
}

extension BaseDataSheet {
    /// Whether the sheet's figures agree: the printed 控制率 with 实际在职人数 / 编制数, and every
    /// subtotal with the rows under it, column by column (DOMAIN.md §6).
    public var findings: [Finding] {
        var findings: [Finding] = []
        if let staffing, let authorized = staffing.authorized, let actual = staffing.actual, let rate = staffing.controlRate {
            let claimed = Submission.percentage(rate)
            if authorized.number > 0,
               let range = Interval(actual, exact: actual.isWhole).divided(by: Interval(authorized, exact: authorized.isWhole)),
               Agreement.of(claimed, against: range) == .mismatch {
                let computed = actual.number / authorized.number
                findings.append(Finding(
                    .statedRatioMismatch, .baseData("staffing.control-rate"), at: SourceLocation(file: file, line: staffing.line),
                    claimed: .printed(claimed), computed: .computed(computed * 100, decimals: 2),
                    message: LocalizedText(
                        zh: "基础数据表控制率印为 \(claimed)，但实际在职人数 \(actual) / 编制数 \(authorized) = \((computed * 100).formatted(decimals: 2))%",
                        en: "the base data sheet's control rate is printed \(claimed) but staff \(actual) / authorized \(authorized) = \((computed * 100).formatted(decimals: 2))%")))
            }
        }
        for subtotal in subtotals {
            findings += sum(rows[subtotal.total], parts: subtotal.parts.map { rows[$0] })
        }
        return findings
    }

    private func sum(_ total: Row, parts: [Row]) -> [Finding] {
        var findings: [Finding] = []
        for (column, printed) in total.values.enumerated() {
            guard let printed else { continue }
            let values = parts.map { column < $0.values.count ? $0.values[column] : nil }
            guard values.contains(where: { $0 != nil }) else { continue }
            let present = values.compactMap { $0 }
            let sum = present.reduce(Fixed(0)) { $0 + $1.number }
            guard Agreement.of(printed, against: Interval(exactly: sum), truncation: false) == .mismatch else { continue }
            let decimals = max(printed.decimals, present.map(\.decimals).max() ?? 0)
            let heading = column < columns.count ? columns[column] : ""
            findings.append(Finding(
                .statedSumMismatch, .baseData(total.name), at: SourceLocation(file: file, line: total.line),
                claimed: .printed(printed), computed: .computed(sum, decimals: decimals),
                message: LocalizedText(
                    zh: "基础数据表“\(total.name)”\(heading)为 \(printed)，但所列 \(present.count) 项之和为 \(sum.compact(decimals: decimals))",
                    en: "the base data sheet's '\(total.name)' \(heading) is \(printed) but its \(present.count) listed items add up to \(sum.compact(decimals: decimals))")))
        }
        return findings
    }
}
