import Foundation
import JixiaoBase
import JixiaoModel
import JixiaoFormats

/// What the parts of a self-evaluation table are, beyond their words (`TableWords`): the kinds
/// of label, points printed in parentheses, years, money units.
enum Labels {
    enum Level: Sendable {
        case one, two
        /// `成本指标`: level 1 in the 2024 forms, level 2 under 产出 in the 2020 forms.
        case either
    }

    // MARK: Points printed with a label

    /// Splits `产出指标 (40分)` into its label and points; `(40 分)` alone gives no label.
    static func splitPoints(_ cell: String) -> (label: String?, points: PrintedNumber?) {
        let pattern = #"[（(]\s*([0-9]+(?:\.[0-9]+)?)\s*分\s*[）)]"#
        guard let range = cell.range(of: pattern, options: .regularExpression) else {
            return (cell.isEmpty ? nil : cell, nil)
        }
        let inner = cell[range].filter { $0.isASCIIDigit || $0 == "." }
        let label = DocumentText.clean(cell.replacingCharacters(in: range, with: " "))
        return (label.isEmpty ? nil : DocumentText.compact(label), PrintedNumber(parsing: String(inner)))
    }

    /// A cell that holds only points: `(40 分)`, `（30分）`.
    static func pointsOnly(_ cell: String) -> PrintedNumber? {
        let split = splitPoints(cell)
        return split.label == nil ? split.points : nil
    }

    /// The two cells a target printed in three columns adds to 指标值.
    enum TargetPart: Sendable {
        /// 指标性质 (also 指标方向): `≥`, `≤`, `=`, or 正向 / 反向.
        case comparator
        /// 度量单位 (also 计量单位, 单位).
        case unit
    }

    /// The signs a target's comparator is printed with.
    static let comparators = "≥≤><=≧≦＞＜＝"

    /// The number a figure writes twice (`1313` → 13, `2.52.5` → 2.5): two fused cells that hold
    /// the same value (full marks), the one way such a figure splits for certain.
    static func repeatedHalf(_ figure: String) -> PrintedNumber? {
        guard figure.count >= 2, figure.count % 2 == 0 else { return nil }
        let half = figure.prefix(figure.count / 2)
        guard figure.hasSuffix(half), !(half.hasPrefix("0") && half.count > 1), !half.hasPrefix("."), !half.hasSuffix(".") else { return nil }
        return PrintedNumber(parsing: String(half))
    }

    /// `text` without the parts in parentheses: `得分（分值×执行率）` → `得分`.
    static func withoutParentheses(_ text: String) -> String {
        var out = ""
        var depth = 0
        for character in text {
            if character == "（" || character == "(" { depth += 1; continue }
            if character == "）" || character == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(character) }
        }
        return out
    }

    /// The money unit a header names: `（万元）`, `（元）`.
    static func moneyUnit(in text: String) -> Submission.MoneyUnit? {
        let text = DocumentText.compact(text)
        if text.contains("（万元）") || text.contains("(万元)") || text.contains("单位：万元") { return .wanYuan }
        if text.contains("（元）") || text.contains("(元)") || text.contains("单位：元") { return .yuan }
        return nil
    }

    enum TableKind: Sendable, Hashable {
        case department, project, baseData
        /// A self-evaluation table whose title names no level (绩效目标自评表): its rows tell.
        case unnamed
    }

    enum NameField: Sendable, Hashable {
        case unit, project, department, implementer
    }

    /// The year a title or heading states (`2024 年度…`).
    /// The unit a heading names before its year (`某市农业农村局2024年度部门决算` → 某市农业农村局),
    /// after a leading `附件1：`; nil unless the name ends as a unit's does (`words.unitEndings`)
    /// and holds no digit.
    static func unit(inHeading text: String, words: TableWords) -> String? {
        let compact = DocumentText.compact(text)
        guard let year = compact.range(of: #"(19|20)[0-9]{2}年"#, options: .regularExpression) else { return nil }
        var name = Substring(compact[..<year.lowerBound])
        if let colon = name.lastIndex(where: { $0 == "：" || $0 == ":" }) { name = name[name.index(after: colon)...] }
        name = name.drop { !$0.isLetter }
        guard (2...40).contains(name.count), !name.contains(where: \.isNumber),
              words.unitEndings.contains(where: { name.hasSuffix($0) }) else { return nil }
        return String(name)
    }

    static func year(in text: String) -> Int? {
        let compact = DocumentText.compact(text)
        guard let range = compact.range(of: #"(19|20)[0-9]{2}年"#, options: .regularExpression) else { return nil }
        return Int(compact[range].prefix(4))
    }
}
