import Foundation
import JixiaoBase
import JixiaoAudit
import JixiaoReport

/// A batch's progress line and final summary, as text.
public enum BatchReport {
    /// `120/400 个文件 · 310 张表 · 850 张表/秒 · 剩余 3 秒`
    public static func progress(_ progress: BatchProgress, language: Language) -> String {
        let zh = language == .zh
        let rate = progress.elapsed > 0 ? Double(progress.tablesDone) / progress.elapsed : 0
        let filesPerSecond = progress.elapsed > 0 ? Double(progress.filesDone) / progress.elapsed : 0
        let left = filesPerSecond > 0 ? Double(progress.filesTotal - progress.filesDone) / filesPerSecond : 0
        let percent = progress.filesTotal > 0 ? progress.filesDone * 100 / progress.filesTotal : 100
        return zh
            ? "\(percent)% · \(progress.filesDone)/\(progress.filesTotal) 个文件 · \(progress.tablesDone) 张表 · \(Int(rate)) 张表/秒 · 剩余 \(duration(left, zh: true))"
            : "\(percent)% · \(progress.filesDone)/\(progress.filesTotal) files · \(progress.tablesDone) tables · \(Int(rate)) tables/s · \(duration(left, zh: false)) left"
    }

    static func duration(_ seconds: Double, zh: Bool) -> String {
        if seconds < 60 { return zh ? "\(Int(seconds.rounded(.up))) 秒" : "\(Int(seconds.rounded(.up))) s" }
        let minutes = Int(seconds / 60), rest = Int(seconds) % 60
        return zh ? "\(minutes) 分 \(rest) 秒" : "\(minutes) min \(rest) s"
    }

    /// Tables audited, findings by severity and by code, the ten largest gaps between the claimed
    /// and recomputed totals, and where the outputs are.
    public static func summary(_ summary: BatchSummary, language: Language) -> String {
        let zh = language == .zh
        var lines: [String] = []
        let seconds = String(format: "%.2f", summary.duration)
        let rate = summary.duration > 0 ? Int(Double(summary.tables) / summary.duration) : summary.tables
        lines.append(zh
            ? "已审核 \(summary.files) 个文件中的 \(summary.tables - summary.notChecked) 张表\(summary.notChecked > 0 ? "（另有 \(summary.notChecked) 张未能读取、未核查）" : "")，\(summary.errors) 个文件无法读取\(summary.unsupported > 0 ? "，\(summary.unsupported) 个文件不是能读取的类型（列于 errors.csv）" : "")，用时 \(seconds) 秒（\(rate) 张表/秒）"
            : "audited \(summary.tables - summary.notChecked) tables in \(summary.files) files\(summary.notChecked > 0 ? " (and \(summary.notChecked) not read, not checked)" : ""), \(summary.errors) unreadable\(summary.unsupported > 0 ? ", \(summary.unsupported) of no readable kind (listed in errors.csv)" : ""), in \(seconds) s (\(rate) tables/s)")
        let severities = Severity.allCases.reversed().map { severity in
            zh ? "\(summary.findingsBySeverity[severity] ?? 0) 个\(severity.label.zh)"
               : "\(summary.findingsBySeverity[severity] ?? 0) \(severity.label.en)"
        }
        lines.append((zh ? "问题：" : "findings: ") + severities.joined(separator: zh ? "，" : ", "))
        let codes = summary.findingsByCode.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue }
        for (code, count) in codes {
            lines.append("  \(String(count).leftPadded(6, with: " "))  \(code.severity.label.text(language))[\(code.rawValue)] \(code.title.text(language))")
        }
        if !summary.largestGaps.isEmpty {
            lines.append(zh ? "自评总分高出按规则计算最多的单位：" : "units whose claimed total most exceeds the recomputed one:")
            for entry in summary.largestGaps {
                let name = entry.unit + (entry.project.map { " · \($0)" } ?? "")
                lines.append(TerminalText.safe("  +\(entry.gap.compact(decimals: 2))  \(name) \(entry.year)  \(entry.claimed) → \(entry.recomputed)  \(entry.file)\(entry.table > 1 ? " #\(entry.table)" : "")"))
            }
        }
        lines.append((zh ? "输出：" : "outputs: ") + summary.outputDirectory + "/ (" + summary.outputs.joined(separator: ", ") + ")")
        if let run = summary.runID { lines.append((zh ? "已存入历史，运行 " : "stored in the history as run ") + String(run)) }
        return lines.joined(separator: "\n")
    }
}
