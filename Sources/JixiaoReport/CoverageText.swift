import JixiaoBase
import JixiaoModel
import JixiaoAudit

/// The 读取情况 line every report carries: what of the table was read, so that a reader knows
/// what the findings rest on and what was not checked.
public enum CoverageText {
    /// `预算执行一行已读取；三级指标 12/14 行；总分已读取；缺少栏目：偏差原因；2 个指标（15 分）无法按规则复核`.
    /// What was read of a result: its table's coverage, or for a document with no
    /// self-evaluation table, that it has none and how many figures of its prose were checked.
    public static func line(_ result: AuditResult, language: Language) -> String {
        guard let figures = result.narrativeFigures else { return line(result.scorecard.coverage, language: language) }
        return language == .zh ? "未找到绩效自评表，只核对了正文中的 \(figures) 处数据；表格未核查"
            : "no self-evaluation table found; \(figures) figures of the prose checked, no table checked"
    }

    public static func line(_ coverage: Coverage, language: Language) -> String {
        let zh = language == .zh
        var parts: [String] = []
        if !coverage.isChecked { parts.append(zh ? "未核查" : "not checked") }
        switch coverage.budget {
        case .read: parts.append(zh ? "预算执行一行已读取" : "budget row read")
        case .partly: parts.append(zh ? "预算执行一行部分读取" : "budget row read in part")
        case .notRead: parts.append(zh ? "预算执行一行未读取" : "budget row not read")
        }
        if coverage.indicatorHeaderFound {
            parts.append(zh ? "三级指标 \(coverage.indicatorsRead)/\(coverage.indicatorRowsSeen) 行"
                            : "\(coverage.indicatorsRead) of \(coverage.indicatorRowsSeen) indicator rows")
        } else {
            parts.append(zh ? "未找到绩效指标表头" : "no indicator header found")
        }
        switch coverage.total {
        case .read: parts.append(zh ? "总分已读取" : "total read")
        case .blank: parts.append(zh ? "总分为空" : "total blank")
        case .notFound: parts.append(zh ? "未找到总分" : "no total found")
        }
        if let columns = coverage.columns, coverage.indicatorHeaderFound {
            let missing = Submission.IndicatorColumn.allCases.filter { !columns.contains($0) }
            if !missing.isEmpty {
                let names = missing.map { $0.title.text(language) }
                parts.append(zh ? "缺少栏目：" + names.joined(separator: "、") : "no column for " + names.joined(separator: ", "))
            }
        }
        if coverage.unverifiedIndicators > 0 {
            let points = coverage.unverifiedPoints.compact(decimals: 2)
            parts.append(zh ? "\(coverage.unverifiedIndicators) 个指标（\(points) 分）无法按规则复核"
                            : "\(coverage.unverifiedIndicators) indicators (\(points) points) not verifiable by the rules")
        }
        return parts.joined(separator: zh ? "；" : "; ")
    }
}
