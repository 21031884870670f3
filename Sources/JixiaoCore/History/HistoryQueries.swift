import Foundation
import GRDB
import JixiaoBase
import JixiaoAudit
import JixiaoReport

/// A stored run, as `jixiao history` lists it.
public struct StoredRun: Sendable {
    public var id: Int64
    public var name: String
    public var started: String
    public var duration: Double?
    public var tool: String
    public var files: Int
    public var tables: Int
    public var errors: Int
    public var complete: Bool
    /// The years of the run's tables.
    public var years: [Int]
}

/// One unit's table in one year (the latest complete run's), with its findings.
public struct UnitYear: Sendable {
    public var run: Int64
    public var year: Int
    public var unit: String
    public var level: String
    public var project: String?
    public var file: String
    public var totalClaimed: String?
    public var totalComputed: String?
    public var totalRecomputed: String?
    public var gradeClaimed: String?
    public var gradeRecomputed: String?
    public var findings: [(code: String, severity: String, path: String, message: String)]
}

extension HistoryStore {
    /// Opens an existing history; a missing file is an input error, not a new database.
    public static func open(existing path: String) throws -> HistoryStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError(.unreadableFile, at: SourceLocation(file: path, line: 0),
                             message: LocalizedText(zh: "历史数据库不存在", en: "no such history database"),
                             hint: LocalizedText(zh: "先运行 jixiao batch --db \(path) …", en: "run jixiao batch --db \(path) … first"))
        }
        return try HistoryStore(path: path)
    }

    /// Runs a read-only SQL query; every value as text ("" for NULL).
    public func query(_ sql: String) throws -> [[String]] {
        try queue.read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                row.databaseValues.map { value in
                    switch value.storage {
                    case .null: ""
                    case .int64(let number): String(number)
                    case .double(let number): String(number)
                    case .string(let text): text
                    case .blob(let data): data.map { String($0, radix: 16).leftPadded(2) }.joined()
                    }
                }
            }
        }
    }

    public func runs() throws -> [StoredRun] {
        try queue.read { db in
            let years = try Row.fetchAll(db, sql: "SELECT DISTINCT run_id, year FROM result ORDER BY run_id, year")
            var byRun: [Int64: [Int]] = [:]
            for row in years { byRun[row[0], default: []].append(row[1]) }
            return try Row.fetchAll(db, sql: "SELECT id, name, started, duration, tool, files, tables, errors, complete FROM run ORDER BY id")
                .map { row in
                    StoredRun(id: row[0], name: row[1], started: row[2], duration: row[3], tool: row[4], files: row[5],
                              tables: row[6], errors: row[7], complete: row[8], years: byRun[row[0]] ?? [])
                }
        }
    }

    /// Every year of the units named `unit` (or containing it), from the latest complete run
    /// holding that year.
    public func unitHistory(_ unit: String) throws -> [UnitYear] {
        try queue.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.id, r.run_id, r.year, r.unit, r.level, r.project, r.file,
                       CAST(r.total_claimed AS TEXT), CAST(r.total_computed AS TEXT), CAST(r.total_recomputed AS TEXT),
                       r.grade_claimed, r.grade_recomputed
                FROM result r JOIN run ON run.id = r.run_id
                WHERE run.complete = 1 AND (r.unit = ?1 OR r.unit LIKE '%' || ?1 || '%')
                  AND r.run_id = (SELECT MAX(r2.run_id) FROM result r2 JOIN run ru ON ru.id = r2.run_id
                                  WHERE ru.complete = 1 AND r2.unit_key = r.unit_key AND r2.year = r.year)
                ORDER BY r.unit, r.level, r.project, r.year, r.id
                """, arguments: [unit])
            return try rows.map { row in
                let findings = try Row.fetchAll(db, sql: "SELECT code, severity, path, message FROM finding WHERE result_id = ? ORDER BY rowid",
                                                arguments: [row[0] as Int64])
                return UnitYear(run: row[1], year: row[2], unit: row[3] ?? "", level: row[4], project: row[5], file: row[6],
                                totalClaimed: row[7], totalComputed: row[8], totalRecomputed: row[9],
                                gradeClaimed: row[10], gradeRecomputed: row[11],
                                findings: findings.map { ($0[0], $0[1], $0[2], $0[3]) })
            }
        }
    }
}

/// `jixiao history` as text.
public enum HistoryReport {
    /// What `jixiao history --prune` did.
    public static func pruned(removed: [Int64], running: [Int64], language: Language) -> String {
        let zh = language == .zh
        let ids = { (runs: [Int64]) in runs.map(String.init).joined(separator: zh ? "、" : ", ") }
        var lines = [removed.isEmpty
            ? (zh ? "没有未完成的运行可删除" : "no incomplete run to remove")
            : (zh ? "已删除 \(removed.count) 次未完成的运行：\(ids(removed))" : "removed \(removed.count) incomplete run\(removed.count == 1 ? "" : "s"): \(ids(removed))")]
        if !running.isEmpty {
            lines.append(zh ? "仍在写入、未删除的运行：\(ids(running))" : "still being written, not removed: \(ids(running))")
        }
        return lines.joined(separator: "\n")
    }

    public static func runs(_ runs: [StoredRun], language: Language) -> String {
        let zh = language == .zh
        guard !runs.isEmpty else { return zh ? "没有已保存的运行" : "no runs stored" }
        var rows = [[zh ? "运行" : "run", zh ? "名称" : "name", zh ? "开始时间" : "started", zh ? "年度" : "years",
                     zh ? "文件" : "files", zh ? "表" : "tables", zh ? "无法读取" : "errors", zh ? "耗时" : "duration", ""]]
        for run in runs {
            rows.append([
                String(run.id), run.name, LocalTime.display(run.started), run.years.map(String.init).joined(separator: ","),
                String(run.files), String(run.tables), String(run.errors),
                run.duration.map { String(format: "%.1f s", $0) } ?? "—",
                run.complete ? "" : (zh ? "未完成" : "incomplete"),
            ])
        }
        return TerminalText.safe(TextReport.table(rows, rightAligned: [0, 4, 5, 6, 7], style: TextStyle(color: false)), keepingNewlines: true)
    }

    public static func unit(_ years: [UnitYear], query: String, language: Language) -> String {
        let zh = language == .zh
        guard !years.isEmpty else { return zh ? "历史中没有单位“\(query)”" : "no unit '\(query)' in the history" }
        var out: [String] = []
        var rows = [[zh ? "年度" : "year", zh ? "单位" : "unit", zh ? "项目" : "project", zh ? "总分（自评）" : "total claimed",
                     zh ? "各项之和" : "sum of parts", zh ? "按规则" : "by the rules", zh ? "等级" : "grade", zh ? "问题" : "findings", zh ? "运行" : "run"]]
        for year in years {
            rows.append([
                String(year.year), year.unit, year.project ?? "—", year.totalClaimed ?? "—", year.totalComputed ?? "—",
                year.totalRecomputed ?? "—", [year.gradeClaimed ?? "—", year.gradeRecomputed ?? "—"].joined(separator: " → "),
                String(year.findings.count), String(year.run),
            ])
        }
        out.append(TextReport.table(rows, rightAligned: [3, 4, 5, 7, 8], style: TextStyle(color: false)))
        for year in years where !year.findings.isEmpty {
            out.append("")
            out.append("\(year.year) \(year.unit)\(year.project.map { " · \($0)" } ?? "") (\(year.file))")
            for finding in year.findings {
                let severity = Severity(rawValue: finding.severity)?.label.text(language) ?? finding.severity
                out.append("  \(severity)[\(finding.code)] \(finding.path): \(finding.message)")
            }
        }
        // Names and messages come from the inputs: no escape sequence reaches the terminal.
        return TerminalText.safe(out.joined(separator: "\n"), keepingNewlines: true)
    }
}
