import Foundation
import JixiaoBase
import JixiaoReport

/// How a batch runs and what it writes.
public struct BatchOptions: Sendable {
    public enum ReportFormat: String, Sendable, CaseIterable {
        case markdown = "md"
        case html
        case none
    }

    public var outputDirectory: String
    /// How many files are audited at once.
    public var jobs: Int
    public var language: Language
    public var reports: ReportFormat
    /// The run's name (`2024`), recorded in `summary.json` and the history.
    public var runName: String
    /// `jixiao 0.1.0`, recorded in `summary.json`.
    public var tool: String
    /// Hash every input (SHA-256), for the history.
    public var hashInputs: Bool
    /// How long one file may take (reading, auditing, its reports); nil for no limit. A file
    /// over the limit is listed in errors.csv as `timed-out` and the run goes on.
    public var timeout: Duration?
    /// When another run holds the output folder: wait for it to finish instead of refusing.
    public var waitForOutput: Bool
    /// The folders and files the run was given, as given (for the dashboard's header).
    public var inputs: [String] = []

    public init(outputDirectory: String, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, language: Language = .zh,
                reports: ReportFormat = .markdown, runName: String, tool: String, hashInputs: Bool = false,
                timeout: Duration? = .seconds(30), waitForOutput: Bool = false) {
        self.outputDirectory = outputDirectory
        self.jobs = max(1, jobs)
        self.language = language
        self.reports = reports
        self.runName = runName
        self.tool = tool
        self.hashInputs = hashInputs
        self.timeout = timeout
        self.waitForOutput = waitForOutput
    }
}

/// Audits a year's submissions in parallel and streams every output to disk (README, "Batch runs").
///
/// Files are audited on `jobs` threads (`FileRunner`); each file's tables are rendered by the
/// thread that audited them (CSV rows, JSON, the per-table report) and the shared outputs are
/// written in input order whatever the scheduling. No more than `window` files are in flight or
/// waiting to be written, so memory stays bounded by the window, not by the run.
public struct Batch: Sendable {
    public var engine: Engine
    public var options: BatchOptions
    /// Files waiting to be written, at most (in flight plus finished out of order).
    public var window: Int

    public init(engine: Engine, options: BatchOptions) {
        self.engine = engine
        self.options = options
        window = max(16, options.jobs * 16)
    }

    public static let summaryCSV = "summary.csv"
    public static let findingsCSV = "findings.csv"
    public static let errorsCSV = "errors.csv"
    public static let summaryJSON = "summary.json"
    public static let dashboard = "index.html"
    public static let reportsFolder = "reports"

    /// Runs the batch over `files` (see `BatchInputs.collect`).
    ///
    /// - Parameters:
    ///   - history: where the run is stored, if anywhere; its earlier runs feed the
    ///     year-over-year checks.
    ///   - progress: called after each file is written, in input order.
    public func run(
        _ files: [String], unsupported: [String] = [], outsideLinks: [String] = [], history: HistoryStore? = nil,
        progress: (@Sendable (BatchProgress) -> Void)? = nil
    ) async throws -> BatchSummary {
        let started = Date()
        let clock = ContinuousClock.now
        let out = options.outputDirectory
        try OutputFile.createFolder(out)
        // One run at a time in a folder: the lock comes before anything there is touched.
        let lock = try OutputLock(folder: out, wait: options.waitForOutput)
        defer { lock.release() }
        // Marks the folder as outputs, so no later walk reads them back as inputs.
        if access(out + "/" + BatchInputs.outputMarker, F_OK) != 0 {
            try OutputFile.write(BatchInputs.outputMarkerText, to: out + "/" + BatchInputs.outputMarker)
        }
        // The run is written whole into a folder of its own, made current at the end in one step.
        let folders = RunFolders(out: out)
        folders.removePartials()
        let (runFolderID, staging) = try folders.prepare(started: started)
        var staged = options
        staged.outputDirectory = staging

        // Each input's report path in the reports folder, without the extension. The folder is
        // staged and its subfolders made up front, so the workers only write files.
        let reports = options.reports == .none ? nil : try StagedFolder(path: staged.outputDirectory + "/" + Self.reportsFolder)
        let reportPaths = reports == nil ? [] : BatchInputs.reportBases(for: files)
        if let reports {
            let folders = Set(reportPaths.map(BatchInputs.folder(of:)))
            for folder in folders where !folder.isEmpty { try reports.createFolder(folder) }
        }

        // Only a stored run needs each table's facts (and earlier years to check them against).
        let prior = try history?.priorYears()
        let rubrics = rubricHashes()
        let runID = try history?.beginRun(name: options.runName, started: started, tool: options.tool, rubrics: rubrics)
        var writer = try BatchWriter(options: staged, started: started)
        let total = files.count
        var tablesDone = 0, errors = 0

        let engine = engine, options = options
        try await FileRunner.run(
            total, threads: options.jobs, timeout: options.timeout, window: window,
            work: { index in
                let report = reports.map { (folder: $0, base: reportPaths[index]) }
                return Self.process(index: index, file: files[index], report: report, engine: engine, options: options, prior: prior)
            },
            timedOut: { index, deadline in
                FileOutcome(index: index, file: files[index], sha256: nil, bytes: 0, tables: [],
                            errors: [ErrorRecord(deadline.error(file: files[index]), file: files[index], language: options.language)])
            },
            deliver: { outcome in
                try writer.write(outcome)
                try history?.record(outcome, run: runID ?? 0)
                tablesDone += outcome.tables.count
                errors += outcome.errors.count
                progress?(BatchProgress(filesDone: outcome.index + 1, filesTotal: total, tablesDone: tablesDone, errors: errors,
                                        elapsed: (ContinuousClock.now - clock).seconds))
            })

        // Files found in the folders that no reader takes: listed, after the audited ones.
        for file in unsupported {
            writer.list(unsupported: ErrorRecord(BatchInputs.unsupportedError(file), file: file, language: options.language))
        }
        // Links out of the folders, not followed: listed the same way.
        for file in outsideLinks {
            writer.list(unsupported: ErrorRecord(BatchInputs.outsideLinkError(file), file: file, language: options.language))
        }
        try reports?.commit()
        let duration = (ContinuousClock.now - clock).seconds
        var summary = try writer.finish(duration: duration, rubrics: rubrics)
        try folders.commit(staging: staged.outputDirectory, id: runFolderID)
        summary.outputDirectory = out
        summary.runID = runID
        try history?.finishRun(runID ?? 0, summary: summary)
        return summary
    }

