import Foundation
import GRDB
import JixiaoBase

/// Batch runs stored in SQLite, so years can be compared (README, "Batch runs": the schema).
///
/// The database is created and migrated on first use. A run is written as it goes, in chunks
/// of a few hundred tables, and marked complete at the end; a run that was interrupted stays
/// marked incomplete and is left out of the year-over-year checks.
///
/// The database is in WAL mode, so a reader (`jixiao history`, an SQL query) never blocks a
/// run's writes, and waits up to `busyTimeout` for another run's write: two runs on one
/// database queue instead of failing.
public final class HistoryStore: @unchecked Sendable {
    /// How long a write waits for another process's write to end.
    static let busyTimeout: TimeInterval = 120

    let queue: DatabaseQueue
    private var pending: [FileOutcome] = []
    private var pendingTables = 0

    public init(path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try Self.checkIsHistory(path)
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(Self.busyTimeout)
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(queue)
        } catch let error as DatabaseError {
            throw Self.unusable(path, error)
        }
    }

    /// Refuses, before anything is written to it, a file that is not an SQLite database (or is
    /// damaged) and an SQLite database of something else: no table is ever added to a
    /// database that is not a jixiao history. A missing or empty file becomes a new history.
    private static func checkIsHistory(_ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0, info.st_size > 0 else { return }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        let tables: [String]
        do {
            tables = try DatabaseQueue(path: path, configuration: configuration).read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        } catch let error as DatabaseError {
            throw unusable(path, error)
        }
        guard tables.isEmpty || Set(tables).isSuperset(of: ["grdb_migrations", "run", "result", "finding"]) else {
            throw InputError(
                .unreadableFile, at: SourceLocation(file: path, line: 0),
                message: LocalizedText(zh: "这个 SQLite 数据库不是 jixiao 的历史数据库，未向其中写入任何内容",
                                       en: "this SQLite database is not a jixiao history; nothing was written to it"),
                hint: LocalizedText(zh: "用另一个 --db 路径：新的历史数据库会自动建立", en: "give another --db path: a new history is created there"))
        }
    }

    /// A database that cannot be used, said in words.
    private static func unusable(_ path: String, _ error: DatabaseError) -> InputError {
        let whole = SourceLocation(file: path, line: 0)
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return InputError(.unreadableFile, at: whole,
                              message: LocalizedText(zh: "这不是 SQLite 数据库，或已损坏", en: "this is not an SQLite database, or it is damaged"),
                              hint: LocalizedText(zh: "用另一个 --db 路径：新的历史数据库会自动建立", en: "give another --db path: a new history is created there"))
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
            return InputError(.unreadableFile, at: whole,
                              message: LocalizedText(zh: "无法打开或写入历史数据库", en: "the history database cannot be opened or written"))
        default:
            return InputError(.unreadableFile, at: whole,
                              message: LocalizedText(zh: "历史数据库出错（SQLite \(error.resultCode.rawValue)）", en: "the history database failed (SQLite \(error.resultCode.rawValue))"))
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL,
                    started TEXT NOT NULL,
                    duration REAL,
                    tool TEXT NOT NULL,
                    files INTEGER NOT NULL DEFAULT 0,
                    tables INTEGER NOT NULL DEFAULT 0,
                    errors INTEGER NOT NULL DEFAULT 0,
                    complete INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE rubric_file (
                    run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    rubric TEXT NOT NULL,
                    path TEXT NOT NULL,
                    sha256 TEXT NOT NULL
                );
                CREATE TABLE input (
                    run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    path TEXT NOT NULL,
                    sha256 TEXT,
                    bytes INTEGER,
                    tables INTEGER NOT NULL,
                    error_code TEXT,
                    error_message TEXT,
                    PRIMARY KEY (run_id, position)
                );
                CREATE TABLE result (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    file TEXT NOT NULL,
                    table_index INTEGER NOT NULL,
                    unit_key TEXT NOT NULL,
                    unit TEXT,
                    level TEXT NOT NULL,
                    project TEXT,
                    year INTEGER NOT NULL,
                    rubric TEXT NOT NULL,
                    budget NUMERIC,
                    spent NUMERIC,
                    rate_claimed NUMERIC,
                    rate_computed NUMERIC,
                    total_claimed NUMERIC,
                    total_computed NUMERIC,
                    total_recomputed NUMERIC,
                    grade_claimed TEXT,
                    grade_computed TEXT,
                    grade_recomputed TEXT,
                    errors INTEGER NOT NULL,
                    warnings INTEGER NOT NULL,
                    infos INTEGER NOT NULL,
                    indicators INTEGER NOT NULL,
                    indicator_hash TEXT NOT NULL,
                    all_full_marks INTEGER NOT NULL
                );
                CREATE INDEX result_unit ON result(unit, year);
                CREATE INDEX result_run ON result(run_id);
                CREATE TABLE finding (
                    result_id INTEGER NOT NULL REFERENCES result(id) ON DELETE CASCADE,
                    run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    code TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    path TEXT NOT NULL,
                    file TEXT,
                    line INTEGER,
                    claimed TEXT,
                    computed TEXT,
                    message TEXT NOT NULL
                );
                CREATE INDEX finding_result ON finding(result_id);
                CREATE VIEW latest_result AS
                    SELECT r.* FROM result r JOIN run ON run.id = r.run_id
                    WHERE run.complete = 1
                      AND r.run_id = (SELECT MAX(r2.run_id) FROM result r2 JOIN run u ON u.id = r2.run_id
                                      WHERE u.complete = 1 AND r2.unit_key = r.unit_key AND r2.year = r.year);
                """)
        }
        migrator.registerMigration("v2") { db in
            // Which process a run belongs to, so `prune` never removes a run still being written;
            // and an index for replacing a table seen again in the same run.
            try db.execute(sql: """
                ALTER TABLE run ADD COLUMN host TEXT;
                ALTER TABLE run ADD COLUMN pid INTEGER;
                CREATE INDEX result_table ON result(run_id, unit_key, year);
                """)
        }
        return migrator
    }

    /// The tables of earlier complete runs: for each unit and year, the latest run's.
    public func priorYears() throws -> PriorYears {
        try queue.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.unit_key, r.year, r.indicator_hash, r.indicators, r.all_full_marks
                FROM result r JOIN run ON run.id = r.run_id
                WHERE run.complete = 1
                ORDER BY r.run_id, r.id
                """)
            return PriorYears(rows.map { row in
                TableFacts(key: row[0], year: row[1], fingerprint: row[2], indicatorCount: row[3], allFullMarks: row[4])
            })
        }
    }

    /// Starts a run; returns its id.
    public func beginRun(name: String, started: Date, tool: String, rubrics: [(id: String, file: String, sha256: String)]) throws -> Int64 {
        try queue.write { db in
            try db.execute(sql: "INSERT INTO run (name, started, tool, host, pid) VALUES (?, ?, ?, ?, ?)",
                           arguments: [name, BatchWriter.timestamp(started), tool, ProcessInfo.processInfo.hostName, Int64(getpid())])
            let id = db.lastInsertedRowID
            for rubric in rubrics {
                try db.execute(sql: "INSERT INTO rubric_file (run_id, rubric, path, sha256) VALUES (?, ?, ?, ?)",
                               arguments: [id, rubric.id, rubric.file, rubric.sha256])
            }
            return id
        }
    }

    /// Stores one input's outcome (buffered: written every few hundred tables).
    public func record(_ outcome: FileOutcome, run: Int64) throws {
        pending.append(outcome)
        pendingTables += max(1, outcome.tables.count)
        if pendingTables >= 500 { try flush(run: run) }
    }

    private func flush(run: Int64) throws {
        guard !pending.isEmpty else { return }
        let outcomes = pending
        pending = []
        pendingTables = 0
        try queue.write { db in
            let input = try db.cachedStatement(sql: """
                INSERT INTO input (run_id, position, path, sha256, bytes, tables, error_code, error_message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let result = try db.cachedStatement(sql: """
                INSERT INTO result (run_id, file, table_index, unit_key, unit, level, project, year, rubric, budget, spent,
                    rate_claimed, rate_computed, total_claimed, total_computed, total_recomputed,
                    grade_claimed, grade_computed, grade_recomputed, errors, warnings, infos,
                    indicators, indicator_hash, all_full_marks)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            // A table seen again in this run (the same unit, year and indicators, from another
            // file) replaces its earlier row, so the history holds each table once per run.
            let replace = try db.cachedStatement(sql: """
                DELETE FROM result WHERE run_id = ? AND unit_key = ? AND year = ? AND indicator_hash = ?
                """)
            let finding = try db.cachedStatement(sql: """
                INSERT INTO finding (result_id, run_id, code, severity, path, file, line, claimed, computed, message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            func number(_ text: String) -> (any DatabaseValueConvertible)? { text.isEmpty ? nil : text }
            func text(_ text: String) -> String? { text.isEmpty ? nil : text }
            for outcome in outcomes {
                try input.execute(arguments: [run, outcome.index, outcome.file, outcome.sha256, outcome.sha256 == nil ? nil : outcome.bytes,
                                              outcome.tables.count, outcome.errors.first?.code, outcome.errors.first?.message])
                for table in outcome.tables {
                    if let facts = table.facts {
                        try replace.execute(arguments: [run, facts.key, table.year, facts.fingerprint])
                    }
                    let counts = table.counts
                    var arguments: StatementArguments = [run, table.file, table.table, table.facts?.key, table.unit, table.level,
                                                         table.project, table.year, table.rubric]
                    arguments += [number(table.budget), number(table.spent), number(table.rateClaimed), number(table.rateComputed),
                                  number(table.totalClaimed), number(table.totalComputed), number(table.totalRecomputed)]
                    arguments += [text(table.gradeClaimed), text(table.gradeComputed), text(table.gradeRecomputed),
                                  counts.error, counts.warning, counts.info,
                                  table.facts?.indicatorCount, table.facts?.fingerprint, table.facts?.allFullMarks]
                    try result.execute(arguments: arguments)
                    let id = db.lastInsertedRowID
                    for item in table.findings {
                        try finding.execute(arguments: [id, run, item.code.rawValue, item.severity.rawValue, item.path, text(item.file),
                                                        item.line, text(item.claimed), text(item.computed), item.message])
                    }
                }
            }
        }
    }

    /// Removes the runs that did not complete (killed, or failed), with everything stored of
    /// them; a run whose process is still running on this machine is left alone. Returns the
    /// runs removed and those left because they are still being written.
    public func pruneIncompleteRuns() throws -> (removed: [Int64], running: [Int64]) {
        let host = ProcessInfo.processInfo.hostName
        return try queue.write { db in
            var removed: [Int64] = [], running: [Int64] = []
            for row in try Row.fetchAll(db, sql: "SELECT id, host, pid FROM run WHERE complete = 0 ORDER BY id") {
                let id: Int64 = row[0]
                if let pid: Int64 = row[2], (row[1] as String?) == host, pid > 0, kill(pid_t(pid), 0) == 0 || errno == EPERM {
                    running.append(id)
                    continue
                }
                try db.execute(sql: "DELETE FROM run WHERE id = ?", arguments: [id])
                removed.append(id)
            }
            return (removed, running)
        }
    }

    /// Writes what is buffered and marks the run complete.
    public func finishRun(_ run: Int64, summary: BatchSummary) throws {
        try flush(run: run)
        try queue.write { db in
            try db.execute(sql: "UPDATE run SET duration = ?, files = ?, tables = ?, errors = ?, complete = 1 WHERE id = ?",
                           arguments: [summary.duration, summary.files, summary.tables, summary.errors, run])
        }
    }
}
