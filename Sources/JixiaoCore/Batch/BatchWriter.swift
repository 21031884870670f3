import Foundation
import JixiaoBase
import JixiaoAudit
import JixiaoReport

/// Writes a batch's shared outputs as results arrive in input order: `summary.csv`,
/// `findings.csv`, `errors.csv` and `summary.json`, each under a temporary name until the run
/// finishes; and keeps the run's counts for the final summary and the dashboard: a fixed amount
/// of memory, whatever the number of tables or errors. The rows known only at the end of their
/// document (the JSON's errors, the dashboard's tables and unreadable inputs) wait in scratch
/// files until the documents are written around them.
struct BatchWriter {
    let options: BatchOptions
    let started: Date
    private let summaryCSV: OutputFile
    private let findingsCSV: OutputFile
    private let errorsCSV: OutputFile
    private let summaryJSON: OutputFile
    private var firstResult = true
    /// The JSON's errors, each after its separator, until the results are all written.
    private let errorJSON: OutputFile
    private var errorCount = 0
    private var files = 0
    private var tables = 0
    /// Tables of which nothing could be read: counted apart, never as clean.
    private var notChecked = 0
    private var proseOnly = 0
    /// Files found in the folders that no reader takes: listed in errors.csv, counted apart.
    private var unsupported = 0
    private var internalErrors = 0
    private var bySeverity: [Severity: Int] = [:]
    private var byCode: [FindingCode: Int] = [:]
    private var gaps: [GapEntry] = []
    /// The dashboard's counts, and its table rows in a scratch file until the page is written.
    private var dashboard = DashboardTotals()
    private let dashboardRows: OutputFile
    private let dashboardUnreadable: OutputFile

    init(options: BatchOptions, started: Date) throws {
        self.options = options
        self.started = started
        let out = options.outputDirectory
        summaryCSV = try OutputFile(path: out + "/" + Batch.summaryCSV, bom: true)
        findingsCSV = try OutputFile(path: out + "/" + Batch.findingsCSV, bom: true)
        errorsCSV = try OutputFile(path: out + "/" + Batch.errorsCSV, bom: true)
        summaryJSON = try OutputFile(path: out + "/" + Batch.summaryJSON)
        dashboardRows = try OutputFile(path: out + "/" + Batch.dashboard + ".rows")
        dashboardUnreadable = try OutputFile(path: out + "/" + Batch.dashboard + ".unreadable")
        errorJSON = try OutputFile(path: out + "/" + Batch.summaryJSON + ".errors")
        summaryCSV.write(csv: TableRecord.summaryHeader)
        findingsCSV.write(csv: TableRecord.findingsHeader)
        errorsCSV.write(csv: ErrorRecord.header)
        summaryJSON.write("{\"version\":\(JSONReport.version),\"results\":[")
    }

    mutating func write(_ outcome: FileOutcome) throws {
        files += 1
        for record in outcome.tables {
            tables += 1
            if !record.checked { notChecked += 1 }
            if record.proseOnly { proseOnly += 1 }
            summaryCSV.write(csv: record.summaryRow)
            for row in record.findingRows { findingsCSV.write(csv: row) }
            summaryJSON.write(firstResult ? "\n" : ",\n")
            summaryJSON.write(record.json)
            firstResult = false
            for finding in record.findings {
                bySeverity[finding.severity, default: 0] += 1
                byCode[finding.code, default: 0] += 1
            }
            if let gap = record.gap, gap > 0 { keep(record, gap: gap) }
        }
        for table in outcome.dashboard {
            dashboard.add(table)
            dashboardRows.write(Dashboard.row(table, language: options.language))
        }
        for error in outcome.errors {
            if error.code == "internal-error" { internalErrors += 1 }
            add(error)
        }
    }

    /// Writes an error's row in errors.csv, and in the scratch files of the JSON's errors and
    /// the dashboard's unreadable inputs.
    private mutating func add(_ error: ErrorRecord) {
        errorsCSV.write(csv: error.row)
        errorJSON.write(errorCount == 0 ? "\n" : ",\n")
        errorJSON.write(error.json)
        errorCount += 1
        dashboardUnreadable.write(Dashboard.unreadableRow(DashboardSummary.Unreadable(error), language: options.language))
    }