    /// Reads, audits and renders one input; never throws (what fails becomes an error row).
    ///
    /// Under a `TimeLimit` (`TimeLimit.current`), it stops between tables once time has run out,
    /// and ends the deadline when done: if time ran out first, the reports it wrote are removed
    /// and the runner reports the file as timed out. `report` is where its reports go: the
    /// staged reports folder and the input's path in it, without an extension.
    static func process(
        index: Int, file: String, report: (folder: StagedFolder, base: String)?, engine: Engine, options: BatchOptions,
        prior: PriorYears?
    ) -> FileOutcome {
        var outcome = FileOutcome(index: index, file: file, sha256: nil, bytes: 0, tables: [], errors: [])
        let deadline = TimeLimit.current
        var written: [String] = []
        defer {
            if let deadline, !deadline.finish(), let report {
                for name in written { report.folder.remove(name) }
            }
        }
        if options.hashInputs, let (bytes, hex) = SHA256.file(file) {
            outcome.bytes = bytes
            outcome.sha256 = hex
        }
        do {
            var results = try engine.audit(path: file)
            for position in results.indices {
                if let deadline, deadline.hasExpired { throw deadline.error(file: file) }
                let submission = results[position].scorecard.submission
                let facts = prior.map { _ in TableFacts(submission, indicatorsReadWhole: results[position].scorecard.coverage.indicatorsComplete) }
                if let prior, let facts, !prior.isEmpty { results[position].findings += prior.findings(for: facts, submission: submission) }
                var reportName: String?
                if let report {
                    let name = report.base + (results.count > 1 ? "-\(position + 1)" : "") + (options.reports == .html ? ".html" : ".md")
                    let page = options.reports == .html
                        ? HTMLReport.page(results[position], language: options.language)
                        : MarkdownReport.page(results[position], language: options.language)
                    try report.folder.write(page, to: name)
                    written.append(name)
                    reportName = Self.reportsFolder + "/" + name
                }
                outcome.tables.append(TableRecord(results[position], file: file, table: position + 1, report: reportName,
                                                  facts: facts, language: options.language))
                outcome.dashboard.append(DashboardSummary.Table(results[position], report: reportName ?? ""))
            }
        } catch let error as InputError {
            outcome.tables = []
            outcome.errors = [ErrorRecord(error, file: file, language: options.language)]
        } catch let error as InputErrors {
            outcome.tables = []
            outcome.errors = error.errors.map { ErrorRecord($0, file: file, language: options.language) }
        } catch {
            outcome.tables = []
            outcome.errors = [ErrorRecord(internal: error, file: file)]
        }
        return outcome
    }

    /// Every rubric of the catalog (and the forced one) with the SHA-256 of its file.
    func rubricHashes() -> [(id: String, file: String, sha256: String)] {
        var rubrics = engine.catalog.rubrics
        if let forced = engine.rubric, !rubrics.contains(where: { $0.id == forced.id && $0.file == forced.file }) { rubrics.append(forced) }
        return rubrics.sorted { $0.id < $1.id }.map { rubric in
            (rubric.id, rubric.file, FileManager.default.contents(atPath: rubric.file).map(SHA256.hex) ?? "")
        }
    }
}
