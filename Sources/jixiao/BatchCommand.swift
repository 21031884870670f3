import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoBase
import JixiaoAudit

extension BatchOptions.ReportFormat: ExpressibleByArgument {}

struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: Help.abstract(
            zh: "批量审核一年的自评表（并行）：CSV、JSON 汇总和逐表报告写入同一个文件夹。",
            en: "Audit a year's submissions in parallel: CSV, JSON and per-table reports in one folder."),
        discussion: Help.discussion(zh: """
            遍历文件夹中的 .yaml、.yml、.txt、.text、.md、.xlsx、.docx、.htm、.html、.pdf 文件，以及经 \
            LibreOffice 转换的 .doc、.wps、.xls、.et 文件，并读取直接列出的文件。把 summary.csv、findings.csv、\
            errors.csv、summary.json 和 reports/ 写入 --out（默认 Reports/<年度或运行名称>/）：每次运行先完整写入 \
            runs/<id>/，再一步切换为当前结果（常用的文件名都是经由 current 的链接），因此被中止的运行会留下上一次的\
            结果。同一个 --out 同时只能有一次运行（用 --wait 排队）。所遍历文件夹中的输出文件夹和指向文件夹之外的\
            链接不读取（--follow-links 读取这些链接）。无法读取的输入记入 errors.csv，运行继续；处理时间超过 \
            --timeout 的文件也是如此（记为 timed-out）。
            """, en: """
            Walks folders (.yaml, .yml, .txt, .text, .md, .xlsx, .docx, .htm, .html, .pdf, and .doc, .wps, .xls, .et through LibreOffice) and takes files named directly. Writes \
            summary.csv, findings.csv, errors.csv, summary.json and reports/ into --out (default \
            Reports/<year or run name>/): each run whole into runs/<id>/, made current in one step (the usual \
            names are links through current), so a killed run leaves the previous one. One run at a time per \
            --out (--wait to queue). Output folders and links out of the walked folders are not read \
            (--follow-links reads the links). Inputs that cannot be read go to errors.csv and the run goes on; \
            so does a file that takes longer than --timeout (listed as timed-out).
            """))

    @Option(help: Help.text(zh: "输出文件夹（默认：Reports/<--name>/）。", en: "Output folder (default: Reports/<--name>/)."))
    var out: String?

    @Option(help: Help.text(zh: "本次运行的名称（默认：所有输入路径中都有的年度，否则为第一个路径的名称）。",
                            en: "Name of the run (default: the year every input path names, else the first path's name)."))
    var name: String?

    @Option(help: Help.text(zh: "同时审核的文件数（默认：处理器核数）。", en: "Files audited at once (default: the number of cores).", showsDefault: true))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: Help.text(zh: "一个文件（读取、审核、生成报告）最多可用的秒数，超过则记为 timed-out 并跳过；0 为不限。",
                            en: "Seconds one file may take (reading, auditing, its reports) before it is listed as timed-out and skipped; 0 for no limit.", showsDefault: true))
    var timeout: Double = 30

    @Option(help: Help.text(zh: "逐表报告的格式：html（总览页的链接可直接打开）、md 或 none（不生成）。",
                            en: "Per-table reports: html (opened from the dashboard's links), md or none.", showsDefault: true))
    var report: BatchOptions.ReportFormat = .html

    @Option(help: Help.text(zh: "把本次运行存入这个 SQLite 历史数据库（首次使用时建立），并启用与往年对比的检查。",
                            en: "Store the run in this SQLite history (created on first use); enables the year-over-year checks."))
    var db: String?

    @OptionGroup var options: AuditOptions

    @Flag(name: .customLong("follow-links"),
          help: Help.text(zh: "读取文件夹中指向文件夹之外的链接（默认不读取，记为 link-outside-folder）。",
                          en: "Follow links in the folders to files outside them (not followed by default: listed as link-outside-folder)."))
    var followLinks = false

    @Flag(help: Help.text(zh: "另一次运行正在写入 --out 时，等它结束，而不是拒绝运行。",
                          en: "When another run is writing into --out, wait for it to finish instead of refusing."))
    var wait = false

    @Flag(help: Help.text(zh: "不显示进度，汇总只打印前几行。", en: "No progress display, and only the summary's first lines."))
    var quiet = false

    @Argument(help: Help.text(zh: "要审核的文件夹和文件。", en: "Folders and files to audit."))
    var paths: [String]

    func validate() throws {
        let zh = options.lang == .zh
        guard jobs >= 1 else { throw ValidationError(zh ? "--jobs 至少为 1" : "--jobs must be at least 1") }
        guard timeout.isFinite, timeout >= 0 else {
            throw ValidationError(zh ? "--timeout 应为秒数，0 或更大" : "--timeout must be a number of seconds, 0 or more")
        }
    }

    func run() async throws {
        let lang = options.lang
        let engine: Engine
        let history: HistoryStore?
        do {
            engine = try options.engine()
            history = try db.map { try HistoryStore(path: $0) }
        } catch {
            try finish(Terminal.report(error, language: lang))
            return
        }
        let runName = name ?? BatchInputs.runName(paths)
        let outputDirectory = out ?? "Reports/\(runName)"
        let inputs = BatchInputs.collect(paths, skipping: outputDirectory, followingLinks: followLinks)
        var batchOptions = BatchOptions(
            outputDirectory: outputDirectory, jobs: jobs, language: lang, reports: report, runName: runName,
            tool: "jixiao \(JixiaoVersion.current)", hashInputs: db != nil,
            timeout: timeout > 0 ? .milliseconds(Int64((timeout * 1000).rounded(.up))) : nil, waitForOutput: wait)
        batchOptions.inputs = paths
        BatchInterruption.install(outputDirectory: batchOptions.outputDirectory)
        let display = ProgressDisplay(live: !quiet && isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil,
                                      quiet: quiet, language: lang)
        let summary: BatchSummary
        do {
            summary = try await Batch(engine: engine, options: batchOptions).run(inputs.files, unsupported: inputs.unsupported, outsideLinks: inputs.outsideLinks,
                                                                                history: history) { display.update($0) }
        } catch {
            display.end()
            try finish(Terminal.report(error, language: lang))
            return
        }
        display.end()
        Terminal.print(BatchReport.summary(summary, language: lang, style: Terminal.style(disabled: false), quiet: quiet))
        var status = ExitStatus.clean
        if summary.internalErrors > 0 {
            status = .internalError
        } else if summary.errors > 0 {
            status = .unusableInput
        } else if let worst = summary.worstSeverity, worst >= options.failOn {
            status = .findings
        }
        try finish(status)
    }
}

