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
        let percent = progress.filesTotal > 0 ? Int((Double(progress.filesDone) * 100 / Double(progress.filesTotal)).rounded()) : 100
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
    public static func summary(_ summary: BatchSummary, language: Language, style: TextStyle = TextStyle(color: false),
                               quiet: Bool = false) -> String {
        let zh = language == .zh
        var lines: [String] = []
        let tables = summary.tables - summary.notChecked - summary.proseOnly
        var apart: [String] = []
        if summary.notChecked > 0 { apart.append(zh ? "\(summary.notChecked) 张未能读取、未核查" : "\(count(summary.notChecked, "table")) not read, not checked") }
        if summary.proseOnly > 0 {
            apart.append(zh ? "\(summary.proseOnly) 份文件未找到自评表，只核对了正文数据" : "\(count(summary.proseOnly, "document")) with no self-evaluation table, prose figures only")
        }
        let time = seconds(summary.duration, zh: zh)
        let rate = summary.duration >= 1 ? (zh ? "，\(Int(Double(summary.tables) / summary.duration)) 张表/秒" : ", \(Int(Double(summary.tables) / summary.duration)) tables/s") : ""
        lines.append(zh
            ? "已审核 \(summary.files) 个文件中的 \(tables) 张表\(apart.isEmpty ? "" : "（另有 " + apart.joined(separator: "；") + "）")，\(summary.errors) 个文件无法读取\(summary.unsupported > 0 ? "，\(summary.unsupported) 个文件不是能读取的类型（列于 errors.csv）" : "")，用时 \(time)\(rate)"
            : "audited \(count(tables, "table")) in \(count(summary.files, "file"))\(apart.isEmpty ? "" : " (and " + apart.joined(separator: "; ") + ")"), \(summary.errors) unreadable\(summary.unsupported > 0 ? ", \(summary.unsupported) of no readable kind (listed in errors.csv)" : ""), in \(time)\(rate)")
        let severities = Severity.allCases.reversed().map { severity in
            style.severity(severity, zh ? "\(summary.findingsBySeverity[severity] ?? 0) 个\(severity.label.zh)"
                                        : severity == .info ? "\(summary.findingsBySeverity[severity] ?? 0) info" : count(summary.findingsBySeverity[severity] ?? 0, severity.label.en))
        }
        lines.append((zh ? "问题：" : "findings: ") + severities.joined(separator: zh ? "，" : ", "))
        lines.append((zh ? "输出：" : "outputs: ") + summary.outputDirectory + "/ (" + summary.outputs.joined(separator: ", ") + ")")
        if let run = summary.runID { lines.append((zh ? "已存入历史，运行 " : "stored in the history as run ") + String(run)) }
        guard !quiet else { return lines.joined(separator: "\n") }
        let codes = summary.findingsByCode.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue }
        var detail: [String] = []
        for (code, count) in codes {
            detail.append("  \(String(count).leftPadded(6, with: " "))  \(style.severity(code.severity, "\(code.severity.label.text(language))[\(code.rawValue)]")) \(code.title.text(language))")
        }
        if !summary.largestGaps.isEmpty {
            detail.append(zh ? "自评总分高出按规则核定最多的单位：" : "units whose claimed total most exceeds the recomputed one:")
            for entry in summary.largestGaps {
                let name = entry.unit + (entry.project.map { " · \($0)" } ?? "")
                detail.append(TerminalText.safe("  +\(entry.gap.compact(decimals: 2))  \(name) \(entry.year)  \(entry.claimed) → \(entry.recomputed)  \(entry.file)\(entry.table > 1 ? " #\(entry.table)" : "")"))
            }
        }
        lines.insert(contentsOf: detail, at: 2)
        return lines.joined(separator: "\n")
    }

    /// `1 table`, `2 tables`.
    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

    /// `0.42 秒`, `12 秒`, `2 分 5 秒`: tenths and hundredths only under ten seconds, never `0.00`.
    static func seconds(_ duration: Double, zh: Bool) -> String {
        if duration >= 60 { return self.duration(duration, zh: zh) }
        let text = duration >= 10 ? String(Int(duration.rounded())) : duration >= 0.01 ? String(format: "%.2f", duration) : "0.01"
        return zh ? (duration < 0.01 ? "不到 0.01 秒" : "\(text) 秒") : (duration < 0.01 ? "under 0.01 s" : "\(text) s")
    }
}
