import Foundation
import JixiaoBase
import JixiaoModel

/// Rubrics described for people: `rubric list` and `rubric show`.
public enum RubricText {
    /// `部门整体支出/项目支出 · 2024 年起 · 全国`
    public static func applies(_ rubric: Rubric, _ language: Language) -> String {
        let zh = language == .zh
        let levels = rubric.applies.levels.map { $0.label.text(language) }.joined(separator: "/")
        let years: String
        switch (rubric.applies.fromYear, rubric.applies.toYear) {
        case let (from?, to?) where from == to: years = zh ? "\(from) 年" : "\(from)"
        case let (from?, to?): years = zh ? "\(from)–\(to) 年" : "\(from)–\(to)"
        case let (from?, nil): years = zh ? "\(from) 年起" : "from \(from)"
        case let (nil, to?): years = zh ? "\(to) 年及以前" : "until \(to)"
        case (nil, nil): years = zh ? "不限年份" : "any year"
        }
        let regions = rubric.applies.regions.isEmpty ? (zh ? "全国" : "nationwide") : rubric.applies.regions.joined(separator: "、")
        let chosen = rubric.applies.match == .shape ? (zh ? "按表中一级指标分值选用" : "chosen by the table's level-1 points") : nil
        return [levels, years, regions, chosen].compactMap { $0 }.joined(separator: " · ")
    }

    public static func describe(_ rubric: Rubric, _ language: Language) -> String {
        let zh = language == .zh
        func number(_ value: Fixed) -> String { value.compact(decimals: 4) }
        func percent(_ value: Fixed) -> String { (value * 100).compact(decimals: 2) + "%" }
        var lines = [
            "\(rubric.id) — \(rubric.title(language))",
            "\(zh ? "文件" : "file"): \(rubric.file)",
            "\(zh ? "适用" : "applies"): \(applies(rubric, language))",
            "",
            "\(zh ? "预算执行" : "budget row"): \(number(rubric.budget.points)) \(zh ? "分" : "points"), "
                + "\(zh ? "执行率 = 全年执行数 / " : "rate = spent / ")"
                + (rubric.budget.denominator == .adjusted ? (zh ? "全年预算数" : "full-year budget") : (zh ? "年初预算数" : "initial budget"))
                + ", \(zh ? "封顶" : "capped at") \(percent(rubric.budget.cap))",
        ]
        for category in rubric.categories {
            let subs = category.subcategories.map(\.name).joined(separator: zh ? "、" : ", ")
            let aliases = category.aliases.isEmpty ? "" : " (\(category.aliases.joined(separator: zh ? "、" : ", ")))"
            lines.append("  \(category.name)\(aliases): \(category.allowed.text(language)) — \(subs)")
        }
        lines.append("\(zh ? "总分" : "total"): \(number(rubric.total))")
        let scoring = rubric.scoring
        lines.append("")
        lines.append("\(zh ? "反向指标" : "reverse indicators"): \(scoring.reverse.rawValue); "
                     + "\(zh ? "超额说明阈值" : "overshoot threshold") \(percent(scoring.overshoot)); "
                     + "\(zh ? "低执行率阈值" : "low execution") \(percent(scoring.lowExecution))")
        for band in scoring.qualitative {
            lines.append("  \(band.name) \(percent(band.lower))–\(percent(band.upper)): \(band.words.joined(separator: zh ? "、" : ", "))")
        }
        lines.append("\(zh ? "舍入" : "rounding"): \(rubric.rounding.mode.rawValue), \(rubric.rounding.decimals) \(zh ? "位小数" : "decimals")"
                     + (rubric.rounding.wholeScoresRounded ? (zh ? "，整数得分视为四舍五入" : ", whole scores are rounded") : ""))
        lines.append("")
        lines.append(zh ? "等级:" : "grades:")
        for grade in rubric.grades {
            let aliases = grade.aliases.isEmpty ? "" : " (\(grade.aliases.joined(separator: zh ? "、" : ", ")))"
            lines.append("  \(grade.name)\(aliases): \(number(grade.lower))–\(number(grade.upper))")
        }
        return lines.joined(separator: "\n")
    }
}
