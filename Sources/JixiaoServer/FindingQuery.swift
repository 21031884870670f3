import Foundation
import GRDB
import JixiaoAudit

/// One finding as the run page lists it and the exports write it.
package struct FindingRow: Sendable {
    /// The history's row of the table (0 for a table audited at once).
    package var result: Int64 = 0
    package var file: String
    package var table: Int
    package var unit: String
    package var level: String
    package var project: String
    package var year: Int
    package var code: String
    package var severity: String
    package var path: String
    package var line: Int?
    package var claimed: String
    package var computed: String
    package var message: String
}

/// The filters of the run page, read from the query string; every value is a bound SQL
/// argument, and the sort key is one of a fixed list.
package struct FindingFilter: Sendable, Equatable {
    package var unit = ""
    package var year: Int?
    package var level = ""
    package var severity = ""
    package var code = ""
    /// Part of the file or project name.
    package var search = ""
    /// Only tables whose printed grade differs from the grade the rules give.
    package var gradeChanged = false
    package var sort = Sort.severity
    package var page = 1

    package enum Sort: String, CaseIterable, Sendable {
        case severity, unit, year, code, file
    }

    package static let pageSize = 50

    package init() {}

    package init(query: [String: String]) {
        func value(_ key: String) -> String { (query[key] ?? "").trimmingCharacters(in: .whitespaces).prefix(200).description }
        unit = value("unit")
        year = Int(value("year"))
        level = value("level")
        severity = Severity(rawValue: value("severity")) == nil ? "" : value("severity")
        code = FindingCode(rawValue: value("code")) == nil ? "" : value("code")
        search = value("q")
        gradeChanged = value("grade") == "changed"
        sort = Sort(rawValue: value("sort")) ?? .severity
        page = max(1, min(Int(value("page")) ?? 1, 1_000_000))
    }

    /// The query string of this filter (for links), without the page unless asked.
    package func queryString(page: Int? = nil, sort: Sort? = nil) -> String {
        var items: [(String, String)] = []
        if !unit.isEmpty { items.append(("unit", unit)) }
        if let year { items.append(("year", String(year))) }
        if !level.isEmpty { items.append(("level", level)) }
        if !severity.isEmpty { items.append(("severity", severity)) }
        if !code.isEmpty { items.append(("code", code)) }
        if !search.isEmpty { items.append(("q", search)) }
        if gradeChanged { items.append(("grade", "changed")) }
        let sort = sort ?? self.sort
        if sort != .severity { items.append(("sort", sort.rawValue)) }
        if let page, page > 1 { items.append(("page", String(page))) }
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return items.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    }

    /// The WHERE clause (after `f.run_id = ?`) and its arguments.
    func whereClause(run: Int64, ignoringSeverity: Bool = false) -> (String, StatementArguments) {
        var clauses = ["f.run_id = ?"]
        var arguments: StatementArguments = [run]
        if !unit.isEmpty {
            clauses.append("r.unit LIKE ? ESCAPE '\\'")
            _ = arguments.append(contentsOf: ["%" + Self.likeEscaped(unit) + "%"])
        }
        if let year {
            clauses.append("r.year = ?")
            _ = arguments.append(contentsOf: [year])
        }
        if !level.isEmpty {
            clauses.append("r.level = ?")
            _ = arguments.append(contentsOf: [level])
        }
        if !ignoringSeverity, !severity.isEmpty {
            clauses.append("f.severity = ?")
            _ = arguments.append(contentsOf: [severity])
        }
        if !code.isEmpty {
            clauses.append("f.code = ?")
            _ = arguments.append(contentsOf: [code])
        }
        if !search.isEmpty {
            clauses.append("(r.file LIKE ? ESCAPE '\\' OR r.project LIKE ? ESCAPE '\\' OR r.unit LIKE ? ESCAPE '\\')")
            let pattern = "%" + Self.likeEscaped(search) + "%"
            _ = arguments.append(contentsOf: [pattern, pattern, pattern])
        }
        if gradeChanged {
            clauses.append("COALESCE(r.grade_claimed, '') <> '' AND r.grade_recomputed IS NOT NULL AND r.grade_claimed <> r.grade_recomputed")
        }
        return (clauses.joined(separator: " AND "), arguments)
    }

    var orderClause: String {
        let bySeverity = "CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END"
        switch sort {
        case .severity: return "\(bySeverity), r.unit, r.year, f.rowid"
        case .unit: return "r.unit, r.year, \(bySeverity), f.rowid"
        case .year: return "r.year DESC, r.unit, \(bySeverity), f.rowid"
        case .code: return "f.code, \(bySeverity), r.unit, f.rowid"
        case .file: return "r.file, r.table_index, f.rowid"
        }
    }

    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}

/// What the run page shows for a filter: one page of findings and the counts.
package struct FindingPage: Sendable {
    package var rows: [FindingRow]
    /// Findings matching the filter, and the tables they are in.
    package var total: Int
    package var tables: Int
    /// Findings matching the filter but its severity, by severity.
    package var bySeverity: [String: Int]
    /// Findings matching the whole filter, by finding code and severity (the charts).
    package var byCode: [(code: String, severity: String, count: Int)] = []
    package var codes: [String]
    package var years: [Int]
    package var levels: [String]
}