/// Progress on standard error: a live line on a terminal, else a line per 10%.
final class ProgressDisplay: @unchecked Sendable {
    let live: Bool
    let quiet: Bool
    let language: Language
    private let lock = NSLock()
    private var lastDraw = 0.0
    private var lastDecile = 0
    private var drawn = false

    init(live: Bool, quiet: Bool, language: Language) {
        self.live = live
        self.quiet = quiet
        self.language = language
    }

    func update(_ progress: BatchProgress) {
        guard !quiet else { return }
        lock.lock()
        defer { lock.unlock() }
        if live {
            guard progress.elapsed - lastDraw >= 0.1 || progress.filesDone == progress.filesTotal else { return }
            lastDraw = progress.elapsed
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + BatchReport.progress(progress, language: language)).utf8))
            drawn = true
        } else {
            guard progress.filesTotal > 0 else { return }
            let decile = progress.filesDone * 10 / progress.filesTotal
            guard decile > lastDecile else { return }
            lastDecile = decile
            Terminal.printError(BatchReport.progress(progress, language: language))
        }
    }

    func end() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
        drawn = false
    }
}

/// On Ctrl-C or a kill, removes the temporary files of the run before exiting, so no
/// half-written output is left behind (a run is only ever put in place when complete).
///
/// The handler only writes the signal's number to a pipe (all a signal handler may safely do);
/// a thread of its own reads it and does the rest. An ignored signal with a dispatch source is
/// not enough on Linux: the kernel drops an ignored signal unless the main thread blocks it, and
/// the main thread of an async program waits in `sigsuspend` with nothing blocked.
enum BatchInterruption {
    nonisolated(unsafe) private static var pipeInput: Int32 = -1

    static func install(outputDirectory: String) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        pipeInput = ends[1]
        let output = ends[0]
        Thread.detachNewThread {
            var number: Int32 = 0
            while read(output, &number, MemoryLayout<Int32>.size) != MemoryLayout<Int32>.size {}
            OutputLock.interrupt(folder: outputDirectory, signal: number)
        }
        for signalNumber in [SIGINT, SIGTERM] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                var number = number
                _ = write(BatchInterruption.pipeInput, &number, MemoryLayout<Int32>.size)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART  // the other threads' calls go on until the exit
            sigaction(signalNumber, &action, nil)
        }
    }
}