    /// Lists a file found in the folders that no reader takes: in errors.csv, the JSON's
    /// errors and the dashboard like an unreadable input, but counted apart (`unsupported`):
    /// nobody asked for it to be audited.
    mutating func list(unsupported error: ErrorRecord) {
        unsupported += 1
        add(error)
    }

    /// Keeps the ten largest gaps; on a tie the earlier table stays ahead.
    private mutating func keep(_ record: TableRecord, gap: Fixed) {
        guard gaps.count < 10 || gap > gaps[gaps.count - 1].gap else { return }
        let entry = GapEntry(unit: record.unit ?? record.file, project: record.project, year: record.year, file: record.file,
                             table: record.table, claimed: record.totalClaimed,
                             recomputed: record.totalRecomputed.isEmpty ? record.totalComputed : record.totalRecomputed, gap: gap)
        let position = gaps.firstIndex { $0.gap < gap } ?? gaps.count
        gaps.insert(entry, at: position)
        if gaps.count > 10 { gaps.removeLast() }
    }

    /// Closes the JSON document with the errors and the run's metadata and renames every file
    /// into place.
    mutating func finish(duration: Double, rubrics: [(id: String, file: String, sha256: String)]) throws -> BatchSummary {
        summaryJSON.write(firstResult ? "],\n\"errors\":[" : "\n],\n\"errors\":[")
        try errorJSON.drain(into: summaryJSON)
        summaryJSON.write(errorCount == 0 ? "],\n" : "\n],\n")
        var run = JSONWriter(pretty: false)
        run.object { json in
            json.string("name", options.runName)
            json.string("started", Self.timestamp(started))
            json.number("duration", String(format: "%.3f", duration))
            json.string("tool", options.tool)
            json.string("language", options.language.rawValue)
            json.number("files", files)
            json.number("tables", tables)
            json.number("notChecked", notChecked)
            json.number("proseOnly", proseOnly)
            json.number("errors", errorCount - unsupported)
            json.number("unsupported", unsupported)
            json.object("findings") { json in
                json.number("error", bySeverity[.error] ?? 0)
                json.number("warning", bySeverity[.warning] ?? 0)
                json.number("info", bySeverity[.info] ?? 0)
            }
            json.array("rubrics") { json in
                for rubric in rubrics {
                    json.object { json in
                        json.string("id", rubric.id)
                        json.string("file", rubric.file)
                        json.string("sha256", rubric.sha256)
                    }
                }
            }
        }
        summaryJSON.write("\"run\":")
        summaryJSON.write(run.bytes)
        summaryJSON.write("}\n")
        for file in [summaryCSV, findingsCSV, errorsCSV, summaryJSON] { try file.commit() }
        let facts = Dashboard.Run(name: options.runName, started: LocalTime.display(Self.timestamp(started)), inputs: options.inputs,
                                rubrics: rubrics.map(\.id))
        let page = Dashboard.Page(dashboard, unreadable: errorCount, run: facts, language: options.language)
        let index = try OutputFile(path: options.outputDirectory + "/" + Batch.dashboard)
        index.write(page.head)
        try dashboardRows.drain(into: index)
        index.write(page.tailOpening)
        try dashboardUnreadable.drain(into: index)
        index.write(page.tailClosing)
        try index.commit()
        return BatchSummary(
            runName: options.runName, started: started, duration: duration, files: files, tables: tables,
            notChecked: notChecked, proseOnly: proseOnly, unsupported: unsupported, errors: errorCount - unsupported, internalErrors: internalErrors, findingsBySeverity: bySeverity, findingsByCode: byCode,
            largestGaps: gaps, outputDirectory: options.outputDirectory,
            outputs: [Batch.summaryCSV, Batch.findingsCSV, Batch.errorsCSV, Batch.summaryJSON, Batch.dashboard]
                + (options.reports == .none ? [] : [Batch.reportsFolder + "/"]),
            worstSeverity: bySeverity.keys.max(), runID: nil)
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