/// A stored run, as the run page heads it.
package struct RunHeader: Sendable {
    package var id: Int64
    package var name: String
    package var started: String
    package var files: Int
    package var tables: Int
    package var errors: Int
    package var complete: Bool
    /// Inputs that could not be read: file, code, message (the first 100).
    package var unreadable: [(file: String, code: String, message: String)]
}

/// Read-only queries of the SQLite history for the run page and the exports; the history
/// itself (`HistoryStore`) is written by batch runs only.
package final class FindingQuery: Sendable {
    let queue: DatabaseQueue

    package init(path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        queue = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// The input file and the table's 1-based index in it of result `result` of run `run`.
    package func table(run: Int64, result: Int64) throws -> (file: String, table: Int)? {
        try queue.read { db in
            try Row.fetchOne(db, sql: "SELECT file, table_index FROM result WHERE id = ? AND run_id = ?", arguments: [result, run])
                .map { (file: $0[0], table: $0[1]) }
        }
    }

    package func run(_ id: Int64) throws -> RunHeader? {
        try queue.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, name, started, files, tables, errors, complete FROM run WHERE id = ?",
                                             arguments: [id]) else { return nil }
            let unreadable = try Row.fetchAll(db, sql: """
                SELECT path, error_code, COALESCE(error_message, '') FROM input
                WHERE run_id = ? AND error_code IS NOT NULL ORDER BY position LIMIT 100
                """, arguments: [id]).map { (file: $0[0] as String, code: $0[1] as String, message: $0[2] as String) }
            return RunHeader(id: row[0], name: row[1], started: row[2], files: row[3], tables: row[4], errors: row[5], complete: row[6],
                             unreadable: unreadable)
        }
    }

    /// One page of findings of run `run` under `filter`, with the counts.
    package func page(run: Int64, filter: FindingFilter) throws -> FindingPage {
        try queue.read { db in
            let (clause, arguments) = filter.whereClause(run: run)
            let from = "FROM finding f JOIN result r ON r.id = f.result_id WHERE \(clause)"
            let counts = try Row.fetchOne(db, sql: "SELECT COUNT(*), COUNT(DISTINCT f.result_id) \(from)", arguments: arguments)
            let (anySeverity, severityArguments) = filter.whereClause(run: run, ignoringSeverity: true)
            var bySeverity: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT f.severity, COUNT(*) FROM finding f JOIN result r ON r.id = f.result_id WHERE \(anySeverity) GROUP BY f.severity
                """, arguments: severityArguments) {
                bySeverity[row[0]] = row[1]
            }
            let byCode = try Row.fetchAll(db, sql: "SELECT f.code, f.severity, COUNT(*) \(from) GROUP BY f.code, f.severity",
                                          arguments: arguments).map { (code: $0[0] as String, severity: $0[1] as String, count: $0[2] as Int) }
            let offset = (filter.page - 1) * FindingFilter.pageSize
            let rows = try Self.rows(db, sql: "\(Self.columns) \(from) ORDER BY \(filter.orderClause) LIMIT \(FindingFilter.pageSize) OFFSET \(offset)",
                                     arguments: arguments)
            let codes = try String.fetchAll(db, sql: "SELECT DISTINCT code FROM finding WHERE run_id = ? ORDER BY code", arguments: [run])
            let years = try Int.fetchAll(db, sql: "SELECT DISTINCT year FROM result WHERE run_id = ? ORDER BY year", arguments: [run])
            let levels = try String.fetchAll(db, sql: "SELECT DISTINCT level FROM result WHERE run_id = ? ORDER BY level", arguments: [run])
            return FindingPage(rows: rows, total: counts?[0] ?? 0, tables: counts?[1] ?? 0, bySeverity: bySeverity,
                               byCode: byCode, codes: codes, years: years, levels: levels)
        }
    }

    /// Every finding of run `run` under `filter`, in its order (for the exports).
    package func all(run: Int64, filter: FindingFilter) throws -> [FindingRow] {
        try queue.read { db in
            let (clause, arguments) = filter.whereClause(run: run)
            return try Self.rows(db, sql: "\(Self.columns) FROM finding f JOIN result r ON r.id = f.result_id WHERE \(clause) ORDER BY \(filter.orderClause)",
                                 arguments: arguments)
        }
    }

    static let columns = """
        SELECT r.id, r.file, r.table_index, COALESCE(r.unit, ''), r.level, COALESCE(r.project, ''), r.year,
               f.code, f.severity, f.path, f.line, COALESCE(f.claimed, ''), COALESCE(f.computed, ''), f.message
        """

    static func rows(_ db: Database, sql: String, arguments: StatementArguments) throws -> [FindingRow] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            FindingRow(result: row[0], file: row[1], table: row[2], unit: row[3], level: row[4], project: row[5], year: row[6], code: row[7],
                       severity: row[8], path: row[9], line: row[10], claimed: row[11], computed: row[12], message: row[13])
        }
    }
}
