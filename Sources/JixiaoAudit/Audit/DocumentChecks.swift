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
        let decimals = max(total.decimals, parts.map(\.decimals).max() ?? 0)
        let list = parts.map(\.description).joined(separator: " + ")
        return StatedSum.finding(total: total, parts: parts, subject: subject, at: location, message: LocalizedText(
            zh: "\(what)为 \(total)，但\(partsName.zh)之和 \(list) = \(sum.compact(decimals: decimals))",
            en: "\(what) is \(total) but \(partsName.en) add up to \(list) = \(sum.compact(decimals: decimals))")).map { [$0] } ?? []
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
                    claimed: .printed(claimed), computed: .computedPercent(computed * 100, decimals: 2),
                    message: LocalizedText(
                        zh: "基础数据表控制率填为 \(claimed)，但实际在职人数 \(actual) / 编制数 \(authorized) = \((computed * 100).formatted(decimals: 2))%",
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
            let decimals = max(printed.decimals, present.map(\.decimals).max() ?? 0)
            let heading = column < columns.count ? columns[column] : ""
            findings += StatedSum.finding(
                total: printed, parts: present, subject: .baseData(total.name), at: SourceLocation(file: file, line: total.line),
                message: LocalizedText(
                    zh: "基础数据表“\(total.name)”\(heading)为 \(printed)，但所列 \(present.count) 项之和为 \(sum.compact(decimals: decimals))",
                    en: "the base data sheet's '\(total.name)' \(heading) is \(printed) but its \(present.count) listed items add up to \(sum.compact(decimals: decimals))")).map { [$0] } ?? []
        }
        return findings
    }
}

/// A stated total against its listed parts, at the precision they are printed with (DOMAIN.md
/// §5). Amounts printed with decimals (万元 converted from 元) were each rounded at the finest
/// place any of them shows, so the total and its n parts may be off by up to n + 1 half units of
/// that place (the public tables' footnote: 金额单位转换时可能存在尾数误差); whole numbers
/// throughout (counts) are exact, the total aside, which may always be rounded.
enum StatedSum {
    /// Nothing, when the total agrees with its parts; a `rounding-difference` note, when that
    /// rounding explains the difference; else a `stated-sum-mismatch` error with `message`, which
    /// the note extends by the rounding that explains it.
    static func finding(total: PrintedNumber, parts: [PrintedNumber], subject: Subject, at location: SourceLocation,
                        message: LocalizedText) -> Finding? {
        let sum = parts.reduce(Fixed(0)) { $0 + $1.number }
        guard Agreement.of(total, against: Interval(exactly: sum), truncation: false) == .mismatch else { return nil }
        let decimals = max(total.decimals, parts.map(\.decimals).max() ?? 0)
        let difference = total.number > sum ? total.number - sum : sum - total.number
        let place = PrintedNumber(Fixed(0), decimals: decimals)
        let tolerance = place.halfUnit * Fixed(parts.count + 1)
        guard decimals > 0, difference <= tolerance else {
            return Finding(.statedSumMismatch, subject, at: location, claimed: .printed(total), computed: .computed(sum, decimals: decimals),
                           message: message)
        }
        let shown = difference.compact(decimals: decimals), half = place.halfUnit.compact(decimals: decimals + 1)
        let most = tolerance.compact(decimals: decimals + 1)
        return Finding(.roundingDifference, subject, at: location, claimed: .printed(total), computed: .computed(sum, decimals: decimals),
                       message: LocalizedText(
                           zh: message.zh + "；差 \(shown)，在合计与 \(parts.count) 项明细各自舍入（各 ±\(half)）的尾数误差（至多 \(most)）之内，属金额折算尾差，不是错误",
                           en: message.en + "; the difference of \(shown) is within the rounding of the total and its \(parts.count) parts (±\(half) each, \(most) at most): a conversion remainder, not an error"))
    }
}
